import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { SourceBlock } from "../document/markup-source";
import type { ArticleContent, Reference, Section } from "../document/model";
import { citedReferenceKeys } from "../document/prune";
import { validateArticleContent } from "../document/validate";
import { blockExcerpt, blockPlans, blockText, globalBlockId, mergeSectionBlocks, sectionBlocks } from "./block-parts";
import {
  brokenDependencies,
  declinedWithDependants,
  describePart,
  explainBrokenDependency,
  partDependencies,
  partKey,
  withDeclinedBlocks,
  type ProposalPart,
} from "./part-dependencies";
import { acceptedContent, touchedParts } from "./proposal-content";

const section = (id: string, blocks: SourceBlock[], title = "History"): Section => ({
  id,
  title,
  level: 2,
  body: docFromMarkup(blocks),
});
const lead = section("lead", ["The lead."], "");
lead.level = 0;
const article = (sections: Section[], references: Reference[]): ArticleContent => ({
  title: "T",
  infobox: null,
  sections: [lead, ...sections],
  references,
});
const reference = (key: string): Reference => ({ key, title: `Source ${key}` });
const texts = (s: Section) => (s.body.content ?? []).map((block) => blockExcerpt(block, 100));

const ONE = "The offensive began at dawn on the northern front near the river.";
const TWO = "Rebel columns advanced along the highway towards the city by noon.";
const THREE = "Government forces withdrew from several villages during the night.";

describe("block parts of a section", () => {
  const base = section("history", [ONE, TWO, THREE]);

  it("makes each inserted, changed and removed block a part, and undoes only the declined ones", () => {
    const proposed = section("history", [
      `${ONE} It was planned for weeks.`,
      "A wholly new paragraph about supply.",
      TWO,
    ]);
    const plan = sectionBlocks(base, proposed)!;
    expect(plan.parts.map((part) => [part.id, part.op, part.label])).toEqual([
      ["p0", "change", "paragraph 1"],
      ["p1", "insert", "new paragraph 2"],
      ["b2", "delete", "removed paragraph 3"],
    ]);
    // A changed block reads by the words it adds and removes.
    expect(plan.parts[0].words).toEqual({ added: "It was planned for weeks.", removed: "" });
    expect(texts(mergeSectionBlocks(base, proposed, plan, new Set()))).toEqual(texts(proposed));
    // A declined change keeps its base text; the rest of the section is the proposal's.
    expect(texts(mergeSectionBlocks(base, proposed, plan, new Set(["p0"])))).toEqual([
      ONE,
      "A wholly new paragraph about supply.",
      TWO,
    ]);
    // A declined insertion is left out.
    expect(texts(mergeSectionBlocks(base, proposed, plan, new Set(["p1"])))).toEqual([
      `${ONE} It was planned for weeks.`,
      TWO,
    ]);
    // A declined removal is kept.
    expect(texts(mergeSectionBlocks(base, proposed, plan, new Set(["b2"])))).toEqual([...texts(proposed), THREE]);
    expect(mergeSectionBlocks(base, proposed, plan, new Set(["p0", "p1", "b2"]))).toBe(base);
  });

  it("makes each changed item of a list a part of its own", () => {
    const listBase = section("history", [ONE, { list: "bullet", items: ["Hama", "Homs", "Idlib"] }]);
    const listProposed = section("history", [ONE, { list: "bullet", items: ["Hama city", "Homs", "Aleppo", "Idlib"] }]);
    const plan = sectionBlocks(listBase, listProposed)!;
    expect(plan.parts.map((part) => [part.id, part.op, part.label])).toEqual([
      ["p1.p0", "change", "item 1 of list 1"],
      ["p1.p2", "insert", "new item 3 of list 1"],
    ]);
    const merged = mergeSectionBlocks(listBase, listProposed, plan, new Set(["p1.p2"]));
    expect(blockText(merged.body.content![1]).split("\n")).toEqual(["Hama city", "Homs", "Idlib"]);
    expect(mergeSectionBlocks(listBase, listProposed, plan, new Set(["p1.p0", "p1.p2"]))).toBe(listBase);
  });

  it("makes a paragraph moved within the section one part: declined, it stays where it was", () => {
    const moved = section("history", [THREE, ONE, TWO]);
    const plan = sectionBlocks(base, moved)!;
    expect(plan.parts.map((part) => [part.id, part.op, part.label])).toEqual([["p0", "move", "moved paragraph 1"]]);
    expect(texts(mergeSectionBlocks(base, moved, plan, new Set()))).toEqual([THREE, ONE, TWO]);
    expect(mergeSectionBlocks(base, moved, plan, new Set(["p0"]))).toBe(base);
  });

  it("makes the quote box a part", () => {
    const quoted = section("history", [ONE, { quote: ["We will hold the city."], attribution: "A commander" }, TWO]);
    const plan = sectionBlocks(base, quoted)!;
    expect(plan.parts.map((part) => [part.id, part.op, part.type])).toEqual([
      ["p1", "insert", "quoteBox"],
      ["b2", "delete", "paragraph"],
    ]);
    expect(texts(mergeSectionBlocks(base, quoted, plan, new Set(["p1"])))).toEqual([ONE, TWO]);
  });
});

