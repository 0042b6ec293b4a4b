-- MediaWiki XML dumps (issue 21): authors read from a dump, who never sign in, and the dump revisions already imported.
ALTER TABLE "User" ADD COLUMN "imported" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "ImportedRevision" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "sourceTimestamp" TIMESTAMP(3) NOT NULL,
    "textSha1" TEXT NOT NULL,
    "sourceRevisionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedRevision_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ImportedRevision_articleId_sourceTimestamp_textSha1_key" ON "ImportedRevision"("articleId", "sourceTimestamp", "textSha1");
CREATE INDEX "ImportedRevision_revisionId_idx" ON "ImportedRevision"("revisionId");

ALTER TABLE "ImportedRevision" ADD CONSTRAINT "ImportedRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ImportedRevision" ADD CONSTRAINT "ImportedRevision_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
