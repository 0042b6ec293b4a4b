-- The source reliability list (issue 20): append-only, a domain's status is its latest row.
CREATE TABLE "SourceReliability" (
    "id" SERIAL NOT NULL,
    "domain" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceReliability_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SourceReliability_status_check" CHECK ("status" IN ('reliable', 'no_consensus', 'deprecated', 'blacklisted', 'unlisted'))
);

CREATE INDEX "SourceReliability_domain_id_idx" ON "SourceReliability"("domain", "id" DESC);
