-- Review requirements per protection level and the approvals counted towards them (issue 17).

-- CreateTable
CREATE TABLE "ReviewRequirement" (
    "id" SERIAL NOT NULL,
    "level" TEXT NOT NULL,
    "approvals" INTEGER NOT NULL,
    "actorId" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalApproval" (
    "proposalId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalApproval_pkey" PRIMARY KEY ("proposalId","version","reviewerId")
);

-- CreateIndex
CREATE INDEX "ReviewRequirement_level_id_idx" ON "ReviewRequirement"("level", "id" DESC);

-- AddForeignKey
ALTER TABLE "ReviewRequirement" ADD CONSTRAINT "ReviewRequirement_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalApproval" ADD CONSTRAINT "ProposalApproval_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalApproval" ADD CONSTRAINT "ProposalApproval_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- lib/authz/levels.ts; the bounds are MAX_REQUIRED_APPROVALS in lib/proposals/review-requirements.ts
ALTER TABLE "ReviewRequirement" ADD CONSTRAINT "ReviewRequirement_level_check"
  CHECK ("level" IN ('none', 'semi', 'extended', 'full'));
ALTER TABLE "ReviewRequirement" ADD CONSTRAINT "ReviewRequirement_approvals_check"
  CHECK ("approvals" BETWEEN 1 AND 5);

-- The defaults: two reviewers under full protection, one elsewhere.
INSERT INTO "ReviewRequirement" ("level", "approvals", "reason") VALUES
  ('none', 1, 'default'), ('semi', 1, 'default'), ('extended', 1, 'default'), ('full', 2, 'default');
