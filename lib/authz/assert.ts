import { WikiError } from "../errors";
import type { Decision } from "./policy";

/** Throws the decision's error (401 or 403 with the user-facing reason) when it is a denial. */
export function assertAllowed(decision: Decision): void {
  if (!decision.allowed) throw new WikiError(decision.code, decision.reason, decision.canPropose ? { canPropose: true } : undefined);
}
