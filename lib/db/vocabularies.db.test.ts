import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { BLOB_KINDS } from "../articles/content-store";
import { PENDING_CHANGES_ACTIONS } from "../articles/pending-changes";
import { REVISION_TAGS } from "../articles/revision-tags";
import { GRANTABLE_GROUPS, GROUPS } from "../authz/groups";
import { PROTECTION_LEVELS } from "../authz/levels";
import { REVIEW_DECISION_ACTIONS } from "../proposals/review-action";
import { PROPOSAL_STATUSES } from "../proposals/status";
import { RECENT_CHANGE_KINDS } from "../recent-changes/kinds";
import { THREAD_ANCHOR_KINDS, THREAD_ENTRY_KINDS } from "../review-threads/anchor-kinds";
import { RIGHTS_ACTIONS } from "../users/rights-action";
import { NOTIFICATION_TYPES } from "../notifications/types";
import { SOURCE_STATUSES } from "../sources/domains";
import { WORK_ITEM_KINDS } from "../worklists/work-items";

/**
 * Each closed vocabulary is one `as const` list in the module that owns it,
 * and a CHECK constraint in the database (prisma/migrations/*_vocabulary_checks).
 * These tests fail when the two drift apart, in either direction, and show
 * that the database refuses a value outside the list.
 */

const ctx = useTestDatabase();

const CONSTRAINTS: Array<[constraint: string, vocabulary: readonly string[]]> = [
  ["Proposal_status_check", PROPOSAL_STATUSES],
  ["ReviewDecision_action_check", REVIEW_DECISION_ACTIONS],
  ["Article_protectionLevel_check", PROTECTION_LEVELS],
  ["ProtectionLog_level_check", PROTECTION_LEVELS],
  ["ReviewDecision_protectionLevel_check", PROTECTION_LEVELS],
  ["ReviewRequirement_level_check", PROTECTION_LEVELS],
  ["UserGroup_group_check", GRANTABLE_GROUPS],
  ["RightsLog_group_check", GRANTABLE_GROUPS],
  ["RightsLog_action_check", RIGHTS_ACTIONS],
  ["Revision_tags_check", REVISION_TAGS],
  ["ContentBlob_kind_check", BLOB_KINDS],
  ["PendingChangesLog_action_check", PENDING_CHANGES_ACTIONS],
  ["ReviewThread_anchorKind_check", THREAD_ANCHOR_KINDS],
  ["ReviewThreadComment_kind_check", THREAD_ENTRY_KINDS],
  ["RecentChange_kind_check", RECENT_CHANGE_KINDS],
  ["RecentChange_actorGroup_check", GROUPS],
  ["RecentChange_protectionLevel_check", PROTECTION_LEVELS],
  ["RecentChange_tags_check", REVISION_TAGS],
  ["Notification_type_check", NOTIFICATION_TYPES],
  ["NotificationPreference_type_check", NOTIFICATION_TYPES],
  ["SourceReliability_status_check", SOURCE_STATUSES],
  ["WorkItem_kind_check", Object.keys(WORK_ITEM_KINDS)],
];

/** The quoted values of a CHECK constraint, as PostgreSQL prints its definition. */
async function allowedValues(constraint: string): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<Array<{ definition: string }>>`
    SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = ${constraint} AND contype = 'c'`;
  expect(rows, `constraint ${constraint} exists`).toHaveLength(1);
  return [...rows[0].definition.matchAll(/'([^']*)'::text/g)].map((match) => match[1]);
}

/** The SQLSTATE of what the statement threw, or null when it succeeded (plain pg: the error code unwrapped). */
async function sqlState(sql: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: ctx.url });
  await client.connect();
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? "unknown";
  } finally {
    await client.end();
  }
}

describe("closed vocabularies in the database", () => {
  it.each(CONSTRAINTS)("%s allows exactly the code's list", async (constraint, vocabulary) => {
    expect((await allowedValues(constraint)).sort()).toEqual([...vocabulary].sort());
  });

  it("refuses a protection level or blob kind outside the lists", async () => {
    const checkViolation = "23514";
    const article = (level: string) =>
      `INSERT INTO "Article" ("slug", "title", "protectionLevel") VALUES ('V', 'V', '${level}')`;
    const blob = (kind: string) => `INSERT INTO "ContentBlob" ("hash", "kind", "data") VALUES ('h', '${kind}', '{}')`;
    expect(await sqlState(article("total"))).toBe(checkViolation);
    expect(await sqlState(blob("script"))).toBe(checkViolation);
    // The same statements with known values pass: the refusals above are the CHECKs, not malformed inserts.
    expect(await sqlState(article("full"))).toBeNull();
    expect(await sqlState(blob("root"))).toBeNull();
  });
});
