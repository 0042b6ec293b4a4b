import "server-only";
import type { Db } from "../db/client";
import { actorGroupSql, effectiveLevelSql, patrolledSql } from "./sql";

/**
 * Records in recent changes every revision that has no row there yet, oldest first, by the same SQL
 * rules as a save (lib/recent-changes/sql.ts): for revisions written in bulk without the save's
 * statement (the bench's generated histories, imports). One INSERT … SELECT; returns the rows written.
 */
export async function recordRevisionsInBulk(db: Db): Promise<number> {
  return db.$executeRawUnsafe(`
    WITH groups AS (SELECT u."id", ${actorGroupSql("u")} AS "group" FROM "User" u),
    levels AS (SELECT a."id", ${effectiveLevelSql("a")} AS "level" FROM "Article" a),
    facts AS (
      SELECT r."id", r."articleId", r."authorId", r."parentId", r."summary", r."tags", r."createdAt",
        CASE WHEN r."parentId" IS NULL THEN 'create' ELSE 'edit' END AS "kind",
        r."approvedById" IS NOT NULL AS "approved", l."level", g."group",
        r."sizeBytes" - COALESCE(p."sizeBytes", 0) AS "sizeDelta"
      FROM "Revision" r
      JOIN levels l ON l."id" = r."articleId"
      JOIN groups g ON g."id" = r."authorId"
      LEFT JOIN "Revision" p ON p."id" = r."parentId"
      WHERE NOT EXISTS (SELECT 1 FROM "RecentChange" rc WHERE rc."revisionId" = r."id")
    )
    INSERT INTO "RecentChange" ("kind", "articleId", "protectionLevel", "actorId", "actorGroup", "approved", "sizeDelta",
      "tags", "patrolled", "revisionId", "parentRevisionId", "summary", "createdAt")
    SELECT f."kind", f."articleId", f."level", f."authorId", f."group", f."approved", f."sizeDelta", f."tags",
      ${patrolledSql(`f."kind"`, `f."approved"`, `f."level"`, `f."group"`)}, f."id", f."parentId", f."summary", f."createdAt"
    FROM facts f ORDER BY f."id"`);
}
