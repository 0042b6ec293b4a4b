import { Parser } from "htmlparser2";
import { WikiError } from "../errors";

/**
 * A streaming reader of MediaWiki's XML export format (Special:Export,
 * dumpBackup.php; schema export-0.3 to export-0.11) for issue 21's dump
 * import. Built on htmlparser2's push parser in XML mode (already a
 * dependency): it is fed the dump chunk by chunk and hands out one page's
 * revisions at a time, so a dump of any size is read with memory bounded by
 * its largest page batch, never the whole file. It is also a safe XML parser
 * for untrusted uploads: it never reads a DTD or expands an entity beyond
 * XML's five and character references (a DOCTYPE, which a MediaWiki export
 * never has, is refused outright, so "billion laughs" cannot start), and
 * every string it keeps is capped.
 */

/** One revision as the dump gives it. */
export interface DumpRevision {
  /** `<id>` in the source wiki, for provenance */
  id: number | null;
  timestamp: Date;
  /** `<username>`, `<ip>`, or null when the source hid or lost the contributor */
  contributor: { username: string } | { ip: string } | null;
  comment: string;
  minor: boolean;
  model: string | null;
  /** null when the source withheld the text (`<text deleted="deleted"/>`) */
  text: string | null;
  /** the dump's own `<sha1>` (base 36), if any: checked against the text, never trusted for identity */
  sha1: string | null;
}

/** What the reader hands out, in the dump's order. */
export type DumpItem =
  | { kind: "siteinfo"; sitename: string | null; base: string | null }
  /** A page of namespace 0 with (a batch of) its revisions, sorted by timestamp; `last` on the page's final batch. */
  | { kind: "page"; title: string; sourceId: number | null; revisions: DumpRevision[]; last: boolean }
  /** A page that is not imported: another namespace. */
  | { kind: "skipped"; title: string; ns: number; reason: string };

/** Bounds on what one dump may hold; a dump over one is refused with 413 naming it. */
export interface DumpLimits {
  /** bytes of XML read */
  maxBytes: number;
  /** pages of any namespace */
  maxPages: number;
  /** revisions of any page */
  maxRevisions: number;
  /** characters of one revision's wikitext */
  maxRevisionChars: number;
  /** characters of wikitext held for one page before its batch is handed out (revisions are sorted within a batch) */
  maxBatchChars: number;
}

/** Namespaces of MediaWiki's export schema this reader knows (the layout is the same from 0.3 to 0.11). */
const NAMESPACE = /^http:\/\/www\.mediawiki\.org\/xml\/export-0\.(\d+)\/$/;
const SHORT_FIELD_CHARS = 4096;
const MAX_DEPTH = 16;
const BATCH_REVISIONS = 1000;

/** Fields whose text is kept, by their parent element. */
const FIELDS: Record<string, Set<string>> = {
  siteinfo: new Set(["sitename", "base"]),
  page: new Set(["title", "ns", "id"]),
  revision: new Set(["id", "timestamp", "comment", "model", "text", "sha1"]),
  contributor: new Set(["username", "ip"]),
};

function malformed(message: string): WikiError {
  return new WikiError("bad_request", `dump: ${message}`, { field: "dump" });
}

function tooLarge(message: string, limit: string): WikiError {
  return new WikiError("payload_too_large", `dump: ${message}`, { field: "dump", limit });
}

interface PageState {
  title: string | null;
  ns: number | null;
  id: number | null;
  revisions: DumpRevision[];
  batchChars: number;
  revisionCount: number;
}

interface RevisionState {
  id: number | null;
  timestamp: string | null;
  contributor: DumpRevision["contributor"];
  comment: string;
  minor: boolean;
  model: string | null;
  text: string | null;
  sha1: string | null;
}

/**
 * Reads a MediaWiki XML dump from `source` (chunks of UTF-8 bytes or text) and
 * yields its site information, its pages of namespace 0 (revisions in batches,
 * each sorted by timestamp) and the pages it skips. Malformed XML, a wrong root
 * or namespace, a DOCTYPE and any limit passed throw a WikiError naming it
 * (400, or 413 for a limit); what was yielded before stays valid.
 */
