import { saveRevision } from "../../lib/articles/save-revision";
import type { Db } from "../../lib/db/client";
import { docFromMarkup } from "../../lib/document/markup";
import type { ArticleContent, Reference, Section } from "../../lib/document/model";

/** A section written in the markup of lib/document/markup (the lead has level 0, the others 2). */
export const section = (id: string, title: string, markup: string): Section => ({
  id,
  title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(markup),
});

/** The content with the sections named in `changes` rewritten (and, optionally, other references). */
export const withSections = (
  content: ArticleContent,
  changes: Record<string, string>,
  references: Reference[] = content.references,
): ArticleContent => ({
  ...content,
  sections: content.sections.map((s) => (changes[s.id] !== undefined ? section(s.id, s.title, changes[s.id]) : s)),
  references,
});

/** A protected article for proposals: a lead, Background and Events (`events` markup), citing reference "a". */
export async function proposalArticle(
  db: Db,
  options: { slug: string; authorId: number; level: "extended" | "full"; events: string },
): Promise<{ slug: string; base: number; content: ArticleContent }> {
  const content: ArticleContent = {
    title: options.slug.replace(/_/g, " "),
    infobox: null,
    sections: [
      section("lead", "", "Lead.[[ref:a]]"),
      section("bg", "Background", "Background text."),
      section("ev", "Events", options.events),
    ],
    references: [{ key: "a", title: "Source A" }],
  };
  const saved = await saveRevision({
    db,
    slug: options.slug,
    baseRevisionId: null,
    content,
    authorId: options.authorId,
  });
  await db.article.update({
    where: { slug: options.slug },
    data: { protectionLevel: options.level, protectionReason: "contested" },
  });
  return { slug: options.slug, base: saved.revisionId, content };
}
