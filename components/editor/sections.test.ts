import { describe, expect, it } from "vitest";
import { docFromMarkup } from "@/lib/document/markup";
import type { ArticleContent, DocJSON, Section } from "@/lib/document/model";
import { validateArticleContent } from "@/lib/document/validate";
import { composeDraft, editRequest } from "./draft";
import { rebaseDraft } from "./rebase-draft";
import { parseLinkTarget } from "./link-dialog";
import {
  citationsBefore,
  docFromSections,
  emptyBody,
  referenceKeyFor,
  reuseUnchanged,
  sectionsFromDoc,
} from "./sections";

const lead: Section = { id: "sec-lead", title: "", level: 0, body: docFromMarkup("Lead text.[[ref:a]]") };
const history: Section = {
  id: "sec-history",
  title: "History",
  level: 2,
  body: docFromMarkup(["Old times.[[ref:b]]", "More.[[note:A note.[[ref:c]]]]"]),
};
const early: Section = { id: "sec-early", title: "Early years", level: 3, body: docFromMarkup("Before.[[ref:a]]") };
const content: ArticleContent = {
  title: "Test",
  infobox: {
    kind: "place",
    title: "Test",
    rows: [{ kind: "field", label: "Founded", value: docFromMarkup("Long ago[[ref:c]]") }],
  },
  sections: [lead, history, early],
  references: [
    { key: "a", title: "Alpha", url: "https://example.org/a" },
    { key: "b", title: "Beta" },
    { key: "c", title: "Gamma" },
  ],
};

const heading = (text: string, attrs: Record<string, unknown> = {}): DocJSON => ({
  type: "heading",
  attrs: { level: 2, ...attrs },
  content: [{ type: "text", text }],
});
const paragraph = (text: string): DocJSON => ({ type: "paragraph", content: [{ type: "text", text }] });
let seed = 1;
const fixedRandom = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

describe("doc <-> sections", () => {
  it("round-trips the whole article: ids, titles, levels and bodies", () => {
    const doc = docFromSections(content.sections);
    expect(doc.content?.filter((node) => node.type === "heading").map((node) => node.attrs)).toEqual([
      { level: 2, sectionId: "sec-history" },
      { level: 3, sectionId: "sec-early" },
    ]);
    const { sections, problems } = sectionsFromDoc(doc, { scope: { kind: "whole" }, first: lead });
    expect(problems).toEqual([]);
    expect(sections).toEqual(content.sections);
  });

  it("gives new and duplicated headings fresh ids, and empty bodies an empty paragraph", () => {
    const doc = {
      type: "doc",
      content: [
        paragraph("Lead"),
        heading("History", { sectionId: "sec-history" }),
        paragraph("x"),
        heading("Pasted", { sectionId: "sec-history" }),
        heading("Typed"),
      ],
    };
    const { sections } = sectionsFromDoc(doc, { scope: { kind: "whole" }, first: lead, random: fixedRandom });
    expect(sections.map((section) => section.id)).toEqual([
      "sec-lead",
      "sec-history",
      expect.stringMatching(/^sec-[0-9a-z]{8}$/),
      expect.stringMatching(/^sec-[0-9a-z]{8}$/),
    ]);
    expect(new Set(sections.map((section) => section.id)).size).toBe(4);
    expect(sections[2].body).toEqual(emptyBody());
    expect(sections[3]).toMatchObject({ title: "Typed", level: 2, body: emptyBody() });
  });

  it("makes the lead from content before the first heading, even when it is empty", () => {
    const { sections } = sectionsFromDoc(
      { type: "doc", content: [heading("Only", { sectionId: "sec-x" })] },
      { scope: { kind: "whole" }, first: lead },
    );
    expect(sections[0]).toEqual({ ...lead, body: emptyBody() });
    expect(sections[1]).toMatchObject({ id: "sec-x", title: "Only" });
  });

  it("reports empty headings", () => {
    const doc = {
      type: "doc",
      content: [paragraph("Lead"), { type: "heading", attrs: { level: 2, sectionId: null } }],
    };
    expect(sectionsFromDoc(doc, { scope: { kind: "whole" }, first: lead }).problems).toHaveLength(1);
  });

  it("in section mode, splits at typed headings and refuses ids of other sections", () => {
    const scope = { kind: "section", sectionId: "sec-history" } as const;
    const doc = docFromSections([history]);
    doc.content!.push(
      heading("New part", { level: 3 }),
      paragraph("Text"),
      heading("Copied", { sectionId: "sec-early" }),
    );
    const { sections } = sectionsFromDoc(doc, { scope, first: history, foreignIds: ["sec-lead", "sec-early"] });
    expect(sections[0]).toEqual(history);
    expect(sections[1]).toMatchObject({ title: "New part", level: 3 });
    expect(sections[2].id).not.toBe("sec-early");
  });

  it("in section mode, keeps the section's title when its heading was deleted", () => {
    const scope = { kind: "section", sectionId: "sec-history" } as const;
    const { sections } = sectionsFromDoc({ type: "doc", content: [paragraph("Rewritten")] }, { scope, first: history });
    expect(sections).toEqual([{ ...history, body: { type: "doc", content: [paragraph("Rewritten")] } }]);
  });

  it("reuses the stored section when only the JSON spelling differs", () => {
    const respelled: Section = { ...history, body: JSON.parse(JSON.stringify(history.body)) };
    respelled.body.content![0].attrs = undefined;
    expect(reuseUnchanged([respelled], content.sections)[0]).toBe(history);
  });
});

