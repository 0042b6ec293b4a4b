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

  it("pairs with the later of two equally similar candidates whichever shares the opening words", () => {
    // Both share two of four pairs with "a b c d"; the later one shares its opening (start a) (a b).
    expect(ops(["Keep.", "a b c d", "Kept."], ["Keep.", "x b c d", "a b y z", "Kept."])).toEqual([
      "equal",
      "insert x b c d",
      "change a b y z",
      "equal",
    ]);
  });

  it("does not pair a block that moved intact elsewhere with a similar block left in its place", () => {
    const diff = diffArticles(
      article([section("lead", ["Keep.", "a b c d", "Kept."]), section("b", ["B."])]),
      article([section("lead", ["Keep.", "a b c x", "Kept."]), section("b", ["B.", "a b c d"])]),
    );
    expect(diff.sections.map((s) => s.blocks.map((block) => block.op))).toEqual([
      ["equal", "move-out", "insert", "equal"],
      ["equal", "move-in"],
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

  it("moves a block to the later of two equally similar blocks elsewhere whichever shares the opening words", () => {
    // Each shares seven of ten pairs with the removed block; the later one shares its opening (start a).
    const moved = (ids: string[]) =>
      diffArticles(
        article([section("lead", ["a b c d e f g h i j", "Keep."]), section("b", ["B."])]),
        article([section("lead", ["Keep."]), section("b", ["B.", ...ids])]),
      ).sections[1].blocks.map((block) => `${block.op} ${"to" in block ? plain(block.to) : ""}`);
    expect(moved(["z b c d e f g h i y", "a b c d e f g x y z"])).toEqual([
      "equal B.",
      "insert z b c d e f g h i y",
      "move-in a b c d e f g x y z",
    ]);
  });

  it("does not show a paragraph as moved into a list item elsewhere, however alike their words", () => {
    const list = { list: "bullet" as const, items: ["a b c d e f g h i j"] };
    const diff = diffArticles(
      article([section("lead", ["a b c d e f g h i j", "Keep."]), section("b", ["B."])]),
      article([section("lead", ["Keep."]), section("b", ["B.", list as never])]),
    );
    expect(diff.sections.map((s) => s.blocks.map((block) => block.op))).toEqual([
      ["delete", "equal"],
      ["equal", "insert"],
    ]);
  });

  it("moves a removed block to at most one insertion: a second alike removed block is deleted", () => {
    const diff = diffArticles(
      article([
        section("lead", ["a b c d e f g h i j", "Keep."]),
        section("b", ["B."]),
        section("c", ["a b c d e f g h i k", "C."]),
      ]),
      article([section("lead", ["Keep."]), section("b", ["B.", "a b c d e f g h x y"]), section("c", ["C."])]),
    );
    expect(diff.sections.map((s) => s.blocks.map((block) => block.op))).toEqual([
      ["move-out", "equal"],
      ["equal", "move-in"],
      ["delete", "equal"],
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
  it("shows a removed section where it was: after the section it followed, or first", () => {
    const order = (before: string[], after: string[]) =>
      diffArticles(
        article(before.map((id) => section(id, [`${id}.`]))),
        article(after.map((id) => section(id, [`${id}.`]))),
      )
        .sections.map((s) => s.id)
        .join(" ");
    expect(order(["x", "a", "b"], ["a", "b"])).toBe("x a b");
    expect(order(["lead", "x", "a"], ["lead", "a"])).toBe("lead x a");
    expect(order(["lead", "a", "b", "x", "c"], ["lead", "a", "b", "c"])).toBe("lead a b x c");
    // "a" and "b" swapped: "x" still follows "b", now the first of them.
    expect(order(["a", "b", "x"], ["b", "a"])).toBe("b x a");
    // Two removed in a row keep their order.
    expect(order(["lead", "x", "y", "a"], ["lead", "a"])).toBe("lead x y a");
  });

  it("gives each moved block its own id, shared by its old and new places, and shows an intact one as all equal", () => {
    const diff = diffArticles(
      article([section("lead", ["First moved paragraph.", "Second moved paragraph.", "Keep."]), section("b", ["B."])]),
      article([section("lead", ["Keep."]), section("b", ["B.", "First moved paragraph.", "Second moved paragraph."])]),
    );
    const outs = diff.sections[0].blocks.flatMap((block) => (block.op === "move-out" ? [block] : []));
    const ins = diff.sections[1].blocks.flatMap((block) => (block.op === "move-in" ? [block] : []));
    expect(outs).toHaveLength(2);
    expect(new Set(outs.map((block) => block.moveId)).size).toBe(2);
    for (const out of outs) {
      expect(out.moveId).toMatch(/\S/);
      expect(ins.find((block) => block.moveId === out.moveId)?.to).toEqual(out.from);
    }
    const words = (text: string) =>
      (text.match(/\s+|\S+/g) ?? []).map((part) => ({ kind: "text", text: part, marks: "" }));
    expect(ins.map((block) => block.runs)).toEqual([
      [{ op: "equal", tokens: words("First moved paragraph.") }],
      [{ op: "equal", tokens: words("Second moved paragraph.") }],
    ]);
  });
});
