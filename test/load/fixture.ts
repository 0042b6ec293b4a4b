import type { LoadArticle, MixedLoadOptions } from "../../bench/load/mixed-load";
import { saveRevision } from "../../lib/articles/save-revision";
import type { Db } from "../../lib/db/client";
import { DEMO_SLUG, seedDemo } from "../../prisma/seed/demo";
import { generateArticle, makeUser } from "../factories";

/**
 * The demo content plus what a mixed load needs: three editors with an
 * unprotected article each, a proposer on the extended-protected demo article
 * and two reviewers. Returns the load's cast, for `runMixedLoad`.
 */
export async function seedLoadFixture(
  db: Db,
): Promise<Omit<MixedLoadOptions, "targets" | "durationSeconds" | "readers">> {
  await seedDemo(db);
  const account = (name: string) =>
    db.user.findUniqueOrThrow({ where: { nameKey: name }, select: { id: true, name: true } });
  const editors: MixedLoadOptions["editors"] = [];
  for (let i = 1; i <= 3; i++) {
    const user = await makeUser(db, { name: `load_editor_${i}`, role: "autoconfirmed" });
    const slug = `Load_article_${i}`;
    await saveRevision({
      db,
      slug,
      baseRevisionId: null,
      content: generateArticle({ title: `Load article ${i}`, sections: 8, references: 20, sectionChars: 600, seed: i }),
      authorId: user.id,
    });
    editors.push({ user, slug });
  }
  // Two editors on one article, so concurrent saves meet merges and conflicts too.
  editors.push({ user: await account("veteran"), slug: "Hama" }, { user: await account("regular"), slug: "Hama" });
  const readArticles: LoadArticle[] = [];
  for (const slug of [DEMO_SLUG, "Hama"]) {
    const article = await db.article.findUniqueOrThrow({
      where: { slug },
      select: { revisions: { select: { id: true }, orderBy: { id: "asc" } } },
    });
    readArticles.push({ slug, revisionIds: article.revisions.map((revision) => revision.id) });
  }
  return {
    readArticles,
    editors,
    proposers: [{ user: await account("newbie"), slug: DEMO_SLUG }],
    reviewers: [await account("reviewer"), await account("admin")],
  };
}

/** Every acknowledged save is still there, with the text it saved. */
export async function missingAcknowledgedSaves(
  db: Db,
  saves: Array<{ slug: string; revisionId: number; marker: string }>,
): Promise<string[]> {
  const missing: string[] = [];
  const rows = await db.revision.findMany({
    where: { id: { in: saves.map((save) => save.revisionId) } },
    select: { id: true, summary: true, article: { select: { slug: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const save of saves) {
    const row = byId.get(save.revisionId);
    // A save merged onto a newer head keeps its summary with "(merged with revision N)" added.
    if (!row || row.article.slug !== save.slug || !row.summary.startsWith(`load ${save.marker}`))
      missing.push(`${save.slug}@${save.revisionId} (${save.marker})`);
  }
  return missing;
}
