import { type CitationLocator, hasLocator, locatorKey, locatorOf } from "./extensions/citation";
import type { ArticleContent, DocJSON, Reference } from "./model";
import { eachNode, walkArticleDocs } from "./walk";

/** One reference as listed at the foot of the page. */
export interface NumberedReference {
  number: number;
  reference: Reference;
  /** anchor ids of each place it is cited without a locator, in reading order */
  citationIds: string[];
  /** its cited locators (1.1, 1.2 …), by first appearance */
  subReferences: SubReference[];
}

/** One locator of a reference ("p. 12"), listed beneath it as n.m, shared by every citation with that locator. */
export interface SubReference {
  /** "1.2": the reference's number and the locator's place among its locators */
  label: string;
  locator: CitationLocator;
  /** the list item's anchor: `cite_note-KEY~m` (a key cannot hold "~", so no key's anchor collides) */
  id: string;
  /** anchor ids of each place citing it, in reading order */
  citationIds: string[];
}

/** One footnote as listed under "Notes". */
export interface LetteredNote {
  label: string;
  anchorId: string;
  noteId: string;
  content: DocJSON[];
}

/**
 * Citation numbers and note letters for one revision, computed the way a
 * reader meets them: infobox first, then the sections, descending into a note's
 * own text where the note stands. The renderer walks the documents in the same
 * order and takes the next id from `nextCitation` / `nextNote`.
 */
export interface CitationPlan {
  references: NumberedReference[];
  notes: LetteredNote[];
  numberOf: Map<string, number>;
  /** anchors of each citation node, keyed by the node object itself */
  citationAnchors: WeakMap<object, CitationAnchor>;
  /** the lettered note of each note node, keyed by the node object itself */
  noteAnchors: WeakMap<object, LetteredNote>;
}

/** Where one citation in the text points, and its own anchor for backlinks. */
export interface CitationAnchor {
  number: number;
  /** what the marker shows: "1", or "1.2" for a citation with a locator */
  label: string;
  id: string;
  targetId: string;
}

/** Letters for notes and backlinks: a..z, aa, ab, ... */
export function letterLabel(index: number): string {
  let label = "";
  let n = index;
  do {
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

/**
 * Computes citation numbers (by first use), backlink anchors and note letters.
 * A citation with a locator points at a sub-reference of its reference, as
 * Wikipedia's sub-referencing does: numbered n.1, n.2 … by first appearance,
 * one per distinct locator; a citation without one points at the reference.
 */
export function planCitations(content: Pick<ArticleContent, "infobox" | "sections" | "references">): CitationPlan {
  const byKey = new Map(content.references.map((reference) => [reference.key, reference]));
  const numbered = new Map<string, NumberedReference>();
  const notes: LetteredNote[] = [];
  const citationAnchors = new WeakMap<object, CitationAnchor>();
  const noteAnchors = new WeakMap<object, LetteredNote>();
  const uses = new Map<string, number>();
  const subByLocator = new Map<string, SubReference>();
  walkArticleDocs(content, (doc) => {
    eachNode(doc, (node) => {
      if (node.type === "citation") {
        const key = String(node.attrs?.refKey);
        const reference = byKey.get(key);
        if (!reference) return;
        let entry = numbered.get(key);
        if (!entry) {
          entry = { number: numbered.size + 1, reference, citationIds: [], subReferences: [] };
          numbered.set(key, entry);
        }
        // Ids count every citation of the key, with a locator or not, so they are those the page had before locators.
        const id = `cite_ref-${key}-${uses.get(key) ?? 0}`;
        uses.set(key, (uses.get(key) ?? 0) + 1);
        const locator = locatorOf(node.attrs);
        if (!hasLocator(locator)) {
          entry.citationIds.push(id);
          citationAnchors.set(node, {
            number: entry.number,
            label: String(entry.number),
            id,
            targetId: `cite_note-${key}`,
          });
          return;
        }
        const lookup = `${key}\n${locatorKey(locator)}`;
        let sub = subByLocator.get(lookup);
        if (!sub) {
          const place = entry.subReferences.length + 1;
          sub = { label: `${entry.number}.${place}`, locator, id: `cite_note-${key}~${place}`, citationIds: [] };
          entry.subReferences.push(sub);
          subByLocator.set(lookup, sub);
        }
        sub.citationIds.push(id);
        citationAnchors.set(node, { number: entry.number, label: sub.label, id, targetId: sub.id });
      } else if (node.type === "note") {
        const label = letterLabel(notes.length);
        const note = { label, anchorId: `note_ref-${label}`, noteId: `note-${label}`, content: node.content ?? [] };
        notes.push(note);
        noteAnchors.set(node, note);
      }
    });
  });
  // References present in the revision but cited nowhere still get listed, last.
  for (const reference of content.references) {
    if (!numbered.has(reference.key))
      numbered.set(reference.key, { number: numbered.size + 1, reference, citationIds: [], subReferences: [] });
  }
  const references = [...numbered.values()];
  return {
    references,
    notes,
    numberOf: new Map(references.map((entry) => [entry.reference.key, entry.number])),
    citationAnchors,
    noteAnchors,
  };
}
