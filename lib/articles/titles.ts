import type { ArticleContent } from "../document/model";
import { wikiLinkTitles } from "../document/search-text";
import { confusableSkeleton, invisibleCharacter } from "../text/lookalikes";

/** Longest title in characters (MediaWiki allows 255 bytes). */
export const MAX_TITLE_LENGTH = 255;

const FORBIDDEN = /[#<>[\]|{}_\u0000-\u001f\u007f]/;

/** Normalizes a title as MediaWiki does: underscores to spaces, collapsed whitespace, first letter upper case. */
export function normalizeTitle(raw: string): string {
  const collapsed = raw.normalize("NFC").replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return collapsed.charAt(0).toLocaleUpperCase("en") + collapsed.slice(1);
}

/** The URL slug of a title: spaces become underscores. */
export function slugOfTitle(title: string): string {
  return normalizeTitle(title).replace(/ /g, "_");
}

/** The title a slug stands for. */
export function titleOfSlug(slug: string): string {
  return normalizeTitle(slug);
}

/** Why a title cannot be used, or null when it can. */
export function titleProblem(raw: string): string | null {
  const title = normalizeTitle(raw);
  if (title.length === 0) return "The title is empty.";
  if (title.length > MAX_TITLE_LENGTH) return `The title is longer than ${MAX_TITLE_LENGTH} characters.`;
  const invisible = invisibleCharacter(raw);
  if (invisible)
    return `The title contains an invisible or text-direction character (${invisible}), which would let it pass for another title.`;
  const withoutUnderscores = raw.replace(/_/g, " ");
  const bad = withoutUnderscores.match(FORBIDDEN);
  if (bad) return `The title contains a character that titles cannot have: ${JSON.stringify(bad[0])}.`;
  if (title.startsWith(".") || title.includes("/./") || title.includes("/../"))
    return "The title cannot be a relative path.";
  return null;
}

/**
 * The title's confusable skeleton (lib/text/lookalikes.ts), unique across
 * articles (Article.titleSkeleton): a title that only looks like an existing
 * one, a protected article's say, is refused.
 */
export function titleSkeleton(title: string): string {
  return confusableSkeleton(normalizeTitle(title));
}

/** The slugs a revision's wiki links point at, each once (the links table's rows; malformed titles left out). */
export function linkSlugsOf(content: Pick<ArticleContent, "infobox" | "sections">): string[] {
  const slugs = new Set<string>();
  for (const link of wikiLinkTitles(content)) {
    // "Title#Section" links the article Title (imported wikilinks carry anchors).
    const title = link.split("#")[0];
    if (title.trim() && !titleProblem(title)) slugs.add(slugOfTitle(title));
  }
  return [...slugs];
}
