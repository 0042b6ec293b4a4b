import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent } from "../document/model";
import { diffArticles } from "./article-diff";
import { changeCounts, describeChangeCounts } from "./change-counts";

const base: ArticleContent = {
  title: "T",
  infobox: {
    kind: "military conflict",
    title: "T",
    rows: [{ kind: "field", label: "Status", value: docFromMarkup(["Ongoing"]) }],
  },
  sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(["Lead text [[ref:a]]."]) }],
  references: [
    { key: "a", title: "A" },
    { key: "b", title: "B" },
  ],
};

describe("change counts", () => {
  it("counts an edit of only the infobox and a reference, which changes no section", () => {
    const to: ArticleContent = structuredClone(base);
    to.infobox!.rows[0] = { kind: "field", label: "Status", value: docFromMarkup(["Over"]) };
    to.references[1] = { key: "b", title: "B", accessDate: "2024-12-01" };
    to.references.push({ key: "c", title: "C" });
    const counts = changeCounts(diffArticles(base, to));
    expect(counts).toMatchObject({
      sections: 0,
      infoboxFields: 1,
      referencesChanged: 1,
      referencesAdded: 1,
      referencesRemoved: 0,
    });
    expect(describeChangeCounts(counts)).toEqual([
      "0 sections changed",
      "1 reference added",
      "1 reference changed",
      "1 infobox field changed",
    ]);
  });

  it("counts an infobox added whole as one change, and a removed reference", () => {
    const to: ArticleContent = { ...structuredClone(base), infobox: null, references: [{ key: "a", title: "A" }] };
    const counts = changeCounts(diffArticles(to, { ...to, infobox: base.infobox }));
    expect(counts.infoboxFields).toBeGreaterThanOrEqual(1);
    expect(describeChangeCounts(changeCounts(diffArticles(base, to)))).toContain("1 reference removed");
  });

  it("says nothing but the sections for an identical pair, in plurals that read", () => {
    expect(describeChangeCounts(changeCounts(diffArticles(base, base)))).toEqual(["0 sections changed"]);
    const to: ArticleContent = { ...structuredClone(base), title: "U" };
    to.sections.push({ id: "a", title: "A", level: 2, body: docFromMarkup(["x"]) });
    to.sections.push({ id: "b", title: "B", level: 2, body: docFromMarkup(["y"]) });
    expect(describeChangeCounts(changeCounts(diffArticles(base, to)))).toEqual(["2 sections changed", "title changed"]);
  });
});

describe("change counts in words", () => {
  const none = changeCounts(diffArticles(base, base));

  it("names changed notes and moved paragraphs, one and many", () => {
    expect(describeChangeCounts({ ...none, notes: 1, blocksMoved: 1 })).toEqual([
      "0 sections changed",
      "1 note changed",
      "1 paragraph moved",
    ]);
    expect(describeChangeCounts({ ...none, notes: 3, blocksMoved: 2 })).toEqual([
      "0 sections changed",
      "3 notes changed",
      "2 paragraphs moved",
    ]);
  });

  it("counts every infobox field an edit changed, not just one", () => {
    const to: ArticleContent = structuredClone(base);
    to.infobox!.title = "U";
    to.infobox!.rows[0] = { kind: "field", label: "Status", value: docFromMarkup(["Over"]) };
    to.infobox!.rows.push({ kind: "field", label: "Place", value: docFromMarkup(["Aleppo"]) });
    const counts = changeCounts(diffArticles(base, to));
    expect(counts.infoboxFields).toBe(3);
    expect(describeChangeCounts(counts)).toEqual(["0 sections changed", "3 infobox fields changed"]);
  });
});
