-- Admins delete, restore and move articles (issue 19). Deletion is a state of the article row (content stays
-- immutable); a move leaves a redirect from the old slug; all three are kinds of recent changes.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" INTEGER,
ADD COLUMN     "deletionReason" TEXT;

-- CreateTable
CREATE TABLE "ArticleRedirect" (
    "slug" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "ArticleRedirect_articleId_idx" ON "ArticleRedirect"("articleId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRedirect" ADD CONSTRAINT "ArticleRedirect_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Deletions, restores and moves appear in recent changes and the log.
ALTER TABLE "RecentChange" DROP CONSTRAINT "RecentChange_kind_check";
ALTER TABLE "RecentChange" ADD CONSTRAINT "RecentChange_kind_check"
  CHECK ("kind" IN ('edit', 'create', 'rollback', 'proposal', 'decision', 'protection', 'rights', 'block', 'pending-changes', 'patrol', 'talk', 'deletion', 'restore', 'move'));
