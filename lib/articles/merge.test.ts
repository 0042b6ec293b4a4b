import { describe, expect, it } from "vitest";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent, Section } from "../document/model";
import { changedSectionIds, mergeContent } from "./merge";

const section = (id: string, text: string, title = id): Section => ({
  id,
  title: id === "lead" ? "" : title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(text),
});
const article = (
  sections: Section[],
  references = [
    { key: "a", title: "A" },
    { key: "b", title: "B" },
  ],
): ArticleContent => ({ title: "T", infobox: null, sections, references });
const base = article([section("lead", "Lead.[[ref:a]]"), section("s1", "One."), section("s2", "Two.[[ref:b]]")]);

describe("mergeContent", () => {
  it("combines changes to different sections", () => {
    const mine = article([
      section("lead", "Lead.[[ref:a]]"),
      section("s1", "One, edited by me."),
      section("s2", "Two.[[ref:b]]"),
    ]);
    const theirs = article([
      section("lead", "Lead changed by them.[[ref:a]]"),
      section("s1", "One."),
      section("s2", "Two.[[ref:b]]"),
    ]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok).toBe(true);
    if (merged.ok)
      expect(merged.content.sections.map((s) => JSON.stringify(s.body))).toEqual([
        JSON.stringify(theirs.sections[0].body),
        JSON.stringify(mine.sections[1].body),
        JSON.stringify(base.sections[2].body),
      ]);
  });

  it("reports the same section changed on both sides as a conflict", () => {
    const mine = article([section("lead", "Lead.[[ref:a]]"), section("s1", "Mine."), section("s2", "Two.[[ref:b]]")]);
    const theirs = article([
      section("lead", "Lead.[[ref:a]]"),
      section("s1", "Theirs."),
      section("s2", "Two.[[ref:b]]"),
    ]);
    expect(mergeContent(base, mine, theirs)).toEqual({
      ok: false,
      conflict: { sectionIds: ["s1"], referenceKeys: [], infobox: false },
    });
  });

  it("accepts identical changes on both sides", () => {
    const both = article([section("lead", "Lead.[[ref:a]]"), section("s1", "Same."), section("s2", "Two.[[ref:b]]")]);
    expect(mergeContent(base, both, both).ok).toBe(true);
  });

  it("places a section I added after its predecessor, keeping theirs", () => {
    const mine = article([
      section("lead", "Lead.[[ref:a]]"),
      section("s1", "One."),
      section("new", "New."),
      section("s2", "Two.[[ref:b]]"),
    ]);
    const theirs = article([
      section("lead", "Lead.[[ref:a]]"),
      section("s1", "One."),
      section("s2", "Two.[[ref:b]]"),
      section("s3", "Three."),
    ]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok && merged.content.sections.map((s) => s.id)).toEqual(["lead", "s1", "new", "s2", "s3"]);
  });

  it("keeps a reference the other side still cites, and conflicts on one changed twice", () => {
    // I stop citing "a" in the lead while they start citing it in s1: "a" must stay.
    const mine = article(
      [section("lead", "Lead."), section("s1", "One."), section("s2", "Two.[[ref:b]]")],
      [{ key: "b", title: "B" }],
    );
    const theirs = article([
      section("lead", "Lead.[[ref:a]]"),
      section("s1", "One.[[ref:a]]"),
      section("s2", "Two.[[ref:b]]"),
    ]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok && merged.content.references.map((r) => r.key).sort()).toEqual(["a", "b"]);
    const mine2 = article(
      [section("lead", "Lead.[[ref:a]]"), section("s1", "One."), section("s2", "Two.[[ref:b]]")],
      [
        { key: "a", title: "A (mine)" },
        { key: "b", title: "B" },
      ],
    );
    const theirs2 = article(base.sections, [
      { key: "a", title: "A (theirs)" },
      { key: "b", title: "B" },
    ]);
    expect(mergeContent(base, mine2, theirs2)).toEqual({
      ok: false,
      conflict: { sectionIds: [], referenceKeys: ["a"], infobox: false },
    });
  });

  it("drops a section removed by one side when the other left it alone", () => {
    const mine = article([section("lead", "Lead.[[ref:a]]"), section("s2", "Two.[[ref:b]]")]);
    const theirs = article([
      section("lead", "Lead.[[ref:a]]"),
      section("s1", "One."),
      section("s2", "Two, theirs.[[ref:b]]"),
    ]);
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok && merged.content.sections.map((s) => s.id)).toEqual(["lead", "s2"]);
  });

  // Section order: one side may reorder; both reordering is a conflict on every section mine keeps.
  const lead = section("lead", "Lead.[[ref:a]]");
  const s1 = section("s1", "One.");
  const s2 = section("s2", "Two.[[ref:b]]");
  const ids = (result: ReturnType<typeof mergeContent>) =>
    result.ok ? result.content.sections.map((s) => s.id) : result.conflict;

  it("keeps my reordering when they only edited text, and theirs when I only edited text", () => {
    const moved = article([lead, s2, s1]);
    const edited = article([lead, s1, section("s2", "Two, edited.[[ref:b]]")]);
    expect(ids(mergeContent(base, moved, edited))).toEqual(["lead", "s2", "s1"]);
    expect(ids(mergeContent(base, edited, moved))).toEqual(["lead", "s2", "s1"]);
    const merged = mergeContent(base, moved, edited);
    expect(merged.ok && merged.content.sections[1]).toEqual(edited.sections[2]);
  });

  it("places their new section after its predecessor in their version when I reordered", () => {
    const moved = article([lead, s2, s1]);
    const added = article([lead, s1, section("n", "New."), s2]);
    expect(ids(mergeContent(base, moved, added))).toEqual(["lead", "s2", "s1", "n"]);
    const first = article([section("n", "New first."), lead, s1, s2]);
    expect(ids(mergeContent(base, moved, first))).toEqual(["n", "lead", "s2", "s1"]);
  });

  it("refuses two different reorderings, naming the sections mine keeps", () => {
    const mine = article([lead, s2, s1]);
    const theirs = article([s1, lead, s2]);
    expect(mergeContent(base, mine, theirs)).toEqual({
      ok: false,
      conflict: { sectionIds: ["lead", "s2", "s1"], referenceKeys: [], infobox: false },
    });
  });

  it("anchors their new section on its nearest placed predecessor, wherever my reordering put it", () => {
    // Right after the lead, which my order keeps first.
    expect(ids(mergeContent(base, article([lead, s2, s1]), article([lead, section("n", "New."), s1, s2])))).toEqual([
      "lead",
      "n",
      "s2",
      "s1",
    ]);
    // After s1, which my order puts first: not after the lead, further back in theirs.
    expect(ids(mergeContent(base, article([s1, lead, s2]), article([lead, s1, section("n", "New."), s2])))).toEqual([
      "s1",
      "n",
      "lead",
      "s2",
    ]);
    // Its predecessor s1 is gone (I removed it): the one before that, never one after it.
    expect(ids(mergeContent(base, article([s2, lead]), article([lead, s1, section("n", "New."), s2])))).toEqual([
      "s2",
      "lead",
      "n",
    ]);
  });

  it("names only the sections still present when both reorder", () => {
    // They removed s2 (which I left alone) and moved the lead; I moved s2 and the lead.
    expect(mergeContent(base, article([s2, s1, lead]), article([s1, lead]))).toEqual({
      ok: false,
      conflict: { sectionIds: ["s1", "lead"], referenceKeys: [], infobox: false },
    });
  });

  const infobox = (status: string) => ({
    kind: "conflict",
    title: "T",
    rows: [{ kind: "field" as const, label: "Status", value: docFromMarkup(status) }],
  });
  const boxed = { ...base, infobox: infobox("Ongoing") };

  it("takes the infobox from the side that changed it, and conflicts when both changed it differently", () => {
    const mine = { ...boxed, infobox: infobox("Ended") };
    const theirs = { ...boxed, sections: [lead, section("s1", "One, theirs."), s2] };
    const merged = mergeContent(boxed, mine, theirs);
    expect(merged.ok && merged.content.infobox).toEqual(infobox("Ended"));
    const swapped = mergeContent(boxed, theirs, mine);
    expect(swapped.ok && swapped.content.infobox).toEqual(infobox("Ended"));
    expect(mergeContent(boxed, mine, { ...boxed, infobox: infobox("Stalled") })).toEqual({
      ok: false,
      conflict: { sectionIds: [], referenceKeys: [], infobox: true },
    });
    expect(mergeContent(boxed, mine, { ...mine })).toMatchObject({ ok: true, content: { infobox: infobox("Ended") } });
  });

  it("takes a reference change from the one side that made it, and keeps both sides' additions", () => {
    const mine = article(
      [section("lead", "Lead.[[ref:a]][[ref:m]]"), s1, s2],
      [
        { key: "a", title: "A, corrected" },
        { key: "b", title: "B" },
        { key: "m", title: "M" },
      ],
    );
    const theirs = article(
      [lead, section("s1", "One.[[ref:t]]"), s2],
      [
        { key: "a", title: "A" },
        { key: "b", title: "B" },
        { key: "t", title: "T" },
      ],
    );
    const merged = mergeContent(base, mine, theirs);
    expect(merged.ok && merged.content.references).toEqual([
      { key: "a", title: "A, corrected" },
      { key: "b", title: "B" },
      { key: "m", title: "M" },
      { key: "t", title: "T" },
    ]);
  });
});

describe("changedSectionIds", () => {
  it("names the sections added, removed or changed, and no other", () => {
    const to = article([
      section("lead", "Lead.[[ref:a]]"),
      section("s2", "Two, changed.[[ref:b]]"),
      section("n", "New."),
    ]);
    expect(changedSectionIds(base, to).sort()).toEqual(["n", "s1", "s2"]);
    expect(changedSectionIds(base, base)).toEqual([]);
  });
});
