import type { Db } from "../lib/db/client";
import { checkInvariants } from "../lib/db/invariants";

/** Runs the database invariant checker and prints its verdict; true when every invariant holds. */
export async function reportInvariants(db: Db, log: (line: string) => void): Promise<boolean> {
  const result = await checkInvariants(db);
  log(
    result.ok
      ? `invariants hold (${JSON.stringify(result.counts)})`
      : `invariants BROKEN: ${result.problems.slice(0, 10).join("; ")}`,
  );
  return result.ok;
}
