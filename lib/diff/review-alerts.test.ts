import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { SourceBlock } from "../document/markup-source";
import type { ArticleContent, Infobox, Reference, Section } from "../document/model";
import { sectionOf } from "../../test/sections";
import { diffArticles } from "./article-diff";
import { type AlertPlace, alertAnchor, reviewAlerts, urlHost, urlsToRate } from "./review-alerts";

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

/** A section "s" after a fixed lead, from markup blocks. */
const body = (...blocks: SourceBlock[]) => article([section("lead", ["Lead."]), section("s", blocks)]);
const inS = (blockIndex: number): AlertPlace => ({ at: "block", sectionId: "s", blockIndex });
/** The alerts of one edit to section "s", one paragraph before and after. */
const edit = (from: string, to: string) => alertsOf(body(from), body(to));
/** The alerts of one paragraph's first citation of reference "a" removed. */
const withoutA = (text: string) => edit(text, text.replace("[[ref:a]]", ""));
/** Reference "a"'s citation removed from `claim`, in block `blockIndex` of section "s". */
const removed = (claim: string, blockIndex = 0) => ({
  kind: "citation-removed",
  refKey: "a",
  claim,
  place: inS(blockIndex),
});

describe("reviewAlerts: which claim a citation supports", () => {
  it("reads the claim back to the sentence's start, over notes and tags stacked before the citation", () => {
    expect(
      withoutA("Rebels took Hama.[[note:Local time.]][[tag:citation needed|2024-12]][[ref:a]] The army left."),
    ).toEqual([removed("Rebels took Hama.")]);
  });

  it("reads a claim back to the citation before it inside a sentence, or to a line break", () => {
    expect(withoutA("Rebels took Hama[[ref:b]] and the army left[[ref:a]] on 5 December.")).toEqual([
      removed("and the army left"),
    ]);
    // A footnote or a tag inside the sentence ends the claim like a citation does.
    expect(withoutA("Rebels took Hama[[note:At night.]] and the army left[[ref:a]] on 5 December.")).toMatchObject([
      { kind: "citation-removed", claim: "and the army left" },
    ]);
    expect(
      withoutA("Rebels took Hama[[tag:citation needed|2024-12]] and the army left[[ref:a]] on 5 December."),
    ).toMatchObject([{ kind: "citation-removed", claim: "and the army left" }]);
    const list = (second: string) => body({ list: "bullet", items: ["Hama", second, "Idlib"] });
    expect(alertsOf(list("Homs[[ref:a]]"), list("Homs"))).toEqual([removed("Homs")]);
  });

  it("gives citations stacked with a space between them the sentence before both", () => {
    // A space alone is no claim: the second citation supports the sentence too (it raised nothing before).
    expect(
      edit("Rebels took Hama.[[ref:b]] [[ref:a]] The army left.", "Rebels took Hama.[[ref:b]] The army left."),
    ).toEqual([removed("Rebels took Hama.")]);
    expect(edit("Rebels took Hama[[ref:b]] [[ref:a]] at dawn.", "Rebels took Hama[[ref:b]] at dawn.")).toEqual([
      removed("Rebels took Hama"),
    ]);
    expect(edit("Rebels took Hama. [[ref:a]]", "Rebels took Hama.")).toEqual([removed("Rebels took Hama.")]);
  });

  it("shows a claim's spacing normalised and its last 12 words after an ellipsis", () => {
    // Only the spaces of the claim changed: its words stand, the citation went.
    expect(edit("Rebels  took\tHama.[[ref:a]]", "Rebels took Hama.")).toEqual([removed("Rebels took Hama.")]);
    const twelve = "One two three four five six seven eight nine ten eleven twelve.";
    expect(alertsOf(body(`${twelve}[[ref:a]]`), body(twelve))).toMatchObject([{ claim: twelve }]);
    expect(edit(`Zero ${twelve}[[ref:a]]`, `Zero ${twelve}`)).toMatchObject([{ claim: `… ${twelve}` }]);
  });

  it("raises nothing for a citation removed with its claim, or with its claim reworded, or with no claim", () => {
    const intro = "The siege began in spring after weeks of shelling.";
    expect(
      edit(`${intro} The army withdrew.[[ref:a]] Residents fled.[[ref:b]]`, `${intro} Residents fled.[[ref:b]]`),
    ).toEqual([]);
    expect(edit(`${intro} Rebels took Hama.[[ref:a]]`, `${intro} Rebels seized Hama.`)).toEqual([]);
    expect(alertsOf(body(`[[ref:a]]${intro}`), body(intro))).toEqual([]);
  });
});