export async function* readDump(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  limits: DumpLimits,
): AsyncGenerator<DumpItem> {
  const ready: DumpItem[] = [];
  let failure: WikiError | null = null;
  const stack: string[] = [];
  let rootSeen = false;
  let rootClosed = false;
  let pages = 0;
  let revisions = 0;
  let page: PageState | null = null;
  let revision: RevisionState | null = null;
  // The field whose text is being kept, and its pieces (htmlparser2 hands text out in fragments).
  let field: { name: string; parent: string; cap: number; pieces: string[]; length: number } | null = null;
  let siteinfo: { sitename: string | null; base: string | null } | null = null;
  // htmlparser2 reports the close of a self-closing element (`<minor/>`) as implied, right after its open.
  let justOpened: string | null = null;

  const fail = (error: WikiError) => {
    failure ??= error;
  };
  const where = () => (page?.title ? ` (page “${page.title.slice(0, 100)}”)` : "");

  const flushBatch = (last: boolean) => {
    if (page?.ns !== 0 || !page.title) return;
    // Stable: revisions with the same timestamp keep the dump's order.
    const sorted = page.revisions
      .map((r, i) => [r, i] as const)
      .sort((a, b) => a[0].timestamp.getTime() - b[0].timestamp.getTime() || a[1] - b[1])
      .map(([r]) => r);
    ready.push({ kind: "page", title: page.title, sourceId: page.id, revisions: sorted, last });
    page.revisions = [];
    page.batchChars = 0;
  };

  const endField = (name: string, parent: string, value: string) => {
    if (parent === "siteinfo" && siteinfo) {
      if (name === "sitename") siteinfo.sitename = value;
      if (name === "base") siteinfo.base = value;
    } else if (parent === "page" && page) {
      if (name === "title") page.title = value.trim();
      if (name === "ns") {
        if (!/^-?\d{1,6}$/.test(value.trim()))
          return fail(malformed(`<ns> must be a number, not “${value.slice(0, 40)}”${where()}.`));
        page.ns = Number(value.trim());
      }
      if (name === "id") page.id = integerOrNull(value);
    } else if (parent === "revision" && revision) {
      if (name === "id") revision.id = integerOrNull(value);
      if (name === "timestamp") revision.timestamp = value.trim();
      if (name === "comment") revision.comment = value;
      if (name === "model") revision.model = value.trim();
      if (name === "sha1") revision.sha1 = value.trim() || null;
      if (name === "text") revision.text = value;
    } else if (parent === "contributor" && revision) {
      if (name === "username") revision.contributor = { username: value.trim() };
      if (name === "ip") revision.contributor = { ip: value.trim() };
    }
  };

  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (failure) return;
        const lower = name.toLowerCase();
        if (lower === "?xml") return;
        if (lower.startsWith("!doctype") || lower.startsWith("!entity"))
          return fail(
            malformed(
              "DOCTYPE and entity declarations are not allowed (a MediaWiki export has none); nothing was read.",
            ),
          );
        fail(malformed(`unexpected declaration <${name.slice(0, 40)}>.`));
      },
      onopentag(name, attributes) {
        if (failure) return;
        justOpened = name;
        if (rootClosed) return fail(malformed(`content after the closing </mediawiki>.`));
        if (!rootSeen) {
          rootSeen = true;
          if (name !== "mediawiki")
            return fail(
              malformed(`the root element is <${name.slice(0, 40)}>, not <mediawiki>: not a MediaWiki XML export.`),
            );
          const version = NAMESPACE.exec(attributes.xmlns ?? "");
          if (!version || Number(version[1]) < 3 || Number(version[1]) > 11)
            return fail(
              malformed(
                `the namespace “${(attributes.xmlns ?? "").slice(0, 100)}” is not MediaWiki's export schema (http://www.mediawiki.org/xml/export-0.3/ to export-0.11/).`,
              ),
            );
          stack.push(name);
          return;
        }
        if (stack.length >= MAX_DEPTH) return fail(malformed(`elements nested deeper than ${MAX_DEPTH}${where()}.`));
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (field) return fail(malformed(`<${name.slice(0, 40)}> inside <${field.name}>${where()}.`));
        if (parent === "mediawiki" && name === "siteinfo") siteinfo = { sitename: null, base: null };
        else if (parent === "mediawiki" && name === "page") {
          pages += 1;
          if (pages > limits.maxPages)
            return fail(
              tooLarge(
                `more than ${limits.maxPages.toLocaleString("en")} pages in one dump (maxPages); split it.`,
                "maxPages",
              ),
            );
          page = { title: null, ns: null, id: null, revisions: [], batchChars: 0, revisionCount: 0 };
        } else if (parent === "page" && name === "revision" && page) {
          revisions += 1;
          if (revisions > limits.maxRevisions)
            return fail(
              tooLarge(
                `more than ${limits.maxRevisions.toLocaleString("en")} revisions in one dump (maxRevisions); split it.`,
                "maxRevisions",
              ),
            );
          revision = {
            id: null,
            timestamp: null,
            contributor: null,
            comment: "",
            minor: false,
            model: null,
            text: null,
            sha1: null,
          };
        } else if (parent === "revision" && name === "minor" && revision) revision.minor = true;
        else if (parent === "revision" && name === "text" && revision && attributes.deleted) revision.text = null;
        else if (FIELDS[parent]?.has(name)) {
          // Another namespace's text is never kept: its page is skipped anyway.
          if (name === "text" && page?.ns !== null && page?.ns !== 0) return;
          const cap = name === "text" ? limits.maxRevisionChars : SHORT_FIELD_CHARS;
          field = { name, parent, cap, pieces: [], length: 0 };
        }
      },
      ontext(text) {
        if (failure) return;
        justOpened = null;
        if (!rootSeen || rootClosed) {
          if (text.trim()) fail(malformed(`text outside the <mediawiki> element.`));
          return;
        }
        if (!field) return;
        field.length += text.length;
        if (field.length > field.cap) {
          return fail(
            field.name === "text"
              ? tooLarge(
                  `a revision's text is longer than ${field.cap.toLocaleString("en")} characters (maxRevisionChars)${where()}.`,
                  "maxRevisionChars",
                )
              : malformed(`<${field.name}> is longer than ${field.cap} characters${where()}.`),
          );
        }
        field.pieces.push(text);
      },
      onclosetag(name, isImplied) {
        if (failure) return;
        const selfClosing = isImplied && justOpened === name;
        justOpened = null;
        if (isImplied && !selfClosing)
          return fail(
            malformed(
              `<${name.slice(0, 40)}> is not closed where it should be${where()} (the XML is malformed or cut short).`,
            ),
          );
        const closed = stack.pop();
        const parent = stack[stack.length - 1];
        if (closed === undefined) return;
        if (field && field.name === name && field.parent === parent) {
          const value = field.pieces.join("");
          field = null;
          endField(name, parent, value);
          return;
        }
        if (name === "mediawiki" && stack.length === 0) {
          rootClosed = true;
          return;
        }
        if (name === "siteinfo" && parent === "mediawiki" && siteinfo) {
          ready.push({ kind: "siteinfo", ...siteinfo });
          siteinfo = null;
        } else if (name === "revision" && parent === "page" && page && revision) {
          const done = revision;
          revision = null;
          if (page.ns === null) page.ns = 0;
          if (page.ns !== 0) return;
          if (!done.timestamp) return fail(malformed(`a revision without a <timestamp>${where()}.`));
          const timestamp = parseTimestamp(done.timestamp);
          if (!timestamp)
            return fail(malformed(`the timestamp “${done.timestamp.slice(0, 40)}” is not ISO 8601${where()}.`));
          const text = done.text;
          page.revisions.push({ ...done, timestamp, text });
          page.revisionCount += 1;
          page.batchChars += text?.length ?? 0;
          if (page.batchChars > limits.maxBatchChars || page.revisions.length >= BATCH_REVISIONS) flushBatch(false);
        } else if (name === "page" && parent === "mediawiki" && page) {
          if (!page.title) return fail(malformed(`a page without a <title>.`));
          const ns = page.ns ?? 0;
          if (ns !== 0)
            ready.push({
              kind: "skipped",
              title: page.title,
              ns,
              reason: `namespace ${ns}: only articles (namespace 0) are imported`,
            });
          else if (page.revisionCount === 0)
            ready.push({ kind: "skipped", title: page.title, ns, reason: "no revisions in the dump" });
          else flushBatch(true);
          page = null;
        }
      },
    },
    { xmlMode: true },
  );

  let bytes = 0;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Pages completed before a fault are whole and handed out first; then the fault is thrown.
  const feed = (text: string) => parser.write(text);
  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === "string") {
      bytes += Buffer.byteLength(chunk);
      text = chunk;
    } else {
      bytes += chunk.byteLength;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw malformed("the file is not valid UTF-8.");
      }
    }
    if (bytes > limits.maxBytes)
      throw tooLarge(`larger than ${limits.maxBytes.toLocaleString("en")} bytes (maxBytes); split it.`, "maxBytes");
    feed(text);
    // Hand out what this chunk completed before reading more: the caller's pace bounds what is held.
    while (ready.length) yield ready.shift() as DumpItem;
    if (failure) throw failure;
  }
  try {
    feed(decoder.decode());
  } catch {
    throw malformed("the file is not valid UTF-8.");
  }
  parser.end();
  while (ready.length) yield ready.shift() as DumpItem;
  if (failure) throw failure;
  if (!rootSeen) throw malformed("the file is empty or holds no <mediawiki> element.");
  if (!rootClosed) throw malformed("the file ends before </mediawiki> (cut short?).");
  while (ready.length) yield ready.shift() as DumpItem;
}

function integerOrNull(value: string): number | null {
  const trimmed = value.trim();
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : null;
}

/** An ISO 8601 timestamp as MediaWiki writes it (`2024-11-27T06:33:00Z`), or null. */
function parseTimestamp(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** MediaWiki's `<sha1>`: the SHA-1 of the text in base 36, 31 digits. */
export function base36Sha1(hex: string): string {
  return BigInt(`0x${hex}`).toString(36).padStart(31, "0");
}
