-- Sources across articles (issue 20): each article's references by source, kept with its head by the append
-- statement; and the log of "fix once" corrections.
ALTER TABLE "Article" ADD COLUMN "sourcesRevisionId" INTEGER;

CREATE TABLE "SourceCitation" (
    "articleId" INTEGER NOT NULL,
    "refKey" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "refHash" TEXT NOT NULL,
    "domain" TEXT,

    CONSTRAINT "SourceCitation_pkey" PRIMARY KEY ("articleId","refKey")
);

CREATE INDEX "SourceCitation_sourceKey_articleId_idx" ON "SourceCitation"("sourceKey", "articleId");
CREATE INDEX "SourceCitation_domain_sourceKey_idx" ON "SourceCitation"("domain", "sourceKey");

ALTER TABLE "SourceCitation" ADD CONSTRAINT "SourceCitation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SourceFix" (
    "id" SERIAL NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "actorId" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "report" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceFix_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SourceFix_sourceKey_id_idx" ON "SourceFix"("sourceKey", "id" DESC);
