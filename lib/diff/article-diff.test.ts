import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParameters } from "../../test/document-arbitraries";
import { generateArticle } from "../../test/factories";
import { demoHistory } from "../../prisma/seed/demo";
import { docFromMarkup } from "../document/markup";
import { type ArticleContent, type DocJSON, type Reference, type Section, ZReferenceSchema } from "../document/model";
import { applyDiff, diffArticles } from "./article-diff";
import { locatorChange } from "./tokens";
import type { ArticleDiff } from "./types";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const section = (id: string, blocks: string[], title = id): Section => ({
  id,
  title: id === "lead" ? "" : title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(blocks),
});
const refs: Reference[] = [
  { key: "a", title: "A", url: "https://example.org/a" },
  { key: "b", title: "B" },
];
const article = (sections: Section[], references = refs): ArticleContent => ({
  title: "T",
  infobox: null,
  sections,
  references,
});

function isEmpty(diff: ArticleDiff): boolean {
  return (
    diff.title === null &&
    diff.infobox === null &&
    diff.references.length === 0 &&
    diff.notes.length === 0 &&
    diff.sections.every((s) => s.status === "unchanged" && !s.renamed && !s.relevelled && !s.moved)
  );
}

const roundTrip = (from: ArticleContent, to: ArticleContent) =>
  expect(
    applyDiff(
      from,
      diffArticles(from, to),
      to.references.map((r) => r.key),
    ),
  ).toEqual(to);

