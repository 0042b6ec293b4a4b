import type { DocJSON, Infobox, InfoboxRow } from "@/lib/document/model";

/**
 * The kinds of infobox the wiki knows, with their typed rows: a plain field,
 * or a row with one cell per side (belligerents, commanders…). Adding an
 * infobox starts from its kind's rows; "add a row" offers the kind's rows
 * not yet there, then a free field or sided row. Pure: unit-tested beside.
 */

/** A row an infobox kind has: its label and shape. */
export type RowTemplate = { label: string; kind: "field" } | { label: string; kind: "sides"; sides: number };

/** One kind of infobox: its stored `kind`, how it is named, its rows, and whether it has the part-of and date fields. */
export interface InfoboxKind {
  kind: string;
  name: string;
  partOf: boolean;
  dates: boolean;
  rows: RowTemplate[];
}

/** The kinds of the seed's articles (prisma/seed): a military conflict, a settlement. */
export const INFOBOX_KINDS: InfoboxKind[] = [
  {
    kind: "military conflict",
    name: "Military conflict",
    partOf: true,
    dates: true,
    rows: [
      { label: "Location", kind: "field" },
      { label: "Status", kind: "field" },
      { label: "Territorial changes", kind: "field" },
      { label: "Belligerents", kind: "sides", sides: 2 },
      { label: "Commanders and leaders", kind: "sides", sides: 2 },
      { label: "Units involved", kind: "sides", sides: 2 },
      { label: "Strength", kind: "sides", sides: 2 },
      { label: "Casualties and losses", kind: "sides", sides: 2 },
    ],
  },
  {
    kind: "settlement",
    name: "Settlement (city, town)",
    partOf: false,
    dates: false,
    rows: [
      { label: "Country", kind: "field" },
      { label: "Region", kind: "field" },
      { label: "Population", kind: "field" },
      { label: "Elevation", kind: "field" },
      { label: "Time zone", kind: "field" },
    ],
  },
];

/** A free row of either shape, for what a kind does not list. */
export const FREE_ROWS: RowTemplate[] = [
  { label: "", kind: "field" },
  { label: "", kind: "sides", sides: 2 },
];

/** The empty rich text of a new cell. */
export function emptyCell(): DocJSON {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/** The kind of `infobox`, when it is one the wiki knows. */
export function kindOf(kind: string): InfoboxKind | undefined {
  return INFOBOX_KINDS.find((candidate) => candidate.kind === kind);
}

/** A new, empty row of `template`. */
export function newRow(template: RowTemplate): InfoboxRow {
  return template.kind === "field"
    ? { kind: "field", label: template.label, value: emptyCell() }
    : { kind: "sides", label: template.label, sides: Array.from({ length: template.sides }, emptyCell) };
}

/** A new infobox of `kind` for the article `title`: the kind's rows, empty (its "part of" is offered, stored once written). */
export function newInfobox(kind: InfoboxKind, title: string): Infobox {
  return { kind: kind.kind, title, rows: kind.rows.map(newRow) };
}

/** The rows of `kind` that `rows` lack (by label), to offer when adding one. */
export function missingRows(kind: InfoboxKind | undefined, rows: InfoboxRow[]): RowTemplate[] {
  const present = new Set(rows.map((row) => row.label.trim().toLowerCase()));
  return (kind?.rows ?? []).filter((row) => !present.has(row.label.toLowerCase()));
}

/** `items` with the item at `from` moved to `to` (both clamped into the list). */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) return items;
  const target = Math.max(0, Math.min(items.length - 1, to));
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}
