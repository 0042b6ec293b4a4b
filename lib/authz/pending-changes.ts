import type { ProtectionLevel } from "./levels";
import { activeBlock, decide, type Actor, type Decision } from "./policy";

/**
 * May `actor` accept pending changes on an article at `protection`? The
 * right to approve a proposal there (reviewers and admins; only admins under
 * full protection), as FlaggedRevs gives it to reviewers; the refusals are
 * worded for pending changes. A blocked reviewer accepts nothing. Pure.
 */
export function decideAcceptance(actor: Actor | null, protection: ProtectionLevel, now = new Date()): Decision {
  const decision = decide(actor, "approve", { protection, now });
  if (decision.allowed) return decision;
  if (!actor) return { ...decision, reason: "You need to sign in to accept pending changes." };
  if (activeBlock(actor, now)) return decision;
  return {
    ...decision,
    canPropose: undefined,
    reason:
      protection === "full"
        ? "This article is fully protected: only administrators can accept its pending changes."
        : "Only reviewers and administrators can accept pending changes.",
  };
}
