-- Confusable skeletons (Unicode TR39) of titles and usernames, unique, so that a
-- look-alike of an existing title or name is refused. Nullable: the skeleton is
-- computed in TypeScript from Unicode's confusables table, which SQL cannot do;
-- lib/db/migrate.ts fills rows that have none (existing ones, on the first start
-- after this migration) right after applying migrations.
ALTER TABLE "Article" ADD COLUMN "titleSkeleton" TEXT;
CREATE UNIQUE INDEX "Article_titleSkeleton_key" ON "Article"("titleSkeleton");
ALTER TABLE "User" ADD COLUMN "nameSkeleton" TEXT;
CREATE UNIQUE INDEX "User_nameSkeleton_key" ON "User"("nameSkeleton");
