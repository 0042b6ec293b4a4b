-- Recent changes, patrol, rollback and the global log (lib/recent-changes, issue 18): one journal row per
-- change, written in the change's own transaction from now on, and backfilled here from the revisions,
-- proposals, decisions and logs that exist.

-- CreateTable
CREATE TABLE "RecentChange" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "action" TEXT,
    "articleId" INTEGER,
    "protectionLevel" TEXT NOT NULL DEFAULT 'none',
    "actorId" INTEGER,
    "actorGroup" TEXT NOT NULL DEFAULT 'user',
    "approved" BOOLEAN NOT NULL DEFAULT false,
    "sizeDelta" INTEGER,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "patrolled" BOOLEAN NOT NULL DEFAULT true,
    "revisionId" INTEGER,
    "parentRevisionId" INTEGER,
    "targetUserId" INTEGER,
    "proposalId" INTEGER,
    "summary" TEXT NOT NULL DEFAULT '',
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecentChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecentChange_patrolled_id_idx" ON "RecentChange"("patrolled", "id" DESC);
CREATE INDEX "RecentChange_protectionLevel_id_idx" ON "RecentChange"("protectionLevel", "id" DESC);
CREATE INDEX "RecentChange_actorGroup_id_idx" ON "RecentChange"("actorGroup", "id" DESC);
CREATE INDEX "RecentChange_approved_id_idx" ON "RecentChange"("approved", "id" DESC);
CREATE INDEX "RecentChange_kind_id_idx" ON "RecentChange"("kind", "id" DESC);
CREATE INDEX "RecentChange_articleId_id_idx" ON "RecentChange"("articleId", "id" DESC);
CREATE INDEX "RecentChange_actorId_id_idx" ON "RecentChange"("actorId", "id" DESC);
CREATE INDEX "RecentChange_revisionId_idx" ON "RecentChange"("revisionId");
CREATE INDEX "RecentChange_tags_idx" ON "RecentChange" USING GIN ("tags");

-- Closed vocabularies (lib/recent-changes/kinds.ts, lib/authz/groups.ts, lib/authz/levels.ts,
-- lib/articles/revision-tags.ts; lib/db/vocabularies.db.test.ts checks they agree).
ALTER TABLE "RecentChange" ADD CONSTRAINT "RecentChange_kind_check"
  CHECK ("kind" IN ('edit', 'create', 'rollback', 'proposal', 'decision', 'protection', 'rights', 'block', 'pending-changes', 'patrol'));
ALTER TABLE "RecentChange" ADD CONSTRAINT "RecentChange_actorGroup_check"
  CHECK ("actorGroup" IN ('user', 'autoconfirmed', 'extendedconfirmed', 'reviewer', 'admin'));
ALTER TABLE "RecentChange" ADD CONSTRAINT "RecentChange_protectionLevel_check"
  CHECK ("protectionLevel" IN ('none', 'semi', 'extended', 'full'));
ALTER TABLE "RecentChange" ADD CONSTRAINT "RecentChange_tags_check"
  CHECK ("tags" <@ ARRAY['merged', 'undo', 'restore', 'partially approved', 'rollback']::TEXT[]);

-- A rollback's revision is tagged as such in history.
ALTER TABLE "Revision" DROP CONSTRAINT "Revision_tags_check";
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_tags_check"
  CHECK ("tags" <@ ARRAY['merged', 'undo', 'restore', 'partially approved', 'rollback']::TEXT[]);