describe("block dependencies", () => {
  const base = article([section("history", [ONE, `${TWO}[[ref:a]]`])], [reference("a")]);
  const proposed = article(
    [section("history", [`${ONE}[[ref:new]]`, `${TWO}[[ref:a]]`, `Casualties were reported.[[ref:new]][[ref:n2]]`])],
    [reference("a"), reference("new"), reference("n2")],
  );
  const touched = touchedParts(base, proposed);
  const blocks = blockPlans(base, proposed, touched.sections);
  const dependencies = partDependencies(base, proposed, touched, blocks);

  it("makes a block, not its section, depend on the new reference it cites", () => {
    expect(dependencies.filter((edge) => edge.via === "cites").map((e) => [e.dependant.id, e.dependency.id])).toEqual([
      ["history/p0", "new"],
      ["history/p2", "new"],
      ["history/p2", "n2"],
    ]);
    const broken = brokenDependencies(dependencies, new Set(["reference:new", "block:history/p2"]));
    expect(broken.map((edge) => explainBrokenDependency(edge, (p) => describePart(p, base, proposed, blocks)))).toEqual(
      [
        "Paragraph 1 of section ‘History’ cites reference ‘new’, which you declined: decline it too or accept the reference.",
      ],
    );
    // A reference cited only by declined blocks may be declined.
    expect(brokenDependencies(dependencies, new Set(["reference:n2", "block:history/p2"]))).toEqual([]);
  });

  it("declines the blocks of a declined section with it", () => {
    const declined = withDeclinedBlocks(dependencies, new Set(["section:history"]));
    expect([...declined].sort()).toEqual(["block:history/p0", "block:history/p2", "section:history"]);
    expect(declinedWithDependants(dependencies, { kind: "reference", id: "new" }).map(partKey)).toEqual([
      "reference:new",
      "block:history/p0",
      "block:history/p2",
    ]);
  });
});