describe("reviewAlerts: removed or moved", () => {
  it("flags the only citation of a paragraph removed, also next to a paragraph deleted whole", () => {
    const kept = "Rebels took Hama on the first day of the offensive.";
    expect(alertsOf(body(`${kept}[[ref:a]]`), body(kept))).toEqual([removed(kept)]);
    const gone = "A long paragraph that the change deletes whole, with many words and no citation at all.";
    // (A diff lists a section's deleted blocks first.)
    expect(alertsOf(body(`${kept}[[ref:a]]`, gone), body(kept))).toEqual([removed(kept, 1)]);
  });

  it("calls a removal a removal when the same reference still cites another claim unchanged", () => {
    expect(withoutA("Rebels took Hama.[[ref:a]] The army left.[[ref:a]]")).toEqual([removed("Rebels took Hama.")]);
  });

  it("flags a citation moved, with its claim's words changed on either side", () => {
    expect(
      edit(
        "Rebels took Hama.[[ref:a]] The army left. Residents fled north over the following days.",
        "Rebels seized Hama. The army left the city.[[ref:a]] Residents fled north over the following days.",
      ),
    ).toEqual([
      {
        kind: "citation-moved",
        refKey: "a",
        fromClaim: "Rebels took Hama.",
        toClaim: "The army left the city.",
        place: inS(0),
      },
    ]);
  });

  it("flags a citation moved to another page of its source and another claim", () => {
    expect(
      edit("Rebels took Hama.[[ref:a|pages=12]] The army left.", "Rebels took Hama. The army left.[[ref:a|pages=14]]"),
    ).toEqual([
      { kind: "citation-moved", refKey: "a", fromClaim: "Rebels took Hama.", toClaim: "The army left.", place: inS(0) },
    ]);
  });

  it("matches a lost citation to a gained one at the same page before one on the same claim", () => {
    // The citation without a page now supports "The army left."; "Rebels took Hama." cites page 5 instead.
    expect(
      alertsOf(
        body("Rebels took Hama.[[ref:a]]", "The army left."),
        body("Rebels took Hama.[[ref:a|pages=5]]", "The army left.[[ref:a]]"),
      ),
    ).toEqual([
      { kind: "citation-moved", refKey: "a", fromClaim: "Rebels took Hama.", toClaim: "The army left.", place: inS(1) },
    ]);
  });

  it("finds a move between a kept paragraph and one inserted or deleted whole, whichever side is larger", () => {
    const kept = "Rebels took Hama on the first day.";
    const long = "The army left the city in the night, and its columns were seen on the road south by morning.";
    // From a kept paragraph to a new one.
    expect(alertsOf(body(`${kept}[[ref:a]]`), body(kept, `${long}[[ref:a]]`))).toMatchObject([
      { kind: "citation-moved", fromClaim: kept, toClaim: `… ${long.split(" ").slice(-12).join(" ")}`, place: inS(1) },
    ]);
    // From a paragraph deleted whole to a kept one.
    expect(alertsOf(body(kept, `${long}[[ref:a]]`), body(`${kept}[[ref:a]]`))).toMatchObject([
      { kind: "citation-moved", toClaim: kept, place: inS(1) },
    ]);
    // From one of two paragraphs deleted whole (the other cites nothing) to a longer new one.
    expect(
      alertsOf(body("Short one.[[ref:a]]", "Short two.", "Kept here."), body("Kept here.", `${long} ${long}[[ref:a]]`)),
    ).toMatchObject([{ kind: "citation-moved", fromClaim: "Short one." }]);
    // From a deleted paragraph that held the citation alone (no claim) to a longer new one.
    expect(alertsOf(body("[[ref:a]]", "Kept here."), body("Kept here.", `${long}[[ref:a]]`))).toMatchObject([
      { kind: "citation-moved", fromClaim: "" },
    ]);
  });

  it("finds a citation removed from a paragraph moved to another section", () => {
    const moved = "Rebels took Hama on the first day of the offensive.";
    const from = article([
      section("lead", ["Lead."]),
      section("s", [`${moved}[[ref:a]]`, "Stays in s."]),
      section("t", ["Stays in t."]),
    ]);
    const to = article([
      section("lead", ["Lead."]),
      section("s", ["Stays in s."]),
      section("t", ["Stays in t.", moved]),
    ]);
    expect(diffArticles(from, to).sections[2].blocks[1].op).toBe("move-in");
    expect(alertsOf(from, to)).toEqual([
      { kind: "citation-removed", refKey: "a", claim: moved, place: { at: "block", sectionId: "t", blockIndex: 1 } },
    ]);
  });

  it("reads a diff whose time budget ran out (changed blocks without runs) without alerts on their words", () => {
    const from = body("Rebels took Hama.[[ref:a]]", { quote: ["We will not withdraw."], attribution: "A spokesman" });
    const to = body("Rebels took Hama.", { quote: ["We will withdraw."], attribution: "A spokesman" });
    const coarse = diffArticles(from, to, { budgetMs: -1 });
    expect(coarse.coarse).toBe(true);
    expect(reviewAlerts(coarse)).toEqual([{ kind: "quote-changed", place: inS(1) }]);
  });
});

