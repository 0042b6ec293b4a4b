import "server-only";
import type { Db } from "../db/client";
import { REVISION_KINDS } from "./kinds";

/** Whether the revision awaits patrol (its row in recent changes is not patrolled): one indexed read. */
export async function awaitsPatrol(db: Db, revisionId: number): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ patrolled: boolean }>>`
    SELECT "patrolled" FROM "RecentChange" WHERE "revisionId" = ${revisionId} AND "kind" = ANY(${[...REVISION_KINDS]}::text[]) LIMIT 1`;
  return rows.length > 0 && !rows[0].patrolled;
}