// Random sections: base blocks drawn from distinct sentences (some citing references, some lists),
// each kept, reworded, replaced, removed or followed by a new block; then random declines.
const SENTENCES = [
  "Fighting resumed along the southern approaches after a short lull in the shelling",
  "Aid convoys reached the eastern districts for the first time in months",
  "The council announced a curfew across the old town and its markets",
  "Observers counted dozens of drone strikes on supply routes that week",
  "Negotiators met in a neutral capital without reaching any agreement",
  "Thousands of residents fled towards the coast as the front moved",
];
const KEYS = ["a", "b", "c"];
const citeArb = fc.subarray(KEYS, { maxLength: 2 }).map((keys) => keys.map((key) => `[[ref:${key}]]`).join(""));
const blockArb = fc.oneof(
  fc
    .record({ text: fc.constantFrom(...SENTENCES), cite: citeArb })
    .map(({ text, cite }): SourceBlock => `${text}.${cite}`),
  fc
    .subarray(SENTENCES, { minLength: 1, maxLength: 3 })
    .map(
      (items): SourceBlock => ({ list: "bullet", items: items.map((item) => item.split(" ").slice(0, 4).join(" ")) }),
    ),
);
const editArb = fc.oneof(
  fc.constant<"keep">("keep"),
  fc.constant<"remove">("remove"),
  fc.constant<"reword">("reword"),
  blockArb.map((block) => ({ replace: block })),
  blockArb.map((block) => ({ after: block })),
);
const caseArb = fc
  .record({
    blocks: fc.array(blockArb, { minLength: 1, maxLength: 5 }),
    edits: fc.array(editArb, { minLength: 5, maxLength: 5 }),
    newKeyCite: fc.boolean(),
    // Whether the first block moves to the end (a move inside the section).
    reorder: fc.boolean(),
    declined: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map(({ blocks, edits, newKeyCite, reorder, declined }) => {
    const edited: SourceBlock[] = blocks.flatMap((block, index): SourceBlock[] => {
      const edit = edits[index];
      if (edit === "keep") return [block];
      if (edit === "remove") return [];
      if (edit === "reword")
        return [
          typeof block === "string"
            ? `${block} Reworded${newKeyCite ? "[[ref:new]]" : ""}.`
            : {
                ...(block as { list: "bullet"; items: string[] }),
                items: [...(block as { items: string[] }).items, "More"],
              },
        ];
      if ("replace" in edit) return [edit.replace];
      return [block, edit.after];
    });
    const after = reorder && edited.length > 1 ? [...edited.slice(1), edited[0]] : edited;
    const make = (source: SourceBlock[]) => {
      const sections = [section("history", source.length ? source : ["Empty."])];
      const keys = [...citedReferenceKeys({ infobox: null, sections: [lead, ...sections] })].sort();
      return article(sections, keys.map(reference));
    };
    const base = make(blocks);
    const proposed = make(after);
    const touched = touchedParts(base, proposed);
    const plans = blockPlans(base, proposed, touched.sections);
    const parts: ProposalPart[] = [
      ...[...plans].flatMap(([id, plan]) =>
        plan.parts.map((part) => ({ kind: "block" as const, id: globalBlockId(id, part.id) })),
      ),
      ...touched.references.map((id) => ({ kind: "reference" as const, id })),
    ];
    const picked = parts.length ? declined.map((n) => parts[n % parts.length]) : [];
    return { base, proposed, touched, plans, picked };
  });

/** What the server publishes for a choice of declined parts (as decide-proposal does). */
function publish(
  base: ArticleContent,
  proposed: ArticleContent,
  touched: ReturnType<typeof touchedParts>,
  plans: ReturnType<typeof blockPlans>,
  declined: Set<string>,
) {
  const merged = new Map<string, Section>();
  for (const [id, plan] of plans) {
    const local = new Set(plan.parts.filter((p) => declined.has(`block:${globalBlockId(id, p.id)}`)).map((p) => p.id));
    const before = base.sections.find((s) => s.id === id)!;
    const after = proposed.sections.find((s) => s.id === id)!;
    if (local.size) merged.set(id, mergeSectionBlocks(before, after, plan, local));
  }
  return acceptedContent(base, proposed, {
    sections: new Set(touched.sections.filter((id) => !declined.has(`section:${id}`))),
    references: new Set(touched.references.filter((key) => !declined.has(`reference:${key}`))),
    infobox: false,
    merged,
  });
}

describe("block partial approval over random proposals", () => {
  it("declining nothing publishes the proposal; declining every block publishes the base", () => {
    fc.assert(
      fc.property(caseArb, ({ base, proposed, touched, plans }) => {
        const none = publish(base, proposed, touched, plans, new Set());
        expect(none.sections).toEqual(proposed.sections);
        expect(none.references.map((r) => r.key).sort()).toEqual(proposed.references.map((r) => r.key).sort());
        const everyBlock = new Set(
          [...plans].flatMap(([id, plan]) => plan.parts.map((p) => `block:${globalBlockId(id, p.id)}`)),
        );
        const all = publish(base, proposed, touched, plans, everyBlock);
        expect(all.sections).toEqual(base.sections);
      }),
      { numRuns: 300 },
    );
  });

  it("any choice that breaks no dependency publishes a valid document whose citations all resolve", () => {
    fc.assert(
      fc.property(caseArb, ({ base, proposed, touched, plans, picked }) => {
        const dependencies = partDependencies(base, proposed, touched, plans);
        const declined = withDeclinedBlocks(dependencies, new Set(picked.map(partKey)));
        const result = publish(base, proposed, touched, plans, declined);
        if (brokenDependencies(dependencies, declined).length === 0) {
          const validation = validateArticleContent(result);
          expect(validation.ok ? [] : validation.issues).toEqual([]);
        }
        // Declining with dependants (what the form does) always gives such a choice.
        const closed = withDeclinedBlocks(
          dependencies,
          new Set(picked.flatMap((part) => declinedWithDependants(dependencies, part)).map(partKey)),
        );
        expect(brokenDependencies(dependencies, closed)).toEqual([]);
        const keys = new Set(publish(base, proposed, touched, plans, closed).references.map((r) => r.key));
        for (const key of citedReferenceKeys(publish(base, proposed, touched, plans, closed)))
          expect(keys.has(key), `cited ${key} is missing`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
