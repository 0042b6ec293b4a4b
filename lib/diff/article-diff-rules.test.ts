import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent, DocJSON, Section } from "../document/model";
import { diffArticles } from "./article-diff";

const section = (id: string, blocks: string[], overrides: Partial<Section> = {}): Section => ({
  id,
  title: id === "lead" ? "" : id.toUpperCase(),
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(blocks),
  ...overrides,
});
const article = (sections: Section[]): ArticleContent => ({ title: "T", infobox: null, sections, references: [] });

// One revision pair with one change of every kind the summary counts.
const from = article([
  section("lead", ["Lead.", "Moved along intact."]),
  section("a", ["The army withdrew from the city.", "Kept paragraph.", "Deleted paragraph here."]),
  section("b", ["Removed section text."]),
  section("d", ["Same."]),
  section("e", ["Same."]),
  section("f", ["Same."]),
  section("g", ["Same."]),
]);
const to = article([
  section("lead", ["Lead."]),
  section("a", ["The army quickly withdrew from the city.", "Kept paragraph.", "Brand new words."]),
  section("d", ["Same."], { title: "D renamed" }),
  section("e", ["Same."], { level: 3 }),
  section("g", ["Same."]),
  section("f", ["Same."]),
  section("c", ["Added section.", "Moved along intact."]),
]);

describe("the diff's summary counts", () => {
  it("counts changed sections (renamed, re-levelled and moved ones too), blocks by kind, and words", () => {
    const diff = diffArticles(from, to);
    const ops = Object.fromEntries(diff.sections.map((s) => [s.id, s.blocks.map((block) => block.op)]));
    expect(ops).toEqual({
      lead: ["equal", "move-out"],
      a: ["change", "equal", "delete", "insert"],
      b: ["delete"],
      d: [],
      e: [],
      g: [],
      f: [],
      c: ["insert", "move-in"],
    });
    expect(diff.stats).toEqual({
      // lead, a, b, c by their blocks; d renamed, e re-levelled, f moved (g kept its place)
      sectionsChanged: 7,
      blocksInserted: 2,
      blocksDeleted: 2,
      blocksChanged: 1,
      blocksMoved: 1,
      // "quickly", "Brand new words.", "Added section."; an intact move adds no words
      wordsInserted: 6,
      // "Deleted paragraph here.", "Removed section text."
      wordsDeleted: 6,
    });
    expect(diff.coarse).toBe(false);
  });

  it("counts every word of a changed block on both sides once the time budget is spent", () => {
    let now = 0;
    const diff = diffArticles(from, to, { budgetMs: 0, clock: () => (now += 1) });
    expect(diff.coarse).toBe(true);
    const change = diff.sections.find((s) => s.id === "a")?.blocks[0];
    expect(change).toMatchObject({ op: "change", runs: null });
    expect(diff.stats).toMatchObject({
      blocksChanged: 1,
      blocksMoved: 1,
      wordsInserted: 7 + 3 + 2,
      wordsDeleted: 6 + 3 + 3,
    });
  });

  it("counts the words a moved block gained or lost on its way", () => {
    const moving = "On 5 December the opposition entered the city after a long night of fighting in the suburbs.";
    const before = article([section("lead", ["Lead."]), section("a", ["Stays.", moving]), section("b", ["Other."])]);
    const after = article([
      section("lead", ["Lead."]),
      section("a", ["Stays."]),
      section("b", ["Other.", moving.replace("a long", "one very long")]),
    ]);
    expect(diffArticles(before, after).stats).toMatchObject({
      blocksMoved: 1,
      blocksDeleted: 0,
      blocksInserted: 0,
      wordsInserted: 2,
      wordsDeleted: 1,
    });
  });

  it("is all zeros between a revision and itself", () => {
    expect(Object.values(diffArticles(from, structuredClone(from)).stats).every((count) => count === 0)).toBe(true);
  });
});

/*
 * How leftover blocks are paired, at the thresholds. Similarity is the Dice
 * coefficient of word pairs, the block's start counting as a word: "a b c d"
 * has the pairs (start a) (a b) (b c) (c d).
 */
