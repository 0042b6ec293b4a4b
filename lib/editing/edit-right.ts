import { authorize } from "../authz/assert";
import { decide, type Actor } from "../authz/policy";
import { effectiveProtection, type StoredProtection } from "../articles/protection";

/**
 * How `actor` may change an article: save directly, or only propose the
 * change for review (a protected article, or `proposeOnly`); else the denial as a 401 or 403.
 * The one place that choice is made, for edits and reverts alike. Pure.
 */
export function editRight(
  actor: Actor | null,
  article: StoredProtection,
  options: { proposeOnly?: boolean } = {},
): { mode: "save"; editor: Actor } | { mode: "propose"; proposer: Actor } {
  // A change its caller sends to review whatever the actor's rights (a bulk fix by a less experienced user).
  if (options.proposeOnly) return { mode: "propose", proposer: authorize(actor, "propose") };
  const protection = effectiveProtection(article).level;
  const decision = decide(actor, "edit", { protection });
  if (!decision.allowed && decision.canPropose) return { mode: "propose", proposer: authorize(actor, "propose") };
  return { mode: "save", editor: authorize(actor, "edit", { protection }) };
}
