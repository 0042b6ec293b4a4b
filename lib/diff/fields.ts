import type { Infobox, Reference } from "../document/model";
import { docTokens } from "./tokens";
import type { FieldChange, InfoboxCellDiff, ReferenceDiff, Token, TokenRun } from "./types";

const REFERENCE_FIELDS: Array<keyof Reference> = [
  "title",
  "url",
  "work",
  "publisher",
  "authors",
  "date",
  "accessDate",
  "archiveUrl",
  "archiveDate",
  "language",
  "quote",
];

function fieldText(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  return Array.isArray(value) ? value.join("; ") : String(value);
}

/** Added, removed and changed references, with a field-by-field list for each change. */
export function diffReferences(from: Reference[], to: Reference[], citedInFrom: Set<string>): ReferenceDiff[] {
  const before = new Map(from.map((reference) => [reference.key, reference]));
  const after = new Map(to.map((reference) => [reference.key, reference]));
  const diffs: ReferenceDiff[] = [];
  for (const reference of to) {
    const old = before.get(reference.key);
    if (!old) {
      diffs.push({ op: "added", key: reference.key, to: reference });
      continue;
    }
    const fields: FieldChange[] = REFERENCE_FIELDS.flatMap((field) => {
      const a = fieldText(old[field]);
      const b = fieldText(reference[field]);
      return a === b ? [] : [{ field, from: a, to: b }];
    });
    if (fields.length) diffs.push({ op: "changed", key: reference.key, from: old, to: reference, fields });
  }
  for (const reference of from) {
    if (!after.has(reference.key))
      diffs.push({
        op: "removed",
        key: reference.key,
        from: reference,
        stillCitedInFrom: citedInFrom.has(reference.key),
      });
  }
  return diffs;
}

type WordDiff = (a: Token[], b: Token[]) => TokenRun[] | null;

/** Field-by-field changes of the infobox: each value, side and footer is compared word by word. */
export function diffInfobox(from: Infobox | null, to: Infobox | null, wordDiff: WordDiff): InfoboxCellDiff[] {
  const cells = new Map<string, { from: Token[] | null; to: Token[] | null }>();
  const put = (label: string, side: "from" | "to", tokens: Token[]) => {
    const cell = cells.get(label) ?? { from: null, to: null };
    cell[side] = tokens;
    cells.set(label, cell);
  };
  const text = (value: string | undefined): Token[] => (value ? [{ kind: "text", text: value, marks: "" }] : []);
  for (const [side, box] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (!box) continue;
    put("Title", side, text(box.title));
    if (box.partOf) put("Part of", side, docTokens(box.partOf));
    if (box.imageCaption) put("Caption", side, docTokens(box.imageCaption));
    if (box.dateStart || box.dateEnd) put("Date", side, text(`${box.dateStart ?? ""} – ${box.dateEnd ?? ""}`));
    for (const row of box.rows) {
      if (row.kind === "field") put(row.label, side, docTokens(row.value));
      else {
        row.sides.forEach((value, index) => put(`${row.label} (side ${index + 1})`, side, docTokens(value)));
        if (row.footer) put(`${row.label} (all sides)`, side, docTokens(row.footer));
      }
    }
  }
  const diffs: InfoboxCellDiff[] = [];
  for (const [label, cell] of cells) {
    if (!cell.from) diffs.push({ label, op: "added", runs: [{ op: "insert", tokens: cell.to! }] });
    else if (!cell.to) diffs.push({ label, op: "removed", runs: [{ op: "delete", tokens: cell.from }] });
    else if (JSON.stringify(cell.from) !== JSON.stringify(cell.to)) {
      diffs.push({
        label,
        op: "changed",
        runs: wordDiff(cell.from, cell.to) ?? [
          { op: "delete", tokens: cell.from },
          { op: "insert", tokens: cell.to },
        ],
      });
    }
  }
  return diffs;
}
