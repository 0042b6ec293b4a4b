-- Anchored review threads and suggested changes (lib/review-threads).

-- CreateTable
CREATE TABLE "ReviewThread" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "anchorKind" TEXT NOT NULL,
    "sectionId" TEXT,
    "blockIndex" INTEGER,
    "quote" TEXT NOT NULL DEFAULT '',
    "rangeStart" INTEGER,
    "rangeEnd" INTEGER,
    "refKey" TEXT,
    "suggestion" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    "appliedInVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewThreadComment" (
    "id" SERIAL NOT NULL,
    "threadId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'comment',
    "body" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewThreadComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewThread_proposalId_id_idx" ON "ReviewThread"("proposalId", "id");

-- CreateIndex
CREATE INDEX "ReviewThreadComment_threadId_id_idx" ON "ReviewThreadComment"("threadId", "id");

-- AddForeignKey
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewThreadComment" ADD CONSTRAINT "ReviewThreadComment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ReviewThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewThreadComment" ADD CONSTRAINT "ReviewThreadComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Closed vocabularies (lib/review-threads/anchor-kinds.ts)
ALTER TABLE "ReviewThread" ADD CONSTRAINT "ReviewThread_anchorKind_check"
  CHECK ("anchorKind" IN ('block', 'range', 'citation', 'reference', 'infobox'));
ALTER TABLE "ReviewThreadComment" ADD CONSTRAINT "ReviewThreadComment_kind_check"
  CHECK ("kind" IN ('comment', 'resolve', 'reopen', 'apply'));