describe("citation numbering context", () => {
  it("counts the infobox first, then the sections before", () => {
    expect(citationsBefore(content, "sec-early")).toEqual({ keys: ["c", "a", "b"], notes: 1 });
    expect(citationsBefore(content, "sec-lead")).toEqual({ keys: ["c"], notes: 0 });
  });

  it("makes readable unique reference keys", () => {
    expect(referenceKeyFor("The Norias of Hama!", new Set())).toBe("the-norias-of-hama");
    expect(referenceKeyFor("Alpha", new Set(["alpha", "alpha-2"]))).toBe("alpha-3");
    expect(referenceKeyFor("حماة", new Set())).toBe("ref");
  });
});

describe("save request", () => {
  it("sends a section edit with only new or changed references, valid for the server", () => {
    const scope = { kind: "section", sectionId: "sec-history" } as const;
    const doc = docFromSections([history]);
    doc.content!.push({
      type: "paragraph",
      content: [
        { type: "text", text: "New." },
        { type: "citation", attrs: { refKey: "new-ref" } },
        { type: "citation", attrs: { refKey: "a" } },
      ],
    });
    const references = [...content.references, { key: "new-ref", title: "New source", url: "https://example.org/new" }];
    const draft = composeDraft(content, scope, { doc, references, infobox: content.infobox });
    const body = editRequest({ base: content, scope, draft, baseRevisionId: 7, summary: " why ", minor: false });
    expect(body).toMatchObject({ baseRevisionId: 7, summary: "why", sectionEdit: { sectionId: "sec-history" } });
    expect(body.references).toEqual([{ key: "new-ref", title: "New source", url: "https://example.org/new" }]);
    expect(body.content).toBeUndefined();
    expect(validateArticleContent(draft.content).ok).toBe(true);
  });

  it("sends the whole article with the references it cites", () => {
    const doc = docFromSections(content.sections.filter((section) => section.id !== "sec-history"));
    const draft = composeDraft(
      content,
      { kind: "whole" },
      { doc, references: content.references, infobox: content.infobox },
    );
    const body = editRequest({
      base: content,
      scope: { kind: "whole" },
      draft,
      baseRevisionId: 3,
      summary: "",
      minor: true,
    });
    const sent = body.content as ArticleContent;
    expect(sent.sections.map((section) => section.id)).toEqual(["sec-lead", "sec-early"]);
    expect(sent.sections[0]).toBe(lead);
    expect(sent.references.map((reference) => reference.key)).toEqual(["a", "c"]);
  });

  it("rebases after a conflict: keeps their untouched changes and the user's merged text", () => {
    const mine = { ...content, sections: [lead, { ...history, body: docFromMarkup("Merged by hand.") }, early] };
    const theirs = {
      ...content,
      sections: [lead, { ...history, body: docFromMarkup("Theirs.") }, { ...early, title: "Renamed by them" }],
    };
    const rebased = rebaseDraft(content, mine, theirs)!;
    expect(JSON.stringify(rebased.sections[1].body)).toContain("Merged by hand.");
    expect(rebased.sections[2].title).toBe("Renamed by them");
  });
});

describe("links", () => {
  it("reads link targets: http(s) URLs, article titles, and refuses other schemes", () => {
    expect(parseLinkTarget("https://example.org/x")).toEqual({ kind: "external", href: "https://example.org/x" });
    expect(parseLinkTarget("Orontes River")).toEqual({ kind: "internal", title: "Orontes River" });
    expect(parseLinkTarget("javascript:alert(1)")).toHaveProperty("problem");
    expect(parseLinkTarget("ftp://example.org")).toHaveProperty("problem");
  });
});
