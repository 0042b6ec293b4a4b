import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { SourceBlock } from "../document/markup-source";
import type { ArticleContent, Infobox, Reference, Section } from "../document/model";
import { sectionOf } from "../../test/sections";
import { diffArticles } from "./article-diff";
import { alertAnchor, reviewAlerts, urlHost, urlsToRate } from "./review-alerts";

const section = (id: string, blocks: SourceBlock[]): Section => sectionOf(id, id === "lead" ? "" : id, blocks);
const refs: Reference[] = [
  { key: "a", title: "A", url: "https://www.example.org/a" },
  { key: "b", title: "B", url: "https://news.example.com/b" },
];
const article = (sections: Section[], references = refs, infobox: Infobox | null = null): ArticleContent => ({
  title: "T",
  infobox,
  sections,
  references,
});
const alertsOf = (from: ArticleContent, to: ArticleContent) => reviewAlerts(diffArticles(from, to));

describe("reviewAlerts", () => {
  it("flags a citation removed while its claim stays, naming the claim and the block", () => {
    const from = article([
      section("lead", ["Lead."]),
      section("s", ["Intro.", "The army withdrew from the city on 5 December.[[ref:a]] Residents fled.[[ref:b]]"]),
    ]);
    const to = article([
      section("lead", ["Lead."]),
      section("s", ["Intro.", "The army withdrew from the city on 5 December. Residents fled.[[ref:b]]"]),
    ]);
    expect(alertsOf(from, to)).toEqual([
      {
        kind: "citation-removed",
        refKey: "a",
        claim: "The army withdrew from the city on 5 December.",
        place: { at: "block", sectionId: "s", blockIndex: 1 },
      },
    ]);
  });

  it("treats a kept citation whose locator changed as the same citation: no removal, no move", () => {
    const from = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama.[[ref:a|pages=12]] The army left.[[ref:a|pages=40]]"]),
    ]);
    const to = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama.[[ref:a|pages=14]] The army left.[[ref:a|pages=41|quote=It left]]"]),
    ]);
    expect(alertsOf(from, to)).toEqual([]);
    // A locator added to a citation that had none, or taken away, is no alert either.
    const bare = article([section("lead", ["Lead."]), section("s", ["Rebels took Hama.[[ref:a]] The army left."])]);
    const located = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama.[[ref:a|at=ch. 3]] The army left."]),
    ]);
    expect(alertsOf(bare, located)).toEqual([]);
    expect(alertsOf(located, bare)).toEqual([]);
  });

  it("still flags the removal when another citation of the same reference only changed its locator", () => {
    const from = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama.[[ref:a|pages=12]] The army left the city.[[ref:a|pages=40]]"]),
    ]);
    const to = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama. The army left the city.[[ref:a|pages=41]]"]),
    ]);
    expect(alertsOf(from, to)).toEqual([
      {
        kind: "citation-removed",
        refKey: "a",
        claim: "Rebels took Hama.",
        place: { at: "block", sectionId: "s", blockIndex: 0 },
      },
    ]);
  });

  it("raises nothing when the claim goes with its citation, or the whole paragraph goes", () => {
    const from = article([
      section("lead", ["Lead."]),
      section("s", ["Kept.", "The army withdrew.[[ref:a]] Residents fled.[[ref:b]]", "Gone entirely.[[ref:a]]"]),
    ]);
    const to = article([section("lead", ["Lead."]), section("s", ["Kept.", "Residents fled.[[ref:b]]"])]);
    expect(alertsOf(from, to)).toEqual([]);
  });

  it("flags a citation moved to a different claim, in the same paragraph or another section", () => {
    const from = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama.[[ref:a]] The army left."]),
      section("t", ["Other text."]),
    ]);
    const within = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama. The army left.[[ref:a]]"]),
      section("t", ["Other text."]),
    ]);
    expect(alertsOf(from, within)).toEqual([
      {
        kind: "citation-moved",
        refKey: "a",
        fromClaim: "Rebels took Hama.",
        toClaim: "The army left.",
        place: { at: "block", sectionId: "s", blockIndex: 0 },
      },
    ]);
    const across = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama. The army left."]),
      section("t", ["Other text.[[ref:a]]"]),
    ]);
    expect(alertsOf(from, across)).toMatchObject([
      { kind: "citation-moved", refKey: "a", toClaim: "Other text.", place: { sectionId: "t" } },
    ]);
  });

  it("calls a citation a move when its paragraph went whole and the reference now supports a claim elsewhere", () => {
    // The whole-block sides are read smaller first (lostAndGained): cover a large deleted side with a small
    // gaining one, and a small deleted side with a large gaining one, so neither side may be skipped wrongly.
    const filler = Array.from({ length: 12 }, (_, i) => `Filler paragraph ${i} with several words in it.`);
    const from = article([
      section("lead", ["Lead."]),
      section("s", ["Rebels took Hama.[[ref:a]]", ...filler]),
      section("t", ["Other text."]),
    ]);
    const to = article([section("lead", ["Lead."]), section("t", ["Other text.", "The army left.[[ref:a]]"])]);
    expect(alertsOf(from, to)).toMatchObject([
      {
        kind: "citation-moved",
        refKey: "a",
        fromClaim: "Rebels took Hama.",
        toClaim: "The army left.",
        place: { sectionId: "t", blockIndex: 1 },
      },
    ]);
    const small = article([section("lead", ["Lead."]), section("s", ["Rebels took Hama.[[ref:a]]"])]);
    const large = article([section("lead", ["Lead."]), section("u", [...filler, "The army left.[[ref:a]]"])]);
    expect(alertsOf(small, large)).toMatchObject([
      { kind: "citation-moved", refKey: "a", fromClaim: "Rebels took Hama.", toClaim: "The army left." },
    ]);
    // Blanked: every citation went with its words, nothing to ask.
    expect(alertsOf(from, article([section("lead", ["Blanked."])], []))).toEqual([]);
  });

  it("does not call an edit to the words around a citation a move", () => {
    const from = article([section("lead", ["Rebels took Hama.[[ref:a]]"])]);
    const to = article([section("lead", ["Rebels took Hama.[[ref:a]] More."])]);
    expect(alertsOf(from, to)).toEqual([]);
    // Two citations of one claim swapped: each left and came back to the same words.
    const both = article([section("lead", ["Rebels took Hama.[[ref:a]][[ref:b]]"])]);
    const swapped = article([section("lead", ["Rebels took Hama.[[ref:b]][[ref:a]]"])]);
    expect(diffArticles(both, swapped).sections[0].blocks[0].op).toBe("change");
    expect(alertsOf(both, swapped)).toEqual([]);
  });

  it("flags a changed quote inside a quote box, not an edit to the paragraph beside it", () => {
    const quote = (words: string): SourceBlock => ({ quote: [words], attribution: "A spokesman" });
    const from = article([section("lead", ["Lead.", quote("We will not withdraw.")])]);
    expect(alertsOf(from, article([section("lead", ["Lead.", quote("We will withdraw.")])]))).toEqual([
      { kind: "quote-changed", place: { at: "block", sectionId: "lead", blockIndex: 1 } },
    ]);
    expect(alertsOf(from, article([section("lead", ["Lead changed.", quote("We will not withdraw.")])]))).toEqual([]);
  });

  it("flags a reference whose URL moved to another site, not one that moved within the site", () => {
    const from = article([section("lead", ["Claim.[[ref:a]] Other.[[ref:b]]"])]);
    const to = article(
      [section("lead", ["Claim.[[ref:a]] Other.[[ref:b]]"])],
      [
        { key: "a", title: "A", url: "https://blog.invalid/a" },
        { key: "b", title: "B", url: "https://news.example.com/b-moved" },
      ],
    );
    expect(alertsOf(from, to)).toEqual([
      {
        kind: "reference-domain-changed",
        refKey: "a",
        fromHost: "example.org",
        toHost: "blog.invalid",
        place: { at: "reference", key: "a" },
      },
    ]);
    expect(urlHost("https://WWW.Example.org/x")).toBe("example.org");
    expect(urlHost("not a url")).toBeNull();
  });

  it("flags an infobox figure changed in a row that cites nothing", () => {
    const box = (casualties: string, strength: string): Infobox => ({
      kind: "military conflict",
      title: "T",
      dateStart: "2024-11-27",
      rows: [
        { kind: "field", label: "Casualties", value: docFromMarkup(casualties) },
        { kind: "field", label: "Strength", value: docFromMarkup(strength) },
      ],
    });
    const body = [section("lead", ["Lead."])];
    const from = article(body, refs, box("200 killed", "3,000[[ref:a]]"));
    const to = article(body, refs, { ...box("450 killed", "5,000[[ref:a]]"), dateStart: "2024-11-28" });
    expect(alertsOf(from, to)).toEqual([
      {
        kind: "infobox-figure-uncited",
        label: "Casualties",
        from: "200",
        to: "450",
        place: { at: "infobox", label: "Casualties" },
      },
    ]);
  });

  it("flags a reference added or re-pointed to a deprecated or blacklisted source, given the list's ratings", () => {
    const from = article([section("lead", ["Claim.[[ref:a]] Other.[[ref:b]]"])]);
    const to = article(
      [section("lead", ["Claim.[[ref:a]] Other.[[ref:b]] New.[[ref:c]]"])],
      [
        { key: "a", title: "A", url: "https://www.example.org/a" },
        { key: "b", title: "B", url: "https://news.example.com/b2" },
        { key: "c", title: "C", url: "https://tabloid.example/c" },
      ],
    );
    const diff = diffArticles(from, to);
    expect(urlsToRate(diff).sort()).toEqual(["https://news.example.com/b2", "https://tabloid.example/c"]);
    const ratings = new Map([
      ["https://tabloid.example/c", { domain: "tabloid.example", status: "deprecated", reason: "fabrication" }],
      ["https://news.example.com/b2", { domain: "example.com", status: "no_consensus", reason: "mixed" }],
      // Rated, but not a URL this change cites anew.
      ["https://www.example.org/a", { domain: "example.org", status: "blacklisted", reason: "spam" }],
    ]);
    expect(reviewAlerts(diff, { ratings })).toEqual([
      {
        kind: "source-rated",
        refKey: "c",
        domain: "tabloid.example",
        status: "deprecated",
        reason: "fabrication",
        place: { at: "reference", key: "c" },
      },
    ]);
    expect(reviewAlerts(diff)).toEqual([]);
  });

  it("names each place by an id the rendered diff gives it", () => {
    expect(alertAnchor({ at: "block", sectionId: "sec-aftermath", blockIndex: 3 })).toBe("diff-sec-aftermath-3");
    expect(alertAnchor({ at: "infobox", label: "Belligerents (side 1)" })).toBe("diff-infobox-Belligerents-side-1-");
    expect(alertAnchor({ at: "reference", key: "a b" })).toBe("diff-ref-a-b");
  });
});
