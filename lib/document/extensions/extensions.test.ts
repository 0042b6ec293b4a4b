// @vitest-environment happy-dom
/**
 * The extensions' HTML hooks are what the editor shows and what copy and
 * paste carry: the renderer of articles has its own React mappings, so only
 * these tests run them (in a DOM from happy-dom, as the editor's browser would).
 */
import { Editor, generateHTML, generateJSON } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import type { DocJSON } from "../model";
import { documentSchema } from "../schema";
import { documentExtensions } from "./index";

const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "doc", content: [{ type: "paragraph", content }] });
const text = (value: string, marks?: DocJSON["marks"]): DocJSON =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };

const toHtml = (doc: DocJSON) => generateHTML(doc, documentExtensions);
/** Pasted HTML as the editor reads it, with the schema's defaults filled in (as the editor stores it). */
const fromHtml = (html: string): DocJSON =>
  documentSchema.nodeFromJSON(generateJSON(html, documentExtensions)).toJSON();
/** A document as the editor stores it: attribute defaults filled in, keys in the schema's order. */
const normalized = (doc: DocJSON): DocJSON => documentSchema.nodeFromJSON(doc).toJSON();

/** Every node and mark of the schema, with every attribute set to a value other than its default. */
const everyNodeAndMark: DocJSON = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 3, sectionId: "early-life" }, content: [text("Early life")] },
    {
      type: "paragraph",
      content: [
        text("Bold", [{ type: "bold" }]),
        text(" and "),
        text("italic", [{ type: "italic" }]),
        text(" "),
        text("a wiki link", [{ type: "wikiLink", attrs: { title: "Other page" } }]),
        text(" "),
        text("out", [{ type: "link", attrs: { href: "https://example.org/a?b=c" } }]),
        { type: "hardBreak" },
        text("cited"),
        { type: "citation", attrs: { refKey: "smith-2020" } },
        text(" noted"),
        { type: "note", content: [text("see"), { type: "citation", attrs: { refKey: "jones" } }] },
        text(" tagged"),
        { type: "maintenanceTag", attrs: { kind: "unreliable source?", date: "2024-12" } },
        {
          type: "template",
          attrs: {
            name: "Convert",
            params: [
              { key: null, value: "5" },
              { key: "abbr", value: "on" },
            ],
            form: "link",
          },
        },
      ],
    },
    {
      type: "table",
      content: [
        { type: "tableCaption", content: [text("Results")] },
        {
          type: "tableRow",
          content: [
            {
              type: "tableHeader",
              attrs: { colspan: 2, rowspan: 1 },
              content: [{ type: "paragraph", content: [text("h")] }],
            },
          ],
        },
        {
          type: "tableRow",
          content: [
            {
              type: "tableCell",
              attrs: { colspan: 1, rowspan: 3 },
              content: [{ type: "paragraph", content: [text("a")] }],
            },
            {
              type: "tableCell",
              attrs: { colspan: 1, rowspan: 1 },
              content: [{ type: "paragraph", content: [text("b")] }],
            },
          ],
        },
      ],
    },
    {
      type: "figure",
      attrs: { file: "Map.png", options: "thumb|right" },
      content: [text("A "), text("map", [{ type: "italic" }])],
    },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("one")] }] }] },
    {
      type: "orderedList",
      attrs: { start: 3, type: null },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("third")] }] }],
    },
    {
      type: "quoteBox",
      content: [
        { type: "paragraph", content: [text("Said something.")] },
        { type: "quoteAttribution", content: [text("— Someone"), { type: "citation", attrs: { refKey: "q" } }] },
      ],
    },
  ],
};

describe("copy and paste through HTML", () => {
  it("keeps every node, mark and attribute of the schema", () => {
    expect(fromHtml(toHtml(everyNodeAndMark))).toEqual(normalized(everyNodeAndMark));
  });

  it("stores only an external link's address: its rel, target and class come from the renderer", () => {
    expect(Object.keys(documentSchema.marks.link.spec.attrs ?? {})).toEqual(["href"]);
  });

  it("keeps a heading without a section id as one (a new section)", () => {
    const doc = { type: "doc", content: [{ type: "heading", attrs: { level: 4 }, content: [text("New")] }] };
    expect(fromHtml(toHtml(doc))).toEqual(normalized(doc));
    expect(normalized(doc).content?.[0].attrs).toEqual({ level: 4, sectionId: null });
  });
});

