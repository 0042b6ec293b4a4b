import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent, Section } from "../document/model";
import { mergeContent } from "./merge";

const section = (id: string, text: string, title = id): Section => ({ id, title: id === "lead" ? "" : title, level: id === "lead" ? 0 : 2, body: docFromMarkup(text) });
const article = (sections: Section[], references = [{ key: "a", title: "A" }, { key: "b", title: "B" }]): ArticleContent => ({ title: "T", infobox: null, sections, references });
const base = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One."), section("s2", "Two.[[ref:b]]")]);

describe("mergeContent", () => {
  it("combines changes to different sections", () => {
    const mine = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One, edited by me."), section("s2", "Two.[[ref:b]]")]);
    const theirs = article([section("lead", "Lead changed by them.[[ref:a]]"), section("s1", "One."), section("s2", "Two.[[ref:b]]")]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok).toBe(true);
    if (merged.ok) expect(merged.content.sections.map((s) => JSON.stringify(s.body))).toEqual([JSON.stringify(theirs.sections[0].body), JSON.stringify(mine.sections[1].body), JSON.stringify(base.sections[2].body)]);
  });

  it("reports the same section changed on both sides as a conflict", () => {
    const mine = article([section("lead", "Lead.[[ref:a]]"), section("s1", "Mine."), section("s2", "Two.[[ref:b]]")]);
    const theirs = article([section("lead", "Lead.[[ref:a]]"), section("s1", "Theirs."), section("s2", "Two.[[ref:b]]")]);
    expect(mergeContent(base, mine, theirs)).toEqual({ ok: false, conflict: { sectionIds: ["s1"], referenceKeys: [], infobox: false } });
  });

  it("accepts identical changes on both sides", () => {
    const both = article([section("lead", "Lead.[[ref:a]]"), section("s1", "Same."), section("s2", "Two.[[ref:b]]")]);
    expect(mergeContent(base, both, both).ok).toBe(true);
  });

  it("places a section I added after its predecessor, keeping theirs", () => {
    const mine = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One."), section("new", "New."), section("s2", "Two.[[ref:b]]")]);
    const theirs = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One."), section("s2", "Two.[[ref:b]]"), section("s3", "Three.")]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok && merged.content.sections.map((s) => s.id)).toEqual(["lead", "s1", "new", "s2", "s3"]);
  });

  it("keeps a reference the other side still cites, and conflicts on one changed twice", () => {
    // I stop citing "a" in the lead while they start citing it in s1: "a" must stay.
    const mine = article([section("lead", "Lead."), section("s1", "One."), section("s2", "Two.[[ref:b]]")], [{ key: "b", title: "B" }]);
    const theirs = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One.[[ref:a]]"), section("s2", "Two.[[ref:b]]")]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok && merged.content.references.map((r) => r.key).sort()).toEqual(["a", "b"]);
    const mine2 = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One."), section("s2", "Two.[[ref:b]]")], [{ key: "a", title: "A (mine)" }, { key: "b", title: "B" }]);
    const theirs2 = article(base.sections, [{ key: "a", title: "A (theirs)" }, { key: "b", title: "B" }]);
    expect(mergeContent(base, mine2, theirs2)).toEqual({ ok: false, conflict: { sectionIds: [], referenceKeys: ["a"], infobox: false } });
  });

  it("drops a section removed by one side when the other left it alone", () => {
    const mine = article([section("lead", "Lead.[[ref:a]]"), section("s2", "Two.[[ref:b]]")]);
    const theirs = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One."), section("s2", "Two, theirs.[[ref:b]]")]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok && merged.content.sections.map((s) => s.id)).toEqual(["lead", "s2"]);
  });
});
