import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent, Reference, Section } from "../document/model";
import { citedReferenceKeys } from "../document/prune";
import {
  acceptedWithDependencies,
  brokenDependencies,
  declinedWithDependants,
  describePart,
  explainBrokenDependency,
  partDependencies,
  partKey,
  type ProposalPart,
} from "./part-dependencies";
import { acceptedContent, touchedParts } from "./proposal-content";

const section = (id: string, title: string, cites: string[], text = "Text"): Section => ({
  id,
  title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(`${text}.${cites.map((key) => `[[ref:${key}]]`).join("")}`),
});
const reference = (key: string, title = `Source ${key}`): Reference => ({ key, title });
const article = (
  sections: Section[],
  references: Reference[],
  infobox: ArticleContent["infobox"] = null,
): ArticleContent => ({ title: "T", infobox, sections, references });

const BASE = article(
  [section("lead", "", ["a"]), section("bg", "Background", ["a"]), section("ev", "Events", ["old"])],
  [reference("a"), reference("old")],
);

describe("partDependencies", () => {
  it("makes a section depend on the new reference it cites, and explains a broken choice in the reviewer's words", () => {
    const proposed = article(
      [BASE.sections[0], section("bg", "Background", ["a", "smith2024"], "More"), BASE.sections[2]],
      [reference("a"), reference("old"), reference("smith2024")],
    );
    const dependencies = partDependencies(BASE, proposed, touchedParts(BASE, proposed));
    expect(dependencies).toEqual([
      { dependant: { kind: "section", id: "bg" }, dependency: { kind: "reference", id: "smith2024" }, via: "cites" },
    ]);
    const broken = brokenDependencies(dependencies, new Set(["reference:smith2024"]));
    expect(broken.map((edge) => explainBrokenDependency(edge, (part) => describePart(part, BASE, proposed)))).toEqual([
      "Section ‘Background’ cites reference ‘smith2024’, which you declined: decline the section too or accept the reference.",
    ]);
    // Declining the section and keeping the reference breaks nothing (the reference is left uncited and pruned).
    expect(brokenDependencies(dependencies, new Set(["section:bg"]))).toEqual([]);
  });

  it("makes a changed section depend on a changed reference it cites; an unchanged section citing it reads either version", () => {
    const proposed = article(
      [BASE.sections[0], section("bg", "Background", ["a"], "Reworded"), BASE.sections[2]],
      [reference("a", "Source a, corrected"), reference("old")],
    );
    const dependencies = partDependencies(BASE, proposed, touchedParts(BASE, proposed));
    expect(dependencies.map((edge) => [partKey(edge.dependant), partKey(edge.dependency)])).toEqual([
      ["section:bg", "reference:a"],
    ]);
  });

  it("makes the removal of a reference depend on the change that stops citing it", () => {
    const proposed = article(
      [BASE.sections[0], BASE.sections[1], section("ev", "Events", [], "Unsourced now")],
      [reference("a")],
    );
    const dependencies = partDependencies(BASE, proposed, touchedParts(BASE, proposed));
    expect(dependencies).toEqual([
      { dependant: { kind: "reference", id: "old" }, dependency: { kind: "section", id: "ev" }, via: "uncites" },
    ]);
    expect(declinedWithDependants(dependencies, { kind: "section", id: "ev" })).toEqual([
      { kind: "section", id: "ev" },
      { kind: "reference", id: "old" },
    ]);
    expect(explainBrokenDependency(dependencies[0], (part) => describePart(part, BASE, proposed))).toMatch(
      /^Removing reference ‘old’ needs the change to section ‘Events’/,
    );
  });

  it("relates the infobox like a section", () => {
    const infobox = (cites: string[]) => ({
      kind: "conflict",
      title: "T",
      rows: [
        {
          kind: "field" as const,
          label: "Date",
          value: docFromMarkup(`2024${cites.map((key) => `[[ref:${key}]]`).join("")}`),
        },
      ],
    });
    const base = { ...BASE, infobox: infobox([]) };
    const proposed = { ...BASE, infobox: infobox(["new"]), references: [...BASE.references, reference("new")] };
    const dependencies = partDependencies(base, proposed, touchedParts(base, proposed));
    expect(dependencies).toEqual([
      { dependant: { kind: "infobox", id: "infobox" }, dependency: { kind: "reference", id: "new" }, via: "cites" },
    ]);
    expect(explainBrokenDependency(dependencies[0], (part) => describePart(part, base, proposed))).toBe(
      "The infobox cites reference ‘new’, which you declined: decline the infobox change too or accept the reference.",
    );
  });
});