describe("the HTML each wiki node is shown as", () => {
  it("a citation: a marker with its reference key, numbered when rendered", () => {
    expect(toHtml(paragraph({ type: "citation", attrs: { refKey: "a" } }))).toBe(
      '<p><sup data-citation="" class="citation" data-ref-key="a">[*]</sup></p>',
    );
  });

  it("a maintenance tag: its kind in brackets, with kind and month as data", () => {
    expect(
      toHtml(paragraph({ type: "maintenanceTag", attrs: { kind: "clarification needed", date: "2025-01" } })),
    ).toBe(
      '<p><sup data-maintenance-tag="" class="maintenance-tag" data-kind="clarification needed" data-date="2025-01">[clarification needed]</sup></p>',
    );
  });

  it("a template: its name and parameters as text, the parameters also as data", () => {
    expect(
      toHtml(paragraph({ type: "template", attrs: { name: "Main", params: [{ key: null, value: "<b>x</b>" }] } })),
    ).toBe(
      '<p><span data-template="" class="wiki-template" contenteditable="false" data-name="Main" data-params="[{&quot;key&quot;:null,&quot;value&quot;:&quot;<b>x</b>&quot;}]"><span class="wiki-template-name">Template: Main</span><span class="wiki-template-param">&lt;b&gt;x&lt;/b&gt;</span></span></p>',
    );
  });

  it("a figure: the file's name (no image), and its caption", () => {
    expect(
      toHtml({ type: "doc", content: [{ type: "figure", attrs: { file: "A.png" }, content: [text("Cap")] }] }),
    ).toBe(
      '<figure data-figure="" class="wiki-figure" data-file="A.png"><div class="wiki-figure-file" contenteditable="false">File: A.png</div><figcaption>Cap</figcaption></figure>',
    );
  });

  it("a note: a span around its own content", () => {
    expect(toHtml(paragraph({ type: "note", content: [text("aside")] }))).toBe(
      '<p><span data-note="" class="note">aside</span></p>',
    );
  });

  it("a quote box: a figure with a blockquote, and its attribution as a caption", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "quoteBox",
          content: [
            { type: "paragraph", content: [text("Q")] },
            { type: "quoteAttribution", content: [text("A")] },
          ],
        },
      ],
    };
    expect(toHtml(doc)).toBe(
      '<figure data-quote-box="" class="quote-box"><blockquote><p>Q</p><figcaption class="quote-attribution">A</figcaption></blockquote></figure>',
    );
  });

  it("links: a wiki link by title, an external link with only its href and rel", () => {
    expect(toHtml(paragraph(text("w", [{ type: "wikiLink", attrs: { title: "Page" } }])))).toBe(
      '<p><a data-wiki-link="" data-title="Page">w</a></p>',
    );
    expect(toHtml(paragraph(text("x", [{ type: "link", attrs: { href: "https://example.org" } }])))).toBe(
      '<p><a rel="nofollow noopener noreferrer" class="external" href="https://example.org">x</a></p>',
    );
  });

  it("a section heading: its id as data when it has one, nothing when it has none", () => {
    const heading = (attrs: object) => ({ type: "doc", content: [{ type: "heading", attrs, content: [text("H")] }] });
    expect(toHtml(heading({ level: 2, sectionId: "s1" }))).toBe('<h2 data-section-id="s1">H</h2>');
    expect(toHtml(heading({ level: 2, sectionId: null }))).toBe("<h2>H</h2>");
  });
});

