import { WikiError } from "../errors";
import { decide, type Action, type Actor, type Decision } from "./policy";

/** Throws the decision's error (401 or 403 with the user-facing reason) when it is a denial. */
export function assertAllowed(decision: Decision): void {
  if (!decision.allowed)
    throw new WikiError(decision.code, decision.reason, decision.canPropose ? { canPropose: true } : undefined);
}

/**
 * The actor, if they may do `action` (policy.ts `decide`); else the denial as
 * a 401 or 403. The result is typed signed-in, so a use case that passed this
 * check writes `editor.id` with no non-null assertion: the type says the check ran.
 */
export function authorize(actor: Actor | null, action: Action, context?: Parameters<typeof decide>[2]): Actor {
  const decision = decide(actor, action, context);
  assertAllowed(decision);
  // decide() refuses a null actor for every action, so an allowed decision means signed in.
  return actor as Actor;
}
