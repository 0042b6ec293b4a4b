import { describe, expect, it } from "vitest";
import type { DocJSON } from "../document/model";
import { validateArticleContent } from "../document/validate";
import { importWikitext } from "./import-wikitext";

const imported = (source: string) => {
  const result = importWikitext(source, { title: "Test" });
  const valid = validateArticleContent(result.content);
  expect(valid.ok ? [] : valid.issues).toEqual([]);
  return result;
};
const blocksOf = (source: string, section = 0) => imported(source).content.sections[section].body.content as DocJSON[];

describe("importWikitext", () => {
  it("sections with stable ids from their titles, levels 5 and 6 as 4", () => {
    const { content, report } = imported("Lead.\n== Early life ==\nA\n=== Early life ===\nB\n===== Deep =====\nC");
    expect(content.sections.map((s) => [s.id, s.title, s.level])).toEqual([
      ["lead", "", 0],
      ["early-life", "Early life", 2],
      ["early-life-2", "Early life", 3],
      ["deep", "Deep", 4],
    ]);
    expect(report.approximated["heading level 5 (as level 4)"]).toBe(1);
  });

  it("paragraphs with bold, italic, piped and anchored wikilinks and external links", () => {
    expect(blocksOf("'''Bold''' and ''it'' [[Page#Part|shown]] [https://e.org/ site]\nsame paragraph\n\nNext")).toEqual(
      [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Bold", marks: [{ type: "bold" }] },
            { type: "text", text: " and " },
            { type: "text", text: "it", marks: [{ type: "italic" }] },
            { type: "text", text: " " },
            { type: "text", text: "shown", marks: [{ type: "wikiLink", attrs: { title: "Page#Part" } }] },
            { type: "text", text: " " },
            { type: "text", text: "site", marks: [{ type: "link", attrs: { href: "https://e.org/" } }] },
            { type: "text", text: " same paragraph" },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "Next" }] },
      ],
    );
  });

  it("nested bulleted and numbered lists", () => {
    const [list] = blocksOf("* a\n** b\n*# c\n* d");
    expect(list.type).toBe("bulletList");
    expect(list.content).toHaveLength(2);
    const first = list.content?.[0].content ?? [];
    expect(first.map((node) => node.type)).toEqual(["paragraph", "bulletList", "orderedList"]);
  });

  it("named refs: one reference cited many times; cite templates fill the fields; bare refs are free text", () => {
    const { content, report } = imported(
      'A<ref name="x">{{cite web |url=https://e.org/a |title=Title A |last=Doe |first=Jane |date=2 December 2024 |access-date=2024-12-03 |website=Site |pages=4}}</ref> B<ref name="x" /> C<ref>Plain [https://e.org/b source] text</ref>',
    );
    expect(content.references).toEqual([
      {
        key: "x",
        title: "Title A",
        url: "https://e.org/a",
        work: "Site",
        authors: ["Doe, Jane"],
        date: "2024-12-02",
        accessDate: "2024-12-03",
      },
      { key: "ref-1", title: "Plain source text", url: "https://e.org/b" },
    ]);
    expect(report.refs).toEqual({ tags: 3, citations: 3, references: 2, notes: 0 });
    expect(report.approximated["cite field pages (not in the model)"]).toBe(1);
  });

  it("{{rp}} after a <ref> becomes the citation's locator (pages, at, quote); what it cannot hold stays opaque", () => {
    const { content, report } = imported(
      'A<ref name="b">{{cite book |title=Book}}</ref>{{rp|12}} B<ref name="b" />{{rp|page=14}} C<ref name="b" />{{Rp|pages=3–5|at=ch. 2|quote=It &#124; was}} D<ref name="b" /> E<ref name="b" />{{rp|12|foo=bar}} F {{rp|9}}',
    );
    const inline = (content.sections[0].body.content as DocJSON[])[0].content!;
    expect(inline.filter((node) => node.type === "citation").map((node) => node.attrs)).toEqual([
      { refKey: "b", pages: "12" },
      { refKey: "b", pages: "14" },
      { refKey: "b", pages: "3–5", at: "ch. 2", quote: "It | was" },
      { refKey: "b" },
      { refKey: "b" },
    ]);
    // An unknown parameter, and an {{rp}} after no citation, are kept as written.
    expect(inline.filter((node) => node.type === "template").map((node) => node.attrs?.params)).toEqual([
      [
        { key: null, value: "12" },
        { key: "foo", value: "bar" },
      ],
      [{ key: null, value: "9" }],
    ]);
    expect(report.mapped["citation locator ({{rp}})"]).toBe(3);
    expect(content.references).toHaveLength(1);
  });

  it("group refs and {{efn}} become notes, which may cite; {{notelist}} and {{reflist}} are the generated lists", () => {
    const [paragraph] = blocksOf(
      "A{{efn|A note<ref>Src</ref>}} B<ref group=lower-alpha>Other</ref>\n\n{{notelist}}\n{{reflist}}",
    );
    const notes = (paragraph.content ?? []).filter((node) => node.type === "note");
    expect(notes).toHaveLength(2);
    expect(notes[0].content?.map((node) => node.type)).toEqual(["text", "citation"]);
  });

  it("maintenance templates become tags with their month; unknown templates stay opaque with their parameters", () => {
    const [paragraph] = blocksOf("Claim.{{cn|date=December 2024}} {{Convert|5|km|abbr=on}}");
    expect(paragraph.content).toEqual([
      { type: "text", text: "Claim." },
      { type: "maintenanceTag", attrs: { kind: "citation needed", date: "2024-12" } },
      { type: "text", text: " " },
      {
        type: "template",
        attrs: {
          name: "Convert",
          params: [
            { key: null, value: "5" },
            { key: null, value: "km" },
            { key: "abbr", value: "on" },
          ],
          form: "template",
        },
      },
    ]);
  });

  it("the infobox: typed rows, one per side for a conflict's belligerents", () => {
    const { content, report } = imported(
      "{{Infobox military conflict\n| conflict = Battle\n| date = 2024\n| combatant1 = Side A\n| combatant2 = Side B\n| caption = Map\n}}\nText",
    );
    expect(content.infobox).toMatchObject({ kind: "military conflict", title: "Battle" });
    expect(content.infobox?.rows.map((row) => [row.kind, row.label])).toEqual([
      ["field", "date"],
      ["sides", "Belligerents"],
    ]);
    expect(report.infoboxParams).toEqual({ total: 5, mapped: 5 });
  });

  it("quote boxes, tables with header cells and spans, and images as figures", () => {
    const blocks = blocksOf(
      '{{Quote box|quote=Words.|author=Someone}}\n{|class="wikitable"\n|+ Cap\n! H1 !! H2\n|-\n| colspan="2" | a\n|}\n[[File:Map.png|thumb|right|The map]]',
    );
    expect(blocks.map((block) => block.type)).toEqual(["quoteBox", "table", "figure"]);
    expect(blocks[0].content?.[1]).toEqual({
      type: "quoteAttribution",
      content: [{ type: "text", text: "— Someone" }],
    });
    expect(blocks[1].content?.map((row) => row.type)).toEqual(["tableCaption", "tableRow", "tableRow"]);
    expect(blocks[1].content?.[2].content?.[0].attrs).toEqual({ colspan: 2, rowspan: 1 });
    expect(blocks[2]).toEqual({
      type: "figure",
      attrs: { file: "Map.png", options: "thumb|right" },
      content: [{ type: "text", text: "The map" }],
    });
  });

  it("a ref inside an unknown template still becomes a citation, just after the template", () => {
    const { content, report } = imported("Text {{Unknown|a=1<ref>Src</ref>}}");
    const paragraph = content.sections[0].body.content?.[0];
    expect(paragraph?.content?.map((node) => node.type)).toEqual(["text", "template", "citation"]);
    expect(report.refs.citations).toBe(1);
  });
});
