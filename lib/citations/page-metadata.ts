import { Parser } from "htmlparser2";

/** The reference fields a web page can tell about itself. */
export interface PageMetadata {
  title?: string;
  work?: string;
  publisher?: string;
  authors?: string[];
  date?: string;
  language?: string;
  /** the page's own canonical address, when it names one on the same site */
  url?: string;
}

const MAX_FIELD = 500;
const MAX_AUTHORS = 20;
const ARTICLE_TYPES =
  /^(NewsArticle|Article|ScholarlyArticle|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|WebPage|Book|Chapter|TechArticle|OpinionNewsArticle)$/;

/** Whitespace collapsed, control characters dropped, cut to a field's length; empty is absent. */
function clean(value: unknown, max = MAX_FIELD): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text ? text.slice(0, max) : undefined;
}

/** An ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all there is) from the forms pages use; else absent. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text);
  const pad = (n: string) => n.padStart(2, "0");
  const valid = (y: string, m: string, d?: string) => {
    const month = Number(m);
    if (month < 1 || month > 12) return undefined;
    if (d === undefined) return `${y}-${pad(m)}`;
    const day = Number(d);
    const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
    return day >= 1 && day <= last ? `${y}-${pad(m)}-${pad(d)}` : undefined;
  };
  if (ymd) return valid(ymd[1], ymd[2], ymd[3]);
  const ym = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  if (ym) return valid(ym[1], ym[2]);
  if (/^\d{4}$/.test(text)) return text;
  // "5 December 2024", "December 5, 2024", RFC 2822: read as a calendar date, never shifted by a time zone.
  const parsed = Date.parse(`${text.replace(/,/g, "")} UTC`.replace(/ (GMT|UTC|Z)? UTC$/, " UTC"));
  if (Number.isNaN(parsed)) return undefined;
  return new Date(parsed).toISOString().slice(0, 10);
}

type Json = Record<string, unknown>;

/** The names in a JSON-LD value: a string, a Person/Organization, or an array of them. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === "string") return clean(value) ? [clean(value)!] : [];
  if (value && typeof value === "object" && typeof (value as Json).name === "string")
    return names((value as Json).name);
  return [];
}

/** The JSON-LD node that describes the page as a work: the first of an article-like type, in @graph too. */
function jsonLdWork(blocks: string[]): Json | null {
  const nodes: Json[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") {
      nodes.push(value as Json);
      if (Array.isArray((value as Json)["@graph"])) collect((value as Json)["@graph"]);
    }
  };
  for (const block of blocks) {
    try {
      collect(JSON.parse(block));
    } catch {
      // A page's broken JSON-LD is its own problem: the other sources still count.
    }
  }
  const typed = (node: Json) =>
    [node["@type"]].flat().some((type) => typeof type === "string" && ARTICLE_TYPES.test(type));
  return nodes.find(typed) ?? null;
}

/**
 * What a page says about itself, in the order citation tools trust it:
 * Highwire `citation_*` tags (what scholarly publishers and Google Scholar
 * use), then JSON-LD (schema.org, what news sites publish), then Open Graph
 * and `article:*`, then `<title>` and `<html lang>`. Pure: the HTML is
 * parsed, never run, and every value is cleaned to plain text.
 */
export function metadataFromHtml(html: string, pageUrl: string): PageMetadata {
  const meta = new Map<string, string[]>();
  const jsonLd: string[] = [];
  let title = "";
  let lang: string | undefined;
  let canonical: string | undefined;
  let inTitle = false;
  let inJsonLd = false;
  let script = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "html") lang = attributes.lang ?? attributes["xml:lang"];
        else if (name === "meta") {
          const key = (attributes.name ?? attributes.property ?? attributes.itemprop ?? "").toLowerCase().trim();
          const content = attributes.content;
          if (key && typeof content === "string") meta.set(key, [...(meta.get(key) ?? []), content]);
        } else if (name === "title" && !title) inTitle = true;
        else if (name === "link" && /(^|\s)canonical(\s|$)/i.test(attributes.rel ?? "")) canonical = attributes.href;
        else if (name === "script" && (attributes.type ?? "").toLowerCase().trim() === "application/ld+json") {
          inJsonLd = true;
          script = "";
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (inJsonLd && script.length < 200_000) script += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        else if (name === "script" && inJsonLd) {
          inJsonLd = false;
          jsonLd.push(script);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const first = (...keys: string[]) => {
    for (const key of keys) {
      const value = meta
        .get(key)
        ?.map((item) => clean(item))
        .find(Boolean);
      if (value) return value;
    }
    return undefined;
  };
  const work = jsonLdWork(jsonLd);
  const ld = (key: string) => clean(work?.[key] as string | undefined);

  const citationAuthors = (meta.get("citation_author") ?? [])
    .map((author) => clean(author, 200))
    .filter(Boolean) as string[];
  const ldAuthors = names(work?.author).map((name) => name.slice(0, 200));
  const metaAuthors = [...(meta.get("author") ?? []), ...(meta.get("article:author") ?? [])]
    .map((author) => clean(author, 200))
    .filter((author): author is string => !!author && !/^https?:\/\//i.test(author));
  const authors = [citationAuthors, ldAuthors, metaAuthors].find((list) => list.length > 0)?.slice(0, MAX_AUTHORS);

  const language = clean(lang, 100) ?? first("citation_language", "dc.language", "og:locale")?.replace(/_/g, "-");
  const sameSite = (href: string | undefined) => {
    if (!href) return undefined;
    try {
      const resolved = new URL(href, pageUrl);
      return resolved.host === new URL(pageUrl).host && /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
    } catch {
      return undefined;
    }
  };

  const result: PageMetadata = {
    title:
      first("citation_title", "dc.title") ??
      ld("headline") ??
      ld("name") ??
      first("og:title", "twitter:title") ??
      clean(title),
    work:
      first("citation_journal_title", "citation_conference_title", "citation_inbook_title") ??
      names((work?.isPartOf as Json | undefined) ?? undefined)[0] ??
      first("og:site_name") ??
      names(work?.publisher)[0],
    publisher: first("citation_publisher", "dc.publisher") ?? names(work?.publisher)[0],
    authors: authors?.length ? authors : undefined,
    date: isoDate(
      first("citation_publication_date", "citation_date", "citation_online_date", "dc.date") ??
        ld("datePublished") ??
        first("article:published_time", "og:published_time", "date", "pubdate"),
    ),
    language: language ? language.split(/[,;\s]/)[0].slice(0, 35) : undefined,
    url: sameSite(first("citation_public_url", "citation_abstract_html_url") ?? canonical ?? first("og:url")),
  };
  // The publisher named again as the work says nothing new.
  if (result.work && result.work === result.publisher) delete result.publisher;
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as PageMetadata;
}
