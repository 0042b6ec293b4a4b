/**
 * Red links at serve time. A revision's body is rendered once and cached as
 * an immutable value, but whether a wiki link's target exists changes
 * whenever that title is created or deleted. So the renderer writes every
 * wiki link as a neutral marker (components/article/rich-text.tsx:
 * `<a href="/wiki/S" data-wiki-link="T">`, both attributes escaped by React),
 * the render cache keeps the body split at those markers, and each page is
 * assembled with the colours of the moment from one indexed query
 * (lib/articles/links.ts's existingSlugs). No string from a user is escaped
 * here: the pieces moved around are React's own output.
 */

const MARKER = /<a href="\/wiki\/([^"]*)" data-wiki-link="([^"]*)">/g;

/** A rendered body cut at its wiki links: `chunks` has one more entry than `links`. */
export interface LinkedHtml {
  chunks: string[];
  links: Array<{ slug: string; href: string; title: string }>;
  /** the distinct target slugs, for the existence query */
  slugs: string[];
}

/** Cuts rendered HTML at the wiki link markers (once per render, kept in the render cache). */
export function splitWikiLinks(html: string): LinkedHtml {
  const chunks: string[] = [];
  const links: LinkedHtml["links"] = [];
  let last = 0;
  for (const match of html.matchAll(MARKER)) {
    chunks.push(html.slice(last, match.index));
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]);
    } catch {
      slug = match[1];
    }
    links.push({ slug, href: match[1], title: match[2] });
    last = match.index + match[0].length;
  }
  chunks.push(html.slice(last));
  return { chunks, links, slugs: [...new Set(links.map((link) => link.slug))] };
}

/**
 * The HTML with each wiki link coloured: a link to an existing article as
 * before, one to a missing article as Wikipedia's red link (class "new", a
 * title saying so, and the address that creates it).
 */
export function colourWikiLinks(linked: LinkedHtml, existing: ReadonlySet<string>): string {
  if (linked.links.length === 0) return linked.chunks[0];
  let html = linked.chunks[0];
  linked.links.forEach((link, index) => {
    html += existing.has(link.slug)
      ? `<a href="/wiki/${link.href}">`
      : `<a href="/wiki/${link.href}/edit" class="new" title="${link.title} (page does not exist)">`;
    html += linked.chunks[index + 1];
  });
  return html;
}
