import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed/demo";
import { useTestDatabase } from "../../test/db";

/**
 * The migration backfills every existing article's search document and links
 * in SQL; saves write them from TypeScript (lib/document/search-text.ts,
 * lib/articles/titles.ts). Both must index the same: the demo content (an
 * infobox with links, accents, typographic apostrophes, citations) saved
 * through the ordinary path, then rebuilt by the migration's own backfill.
 */
describe("the search_links migration's backfill", () => {
  const ctx = useTestDatabase();

  it("rebuilds exactly the documents and links the save path wrote", async () => {
    await seedDemo(ctx.db);
    const snapshot = () =>
      Promise.all([
        ctx.db
          .$queryRaw`SELECT "articleId", "revisionId", "document"::text, "titleDocument"::text FROM "SearchDocument" ORDER BY 1`,
        ctx.db.$queryRaw`SELECT "sourceId", "targetSlug" FROM "ArticleLink" ORDER BY 1, 2`,
      ]);
    const saved = await snapshot();
    expect((saved[1] as unknown[]).length).toBeGreaterThan(40);
    const migration = readFileSync("prisma/migrations/20261203130000_search_links/migration.sql", "utf8");
    const backfill = migration.slice(migration.indexOf("CREATE TEMPORARY TABLE search_backfill"));
    await ctx.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument"`);
      await tx.$executeRawUnsafe(`DELETE FROM "ArticleLink"`);
      for (const statement of backfill.split(/;\s*\n/).filter((part) => part.replace(/--.*$/gm, "").trim()))
        await tx.$executeRawUnsafe(statement);
    });
    expect(await snapshot()).toEqual(saved);
  });
});