describe("reviewAlerts: quotes, infobox figures, references", () => {
  const quote = (words: string): SourceBlock => ({ quote: [words], attribution: "A spokesman" });

  it("flags words changed in a quote box, moved or not, but not a citation added to it or a new quote box", () => {
    const from = body(quote("We will withdraw."), "Other.");
    expect(alertsOf(from, body(quote("We will not[[ref:a]] withdraw."), "Other."))).toEqual([
      { kind: "quote-changed", place: inS(0) },
    ]);
    expect(alertsOf(from, body(quote("We will withdraw.[[ref:a]]"), "Other."))).toEqual([]);
    expect(alertsOf(from, body(quote("We will withdraw."), "Other.", quote("We stay.")))).toEqual([]);
    const twoSections = (words: string, where: "s" | "t") =>
      article([
        section("lead", ["Lead."]),
        section("s", where === "s" ? [quote(words), "Stays in s."] : ["Stays in s."]),
        section("t", where === "t" ? ["Stays in t.", quote(words)] : ["Stays in t."]),
      ]);
    const moved = diffArticles(
      twoSections("We will not withdraw today.", "s"),
      twoSections("We will withdraw today.", "t"),
    );
    expect(moved.sections[2].blocks[1].op).toBe("move-in");
    expect(reviewAlerts(moved)).toEqual([
      { kind: "quote-changed", place: { at: "block", sectionId: "t", blockIndex: 1 } },
    ]);
  });

  const box = (...rows: Array<[string, string]>): Infobox => ({
    kind: "military conflict",
    title: "T",
    rows: rows.map(([label, value]) => ({ kind: "field", label, value: docFromMarkup(value) })),
  });
  const boxAlerts = (from: Infobox, to: Infobox) =>
    alertsOf(article([section("lead", ["Lead."])], refs, from), article([section("lead", ["Lead."])], refs, to));

  it("names an uncited infobox figure's changed words, trimmed, whatever else the row holds", () => {
    expect(boxAlerts(box(["Casualties", "200 killed"]), box(["Casualties", "killed"]))).toEqual([
      {
        kind: "infobox-figure-uncited",
        label: "Casualties",
        from: "200",
        to: "",
        place: { at: "infobox", label: "Casualties" },
      },
    ]);
    expect(boxAlerts(box(["Casualties", "killed"]), box(["Casualties", "450 killed"]))).toMatchObject([
      { from: "", to: "450" },
    ]);
    expect(boxAlerts(box(["Casualties", "about 200 killed"]), box(["Casualties", "about 450 wounded"]))).toMatchObject([
      { from: "200 killed", to: "450 wounded" },
    ]);
    expect(boxAlerts(box(["Casualties", "200  killed"]), box(["Casualties", "many"]))).toMatchObject([
      { from: "200 killed", to: "many" },
    ]);
    // A note's text is not the row's figure; a tag beside the figure is no word of it.
    expect(boxAlerts(box(["Casualties", "Many"]), box(["Casualties", "Many[[note:Count of 12 May.]]"]))).toEqual([]);
    expect(
      boxAlerts(box(["Casualties", "200"]), box(["Casualties", "450[[tag:citation needed|2024-12]]"])),
    ).toMatchObject([{ from: "200", to: "450" }]);
  });

  it("counts a row as cited by a citation it keeps, not by one the change deleted", () => {
    expect(boxAlerts(box(["Strength", "3,000 troops[[ref:a]]"]), box(["Strength", "5,000 troops[[ref:a]]"]))).toEqual(
      [],
    );
    expect(boxAlerts(box(["Strength", "3,000[[ref:a]]"]), box(["Strength", "5,000"]))).toMatchObject([
      { kind: "infobox-figure-uncited", label: "Strength", from: "3,000", to: "5,000" },
    ]);
  });

  it("asks nothing of an infobox row added or removed", () => {
    expect(boxAlerts(box(["Status", "Ongoing"]), box(["Status", "Ongoing"], ["Casualties", "200 killed"]))).toEqual([]);
    expect(boxAlerts(box(["Status", "Ongoing"], ["Casualties", "200 killed"]), box(["Status", "Ongoing"]))).toEqual([]);
  });

  const sources: Reference[] = [
    { key: "a", title: "A", url: "https://www.example.org/a" },
    { key: "b", title: "B", url: "https://news.example.com/b" },
    { key: "c", title: "C" },
  ];
  const cited = [section("lead", ["Claim.[[ref:a]] Other.[[ref:b]] Third.[[ref:c]]"])];

  it("rates the URL a reference was re-pointed to, not one it kept while its title changed", () => {
    const to = article(cited, [
      { key: "a", title: "A", url: "https://spam.example/a" },
      { key: "b", title: "B renamed", url: "https://news.example.com/b" },
      { key: "c", title: "C" },
    ]);
    const diff = diffArticles(article(cited, sources), to);
    expect(urlsToRate(diff)).toEqual(["https://spam.example/a"]);
    const ratings = new Map([
      ["https://spam.example/a", { domain: "spam.example", status: "blacklisted", reason: "spam" }],
      ["https://news.example.com/b", { domain: "example.com", status: "deprecated", reason: "old" }],
    ]);
    expect(reviewAlerts(diff, { ratings }).filter((alert) => alert.kind === "source-rated")).toEqual([
      {
        kind: "source-rated",
        refKey: "a",
        domain: "spam.example",
        status: "blacklisted",
        reason: "spam",
        place: { at: "reference", key: "a" },
      },
    ]);
    // Re-pointed and renamed at once.
    const both = diffArticles(
      article(cited, sources),
      article(cited, [sources[0], { key: "b", title: "B2", url: "https://news.example.com/b2" }, sources[2]]),
    );
    expect(urlsToRate(both)).toEqual(["https://news.example.com/b2"]);
    expect(
      reviewAlerts(both, {
        ratings: new Map([
          ["https://news.example.com/b2", { domain: "example.com", status: "deprecated", reason: "old" }],
        ]),
      }),
    ).toMatchObject([{ kind: "source-rated", refKey: "b" }]);
  });

  it("rates no reference removed, or added without a URL, and flags no host when a URL was added or dropped", () => {
    const diff = diffArticles(
      article(cited, sources),
      article(
        [section("lead", ["Claim.[[ref:a]] Third.[[ref:c]] New.[[ref:d]]"])],
        [
          { key: "a", title: "A" },
          { key: "c", title: "C", url: "https://archive.example/c" },
          { key: "d", title: "D" },
        ],
      ),
    );
    expect(diff.references.map((change) => change.op).sort()).toEqual(["added", "changed", "changed", "removed"]);
    expect(urlsToRate(diff)).toEqual(["https://archive.example/c"]);
    expect(reviewAlerts(diff).filter((alert) => alert.kind === "reference-domain-changed")).toEqual([]);
    expect(urlHost("https://web.www.example.org/x")).toBe("web.www.example.org");
  });
});
