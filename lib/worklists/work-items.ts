import type { ArticleContent, DocJSON, Reference } from "../document/model";

/**
 * One piece of maintenance work in an article (issue 20's worklists): a
 * tagged claim, a paragraph that cites nothing, or a weak reference. Pure:
 * derived from a revision's content alone, so a save that resolves it
 * (removes the tag, adds the citation, fills the access date) makes it
 * disappear with the revision that did it.
 */
export type WorkItem =
  /** a maintenance tag such as [citation needed], with the claim before it */
  | { kind: "tag"; sectionId: string; tag: string; date: string | null; claim: string }
  /** a paragraph of a section other than the lead with no citation (WP:LEADCITE: the lead may rest on the body) */
  | { kind: "uncited-paragraph"; sectionId: string; excerpt: string }
  /** a reference to a web page without an access date */
  | { kind: "no-access-date"; sectionId: string | null; refKey: string; title: string }
  /** a reference to a web page without an archived copy */
  | { kind: "no-archive"; sectionId: string | null; refKey: string; title: string }
  /** a reference whose link is tagged dead where it is cited */
  | { kind: "dead-link"; sectionId: string | null; refKey: string; title: string };

export type WorkItemKind = WorkItem["kind"];

/** The worklist's kinds, in the order it lists them, with how each reads. */
export const WORK_ITEM_KINDS: Record<WorkItemKind, string> = {
  tag: "Tagged claims",
  "uncited-paragraph": "Paragraphs without a citation",
  "dead-link": "Dead links",
  "no-access-date": "References without an access date",
  "no-archive": "References without an archived copy",
};

const EXCERPT_WORDS = 14;
/** Tags that say a reference's link is dead (MediaWiki's {{dead link}}), whatever their case. */
const DEAD_LINK = /^(dead link|dead|404|link rot)$/i;
/** Paragraphs this short (a caption-like line) are not asked for a citation. */
const MIN_WORDS = 8;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function excerpt(text: string, fromEnd = false): string {
  const list = words(text);
  if (list.length <= EXCERPT_WORDS) return list.join(" ");
  return fromEnd ? `… ${list.slice(-EXCERPT_WORDS).join(" ")}` : `${list.slice(0, EXCERPT_WORDS).join(" ")} …`;
}

/** The sentence a tag at the end of `text` marks: what follows the last sentence end before it. */
function lastSentence(text: string): string {
  const trimmed = text.trimEnd();
  let start = 0;
  for (const match of trimmed.matchAll(/[.!?…]["'”’)\]]*\s+/g)) start = match.index + match[0].length;
  return trimmed.slice(start);
}

/** The inline nodes of a block in reading order (notes' contents included: a note's citation counts). */
function inlines(node: DocJSON, out: DocJSON[] = []): DocJSON[] {
  for (const child of node.content ?? []) {
    if (child.type === "text" || child.type === "citation" || child.type === "maintenanceTag") out.push(child);
    else inlines(child, out);
  }
  return out;
}

/**
 * The work an article's revision leaves to do, in reading order by kind
 * (tags oldest first, undated last). Bounded by the content: one pass over
 * its blocks and references.
 */
export function workItems(content: ArticleContent): WorkItem[] {
  const tags: Array<Extract<WorkItem, { kind: "tag" }>> = [];
  const uncited: WorkItem[] = [];
  const firstSection = new Map<string, string>();
  const dead = new Map<string, string>();
  for (const section of content.sections) {
    for (const block of section.body.content ?? []) {
      const nodes = inlines(block);
      let text = "";
      let lastCited: string | null = null;
      let cites = false;
      for (const node of nodes) {
        if (node.type === "text") {
          text += node.text ?? "";
          if ((node.text ?? "").trim()) lastCited = null;
        } else if (node.type === "citation") {
          const key = String(node.attrs?.refKey ?? "");
          cites = true;
          lastCited = key;
          if (!firstSection.has(key)) firstSection.set(key, section.id);
        } else if (node.type === "maintenanceTag") {
          const tag = String(node.attrs?.kind ?? "");
          const date = typeof node.attrs?.date === "string" && node.attrs.date ? node.attrs.date : null;
          if (DEAD_LINK.test(tag) && lastCited) dead.set(lastCited, section.id);
          else tags.push({ kind: "tag", sectionId: section.id, tag, date, claim: excerpt(lastSentence(text), true) });
        }
      }
      if (block.type === "paragraph" && section.level > 0 && !cites && words(text).length >= MIN_WORDS)
        uncited.push({ kind: "uncited-paragraph", sectionId: section.id, excerpt: excerpt(text) });
    }
  }
  tags.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
  const references: WorkItem[] = [];
  const cited = (reference: Reference) => firstSection.has(reference.key);
  for (const reference of content.references.filter(cited)) {
    const base = { refKey: reference.key, title: reference.title, sectionId: firstSection.get(reference.key) ?? null };
    if (dead.has(reference.key)) references.push({ kind: "dead-link", ...base });
    if (reference.url && !reference.accessDate) references.push({ kind: "no-access-date", ...base });
    if (reference.url && !reference.archiveUrl) references.push({ kind: "no-archive", ...base });
  }
  const order = Object.keys(WORK_ITEM_KINDS) as WorkItemKind[];
  return [...tags, ...uncited, ...references].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** At most this many items of one article are listed site-wide (a very long uncited article does not flood it). */
export const MAX_ITEMS_PER_ARTICLE = 1000;

/** An item as a WorkItem row stores it (the append statement writes them with the revision). */
export interface WorkItemRow {
  kind: WorkItemKind;
  sectionId: string | null;
  label: string;
  refKey: string | null;
  date: string | null;
  excerpt: string;
}

/** The rows of a revision's work items, for the WorkItem table. */
export function workItemRows(content: ArticleContent): WorkItemRow[] {
  return workItems(content)
    .slice(0, MAX_ITEMS_PER_ARTICLE)
    .map((item) => {
      switch (item.kind) {
        case "tag":
          return {
            kind: item.kind,
            sectionId: item.sectionId,
            label: item.tag,
            refKey: null,
            date: item.date,
            excerpt: item.claim,
          };
        case "uncited-paragraph":
          return {
            kind: item.kind,
            sectionId: item.sectionId,
            label: "",
            refKey: null,
            date: null,
            excerpt: item.excerpt,
          };
        default:
          return {
            kind: item.kind,
            sectionId: item.sectionId,
            label: item.title,
            refKey: item.refKey,
            date: null,
            excerpt: "",
          };
      }
    });
}
