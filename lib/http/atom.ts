/**
 * THE Atom serializer (RFC 4287): every feed of the site (recent changes, an article's history, and
 * later a private watchlist) is a value of these types turned into XML here, so escaping is done in one
 * place. Text constructs are `type="text"` (never HTML), every user string goes through `escapeXml`,
 * and characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, so no
 * summary can break the document or inject markup. Pure: no request, no database.
 */

/** One entry of a feed. `id` is a permanent IRI (tagUri), `link` an absolute URL. */
export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  link: string;
  author?: string | null;
  /** plain text, shown by feed readers as the entry's body */
  summary?: string;
  categories?: string[];
}

/** A feed. `self` is the feed's own absolute URL, `link` the HTML page it mirrors. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  self: string;
  link: string;
  /** the newest entry's time; the feed's own time when it has none */
  updated: Date;
  entries: AtomEntry[];
}

// XML 1.0's Char production: anything else cannot appear in a document at all, escaped or not.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text made safe for XML content and attribute values (double-quoted). */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * A tag URI (RFC 4151) for an entry: permanent and unique whatever the site's address later becomes
 * a feed reader keys entries by it. `host` is the configured site's host, `specific` e.g. "revision/42".
 */
export function tagUri(host: string, specific: string): string {
  return `tag:${host},2026:${specific}`;
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${escapeXml(text)}</${name}>`;

/** The feed as an Atom document (UTF-8). */
export function atomXml(feed: AtomFeed): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    element("id", feed.id),
    element("title", feed.title, ` type="text"`),
    ...(feed.subtitle ? [element("subtitle", feed.subtitle, ` type="text"`)] : []),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.link)}"/>`,
    element("updated", feed.updated.toISOString()),
    element("generator", "Wiki"),
  ];
  for (const entry of feed.entries) {
    lines.push(
      `<entry>`,
      element("id", entry.id),
      element("title", entry.title, ` type="text"`),
      element("updated", entry.updated.toISOString()),
      `<link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      // Atom requires an author on every entry when the feed has none.
      `<author>${element("name", entry.author || "Wiki")}</author>`,
      ...(entry.summary ? [element("summary", entry.summary, ` type="text"`)] : []),
      ...(entry.categories ?? []).map((term) => `<category term="${escapeXml(term)}"/>`),
      `</entry>`,
    );
  }
  lines.push(`</feed>`);
  return `${lines.join("\n")}\n`;
}
