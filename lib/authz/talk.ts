import type { ProtectionLevel } from "./levels";
import { decide, effectiveGroups, type Actor, type Decision } from "./policy";

/*
 * Who may do what on an article's talk page. Pure. Reading is open to
 * everyone; the rules here are for writing.
 */

/** What can be done on a talk page: start a topic or reply ("post"), hide or show a post ("hide"). */
export type TalkAction = "post" | "hide";

/**
 * May `actor` post on the talk page of an article at `protection`, or hide a
 * post? Posting is for every signed-in user who is not blocked, whatever the
 * article's protection: the talk page is where changes to a protected
 * article are argued, so protecting the article never closes it (as on
 * Wikipedia). Hiding a post (kept for the record) is for administrators.
 * Signed out is 401, blocked 403, as for commenting on proposals.
 */
export function decideTalkAction(
  actor: Actor | null,
  action: TalkAction,
  context: { protection: ProtectionLevel; now?: Date },
): Decision {
  const now = context.now ?? new Date();
  if (!actor)
    return { allowed: false, status: 401, code: "unauthorized", reason: "You need to sign in to join the discussion." };
  // A block refuses posting as it refuses commenting (policy.ts), with the same words.
  const notBlocked = decide(actor, "comment", { now });
  if (!notBlocked.allowed) return notBlocked;
  switch (action) {
    case "post":
      return { allowed: true };
    case "hide":
      return effectiveGroups(actor, now).all.has("admin")
        ? { allowed: true }
        : { allowed: false, status: 403, code: "forbidden", reason: "Only administrators can hide talk page posts." };
  }
}