describe("diffArticles", () => {
  it("aligns sections by id and names added, removed, renamed, re-levelled and moved ones", () => {
    const from = article([
      section("lead", ["Lead."]),
      section("a", ["Alpha."]),
      section("b", ["Beta."]),
      section("c", ["Gamma."]),
      section("d", ["Delta."]),
      section("e", ["Epsilon."]),
    ]);
    // "c" jumps over "d" and "e": the one section whose move keeps the others in order, so the move is c's alone.
    const to = article([
      section("lead", ["Lead."]),
      section("a", ["Alpha."], "Alpha renamed"),
      section("d", ["Delta."]),
      section("e", ["Epsilon."]),
      section("c", ["Gamma."]),
      section("n", ["New."]),
    ]);
    to.sections[4] = { ...to.sections[4], level: 3 };
    const diff = diffArticles(from, to);
    const byId = Object.fromEntries(diff.sections.map((s) => [s.id, s]));
    expect(byId.n.status).toBe("added");
    expect(byId.b.status).toBe("removed");
    expect(byId.a.renamed).toBe(true);
    expect(byId.c.relevelled).toBe(true);
    expect(diff.sections.filter((s) => s.moved).map((s) => s.id)).toEqual(["c"]);
    expect(diff.sections.map((s) => s.id)).toEqual(["lead", "a", "b", "d", "e", "c", "n"]);
    roundTrip(from, to);
  });

  it("shows a paragraph moved and edited within one section as a move, with a trace at its old position", () => {
    const moving = "On 5 December the opposition entered the city after a long night of fighting in the suburbs.";
    const from = article([
      section("lead", ["Lead."]),
      section("a", [moving, "First stays.", "Second stays.", "Third stays."]),
    ]);
    const to = article([
      section("lead", ["Lead."]),
      section("a", ["First stays.", "Second stays.", "Third stays.", moving.replace("long", "very long")]),
    ]);
    const blocks = diffArticles(from, to).sections.find((s) => s.id === "a")!.blocks;
    expect(blocks.map((block) => block.op)).toEqual(["move-out", "equal", "equal", "equal", "move-in"]);
    expect(blocks[0]).toMatchObject({ toSectionId: "a" });
    expect(blocks[4]).toMatchObject({ fromSectionId: "a", moveId: (blocks[0] as { moveId: string }).moveId });
    roundTrip(from, to);
  });

  it("shows a changed paragraph word by word, with an inserted citation as its own token", () => {
    const from = article([section("lead", ["The army withdrew from the city.[[ref:a]]", "Unchanged paragraph."])]);
    const to = article([
      section("lead", ["The army quickly withdrew from the city.[[ref:a]][[ref:b]]", "Unchanged paragraph."]),
    ]);
    const diff = diffArticles(from, to);
    const blocks = diff.sections[0].blocks;
    expect(blocks.map((b) => b.op)).toEqual(["change", "equal"]);
    const change = blocks[0];
    if (change.op !== "change") throw new Error("expected a change");
    const inserted = change.runs!.filter((run) => run.op === "insert").flatMap((run) => run.tokens);
    expect(inserted).toEqual(
      expect.arrayContaining([
        { kind: "text", text: "quickly", marks: "" },
        { kind: "citation", refKey: "b" },
      ]),
    );
    expect(change.runs!.some((run) => run.op === "delete")).toBe(false);
    expect(diff.stats).toMatchObject({ blocksChanged: 1, wordsInserted: 2 });
  });

  it("shows a paragraph moved to another section as a move, with its own small changes", () => {
    const moving = "On 5 December the opposition entered the city after a long night of fighting in the suburbs.";
    const from = article([
      section("lead", ["Lead."]),
      section("a", ["Stays here.", moving]),
      section("b", ["Other text."]),
    ]);
    const to = article([
      section("lead", ["Lead."]),
      section("a", ["Stays here."]),
      section("b", ["Other text.", moving.replace("long", "very long")]),
    ]);
    const diff = diffArticles(from, to);
    const out = diff.sections.find((s) => s.id === "a")!.blocks.find((b) => b.op === "move-out");
    const into = diff.sections.find((s) => s.id === "b")!.blocks.find((b) => b.op === "move-in");
    expect(out).toMatchObject({ op: "move-out", toSectionId: "b" });
    expect(into).toMatchObject({ op: "move-in", fromSectionId: "a", moveId: (out as { moveId: string }).moveId });
    if (into?.op !== "move-in") throw new Error("expected a move");
    expect(into.runs!.filter((run) => run.op === "insert").flatMap((run) => run.tokens)).toEqual([
      { kind: "text", text: "very", marks: "" },
      { kind: "text", text: " ", marks: "" },
    ]);
    expect(diff.stats.blocksDeleted).toBe(0);
    expect(diff.stats.blocksMoved).toBe(1);
    roundTrip(from, to);
  });

  it("looks for edited moves among at most 10,000 pairs of removed and added paragraphs", () => {
    // Paragraphs with no word in common, so only the edited copy of the first one is alike.
    const words = (n: number) => Array.from({ length: 10 }, (_, k) => `w${n}x${k}`).join(" ");
    const moved = (removed: number) => {
      const from = article([
        section("lead", ["Lead."]),
        section("a", ["Kept.", ...Array.from({ length: removed }, (_, n) => words(n))]),
        section("b", ["Stays."]),
      ]);
      const added = [words(0).replace("w0x9", "edited"), ...Array.from({ length: 99 }, (_, n) => words(1000 + n))];
      const to = article([section("lead", ["Lead."]), section("a", ["Kept."]), section("b", ["Stays.", ...added])]);
      const diff = diffArticles(from, to);
      roundTrip(from, to);
      return diff.sections.find((s) => s.id === "b")!.blocks.filter((block) => block.op === "move-in").length;
    };
    expect(moved(100)).toBe(1); // 100 x 100 pairs: searched
    expect(moved(101)).toBe(0); // 101 x 100: over the bound, shown as removed and added
  });

  it("leaves paragraphs already paired out of the 10,000-pair bound of the edited-move search", () => {
    const words = (n: number) => Array.from({ length: 10 }, (_, k) => `w${n}x${k}`).join(" ");
    const intact = "An intact paragraph moved along.";
    // 101 removed and 101 added, but the intact move pairs one of each: 100 x 100 left to search.
    const from = article([
      section("lead", ["Lead."]),
      section("a", ["Kept.", intact, ...Array.from({ length: 100 }, (_, n) => words(n))]),
      section("b", ["Stays."]),
    ]);
    const added = [words(0).replace("w0x9", "edited"), ...Array.from({ length: 99 }, (_, n) => words(1000 + n))];
    const to = article([
      section("lead", ["Lead."]),
      section("a", ["Kept."]),
      section("b", ["Stays.", intact, ...added]),
    ]);
    const moves = diffArticles(from, to)
      .sections.find((s) => s.id === "b")!
      .blocks.filter((b) => b.op === "move-in");
    expect(moves.map((block) => (block.op === "move-in" ? block.to.content?.[0]?.text : null))).toEqual([
      intact,
      words(0).replace("w0x9", "edited"),
    ]);
  });

  it("rebuilds a changed section's body with what it holds besides its blocks", () => {
    const withAttrs = (s: Section): Section => ({ ...s, body: { ...s.body, attrs: { lang: "fr" } } });
    const from = article([withAttrs(section("lead", ["Un.", "Deux."]))]);
    const to = article([withAttrs(section("lead", ["Un.", "Trois."]))]);
    roundTrip(from, to);
  });

  it("diffs references field by field and flags dropped references", () => {
    const from = article([section("lead", ["x[[ref:a]] y[[ref:b]]"])]);
    const to = article(
      [section("lead", ["x[[ref:a]] z[[ref:c]]"])],
      [
        { key: "a", title: "A", url: "https://example.org/a2", archiveDate: "2024-12-06" },
        { key: "c", title: "C" },
      ],
    );
    const diff = diffArticles(from, to);
    expect(diff.references).toEqual([
      {
        op: "changed",
        key: "a",
        from: refs[0],
        to: to.references[0],
        fields: [
          { field: "url", from: "https://example.org/a", to: "https://example.org/a2" },
          { field: "archiveDate", from: null, to: "2024-12-06" },
        ],
      },
      { op: "added", key: "c", to: to.references[1] },
      { op: "removed", key: "b", from: refs[1], stillCitedInFrom: true },
    ]);
    expect(diff.flags.droppedReferences).toEqual(["b"]);
    expect(diffArticles(from, article([section("lead", ["x[[ref:ghost]]"])])).flags.danglingCitations).toEqual([
      "ghost",
    ]);
  });

  // The fields come from the reference schema itself, so a field added to it is compared or this test fails.
  const REFERENCE_FIELDS = Object.keys(ZReferenceSchema.shape).filter((field) => field !== "key") as Array<
    keyof Reference
  >;
  const isList = (field: keyof Reference) => {
    const def = ZReferenceSchema.shape[field].def as { type: string; innerType?: { def: { type: string } } };
    return (def.innerType?.def.type ?? def.type) === "array";
  };

  it.each(REFERENCE_FIELDS)("shows a reference whose only change is its %s as changed in that field", (field) => {
    const valued = (value: string): Reference => ({ key: "a", title: "A", [field]: isList(field) ? [value] : value });
    // ISO dates, so that every field's schema accepts both values.
    const from = article([section("lead", ["x[[ref:a]]"])], [valued("2024-01-02")]);
    const to = article([section("lead", ["x[[ref:a]]"])], [valued("2024-03-04")]);
    expect(diffArticles(from, to).references).toEqual([
      {
        op: "changed",
        key: "a",
        from: from.references[0],
        to: to.references[0],
        fields: [{ field, from: "2024-01-02", to: "2024-03-04" }],
      },
    ]);
    for (const content of [from, to]) expect(ZReferenceSchema.safeParse(content.references[0]).success).toBe(true);
  });

  it("diffs the infobox field by field and the notes list", () => {
    const [, , , older, newest] = demoHistory().map((stage) => stage.content);
    const diff = diffArticles(older, newest);
    expect(diff.infobox?.cells.map((cell) => cell.label)).toEqual(["Status"]);
    expect(
      diff.infobox!.cells[0].runs.some((run) => run.op === "insert" && run.tokens.some((t) => t.kind === "citation")),
    ).toBe(true);
    const withNote = article([section("lead", ["A claim.[[note:old note text]]"])]);
    const changedNote = article([section("lead", ["A claim.[[note:new note text]]"])]);
    expect(diffArticles(withNote, changedNote).notes).toEqual([{ op: "changed", runs: expect.any(Array) }]);
  });

  it("degrades to whole-block changes when the time budget runs out, and stays complete", () => {
    const from = generateArticle({ sections: 30, references: 60, sectionChars: 800, seed: 3 });
    const to = clone(from);
    to.sections.forEach((s, i) => (s.body = docFromMarkup(`Rewritten section ${i}, entirely new words here.`)));
    let now = 0;
    const diff = diffArticles(from, to, { budgetMs: 5, clock: () => (now += 1) });
    expect(diff.coarse).toBe(true);
    expect(
      applyDiff(
        from,
        diff,
        to.references.map((r) => r.key),
      ),
    ).toEqual(to);
  });
});

