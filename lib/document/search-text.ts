import type { ArticleContent, DocJSON, Section } from "./model";
import { walkArticleDocs, walkDoc } from "./walk";

/**
 * Most characters of section text indexed per article: about 15,000 words, more than all but a handful of
 * encyclopedia articles have. PostgreSQL parses text at about a microsecond a character, and a tsvector
 * holds at most 1 MB, so the 1M-character article of the bench is indexed by its first part (README, Search).
 */
export const MAX_INDEXED_BODY = 100_000;
/** Most characters of reference titles and works indexed per article. */
export const MAX_INDEXED_REFERENCES = 20_000;

const BLOCKS = new Set([
  "paragraph",
  "heading",
  "listItem",
  "quoteBox",
  "quoteAttribution",
  "note",
  "tableCell",
  "tableHeader",
  "tableCaption",
  "figure",
]);

function docText(doc: DocJSON): string {
  let text = "";
  const visit = (node: DocJSON) => {
    if (node.type === "text") text += node.text ?? "";
    else if (node.type === "hardBreak") text += "\n";
    node.content?.forEach(visit);
    if (node.type && BLOCKS.has(node.type) && !text.endsWith("\n")) text += "\n";
  };
  visit(doc);
  return text.trim();
}

// Sections are frozen and shared between the revisions that keep them, so a one-section save extracts one section.
const sectionTexts = new WeakMap<Section, string>();

function sectionText(section: Section): string {
  let text = sectionTexts.get(section);
  if (text === undefined) {
    text = [section.title, docText(section.body)].filter(Boolean).join("\n");
    if (Object.isFrozen(section)) sectionTexts.set(section, text);
  }
  return text;
}

function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return text.slice(0, cut > max - 100 ? cut : max);
}

/** What the search document of a revision indexes besides its title: section text and reference titles and works. */
export function searchTextOf(content: Pick<ArticleContent, "sections" | "references">): { body: string; refs: string } {
  let body = "";
  for (const section of content.sections) {
    if (body.length >= MAX_INDEXED_BODY) break;
    const text = sectionText(section);
    if (text) body += (body ? "\n" : "") + text;
  }
  const refs = content.references.map((reference) => [reference.title, reference.work].filter(Boolean).join(" "));
  return { body: capped(body, MAX_INDEXED_BODY), refs: capped(refs.join("\n"), MAX_INDEXED_REFERENCES) };
}

/** The titles a revision links to with wiki links (infobox and sections), each once, as written. */
export function wikiLinkTitles(content: Pick<ArticleContent, "infobox" | "sections">): string[] {
  const titles = new Set<string>();
  walkArticleDocs(content, (doc) =>
    walkDoc(doc, (node) => {
      for (const mark of node.marks ?? []) {
        if (mark.type === "wikiLink" && typeof mark.attrs?.title === "string") titles.add(mark.attrs.title);
      }
    }),
  );
  return [...titles];
}