describe("imported nodes through HTML", () => {
  const cell = (type: string, words: string, attrs?: object): DocJSON => ({
    type,
    ...(attrs ? { attrs } : {}),
    content: [{ type: "paragraph", content: [text(words)] }],
  });
  const tableDoc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content: [{ type: "table", content }] });
  /** The spans of the one cell of a pasted one-cell table. */
  const pastedSpans = (cellHtml: string) =>
    fromHtml(`<table><tr>${cellHtml}</tr></table>`).content?.[0].content?.[0].content?.[0].attrs;

  it("a table: its caption, then rows of cells; a span only where a cell spans more than one", () => {
    const doc = tableDoc(
      { type: "tableCaption", content: [text("R")] },
      { type: "tableRow", content: [cell("tableHeader", "h", { colspan: 2 })] },
      { type: "tableRow", content: [cell("tableCell", "a"), cell("tableCell", "b", { rowspan: 3 })] },
    );
    expect(toHtml(doc)).toBe(
      '<table class="wikitable"><caption>R</caption><tr><th colspan="2"><p>h</p></th></tr><tr><td><p>a</p></td><td rowspan="3"><p>b</p></td></tr></table>',
    );
  });

  it("a pasted cell keeps spans of 1 to 1000 whole columns or rows; any other span is 1", () => {
    expect(pastedSpans("<td>a</td>")).toEqual({ colspan: 1, rowspan: 1 });
    expect(pastedSpans('<td colspan="2" rowspan="1000">a</td>')).toEqual({ colspan: 2, rowspan: 1000 });
    for (const span of ["0", "1001", "1.5", "-2", "two"])
      expect(pastedSpans(`<th colspan="${span}" rowspan="${span}">a</th>`), span).toEqual({ colspan: 1, rowspan: 1 });
  });

  it("pasted tables stay apart, each with its caption, even an emptied one", () => {
    expect(fromHtml("<table><caption></caption><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>")).toEqual(
      normalized({
        type: "doc",
        content: [
          {
            type: "table",
            content: [{ type: "tableCaption" }, { type: "tableRow", content: [cell("tableCell", "a")] }],
          },
          { type: "table", content: [{ type: "tableRow", content: [cell("tableCell", "b")] }] },
        ],
      }),
    );
  });

  it("a figure keeps its options from their data attribute", () => {
    expect(
      fromHtml(
        '<figure data-figure="" data-file="Map.png" data-options="thumb|left"><figcaption>A map</figcaption></figure>',
      ),
    ).toEqual(
      normalized({
        type: "doc",
        content: [{ type: "figure", attrs: { file: "Map.png", options: "thumb|left" }, content: [text("A map")] }],
      }),
    );
  });

  it("a quote box whose attribution was emptied keeps it", () => {
    const doc: DocJSON = {
      type: "doc",
      content: [
        { type: "quoteBox", content: [{ type: "paragraph", content: [text("Q")] }, { type: "quoteAttribution" }] },
      ],
    };
    expect(fromHtml(toHtml(doc))).toEqual(normalized(doc));
  });

  it("a template says which form it has, and names its named parameters", () => {
    const template = (attrs: object) => toHtml(paragraph({ type: "template", attrs }));
    expect(template({ name: "gallery", form: "raw", params: [{ key: "mode", value: "packed" }] })).toBe(
      '<p><span data-template="" class="wiki-template" contenteditable="false" data-name="gallery" data-params="[{&quot;key&quot;:&quot;mode&quot;,&quot;value&quot;:&quot;packed&quot;}]" data-form="raw"><span class="wiki-template-name">Wikitext: gallery</span><span class="wiki-template-param">mode = packed</span></span></p>',
    );
    // Stored without parameters (the validator's default), or with null for them, it shows none.
    for (const params of [undefined, null])
      expect(template({ name: "Reflist", params }), `${params}`).toBe(
        '<p><span data-template="" class="wiki-template" contenteditable="false" data-name="Reflist" data-params="[]"><span class="wiki-template-name">Template: Reflist</span></span></p>',
      );
  });

  it("a pasted template without a form is a template call, and parameters that are not a JSON list are none", () => {
    const template = (name: string) => ({ type: "template", attrs: { name, params: [], form: "template" } });
    expect(
      fromHtml(
        '<p><span data-template="" data-name="A"></span><span data-template="" data-name="B" data-params="{"></span><span data-template="" data-name="C" data-params="{&quot;key&quot;:null}"></span></p>',
      ),
    ).toEqual(normalized(paragraph(template("A"), template("B"), template("C"))));
    expect(normalized(paragraph({ type: "template", attrs: { name: "A" } }))).toEqual(
      normalized(paragraph(template("A"))),
    );
  });

  it("a citation's locator field that is empty or not text is not copied", () => {
    expect(toHtml(paragraph({ type: "citation", attrs: { refKey: "a", pages: "", at: 12 } }))).toBe(
      '<p><sup data-citation="" class="citation" data-ref-key="a">[*]</sup></p>',
    );
  });

  it("an external link whose address is not a safe http(s) one is shown without it", () => {
    expect(toHtml(paragraph(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])))).toBe(
      '<p><a rel="nofollow noopener noreferrer" class="external" href="">x</a></p>',
    );
  });
});

