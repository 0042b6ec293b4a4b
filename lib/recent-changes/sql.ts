import "server-only";
import { IMPLICIT_GROUP_THRESHOLDS } from "../authz/rules";

/**
 * SQL for the facts a recent change keeps "as at the time", shared by every statement that writes one
 * (recordChange, the save's own statement in lib/articles/commit-on-head.ts, bulk imports), so the rules
 * are written once. They mirror lib/authz/policy.ts's `effectiveGroups` and lib/articles/protection.ts's
 * `effectiveProtection` (lib/recent-changes/record-change.db.test.ts checks they agree); they are SQL so
 * that a change records what the database holds in the change's own transaction, not what a caller read.
 */

/** A whole number from configuration, refused if it is not one (it is spliced into SQL). */
function whole(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a number in the group thresholds: ${value}`);
  return String(Math.trunc(value));
}

/** The highest group of the "User" row aliased `user`: admin, reviewer, extendedconfirmed, autoconfirmed or user. */
export function actorGroupSql(user: string): string {
  const { autoconfirmed, extendedconfirmed } = IMPLICIT_GROUP_THRESHOLDS;
  const granted = (group: string) =>
    `EXISTS (SELECT 1 FROM "UserGroup" ug WHERE ug."userId" = ${user}."id" AND ug."group" = '${group}')`;
  const implicit = (days: number, edits: number) =>
    `(${user}."createdAt" <= CURRENT_TIMESTAMP - make_interval(days => ${whole(days)}) AND ${user}."editCount" >= ${whole(edits)})`;
  return `(CASE
    WHEN ${granted("admin")} THEN 'admin'
    WHEN ${granted("reviewer")} THEN 'reviewer'
    WHEN ${granted("extendedconfirmed")} OR ${implicit(extendedconfirmed.days, extendedconfirmed.edits)} THEN 'extendedconfirmed'
    WHEN ${implicit(autoconfirmed.days, autoconfirmed.edits)} THEN 'autoconfirmed'
    ELSE 'user' END)`;
}

/** The protection level in force on the "Article" row aliased `article` (an expired one is "none"). */
export function effectiveLevelSql(article: string): string {
  return `(CASE WHEN ${article}."protectionExpiresAt" IS NULL OR ${article}."protectionExpiresAt" > CURRENT_TIMESTAMP THEN ${article}."protectionLevel" ELSE 'none' END)`;
}

/**
 * Whether a change is patrolled when written: everything is, except a revision saved directly (not through
 * a proposal) on an unprotected article by a new user, which waits for a reviewer (lib/authz/patrol.ts).
 */
export function patrolledSql(kind: string, approved: string, level: string, group: string): string {
  return `NOT (${kind} IN ('edit', 'create') AND NOT ${approved} AND ${level} = 'none' AND ${group} = 'user')`;
}
