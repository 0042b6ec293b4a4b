import type { ProtectionLevel } from "./levels";
import { activeBlock, decide, effectiveGroups, type Actor, type Decision } from "./policy";

/**
 * Patrol and rollback (issue 18), Wikipedia's patroller and rollbacker rights given to reviewers and
 * administrators here. Pure; the use cases (lib/recent-changes) call these before any write.
 */

const refuse = (reason: string): Decision => ({ allowed: false, status: 403, code: "forbidden", reason });

/** Whether `actor` is a reviewer or an administrator who is not blocked, with the denial worded for `what`. */
function trusted(actor: Actor | null, what: string, now: Date): Decision {
  if (!actor) return { allowed: false, status: 401, code: "unauthorized", reason: `You need to sign in to ${what}.` };
  const block = activeBlock(actor, now);
  // decide() words the block (until when, why) as every other refusal does.
  if (block) return decide(actor, "review", { now });
  const groups = effectiveGroups(actor, now).all;
  if (!groups.has("reviewer") && !groups.has("admin")) return refuse(`Only reviewers and administrators can ${what}.`);
  return { allowed: true };
}

/**
 * Which edits wait for patrol: those saved directly (not approved through a proposal) on an unprotected
 * article by a new user (not autoconfirmed). Everything else is patrolled when written. The same rule is
 * lib/recent-changes/sql.ts's `patrolledSql`, which applies it inside the save's statement.
 */
export function needsPatrol(change: {
  revision: boolean;
  approved: boolean;
  level: ProtectionLevel;
  newUser: boolean;
}) {
  return change.revision && !change.approved && change.level === "none" && change.newUser;
}

/** May `actor` mark an edit patrolled? Reviewers and administrators who are not blocked. */
export function decidePatrol(actor: Actor | null, now = new Date()): Decision {
  return trusted(actor, "mark edits as patrolled", now);
}

/**
 * May `actor` roll back the last editor's edits of an article at `protection`? Reviewers and
 * administrators who are not blocked, and only where they may edit directly: a rollback is an edit, so
 * it gives no way around protection (only administrators roll back a fully protected article).
 */
export function decideRollback(actor: Actor | null, protection: ProtectionLevel, now = new Date()): Decision {
  const right = trusted(actor, "roll back edits", now);
  if (!right.allowed) return right;
  const editing = decide(actor, "edit", { protection, now });
  if (!editing.allowed)
    return refuse(`You may not edit this article directly at its protection level, so you cannot roll it back.`);
  return { allowed: true };
}
