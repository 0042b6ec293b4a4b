import type { ArticleDiff } from "./types";

/**
 * What a diff changed, counted per kind of part, for the one-line summary
 * above a diff. Sections alone undercount: an edit of only the infobox and a
 * reference changes no section and no word of prose, and must not read as
 * "0 sections changed".
 */
export interface ChangeCounts {
  sections: number;
  referencesAdded: number;
  referencesRemoved: number;
  referencesChanged: number;
  /** infobox rows (or header fields) added, removed or changed */
  infoboxFields: number;
  notes: number;
  titleChanged: boolean;
  blocksMoved: number;
  wordsInserted: number;
  wordsDeleted: number;
}

/** Counts a diff's changes per kind of part. Pure. */
export function changeCounts(diff: ArticleDiff): ChangeCounts {
  const references = (op: "added" | "removed" | "changed") =>
    diff.references.filter((reference) => reference.op === op).length;
  return {
    sections: diff.stats.sectionsChanged,
    referencesAdded: references("added"),
    referencesRemoved: references("removed"),
    referencesChanged: references("changed"),
    // An infobox added or removed whole has no cells to count but is still one change.
    infoboxFields: diff.infobox ? Math.max(1, diff.infobox.cells.length) : 0,
    notes: diff.notes.length,
    titleChanged: diff.title !== null,
    blocksMoved: diff.stats.blocksMoved,
    wordsInserted: diff.stats.wordsInserted,
    wordsDeleted: diff.stats.wordsDeleted,
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * The structural part of the summary in words ("1 section changed · 1
 * reference added · 2 infobox fields changed"), parts with nothing to say
 * left out; sections are always named, so a pure infobox edit still reads as
 * "0 sections changed · 1 infobox field changed". Words are shown apart (they
 * are styled as insertions and deletions).
 */
export function describeChangeCounts(counts: ChangeCounts): string[] {
  const parts = [`${count(counts.sections, "section")} changed`];
  if (counts.titleChanged) parts.push("title changed");
  if (counts.referencesAdded) parts.push(`${count(counts.referencesAdded, "reference")} added`);
  if (counts.referencesRemoved) parts.push(`${count(counts.referencesRemoved, "reference")} removed`);
  if (counts.referencesChanged) parts.push(`${count(counts.referencesChanged, "reference")} changed`);
  if (counts.infoboxFields) parts.push(`${count(counts.infoboxFields, "infobox field")} changed`);
  if (counts.notes) parts.push(`${count(counts.notes, "note")} changed`);
  if (counts.blocksMoved) parts.push(`${count(counts.blocksMoved, "paragraph")} moved`);
  return parts;
}
