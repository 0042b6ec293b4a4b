-- Pending changes (lib/articles/pending-changes.ts): a per-article setting under which
-- signed-out readers see the last accepted revision until a reviewer accepts newer ones.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "pendingChanges" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pendingChangesExpiresAt" TIMESTAMP(3),
ADD COLUMN     "pendingChangesReason" TEXT,
ADD COLUMN     "acceptedRevisionId" INTEGER;

-- CreateTable
CREATE TABLE "PendingChangesLog" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "revisionId" INTEGER,
    "expiresAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingChangesLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingChangesLog_articleId_id_idx" ON "PendingChangesLog"("articleId", "id" DESC);

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_acceptedRevisionId_fkey" FOREIGN KEY ("acceptedRevisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChangesLog" ADD CONSTRAINT "PendingChangesLog_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChangesLog" ADD CONSTRAINT "PendingChangesLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingChangesLog" ADD CONSTRAINT "PendingChangesLog_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- lib/articles/pending-changes.ts (PENDING_CHANGES_ACTIONS; lib/db/vocabularies.db.test.ts checks they agree)
ALTER TABLE "PendingChangesLog" ADD CONSTRAINT "PendingChangesLog_action_check"
  CHECK ("action" IN ('enable', 'disable', 'accept'));
