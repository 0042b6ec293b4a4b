import { describe, expect, it } from "vitest";
import { docFromMarkup } from "@/lib/document/markup";
import type { ArticleContent } from "@/lib/document/model";
import { carrySectionDrafts, composeDraft, editRequest } from "./draft";
import { docFromSections, sectionsFromDoc } from "./sections";
import type { StoredDraft } from "./use-draft";

const content: ArticleContent = {
  title: "Mills",
  infobox: null,
  sections: [
    { id: "sec-lead", title: "", level: 0, body: docFromMarkup("The river.[[ref:a]]") },
    { id: "sec-history", title: "History", level: 2, body: docFromMarkup("Mills stood here.") },
    { id: "sec-today", title: "Today", level: 2, body: docFromMarkup("Two mills remain.") },
  ],
  references: [{ key: "a", title: "The river book" }],
};
const now = new Date("2026-01-02T03:04:05Z");

function draft(doc: StoredDraft["doc"], extra: Partial<StoredDraft> = {}): StoredDraft {
  return {
    version: 1,
    savedAt: "2026-01-01T00:00:00Z",
    baseRevisionId: 7,
    doc,
    references: [],
    infobox: null,
    summary: "",
    minor: false,
    ...extra,
  };
}

const textOf = (result: StoredDraft) =>
  sectionsFromDoc(result.doc, { scope: { kind: "whole" }, first: content.sections[0] }).sections.map((section) => [
    section.id,
    section.title,
    JSON.stringify(section.body)
      .match(/"text":"([^"]*)"/g)
      ?.join(" "),
  ]);

describe("carrySectionDrafts", () => {
  it("puts a section's draft, new reference and summary into the whole article in place of the section", () => {
    const history = draft(docFromMarkup("Mills stood here. A second mill was built.[[ref:b]]"), {
      references: [{ key: "b", title: "Mill records" }],
      summary: "second mill",
    });
    const result = carrySectionDrafts({
      content,
      baseRevisionId: 7,
      whole: null,
      sections: [{ sectionId: "sec-history", draft: history }],
      now,
    })!;
    expect(result.carried).toEqual(["sec-history"]);
    expect(result.kept).toEqual([]);
    expect(textOf(result.draft)).toEqual([
      ["sec-lead", "", '"text":"The river."'],
      ["sec-history", "History", '"text":"Mills stood here. A second mill was built."'],
      ["sec-today", "Today", '"text":"Two mills remain."'],
    ]);
    expect(result.draft).toMatchObject({
      baseRevisionId: 7,
      savedAt: now.toISOString(),
      references: [{ key: "b", title: "Mill records" }],
      summary: "second mill",
      minor: false,
    });
  });

  it("a section draft that adds a heading adds a section; a lead draft replaces the lead", () => {
    const history = draft({
      type: "doc",
      content: [
        ...docFromMarkup("Mills stood here.").content!,
        { type: "heading", attrs: { level: 3, sectionId: null }, content: [{ type: "text", text: "Floods" }] },
        ...docFromMarkup("The river rose.").content!,
      ],
    });
    const lead = draft(docFromMarkup("The Orontes."), { minor: true });
    const result = carrySectionDrafts({
      content,
      baseRevisionId: 7,
      whole: null,
      sections: [
        { sectionId: "sec-history", draft: history },
        { sectionId: "sec-lead", draft: lead },
      ],
      now,
    })!;
    expect(textOf(result.draft).map(([, title, text]) => [title, text])).toEqual([
      ["", '"text":"The Orontes."'],
      ["History", '"text":"Mills stood here."'],
      ["Floods", '"text":"The river rose."'],
      ["Today", '"text":"Two mills remain."'],
    ]);
    expect(result.draft.minor).toBe(false);
  });

  it("keeps apart a draft of another revision, and one of a section the whole draft changed too; nothing to carry is null", () => {
    const wholeSections = content.sections.map((section) =>
      section.id === "sec-today" ? { ...section, body: docFromMarkup("One mill remains.") } : section,
    );
    const whole = draft(docFromSections(wholeSections), { summary: "today" });
    const result = carrySectionDrafts({
      content,
      baseRevisionId: 7,
      whole,
      sections: [
        { sectionId: "sec-today", draft: draft(docFromMarkup("Three mills remain.")) },
        { sectionId: "sec-lead", draft: draft(docFromMarkup("Old lead."), { baseRevisionId: 6 }) },
        { sectionId: "sec-history", draft: draft(docFromMarkup("Mills stood here long."), { summary: "long" }) },
      ],
      now,
    })!;
    expect(result.carried).toEqual(["sec-history"]);
    expect(result.kept).toEqual(["sec-today", "sec-lead"]);
    expect(textOf(result.draft).map(([, , text]) => text)).toEqual([
      '"text":"The river."',
      '"text":"Mills stood here long."',
      '"text":"One mill remains."',
    ]);
    expect(result.draft.summary).toBe("today; long");
    expect(
      carrySectionDrafts({
        content,
        baseRevisionId: 7,
        whole: null,
        sections: [{ sectionId: "sec-lead", draft: draft(docFromMarkup("x"), { baseRevisionId: 6 }) }],
      }),
    ).toBeNull();
  });
});

describe("the lead's editor edits the infobox", () => {
  const infobox = { kind: "settlement", title: "Mills", rows: [] };
  const parts = (sectionId: string) => ({
    doc: content.sections.find((section) => section.id === sectionId)!.body,
    references: content.references,
    infobox,
  });

  it("a lead edit carries a new infobox in its request; another section's edit never does", () => {
    const lead = { kind: "section" as const, sectionId: "sec-lead" };
    const draft = composeDraft(content, lead, parts("sec-lead"));
    expect(draft.content.infobox).toEqual(infobox);
    const request = editRequest({ base: content, scope: lead, draft, baseRevisionId: 7, summary: "", minor: false });
    expect(request.infobox).toEqual(infobox);
    expect(request.sectionEdit?.sectionId).toBe("sec-lead");

    const history = { kind: "section" as const, sectionId: "sec-history" };
    const other = composeDraft(content, history, parts("sec-history"));
    expect(other.content.infobox).toBeNull();
    expect(
      "infobox" in
        editRequest({ base: content, scope: history, draft: other, baseRevisionId: 7, summary: "", minor: false }),
    ).toBe(false);
  });

  it("an unchanged infobox is not sent, so a concurrent infobox edit is not undone", () => {
    const withBox = { ...content, infobox };
    const lead = { kind: "section" as const, sectionId: "sec-lead" };
    const draft = composeDraft(withBox, lead, { ...parts("sec-lead"), infobox: { ...infobox, rows: [] } });
    expect(draft.content.infobox).toBe(withBox.infobox);
    expect(
      "infobox" in editRequest({ base: withBox, scope: lead, draft, baseRevisionId: 7, summary: "", minor: false }),
    ).toBe(false);
  });
});
