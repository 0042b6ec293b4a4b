-- Worklists (issue 20): each article's maintenance work, replaced with its head by the append statement.
ALTER TABLE "Article" ADD COLUMN "workItemsRevisionId" INTEGER;

CREATE TABLE "WorkItem" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sectionId" TEXT,
    "label" TEXT NOT NULL,
    "refKey" TEXT,
    "date" TEXT,
    "excerpt" TEXT NOT NULL,

    CONSTRAINT "WorkItem_pkey" PRIMARY KEY ("id"),
    -- lib/worklists/work-items.ts WORK_ITEM_KINDS
    CONSTRAINT "WorkItem_kind_check" CHECK ("kind" IN ('tag', 'uncited-paragraph', 'dead-link', 'no-access-date', 'no-archive'))
);

CREATE INDEX "WorkItem_kind_date_id_idx" ON "WorkItem"("kind", "date", "id");
CREATE INDEX "WorkItem_articleId_idx" ON "WorkItem"("articleId");

ALTER TABLE "WorkItem" ADD CONSTRAINT "WorkItem_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