// Random revision pairs: a generated article and a random series of edits of the kinds editors make.
type Edit = { kind: number; a: number; b: number; word: string };
const editArbitrary = fc.record({
  kind: fc.integer({ min: 0, max: 9 }),
  a: fc.nat(),
  b: fc.nat(),
  word: fc.constantFrom(
    "alpha",
    "beta",
    "gamma",
    "delta",
    "[[ref:ref-1]]",
    "[[note:n]]",
    "[[ref:ref-1|pages=12]]",
    "[[ref:ref-1|pages=14|quote=said]]",
  ),
});

function applyEdits(base: ArticleContent, edits: Edit[]): ArticleContent {
  const next = clone(base);
  let counter = 0;
  for (const edit of edits) {
    const sections = next.sections;
    const s = sections[edit.a % sections.length];
    const blocks: DocJSON[] = s.body.content!;
    switch (edit.kind) {
      case 0: // change words in a paragraph
      case 1: {
        const index = edit.b % blocks.length;
        blocks[index] = docFromMarkup(`${edit.word} changed ${edit.b} ${edit.word}`).content![0];
        break;
      }
      case 2: // insert a paragraph
        blocks.splice(
          edit.b % (blocks.length + 1),
          0,
          docFromMarkup(`Inserted ${edit.word} paragraph ${counter++}`).content![0],
        );
        break;
      case 3: // delete a paragraph (keep one)
        if (blocks.length > 1) blocks.splice(edit.b % blocks.length, 1);
        break;
      case 4: {
        // move a paragraph to another section
        const target = sections[edit.b % sections.length];
        if (blocks.length > 1) target.body.content!.push(blocks.splice(edit.b % blocks.length, 1)[0]);
        break;
      }
      case 5: // add a section
        sections.splice(
          1 + (edit.b % sections.length),
          0,
          section(`added${counter++}`, [`New section ${edit.word}`], `Added ${counter}`),
        );
        break;
      case 6: // remove a section (never the lead)
        if (sections.length > 2) sections.splice(1 + (edit.b % (sections.length - 1)), 1);
        break;
      case 7: // rename
        if (s.level > 0) s.title = `Renamed ${edit.word}`;
        break;
      case 8: // change a reference
        if (next.references.length) next.references[edit.b % next.references.length].title = `Retitled ${edit.word}`;
        break;
      case 9: {
        // set, change or drop the locator of a citation
        const citations = citationsOf(s.body);
        if (!citations.length) break;
        const attrs = citations[edit.b % citations.length].attrs!;
        if (edit.b % 3 === 0) delete attrs.pages;
        else attrs.pages = String(edit.b);
        break;
      }
    }
  }
  return next;
}

