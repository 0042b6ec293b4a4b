-- Who wrote each proposal version: existing versions were all written by the proposer.
ALTER TABLE "ProposalVersion" ADD COLUMN "authorId" INTEGER;
UPDATE "ProposalVersion" pv SET "authorId" = p."authorId" FROM "Proposal" p WHERE p."id" = pv."proposalId";
ALTER TABLE "ProposalVersion" ALTER COLUMN "authorId" SET NOT NULL;
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An approval of a version the reviewer amended names the version their amendments start from.
ALTER TABLE "ReviewDecision" ADD COLUMN "amendedFromVersion" INTEGER;

-- The last version each reviewer viewed.
CREATE TABLE "ProposalView" (
    "proposalId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalView_pkey" PRIMARY KEY ("proposalId","userId")
);
ALTER TABLE "ProposalView" ADD CONSTRAINT "ProposalView_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProposalView" ADD CONSTRAINT "ProposalView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
