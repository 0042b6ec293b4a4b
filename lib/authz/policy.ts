import type { ProtectionLevel } from "./levels";
import { formatDate } from "../document/format";
import { GRANTABLE_GROUPS, type Group } from "./groups";
import { APPROVE_GROUP_FOR_LEVEL, describeProtection, EDIT_GROUP_FOR_LEVEL, IMPLICIT_GROUP_THRESHOLDS } from "./rules";

/** What policy needs to know about the acting user, read from the database for every decision. */
export interface Actor {
  id: number;
  name: string;
  createdAt: Date;
  editCount: number;
  grantedGroups: string[];
  blockedAt: Date | null;
  blockExpiresAt: Date | null;
  blockReason: string | null;
}

export type Action =
  | "edit"
  | "propose"
  | "create"
  | "protect"
  | "grant"
  | "block"
  | "review"
  | "approve"
  | "comment"
  | "configure_review";

/** A decision with the reason shown to the user; `status` is the HTTP status of a denial. */
export type Decision =
  | { allowed: true }
  | { allowed: false; status: 401 | 403; code: "unauthorized" | "forbidden"; reason: string; canPropose?: boolean };

const DAY = 86_400_000;

/** Whether a block is in force at `now` (an expired block no longer applies). */
export function activeBlock(
  actor: Pick<Actor, "blockedAt" | "blockExpiresAt" | "blockReason">,
  now = new Date(),
): { until: Date | null; reason: string } | null {
  if (!actor.blockedAt) return null;
  if (actor.blockExpiresAt && actor.blockExpiresAt <= now) return null;
  return { until: actor.blockExpiresAt, reason: actor.blockReason ?? "" };
}

/**
 * The granted groups that may review: the one list, so a query that counts
 * work for reviewers (the header's review count) asks the same question.
 */
export const REVIEW_GROUPS = ["reviewer", "admin"] as const satisfies readonly Group[];

/** Implicit groups from account age and edit count, plus granted ones. Admins hold every right. */
export function effectiveGroups(
  actor: Actor,
  now = new Date(),
): { implicit: Group[]; granted: Group[]; all: Set<Group> } {
  const ageDays = (now.getTime() - actor.createdAt.getTime()) / DAY;
  const implicit: Group[] = ["user"];
  const { autoconfirmed, extendedconfirmed } = IMPLICIT_GROUP_THRESHOLDS;
  if (ageDays >= autoconfirmed.days && actor.editCount >= autoconfirmed.edits) implicit.push("autoconfirmed");
  if (ageDays >= extendedconfirmed.days && actor.editCount >= extendedconfirmed.edits)
    implicit.push("extendedconfirmed");
  const granted = actor.grantedGroups.filter((group): group is Group =>
    (GRANTABLE_GROUPS as readonly string[]).includes(group),
  );
  const all = new Set<Group>([...implicit, ...granted]);
  if (all.has("admin")) for (const group of ["autoconfirmed", "extendedconfirmed", "reviewer"] as const) all.add(group);
  if (all.has("extendedconfirmed")) all.add("autoconfirmed");
  return { implicit, granted, all };
}

const ACTION_WORDS: Record<Action, string> = {
  edit: "edit this article",
  propose: "propose changes",
  create: "create articles",
  protect: "change the protection of articles",
  grant: "change user groups",
  block: "block or unblock users",
  review: "review proposals",
  approve: "approve proposals",
  comment: "comment on proposals",
  configure_review: "change how many approvals proposals need",
};

/** Whether reviewers may decide on their own proposals (Wikipedia: no). */
export const allowSelfReview = () => process.env.WIKI_ALLOW_SELF_REVIEW === "1";

/**
 * THE authorization decision: may `actor` (null when signed out) do `action`,
 * given the article's protection where it matters. Pure; callers read the
 * actor fresh from the database so a stale session grants nothing.
 */
export function decide(
  actor: Actor | null,
  action: Action,
  context: { protection?: ProtectionLevel; now?: Date; ownerId?: number } = {},
): Decision {
  const now = context.now ?? new Date();
  if (!actor)
    return {
      allowed: false,
      status: 401,
      code: "unauthorized",
      reason: `You need to sign in to ${ACTION_WORDS[action]}.`,
    };
  const block = activeBlock(actor, now);
  if (block) {
    const until = block.until ? `until ${formatDate(block.until.toISOString().slice(0, 10))}` : "indefinitely";
    return {
      allowed: false,
      status: 403,
      code: "forbidden",
      reason: `Your account is blocked ${until}${block.reason ? `: ${block.reason}` : ""}. You can still read everything.`,
    };
  }
  const groups = effectiveGroups(actor, now).all;
  switch (action) {
    case "edit": {
      const level = context.protection ?? "none";
      if (groups.has(EDIT_GROUP_FOR_LEVEL[level])) return { allowed: true };
      const { name, whoMayEdit } = describeProtection(level);
      return {
        allowed: false,
        status: 403,
        code: "forbidden",
        canPropose: true,
        reason: `This article is ${name}: ${whoMayEdit}. You can propose your change for review.`,
      };
    }
    case "propose":
    case "create":
    case "comment":
      return { allowed: true };
    case "review":
    case "approve": {
      if (!REVIEW_GROUPS.some((group) => groups.has(group)))
        return {
          allowed: false,
          status: 403,
          code: "forbidden",
          reason: "Only reviewers and administrators can review proposals.",
        };
      if (context.ownerId === actor.id && !allowSelfReview())
        return {
          allowed: false,
          status: 403,
          code: "forbidden",
          reason: "You cannot review your own proposal; another reviewer must decide.",
        };
      const level = context.protection ?? "none";
      if (action === "approve" && !groups.has(APPROVE_GROUP_FOR_LEVEL[level])) {
        return {
          allowed: false,
          status: 403,
          code: "forbidden",
          reason: `This article is ${describeProtection(level).name}: only administrators can approve changes to it. You can still reject the proposal or request changes.`,
        };
      }
      return { allowed: true };
    }
    case "protect":
    case "grant":
    case "block":
    case "configure_review":
      return groups.has("admin")
        ? { allowed: true }
        : {
            allowed: false,
            status: 403,
            code: "forbidden",
            reason: `Only administrators can ${ACTION_WORDS[action]}.`,
          };
  }
}

/**
 * Whether a proposer's text may still be published, judged when a reviewer
 * approves it (not when it was proposed): a proposer blocked since, or one
 * who may no longer propose at the article's current protection, never gets
 * text into the article. `proposer` null: the account no longer exists. Pure.
 */
export function decidePublication(proposer: Actor | null, protection: ProtectionLevel, now = new Date()): Decision {
  const refuse = (reason: string): Decision => ({ allowed: false, status: 403, code: "forbidden", reason });
  if (!proposer)
    return refuse(
      "The author of this proposal no longer has an account; their text cannot be published. Reject the proposal instead.",
    );
  const block = activeBlock(proposer, now);
  if (block)
    return refuse(
      `${proposer.name} is blocked${block.reason ? ` (${block.reason})` : ""}; a blocked user's text is not published. Reject the proposal instead.`,
    );
  const proposing = decide(proposer, "propose", { protection, now });
  if (!proposing.allowed)
    return refuse(`${proposer.name} may no longer propose changes to this article; their text cannot be published.`);
  return { allowed: true };
}