describe("acceptedContent", () => {
  const infobox = (status: string, cites: string[] = []) => ({
    kind: "conflict",
    title: "T",
    rows: [
      {
        kind: "field" as const,
        label: "Status",
        value: docFromMarkup(`${status}${cites.map((key) => `[[ref:${key}]]`).join("")}`),
      },
    ],
  });
  const base = { ...BASE, infobox: infobox("Ongoing", ["a"]) };
  const proposed = article(
    [BASE.sections[0], section("bg", "Background", ["a"], "Reworded"), BASE.sections[2]],
    [reference("a", "Source a, corrected"), reference("old")],
    infobox("Ended", ["a"]),
  );
  const everything = () => ({ sections: new Set(["bg"]), references: new Set(["a"]), infobox: true });

  it("keeps the base infobox when a partial approval declines the infobox, and takes the rest", () => {
    const published = acceptedContent(base, proposed, { ...everything(), infobox: false });
    expect(published.infobox).toEqual(base.infobox);
    expect(published.sections).toEqual(proposed.sections);
    expect(published.references).toEqual(proposed.references);
  });

  it("keeps the base version of a declined reference, and takes the rest", () => {
    const published = acceptedContent(base, proposed, { ...everything(), references: new Set() });
    expect(published.references).toEqual(base.references);
    expect(published.infobox).toEqual(proposed.infobox);
    expect(published.sections).toEqual(proposed.sections);
  });

  it("removes a reference only when its removal is accepted", () => {
    const removing = article(
      [BASE.sections[0], BASE.sections[1], section("ev", "Events", ["a"], "Resourced")],
      [reference("a")],
    );
    expect(
      acceptedContent(BASE, removing, { sections: new Set(["ev"]), references: new Set(["old"]), infobox: false })
        .references,
    ).toEqual([reference("a")]);
    expect(
      acceptedContent(BASE, removing, { sections: new Set(), references: new Set(), infobox: false }).references,
    ).toEqual(BASE.references);
  });
});

// Random proposals over a few sections and reference keys: each section kept, rewritten
// with other citations, or removed; new sections; references added, changed or dropped.
const KEYS = ["a", "b", "c", "d", "e"];
const arbitraryCites = fc.subarray(KEYS, { maxLength: 3 });
const arbitraryCase = fc
  .record({
    baseCites: fc.array(arbitraryCites, { minLength: 2, maxLength: 5 }),
    edits: fc.array(fc.oneof(fc.constant<"keep">("keep"), fc.constant<"remove">("remove"), arbitraryCites), {
      minLength: 5,
      maxLength: 5,
    }),
    added: fc.array(arbitraryCites, { maxLength: 2 }),
    changedKeys: fc.subarray(KEYS),
    declined: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map(({ baseCites, edits, added, changedKeys, declined }) => {
    const baseSections = baseCites.map((cites, index) => section(`s${index}`, `Section ${index}`, cites));
    const base = pruneless(baseSections, (key) => reference(key));
    const sections = baseSections.flatMap((s, index) => {
      const edit = edits[index];
      if (edit === "keep" || (edit === "remove" && index === 0)) return [s];
      if (edit === "remove") return [];
      return [section(s.id, s.title, edit, "Rewritten")];
    });
    added.forEach((cites, index) => sections.push(section(`n${index}`, `New ${index}`, cites, "New")));
    const proposed = pruneless(sections, (key) =>
      changedKeys.includes(key) ? reference(key, `Source ${key}, changed`) : reference(key),
    );
    const touched = touchedParts(base, proposed);
    const parts: ProposalPart[] = [
      ...touched.sections.map((id) => ({ kind: "section" as const, id })),
      ...touched.references.map((id) => ({ kind: "reference" as const, id })),
    ];
    const picked = parts.length ? declined.map((n) => parts[n % parts.length]) : [];
    return { base, proposed, touched, picked };
  });

/** An article whose references are exactly the keys its sections cite (as the editor saves it). */
function pruneless(sections: Section[], make: (key: string) => Reference): ArticleContent {
  return article(sections, [...citedReferenceKeys({ infobox: null, sections })].sort().map(make));
}

/** What the server publishes for a choice of declined parts. */
function publish(
  base: ArticleContent,
  proposed: ArticleContent,
  touched: ReturnType<typeof touchedParts>,
  declined: Set<string>,
) {
  return acceptedContent(base, proposed, {
    sections: new Set(touched.sections.filter((id) => !declined.has(`section:${id}`))),
    references: new Set(touched.references.filter((key) => !declined.has(`reference:${key}`))),
    infobox: touched.infobox && !declined.has("infobox:infobox"),
  });
}

describe("partial approval over random proposals", () => {
  it("never publishes a declined reference, and cites nothing missing whenever no dependency is broken", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ base, proposed, touched, picked }) => {
        const declined = new Set(picked.map(partKey));
        const result = publish(base, proposed, touched, declined);
        for (const part of picked.filter((p) => p.kind === "reference")) {
          const published = result.references.find((r) => r.key === part.id);
          const inBase = base.references.find((r) => r.key === part.id);
          if (published) expect(published, `declined ${part.id} was published`).toEqual(inBase);
        }
        if (brokenDependencies(partDependencies(base, proposed, touched), declined).length) return;
        const keys = new Set(result.references.map((r) => r.key));
        for (const key of citedReferenceKeys(result)) expect(keys.has(key), `cited ${key} is missing`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("declining a part with its dependants, or accepting one with what it needs, never leaves a broken dependency", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ base, proposed, touched, picked }) => {
        const dependencies = partDependencies(base, proposed, touched);
        const declined = new Set(picked.flatMap((part) => declinedWithDependants(dependencies, part)).map(partKey));
        expect(brokenDependencies(dependencies, declined)).toEqual([]);
        // The form's other move: from a consistent choice, accepting one part again accepts what it needs.
        const [again] = picked;
        if (!again) return;
        for (const part of acceptedWithDependencies(dependencies, again)) declined.delete(partKey(part));
        expect(brokenDependencies(dependencies, declined)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