function citationsOf(doc: DocJSON): DocJSON[] {
  if (doc.type === "citation") return [doc];
  return (doc.content ?? []).flatMap(citationsOf);
}

describe("diff properties (fast-check)", () => {
  const base = generateArticle({ sections: 8, references: 20, sectionChars: 600, seed: 11 });

  it("is complete: applying the diff to the older revision rebuilds the newer one", () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (edits) => {
        const to = applyEdits(base, edits);
        expect(
          applyDiff(
            base,
            diffArticles(base, to),
            to.references.map((r) => r.key),
          ),
        ).toEqual(to);
      }),
      fuzzParameters(300),
    );
  });

  it("shows a citation whose only change is its locator as a changed block naming the locator change", () => {
    const cited = base.sections.flatMap((s) => citationsOf(s.body).map((_citation, index) => ({ id: s.id, index })));
    expect(cited.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.nat(cited.length - 1), fc.integer({ min: 1, max: 999 }), (pick, page) => {
        const { id, index } = cited[pick];
        const to = clone(base);
        const citation = citationsOf(to.sections.find((s) => s.id === id)!.body)[index];
        citation.attrs = { ...citation.attrs, pages: String(page) };
        const diff = diffArticles(base, to);
        expect(isEmpty(diff)).toBe(false);
        const changed = diff.sections.flatMap((s) => s.blocks).filter((block) => block.op !== "equal");
        expect(changed.map((block) => block.op)).toEqual(["change"]);
        const runs = changed[0].op === "change" ? changed[0].runs! : [];
        const at = runs.findIndex((run, i) => locatorChange(run, runs[i + 1]) !== null);
        if (at >= 0) {
          expect(locatorChange(runs[at], runs[at + 1])).toEqual({
            refKey: citation.attrs.refKey,
            from: "",
            to: `p. ${page}`,
          });
        } else {
          // A citation inside a note: the note's token changes, its text naming the locator.
          const inserted = runs.filter((run) => run.op === "insert").flatMap((run) => run.tokens);
          expect(inserted).toEqual([
            expect.objectContaining({ kind: "note", text: expect.stringContaining(`p. ${page}]`) }),
          ]);
        }
        expect(
          applyDiff(
            base,
            diff,
            to.references.map((r) => r.key),
          ),
        ).toEqual(to);
      }),
      fuzzParameters(100),
    );
  });

  it("is empty between a revision and itself", () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { maxLength: 8 }), (edits) => {
        const a = applyEdits(base, edits);
        expect(isEmpty(diffArticles(a, clone(a)))).toBe(true);
      }),
      fuzzParameters(200),
    );
  });
});