describe("pasted HTML", () => {
  it("fills a missing attribute with its default", () => {
    expect(fromHtml('<p><sup data-maintenance-tag="" data-date="2024-01"></sup></p>')).toEqual(
      normalized(paragraph({ type: "maintenanceTag", attrs: { kind: "citation needed", date: "2024-01" } })),
    );
    expect(fromHtml("<p><sup data-citation></sup></p>")).toEqual(
      normalized(paragraph({ type: "citation", attrs: { refKey: null } })),
    );
    expect(fromHtml('<p><a data-wiki-link="">w</a></p>')).toEqual(
      normalized(paragraph(text("w", [{ type: "wikiLink", attrs: { title: null } }]))),
    );
  });

  it("becomes a wiki node only with the wiki's data attribute", () => {
    expect(fromHtml("<p>a<sup>1</sup><span>b</span><a>c</a></p>")).toEqual(normalized(paragraph(text("a1bc"))));
    expect(fromHtml("<figure><blockquote><p>q</p></blockquote><figcaption>c</figcaption></figure>")).toEqual(
      normalized({
        type: "doc",
        content: [
          { type: "paragraph", content: [text("q")] },
          { type: "paragraph", content: [text("c")] },
        ],
      }),
    );
  });

  it("keeps of a link only a safe http(s) href, and drops an unsafe link to its text", () => {
    expect(
      fromHtml('<p><a href="https://example.org" target="_blank" rel="opener" class="x" title="t">k</a></p>'),
    ).toEqual(normalized(paragraph(text("k", [{ type: "link", attrs: { href: "https://example.org" } }]))));
    expect(fromHtml('<p><a href="javascript:alert(1)">j</a><a href="/wiki/Page">r</a></p>')).toEqual(
      normalized(paragraph(text("jr"))),
    );
  });

  it("keeps a table's caption written after its rows as the table's caption", () => {
    const pasted = fromHtml("<table><tr><td><p>a</p></td></tr><caption>Results</caption></table>");
    expect(pasted.content).toHaveLength(1);
    const table = pasted.content?.[0];
    expect(table?.type).toBe("table");
    expect(table?.content?.map((node) => node.type)).toEqual(["tableCaption", "tableRow"]);
    expect(table?.content?.[0].content).toEqual([{ type: "text", text: "Results" }]);
  });

  it("makes headings only of the section levels 2 to 4", () => {
    expect(fromHtml("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5>").content).toEqual([
      { type: "paragraph", content: [text("a")] },
      { type: "heading", attrs: { level: 2, sectionId: null }, content: [text("b")] },
      { type: "heading", attrs: { level: 3, sectionId: null }, content: [text("c")] },
      { type: "heading", attrs: { level: 4, sectionId: null }, content: [text("d")] },
      { type: "paragraph", content: [text("e")] },
    ]);
  });
});

describe("the editor's insert commands", () => {
  const editors: Editor[] = [];
  afterEach(() => {
    for (const editor of editors.splice(0)) editor.destroy();
  });

  /** A headless editor with the cursor at the start of one paragraph "x". */
  const editorAtStart = () => {
    const editor = new Editor({ extensions: documentExtensions, content: paragraph(text("x")) });
    editors.push(editor);
    editor.commands.setTextSelection(1);
    return editor;
  };

  it("insert a citation, a maintenance tag and a note at the cursor", () => {
    // `editor.commands` is read anew for each command: it is bound to the state it was read in.
    const editor = editorAtStart();
    expect(editor.commands.insertCitation("smith")).toBe(true);
    expect(editor.commands.insertMaintenanceTag("clarification needed", "2024-02")).toBe(true);
    expect(editor.commands.insertNote()).toBe(true);
    expect(editor.getJSON()).toEqual(
      normalized(
        paragraph(
          { type: "citation", attrs: { refKey: "smith" } },
          { type: "maintenanceTag", attrs: { kind: "clarification needed", date: "2024-02" } },
          { type: "note", content: [text("Note")] },
          text("x"),
        ),
      ),
    );
  });

  it("insert a quote box with a placeholder quotation and attribution", () => {
    const editor = editorAtStart();
    expect(editor.commands.insertQuoteBox()).toBe(true);
    expect(editor.getJSON().content?.find((node) => node.type === "quoteBox")).toEqual({
      type: "quoteBox",
      content: [
        { type: "paragraph", content: [text("Quotation")] },
        { type: "quoteAttribution", content: [text("— Attribution")] },
      ],
    });
  });
});

