import "server-only";
import type { Db, Tx } from "../db/client";
import type { RecentChangeKind } from "./kinds";
import { actorGroupSql, effectiveLevelSql, patrolledSql } from "./sql";

/** What a change records; the protection level, the actor's group and whether it awaits patrol are read in SQL. */
export interface ChangeRecord {
  kind: RecentChangeKind;
  /** who did it; null for the server's command line and automatic actions */
  actorId: number | null;
  /** what was done within the kind: a decision's action, grant/revoke, block/unblock, enable/disable/accept */
  action?: string | null;
  articleId?: number | null;
  revisionId?: number | null;
  parentRevisionId?: number | null;
  /** the user a rights change, block or rollback was about, or whose edit was patrolled */
  targetUserId?: number | null;
  proposalId?: number | null;
  /** the summary or the log reason, as the user wrote it (rendered as text, never as HTML) */
  summary?: string;
  /** what the log line needs beyond the columns, as JSON */
  details?: Record<string, unknown> | null;
  tags?: string[];
  sizeDelta?: number | null;
  /** an edit published through a proposal */
  approved?: boolean;
  /** when it happened; only seeds and imports set it (default: now) */
  createdAt?: Date;
}

/**
 * Records one change in recent changes, in the caller's transaction (pass the `tx` that makes the change,
 * so both land or neither does). One INSERT … SELECT: the article's protection in force and the actor's
 * highest group are read in it, as they are at this point of the transaction. Revisions are recorded by
 * the save's own statement (lib/articles/commit-on-head.ts) with the same SQL rules; everything else
 * (proposals, decisions, protection, rights, blocks, pending changes, patrol, and later talk posts and
 * deletions) calls this. Returns the new row's id.
 */
export async function recordChange(tx: Db | Tx, change: ChangeRecord): Promise<number> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: number }>>(
    `INSERT INTO "RecentChange" ("kind", "action", "articleId", "protectionLevel", "actorId", "actorGroup", "approved",
        "sizeDelta", "tags", "patrolled", "revisionId", "parentRevisionId", "targetUserId", "proposalId", "summary", "details", "createdAt")
      SELECT c."kind", $2::text, $3::int, c."level", $4::int, c."group", c."approved", $5::int, $6::text[],
        ${patrolledSql(`c."kind"`, `c."approved"`, `c."level"`, `c."group"`)},
        $7::int, $8::int, $9::int, $10::int, $11::text, $12::jsonb, COALESCE($14::timestamp, CURRENT_TIMESTAMP)
      FROM (SELECT $1::text AS "kind", $13::boolean AS "approved",
          COALESCE((SELECT ${effectiveLevelSql("a")} FROM "Article" a WHERE a."id" = $3::int), 'none') AS "level",
          COALESCE((SELECT ${actorGroupSql("u")} FROM "User" u WHERE u."id" = $4::int), 'admin') AS "group") c
      RETURNING "id"`,
    change.kind,
    change.action ?? null,
    change.articleId ?? null,
    change.actorId,
    change.sizeDelta ?? null,
    change.tags ?? [],
    change.revisionId ?? null,
    change.parentRevisionId ?? null,
    change.targetUserId ?? null,
    change.proposalId ?? null,
    (change.summary ?? "").slice(0, 1000),
    change.details ? JSON.stringify(change.details) : null,
    change.approved ?? false,
    change.createdAt?.toISOString() ?? null,
  );
  return rows[0].id;
}
