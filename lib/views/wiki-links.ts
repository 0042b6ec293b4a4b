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

/** A wiki link's opening tag, coloured: as before for an existing target, Wikipedia's red link (class "new") otherwise. */
function colouredTag(link: LinkedHtml["links"][number], existing: ReadonlySet<string>): string {
  return existing.has(link.slug)
    ? `<a href="/wiki/${link.href}">`
    : `<a href="/wiki/${link.href}/edit" class="new" title="${link.title} (page does not exist)">`;
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
    html += colouredTag(link, existing);
    html += linked.chunks[index + 1];
  });
  return html;
}

/**
 * The same as UTF-8 pieces, ready to be copied into a page: a number stands
 * for the opening tag of `links[n]`. A page of the 1M-character article is
 * 3 MB of HTML; kept as bytes, its parts are encoded once, when rendered,
 * and a page is one copy of them, not a 3 MB string built and encoded again.
 */
export interface LinkedBytes {
  pieces: Array<Uint8Array | number>;
  links: LinkedHtml["links"];
  /** the distinct target slugs, for the existence query */
  slugs: string[];
}

const utf8 = new TextEncoder();

/** HTML cut at its wiki links, encoded. */
export function encodeLinkedHtml(linked: LinkedHtml): LinkedBytes {
  const pieces: LinkedBytes["pieces"] = [utf8.encode(linked.chunks[0])];
  linked.links.forEach((_, index) => pieces.push(index, utf8.encode(linked.chunks[index + 1])));
  return { pieces, links: linked.links, slugs: linked.slugs };
}

/**
 * Parts one after the other, as one: what encoding their HTML joined would
 * make, since a marker (an opening tag) never spans two parts. Byte arrays
 * are parts without wiki links (shells).
 */
export function joinLinkedBytes(parts: ReadonlyArray<LinkedBytes | Uint8Array>): LinkedBytes {
  const pieces: LinkedBytes["pieces"] = [];
  const links: LinkedHtml["links"] = [];
  for (const part of parts) {
    if (part instanceof Uint8Array) {
      pieces.push(part);
      continue;
    }
    const offset = links.length;
    for (const piece of part.pieces) pieces.push(typeof piece === "number" ? piece + offset : piece);
    for (const link of part.links) links.push(link);
  }
  return { pieces, links, slugs: [...new Set(links.map((link) => link.slug))] };
}

/** The pieces with each wiki link's opening tag coloured (`colourWikiLinks`, as bytes). */
export function colouredPieces(linked: LinkedBytes, existing: ReadonlySet<string>): Uint8Array[] {
  return linked.pieces.map((piece) =>
    typeof piece === "number" ? utf8.encode(colouredTag(linked.links[piece], existing)) : piece,
  );
}