describe("citation locators", () => {
  it("leave a citation without one spelled exactly as before (no null attributes), in the editor's JSON too", () => {
    const stored = paragraph({ type: "citation", attrs: { refKey: "a" } });
    expect(JSON.stringify(documentSchema.nodeFromJSON(stored).toJSON())).toBe(JSON.stringify(stored));
    const editor = new Editor({ extensions: documentExtensions, content: stored });
    editor.commands.setTextSelection(1);
    editor.commands.insertCitation("b", { pages: "12", at: "", quote: undefined });
    expect(JSON.parse(JSON.stringify(editor.getJSON()))).toEqual(
      paragraph(
        { type: "citation", attrs: { refKey: "b", pages: "12" } },
        { type: "citation", attrs: { refKey: "a" } },
      ),
    );
    editor.destroy();
  });

  it("survive copy and paste as data attributes", () => {
    const doc = paragraph({ type: "citation", attrs: { refKey: "a", pages: "3–5", at: "ch. 2", quote: "“said”" } });
    const html = toHtml(doc);
    expect(html).toContain('data-pages="3–5"');
    expect(JSON.parse(JSON.stringify(fromHtml(html)))).toEqual(doc);
    expect(
      JSON.parse(JSON.stringify(fromHtml(toHtml(paragraph({ type: "citation", attrs: { refKey: "a" } }))))),
    ).toEqual(paragraph({ type: "citation", attrs: { refKey: "a" } }));
  });
});

describe("external links pasted into the editor", () => {
  const editors: Editor[] = [];
  afterEach(() => {
    for (const editor of editors.splice(0)) editor.destroy();
  });
  const editorWith = (words: string) => {
    const editor = new Editor({ extensions: documentExtensions, content: paragraph(text(words)) });
    editors.push(editor);
    return editor;
  };
  const link = (href: string) => [{ type: "link", attrs: { href } }];

  it("turn an http(s) address in pasted text into a link, without the punctuation after it", () => {
    const editor = editorWith("x");
    editor.commands.setTextSelection(2);
    editor.view.pasteText("See https://example.org/a_(b)?c=1, and ftp://example.org or javascript:alert(1).");
    expect(editor.getJSON()).toEqual(
      normalized(
        paragraph(
          text("xSee "),
          text("https://example.org/a_(b)?c=1", link("https://example.org/a_(b)?c=1")),
          text(", and ftp://example.org or javascript:alert(1)."),
        ),
      ),
    );
  });

  it("link the selected words when an address is pasted over them, and keep the words", () => {
    const editor = editorWith("read the report here");
    editor.commands.setTextSelection({ from: 10, to: 16 });
    editor.view.pasteText(" https://news.example.com/report ");
    expect(editor.getJSON()).toEqual(
      normalized(paragraph(text("read the "), text("report", link("https://news.example.com/report")), text(" here"))),
    );
    // Anything but one safe address replaces the selection as a paste does.
    editor.commands.setTextSelection({ from: 1, to: 5 });
    editor.view.pasteText("javascript:alert(1)");
    expect(editor.getText()).toBe("javascript:alert(1) the report here");
    expect(JSON.stringify(editor.getJSON())).not.toContain('javascript:alert(1)","marks');
  });

  it("insert an address pasted with nothing selected, as a link", () => {
    const editor = editorWith("x");
    editor.commands.setTextSelection(2);
    editor.view.pasteText("https://example.org/a");
    expect(editor.getJSON()).toEqual(
      normalized(paragraph(text("x"), text("https://example.org/a", link("https://example.org/a")))),
    );
  });

  it("link selected words only with an address alone: anything around it replaces them as a paste does", () => {
    const editor = editorWith("read the report here");
    editor.commands.setTextSelection({ from: 10, to: 16 });
    editor.view.pasteText("https://example.org/a.");
    expect(editor.getJSON()).toEqual(
      normalized(
        paragraph(text("read the "), text("https://example.org/a", link("https://example.org/a")), text(". here")),
      ),
    );
    // The URL parser accepts "https://!", but it is no address in prose: pasted as text.
    editor.commands.setTextSelection({ from: 1, to: 5 });
    editor.view.pasteText("https://!");
    expect(editor.getText()).toBe("https://! the https://example.org/a. here");
  });

  it("leave an address with a hidden character in it unlinked", () => {
    const editor = editorWith("x");
    editor.commands.setTextSelection(2);
    editor.view.pasteText(" https://exa\u200bmple.org");
    expect(editor.getJSON()).toEqual(normalized(paragraph(text("x https://exa\u200bmple.org"))));
  });
});
