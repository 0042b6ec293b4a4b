-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "summary" TEXT NOT NULL DEFAULT '',
    "rationale" TEXT NOT NULL DEFAULT '',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalVersion" (
    "proposalId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "baseRevisionId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sectionsRoot" TEXT NOT NULL,
    "referencesRoot" TEXT NOT NULL,
    "infoboxHash" TEXT,
    "sizeBytes" INTEGER NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "touchedSections" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "touchedReferences" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "touchesInfobox" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalVersion_pkey" PRIMARY KEY ("proposalId","version")
);

-- CreateTable
CREATE TABLE "ProposalComment" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "declined" JSONB,
    "revisionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_status_id_idx" ON "Proposal"("status", "id");

-- CreateIndex
CREATE INDEX "Proposal_articleId_id_idx" ON "Proposal"("articleId", "id" DESC);

-- CreateIndex
CREATE INDEX "Proposal_authorId_id_idx" ON "Proposal"("authorId", "id" DESC);

-- CreateIndex
CREATE INDEX "ProposalComment_proposalId_id_idx" ON "ProposalComment"("proposalId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewDecision_revisionId_key" ON "ReviewDecision"("revisionId");

-- CreateIndex
CREATE INDEX "ReviewDecision_id_idx" ON "ReviewDecision"("id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewDecision_proposalId_version_key" ON "ReviewDecision"("proposalId", "version");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_baseRevisionId_fkey" FOREIGN KEY ("baseRevisionId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalComment" ADD CONSTRAINT "ProposalComment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalComment" ADD CONSTRAINT "ProposalComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
