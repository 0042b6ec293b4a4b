import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { Infobox, Reference } from "../document/model";
import { diffInfobox, diffReferences } from "./fields";
import { diffTokens } from "./sequence";
import type { Token } from "./types";

const words = (text: string): Token[] =>
  (text.match(/\s+|\S+/g) ?? []).map((part) => ({ kind: "text", text: part, marks: "" }));

describe("diffReferences", () => {
  const a: Reference = { key: "a", title: "A" };

  it("treats an empty field as no field, and compares author lists as one line", () => {
    expect(diffReferences([{ ...a, url: "" }], [a], new Set())).toEqual([]);
    expect(diffReferences([a], [{ ...a, work: "" }], new Set())).toEqual([]);
    const from = { ...a, authors: ["Smith, J.", "Doe, A."] };
    const to = { ...a, authors: ["Smith, J."] };
    expect(diffReferences([from], [to], new Set())).toEqual([
      {
        op: "changed",
        key: "a",
        from,
        to,
        fields: [{ field: "authors", from: "Smith, J.; Doe, A.", to: "Smith, J." }],
      },
    ]);
    expect(diffReferences([from], [{ ...from, authors: [...from.authors] }], new Set())).toEqual([]);
  });

  it("treats a null field, as stored JSON may hold one, as no field", () => {
    expect(diffReferences([{ ...a, url: null as unknown as string }], [a], new Set())).toEqual([]);
    expect(diffReferences([a], [{ ...a, quote: null as unknown as string }], new Set())).toEqual([]);
  });

  it("names a field removed and a field added, with null on the side without it", () => {
    const from = { ...a, quote: "Said." };
    const to = { ...a, language: "fr" };
    expect(diffReferences([from], [to], new Set())).toEqual([
      {
        op: "changed",
        key: "a",
        from,
        to,
        fields: [
          { field: "language", from: null, to: "fr" },
          { field: "quote", from: "Said.", to: null },
        ],
      },
    ]);
  });

  it("lists added references in the new order, then removed ones, telling whether the old revision cited them", () => {
    const refs = ["a", "b", "c", "d"].map((key): Reference => ({ key, title: key.toUpperCase() }));
    expect(diffReferences([refs[0], refs[1], refs[2]], [refs[3], refs[0]], new Set(["b"]))).toEqual([
      { op: "added", key: "d", to: refs[3] },
      { op: "removed", key: "b", from: refs[1], stillCitedInFrom: true },
      { op: "removed", key: "c", from: refs[2], stillCitedInFrom: false },
    ]);
  });
});

