import "server-only";
import { loadContent } from "../articles/content-store";
import type { Db } from "../db/client";
import { workItemRows } from "./work-items";

/**
 * Fills the WorkItem rows of articles whose current revision has none yet
 * (saved before worklists existed, or written by raw SQL): the save path
 * writes them for every new revision, but a migration cannot compute them
 * (they come from TypeScript), so the start script calls this once the
 * schema is up to date. Each article in its own transaction, claimed by a
 * compare-and-set on its head, so a save racing it wins: the save waits for
 * the row and then writes its own items. With nothing to fill it is one query.
 */
export async function backfillWorkItems(db: Db, log?: (line: string) => void): Promise<number> {
  let filled = 0;
  for (;;) {
    const batch = await db.$queryRaw<Array<{ id: number; currentRevisionId: number }>>`
      SELECT "id", "currentRevisionId" FROM "Article"
      WHERE "currentRevisionId" IS NOT NULL AND "workItemsRevisionId" IS DISTINCT FROM "currentRevisionId"
      ORDER BY "id" LIMIT 50`;
    if (batch.length === 0) break;
    for (const article of batch) {
      const revision = await db.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
      const rows = workItemRows(await loadContent(db, revision));
      await db.$transaction(async (tx) => {
        const claimed = await tx.$executeRaw`
          UPDATE "Article" SET "workItemsRevisionId" = ${article.currentRevisionId}
          WHERE "id" = ${article.id} AND "currentRevisionId" = ${article.currentRevisionId}`;
        if (claimed === 0) return; // saved meanwhile: the save wrote its own items
        await tx.workItem.deleteMany({ where: { articleId: article.id } });
        await tx.workItem.createMany({
          data: rows.map((row) => ({ ...row, articleId: article.id, revisionId: article.currentRevisionId })),
        });
      });
      filled += 1;
    }
  }
  if (filled) log?.(`worklists: filled the work items of ${filled} article${filled === 1 ? "" : "s"}`);
  return filled;
}