-- Backfill, oldest first so that ids follow time as they will from now on. What was not kept at the time
-- is taken as it is now (the article's protection, the actor's group, with the default thresholds of
-- lib/authz/rules.ts); everything backfilled counts as patrolled (old edits are no patrol backlog).
WITH groups AS (
  SELECT u."id",
    CASE
      WHEN EXISTS (SELECT 1 FROM "UserGroup" g WHERE g."userId" = u."id" AND g."group" = 'admin') THEN 'admin'
      WHEN EXISTS (SELECT 1 FROM "UserGroup" g WHERE g."userId" = u."id" AND g."group" = 'reviewer') THEN 'reviewer'
      WHEN EXISTS (SELECT 1 FROM "UserGroup" g WHERE g."userId" = u."id" AND g."group" = 'extendedconfirmed')
        OR (u."createdAt" <= CURRENT_TIMESTAMP - INTERVAL '30 days' AND u."editCount" >= 500) THEN 'extendedconfirmed'
      WHEN u."createdAt" <= CURRENT_TIMESTAMP - INTERVAL '4 days' AND u."editCount" >= 10 THEN 'autoconfirmed'
      ELSE 'user'
    END AS "group"
  FROM "User" u
), levels AS (
  SELECT a."id",
    CASE WHEN a."protectionExpiresAt" IS NULL OR a."protectionExpiresAt" > CURRENT_TIMESTAMP THEN a."protectionLevel" ELSE 'none' END AS "level"
  FROM "Article" a
), changes AS (
  SELECT CASE WHEN r."parentId" IS NULL THEN 'create' ELSE 'edit' END AS "kind", NULL::text AS "action", r."articleId",
    l."level" AS "protectionLevel", r."authorId" AS "actorId", g."group" AS "actorGroup", r."approvedById" IS NOT NULL AS "approved",
    r."sizeBytes" - COALESCE(p."sizeBytes", 0) AS "sizeDelta", r."tags", r."id" AS "revisionId", r."parentId" AS "parentRevisionId",
    NULL::int AS "targetUserId", NULL::int AS "proposalId", r."summary", NULL::jsonb AS "details", r."createdAt"
  FROM "Revision" r
  LEFT JOIN "Revision" p ON p."id" = r."parentId"
  JOIN levels l ON l."id" = r."articleId"
  JOIN groups g ON g."id" = r."authorId"
  UNION ALL
  SELECT 'proposal', NULL, pr."articleId", l."level", pr."authorId", g."group", false, NULL, ARRAY[]::text[], NULL, NULL,
    NULL, pr."id", pr."summary", NULL, pr."createdAt"
  FROM "Proposal" pr JOIN levels l ON l."id" = pr."articleId" JOIN groups g ON g."id" = pr."authorId"
  UNION ALL
  SELECT 'decision', d."action", pr."articleId", COALESCE(d."protectionLevel", l."level"), d."reviewerId", g."group", false, NULL,
    ARRAY[]::text[], d."revisionId", NULL, pr."authorId", pr."id", d."comment", jsonb_build_object('version', d."version"), d."createdAt"
  FROM "ReviewDecision" d JOIN "Proposal" pr ON pr."id" = d."proposalId" JOIN levels l ON l."id" = pr."articleId"
  JOIN groups g ON g."id" = d."reviewerId"
  UNION ALL
  SELECT 'protection', CASE WHEN pl."level" = 'none' THEN 'unprotect' ELSE 'protect' END, pl."articleId", pl."level", pl."actorId",
    COALESCE(g."group", 'admin'), false, NULL, ARRAY[]::text[], NULL, NULL, NULL, NULL, pl."reason",
    jsonb_build_object('level', pl."level", 'expiresAt', pl."expiresAt"), pl."createdAt"
  FROM "ProtectionLog" pl LEFT JOIN groups g ON g."id" = pl."actorId"
  UNION ALL
  SELECT CASE WHEN rl."action" IN ('block', 'unblock') THEN 'block' ELSE 'rights' END, rl."action", NULL, 'none', rl."actorId",
    COALESCE(g."group", 'admin'), false, NULL, ARRAY[]::text[], NULL, NULL, rl."targetId", NULL, rl."reason",
    jsonb_build_object('group', rl."group", 'expiresAt', rl."expiresAt"), rl."createdAt"
  FROM "RightsLog" rl LEFT JOIN groups g ON g."id" = rl."actorId"
  UNION ALL
  SELECT 'pending-changes', pc."action", pc."articleId", l."level", pc."actorId", COALESCE(g."group", 'admin'), false, NULL,
    ARRAY[]::text[], pc."revisionId", NULL, NULL, NULL, pc."reason", jsonb_build_object('expiresAt', pc."expiresAt"), pc."createdAt"
  FROM "PendingChangesLog" pc JOIN levels l ON l."id" = pc."articleId" LEFT JOIN groups g ON g."id" = pc."actorId"
)
INSERT INTO "RecentChange" ("kind", "action", "articleId", "protectionLevel", "actorId", "actorGroup", "approved", "sizeDelta",
  "tags", "revisionId", "parentRevisionId", "targetUserId", "proposalId", "summary", "details", "createdAt")
SELECT "kind", "action", "articleId", "protectionLevel", "actorId", "actorGroup", "approved", "sizeDelta",
  "tags", "revisionId", "parentRevisionId", "targetUserId", "proposalId", "summary", "details", "createdAt"
FROM changes ORDER BY "createdAt", "kind";