describe("diffInfobox", () => {
  const box = (overrides: Partial<Infobox> = {}): Infobox => ({
    kind: "battle",
    title: "Siege",
    rows: [],
    ...overrides,
  });
  const wordDiff = (a: Token[], b: Token[]) => diffTokens(a, b);
  const labels = (from: Infobox | null, to: Infobox | null) =>
    diffInfobox(from, to, wordDiff).map((cell) => [cell.label, cell.op]);

  it("names each cell it compares as the infobox shows it", () => {
    const full = box({
      partOf: docFromMarkup("The war"),
      imageCaption: docFromMarkup("A photo"),
      dateStart: "2024-11-27",
      dateEnd: "2024-12-08",
      rows: [
        { kind: "field", label: "Result", value: docFromMarkup("Victory") },
        {
          kind: "sides",
          label: "Belligerents",
          sides: [docFromMarkup("North"), docFromMarkup("South")],
          footer: docFromMarkup("Both"),
        },
      ],
    });
    expect(labels(null, full)).toEqual([
      ["Title", "added"],
      ["Part of", "added"],
      ["Caption", "added"],
      ["Date", "added"],
      ["Result", "added"],
      ["Belligerents (side 1)", "added"],
      ["Belligerents (side 2)", "added"],
      ["Belligerents (all sides)", "added"],
    ]);
    expect(labels(full, null).every(([, op]) => op === "removed")).toBe(true);
    expect(labels(full, full)).toEqual([]);
  });

  it("shows a changed cell word by word, and the title and the dates each as one piece", () => {
    const from = box({
      dateStart: "2024-11-27",
      rows: [{ kind: "field", label: "Result", value: docFromMarkup("A victory") }],
    });
    const to = box({
      title: "Siege of Aleppo",
      dateStart: "2024-11-27",
      dateEnd: "2024-12-08",
      rows: [{ kind: "field", label: "Result", value: docFromMarkup("A decisive victory") }],
    });
    const piece = (text: string): Token[] => [{ kind: "text", text, marks: "" }];
    expect(diffInfobox(from, to, wordDiff)).toEqual([
      {
        label: "Title",
        op: "changed",
        runs: [
          { op: "delete", tokens: piece("Siege") },
          { op: "insert", tokens: piece("Siege of Aleppo") },
        ],
      },
      {
        label: "Date",
        op: "changed",
        runs: [
          { op: "delete", tokens: piece("2024-11-27 – ") },
          { op: "insert", tokens: piece("2024-11-27 – 2024-12-08") },
        ],
      },
      {
        label: "Result",
        op: "changed",
        runs: [
          { op: "equal", tokens: words("A ") },
          { op: "insert", tokens: words("decisive ") },
          { op: "equal", tokens: words("victory") },
        ],
      },
    ]);
    // A date with an end only still has its cell.
    expect(labels(box(), box({ dateEnd: "2024-12-08" }))).toEqual([["Date", "added"]]);
  });

  it("shows a changed cell whole when the word diff gives up", () => {
    const from = box({ rows: [{ kind: "field", label: "Result", value: docFromMarkup("A") }] });
    const to = box({ rows: [{ kind: "field", label: "Result", value: docFromMarkup("B") }] });
    expect(diffInfobox(from, to, () => null)).toEqual([
      {
        label: "Result",
        op: "changed",
        runs: [
          { op: "delete", tokens: words("A") },
          { op: "insert", tokens: words("B") },
        ],
      },
    ]);
  });
});

describe("diffInfobox, cells on one side only", () => {
  const wordDiff = (a: Token[], b: Token[]) => diffTokens(a, b);
  const piece = (text: string): Token[] => [{ kind: "text", text, marks: "" }];

  it("shows a new infobox's cells inserted whole and a removed one's deleted whole, and only the cells it has", () => {
    const bare: Infobox = { kind: "battle", title: "Siege", dateEnd: "2024-12-08", rows: [] };
    expect(diffInfobox(null, bare, wordDiff)).toEqual([
      { label: "Title", op: "added", runs: [{ op: "insert", tokens: piece("Siege") }] },
      { label: "Date", op: "added", runs: [{ op: "insert", tokens: piece(" – 2024-12-08") }] },
    ]);
    expect(diffInfobox(bare, null, wordDiff)).toEqual([
      { label: "Title", op: "removed", runs: [{ op: "delete", tokens: piece("Siege") }] },
      { label: "Date", op: "removed", runs: [{ op: "delete", tokens: piece(" – 2024-12-08") }] },
    ]);
    const sides: Infobox = {
      ...bare,
      dateEnd: undefined,
      rows: [{ kind: "sides", label: "Belligerents", sides: [docFromMarkup("North")] }],
    };
    expect(diffInfobox(null, sides, wordDiff).map((cell) => cell.label)).toEqual(["Title", "Belligerents (side 1)"]);
  });
  it("shows a title given to an untitled infobox as inserted words, with nothing deleted", () => {
    const untitled: Infobox = { kind: "battle", title: "", rows: [] };
    expect(diffInfobox(untitled, { ...untitled, title: "Siege" }, wordDiff)).toEqual([
      { label: "Title", op: "changed", runs: [{ op: "insert", tokens: piece("Siege") }] },
    ]);
  });
});