describe("pairing leftover blocks", () => {
  const ops = (before: string[], after: string[]) =>
    diffArticles(article([section("lead", before)]), article([section("lead", after)])).sections[0].blocks.map(
      (block) =>
        block.op === "equal" ? "equal" : `${block.op} ${"to" in block ? plain(block.to) : plain(block.from)}`,
    );
  /** The text of a paragraph. */
  const plain = (block: DocJSON) => block.content?.map((node) => node.text).join("") ?? "";

  it("shows blocks in the same gap sharing at least half their word pairs as one changed block", () => {
    // Shared (start a) (a b): 2 of 4 and 4, exactly one half.
    expect(ops(["Keep.", "a b c d", "Kept."], ["Keep.", "a b x y", "Kept."])).toEqual([
      "equal",
      "change a b x y",
      "equal",
    ]);
    // Shared (start a) alone: a quarter, a deletion and an insertion.
    expect(ops(["Keep.", "a b c d", "Kept."], ["Keep.", "a x y z", "Kept."])).toEqual([
      "equal",
      "delete a b c d",
      "insert a x y z",
      "equal",
    ]);
  });

  it("pairs a block with the later of two equally similar candidates", () => {
    expect(ops(["Keep.", "a b c d", "Kept."], ["Keep.", "a b c x", "a b c y", "Kept."])).toEqual([
      "equal",
      "insert a b c x",
      "change a b c y",
      "equal",
    ]);
  });

  it("pairs only blocks of the same type", () => {
    const list = { list: "bullet" as const, items: ["a b c d"] };
    const blocks = diffArticles(
      article([section("lead", ["Keep.", "a b c d"])]),
      article([section("lead", ["Keep.", list as never])]),
    ).sections[0].blocks;
    expect(blocks.map((block) => block.op)).toEqual(["equal", "delete", "insert"]);
  });

  it("shows a similar block in another gap as moved, from seven tenths of its word pairs on", () => {
    const ten = "a b c d e f g h i j";
    // Seven of ten pairs shared: moved, with its changes.
    expect(ops([ten, "Keep.", "Other."], ["Keep.", "a b c d e f g x y z", "Other."])).toEqual([
      "move-out a b c d e f g h i j",
      "equal",
      "move-in a b c d e f g x y z",
      "equal",
    ]);
    // Six of ten: too different to be the same paragraph.
    expect(ops([ten, "Keep.", "Other."], ["Keep.", "a b c d e f w x y z", "Other."])).toEqual([
      "delete a b c d e f g h i j",
      "equal",
      "insert a b c d e f w x y z",
      "equal",
    ]);
  });

  it("shows a section whose body changed outside its blocks as changed, so that the diff stays complete", () => {
    const before = article([section("lead", ["Same."])]);
    const after = article([{ ...section("lead", ["Same."]), body: { ...section("lead", ["Same."]).body, attrs: {} } }]);
    expect(diffArticles(before, after).sections[0].status).toBe("changed");
  });
});

describe("the rest of an article", () => {
  const withNotes = (...notes: string[]) =>
    article([section("lead", [`Claim.${notes.map((note) => `[[note:${note}]]`).join("")}`])]);

  it("names a changed title, and none when it is the same", () => {
    expect(diffArticles(from, { ...from, title: "New" }).title).toEqual({ from: "T", to: "New" });
    expect(diffArticles(from, structuredClone(from)).title).toBeNull();
  });

  it("lists notes added and removed, and a changed note whole once the budget is spent", () => {
    const words = (text: string) =>
      (text.match(/\s+|\S+/g) ?? []).map((part) => ({ kind: "text", text: part, marks: "" }));
    expect(diffArticles(withNotes("one"), withNotes("one", "two")).notes).toEqual([
      { op: "added", runs: [{ op: "insert", tokens: words("two") }] },
    ]);
    expect(diffArticles(withNotes("one", "two"), withNotes("two")).notes).toEqual([
      { op: "removed", runs: [{ op: "delete", tokens: words("one") }] },
    ]);
    let now = 0;
    expect(diffArticles(withNotes("old"), withNotes("new"), { budgetMs: 0, clock: () => (now += 1) }).notes).toEqual([
      {
        op: "changed",
        runs: [
          { op: "delete", tokens: words("old") },
          { op: "insert", tokens: words("new") },
        ],
      },
    ]);
  });

  it("shows an added section with an empty body as added", () => {
    const empty = { ...section("n", []), body: { type: "doc" } };
    const diff = diffArticles(article([section("lead", ["L."])]), article([section("lead", ["L."]), empty]));
    expect(diff.sections.map((s) => [s.id, s.status])).toEqual([
      ["lead", "unchanged"],
      ["n", "added"],
    ]);
  });

  it("flags as dangling only the citations whose reference is missing", () => {
    const cited = { ...article([section("lead", ["x[[ref:a]]"])]), references: [{ key: "a", title: "A" }] };
    expect(diffArticles(cited, structuredClone(cited)).flags).toEqual({ droppedReferences: [], danglingCitations: [] });
  });
});
