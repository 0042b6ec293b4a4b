import type { ArticleContent, DocJSON, Reference } from "./model";
import { walkArticleDocs, walkDoc } from "./walk";

/** One reference as listed at the foot of the page. */
export interface NumberedReference {
  number: number;
  reference: Reference;
  /** anchor ids of each place it is cited, in reading order */
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

/** Computes citation numbers (by first use), backlink anchors and note letters. */
export function planCitations(content: Pick<ArticleContent, "infobox" | "sections" | "references">): CitationPlan {
  const byKey = new Map(content.references.map((reference) => [reference.key, reference]));
  const numbered = new Map<string, NumberedReference>();
  const notes: LetteredNote[] = [];
  const citationAnchors = new WeakMap<object, CitationAnchor>();
  const noteAnchors = new WeakMap<object, LetteredNote>();
  walkArticleDocs(content, (doc) => {
    walkDoc(doc, (node) => {
      if (node.type === "citation") {
        const key = String(node.attrs?.refKey);
        const reference = byKey.get(key);
        if (!reference) return;
        let entry = numbered.get(key);
        if (!entry) {
          entry = { number: numbered.size + 1, reference, citationIds: [] };
          numbered.set(key, entry);
        }
        const id = `cite_ref-${key}-${entry.citationIds.length}`;
        entry.citationIds.push(id);
        citationAnchors.set(node, { number: entry.number, id, targetId: `cite_note-${key}` });
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
      numbered.set(reference.key, { number: numbered.size + 1, reference, citationIds: [] });
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
