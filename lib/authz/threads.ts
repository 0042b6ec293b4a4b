import { decide, effectiveGroups, type Actor, type Decision } from "./policy";

/*
 * Who may do what to a review thread of a proposal. Commenting and replying
 * follow the "comment" rule of policy.ts (any signed-in user who is not
 * blocked); the rules here add the thread's own people. Pure.
 */

/** What can be done to a review thread beyond commenting on it. */
export type ThreadAction = "resolve" | "reopen" | "suggest" | "apply";

/** The people a thread rule looks at: the proposal's author and the thread's starter. */
export interface ThreadPeople {
  proposalAuthorId: number;
  threadAuthorId: number;
}

const refuse = (reason: string): Decision => ({ allowed: false, status: 403, code: "forbidden", reason });
const isReviewer = (actor: Actor, now: Date) => {
  const groups = effectiveGroups(actor, now).all;
  return groups.has("reviewer") || groups.has("admin");
};

/**
 * May `actor` resolve or reopen a thread (the proposal's author, the thread's
 * starter or a reviewer), attach a suggested change (a reviewer: the
 * replacement is their proposal to the author) or apply one (only the
 * proposal's author: applying makes a new version of their proposal)?
 * Signed out is 401 and blocked 403, as for commenting.
 */
export function decideThreadAction(
  actor: Actor | null,
  action: ThreadAction,
  people: ThreadPeople,
  now = new Date(),
): Decision {
  const commenting = decide(actor, "comment", { now });
  if (!commenting.allowed || !actor) return commenting;
  switch (action) {
    case "resolve":
    case "reopen":
      return actor.id === people.proposalAuthorId || actor.id === people.threadAuthorId || isReviewer(actor, now)
        ? { allowed: true }
        : refuse(`Only the proposal's author, the thread's starter or a reviewer can ${action} a thread.`);
    case "suggest":
      return isReviewer(actor, now) ? { allowed: true } : refuse("Only reviewers can suggest changes to a proposal.");
    case "apply":
      return actor.id === people.proposalAuthorId
        ? { allowed: true }
        : refuse("Only the author of the proposal can apply a suggested change to it.");
  }
}
