import { ALL_MAINTENANCE_TAG_KINDS } from "./extensions/maintenance-tag";
import { describe, expect, it } from "vitest";
import { docFromMarkup } from "./markup";
import type { ArticleContent, DocJSON } from "./model";
import { validateArticleContent, validateDoc } from "./validate";

/*
 * The validator's rules one by one, at their edges, with the message each
 * gives: what a client is told when the server refuses its document.
 */

const paragraph = (...content: object[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });
const INLINE = "$.content[0].content[0]";
const issuesOf = (node: object) => validateDoc(paragraph(node));
const orderedList = (attrs: object) => ({
  type: "doc",
  content: [
    { type: "orderedList", attrs, content: [{ type: "listItem", content: [{ type: "paragraph", content: [] }] }] },
  ],
});
const heading = (attrs: object) => ({
  type: "doc",
  content: [{ type: "heading", attrs, content: [{ type: "text", text: "H" }] }],
});
const wikiLink = (title: unknown) => ({ type: "text", text: "w", marks: [{ type: "wikiLink", attrs: { title } }] });

describe("attribute rules at their edges", () => {
  it("an ordered list starts at a whole number from 0 to 99,999, numbered 1, a, A, i or I", () => {
    for (const start of [0, 1, 99_999]) expect(validateDoc(orderedList({ start })), `${start}`).toEqual([]);
    for (const start of [-1, 100_000, 1.5, "1", null])
      expect(validateDoc(orderedList({ start })), `${start}`).toEqual([
        { path: "$.content[0].attrs.start", message: "must be a whole number" },
      ]);
    for (const type of [null, "1", "a", "A", "i", "I"])
      expect(validateDoc(orderedList({ type })), `${type}`).toEqual([]);
    for (const type of ["b", "", "1 ", 1])
      expect(validateDoc(orderedList({ type })), `${type}`).toEqual([
        { path: "$.content[0].attrs.type", message: "must be one of 1, a, A, i, I" },
      ]);
  });

  it("a heading has level 2, 3 or 4 and, if any, a section id", () => {
    const allowHeadings = { allowHeadings: true };
    for (const level of [2, 3, 4]) expect(validateDoc(heading({ level }), "$", allowHeadings)).toEqual([]);
    for (const level of [1, 5, "2"])
      expect(validateDoc(heading({ level }), "$", allowHeadings)).toEqual([
        { path: "$.content[0].attrs.level", message: "must be 2, 3 or 4" },
      ]);
    for (const sectionId of [null, "s1", "History_2-b"])
      expect(validateDoc(heading({ level: 2, sectionId }), "$", allowHeadings)).toEqual([]);
    for (const sectionId of ["", "-x", "a b", 7])
      expect(validateDoc(heading({ level: 2, sectionId }), "$", allowHeadings)).toEqual([
        { path: "$.content[0].attrs.sectionId", message: "must be a section id" },
      ]);
  });

  it("a maintenance tag is of a known kind and dated by a month", () => {
    const tag = (attrs: object) => issuesOf({ type: "maintenanceTag", attrs });
    expect(tag({ kind: "unreliable source?", date: "2024-01" })).toEqual([]);
    expect(tag({ kind: "clarification needed", date: "2024-12" })).toEqual([]);
    expect(tag({ kind: "Citation needed", date: "2024-12" })).toEqual([
      {
        path: `${INLINE}.attrs.kind`,
        message: `must be one of: ${ALL_MAINTENANCE_TAG_KINDS.join(", ")}`,
      },
    ]);
    // Imported tags: Wikipedia's other inline kinds, and no date when the wikitext gave none.
    expect(tag({ kind: "dead link", date: null })).toEqual([]);
    expect(tag({ kind: "who?", date: "2023-05" })).toEqual([]);
    for (const date of ["2024-13", "2024-00", "2024-1", "2024-12-01", 202412, ["2024-12"]])
      expect(tag({ kind: "citation needed", date }), `${date}`).toEqual([
        { path: `${INLINE}.attrs.date`, message: "must be a month, YYYY-MM" },
      ]);
  });

  it("a wiki link's title is 1 to 255 characters without control characters", () => {
    const message = "must be a non-empty string of at most 255 characters without control characters";
    for (const title of ["P", "x".repeat(255), "Ünïcödé\u0080 title"]) expect(issuesOf(wikiLink(title))).toEqual([]);
    for (const title of ["", "x".repeat(256), "a\u0000b", "a\u001fb", "a\u007fb", 5, ["Page"]])
      expect(issuesOf(wikiLink(title)), JSON.stringify(title)).toEqual([
        { path: `${INLINE}.marks[0].attrs.title`, message },
      ]);
  });

  it("a citation's key is a reference key", () => {
    expect(issuesOf({ type: "citation", attrs: { refKey: "smith-2020.a:1_b" } })).toEqual([]);
    expect(issuesOf({ type: "citation", attrs: { refKey: 7 } })).toEqual([
      { path: `${INLINE}.attrs.refKey`, message: "must be a reference key" },
    ]);
  });

  it("a citation's locator (pages, at, quote) is absent or short trimmed one-line text, the issue naming the field", () => {
    const cite = (locator: object) => issuesOf({ type: "citation", attrs: { refKey: "a", ...locator } });
    for (const locator of [
      {},
      { pages: "12" },
      { pages: "x".repeat(100), at: "y".repeat(100), quote: "z".repeat(500) },
      { at: "01:23:45" },
      { at: "ch. 3", quote: "Ünïcödé “quoted” words" },
      { pages: undefined },
    ])
      expect(cite(locator), JSON.stringify(locator)).toEqual([]);
    const cases: Array<[string, unknown, string]> = [
      ["pages", "x".repeat(101), "pages must be at most 100 characters (it has 101)"],
      ["at", "y".repeat(101), "at must be at most 100 characters (it has 101)"],
      ["quote", "z".repeat(501), "quote must be at most 500 characters (it has 501)"],
      ["pages", "", "pages must be a non-empty string of at most 100 characters, or left out"],
      ["at", null, "at must be a non-empty string of at most 100 characters, or left out"],
      ["quote", 12, "quote must be a non-empty string of at most 500 characters, or left out"],
      ["pages", " 12", "pages must not start or end with spaces"],
      ["at", "ch. 3\t", "at must not start or end with spaces"],
      ["quote", "line\nbreak", "quote must not contain line breaks, control or direction characters"],
      ["pages", "1\u00002", "pages must not contain line breaks, control or direction characters"],
      ["pages", "1\u009b2", "pages must not contain line breaks, control or direction characters"],
      ["at", "\u202e21 .p", "at must not contain line breaks, control or direction characters"],
      ["quote", "a\u2066b", "quote must not contain line breaks, control or direction characters"],
    ];
    for (const [field, value, message] of cases)
      expect(cite({ [field]: value }), `${field}=${JSON.stringify(value)}`).toEqual([
        { path: `${INLINE}.attrs.${field}`, message },
      ]);
    expect(cite({ page: "12" })).toEqual([
      { path: `${INLINE}.attrs.page`, message: 'unknown attribute "page" on citation' },
    ]);
  });
});

describe("imported nodes: tables, figures, opaque templates", () => {
  const cellDoc = (cell: object) => ({
    type: "doc",
    content: [{ type: "table", content: [{ type: "tableRow", content: [cell] }] }],
  });
  const cell = (attrs?: object, type = "tableCell") => ({
    type,
    ...(attrs ? { attrs } : {}),
    content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }],
  });
  const TABLE_CELL = "$.content[0].content[0].content[0]";

  it("a table has rows of header or data cells, with an optional caption first", () => {
    expect(validateDoc(cellDoc(cell()))).toEqual([]);
    expect(validateDoc(cellDoc(cell(undefined, "tableHeader")))).toEqual([]);
    const captioned = {
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            { type: "tableCaption", content: [{ type: "text", text: "Results" }] },
            { type: "tableRow", content: [cell()] },
          ],
        },
      ],
    };
    expect(validateDoc(captioned)).toEqual([]);
    expect(validateDoc({ type: "doc", content: [{ type: "table", content: [] }] })).toEqual([
      { path: "$.content[0].content", message: "is not valid content for table (expects tableCaption? tableRow+)" },
    ]);
    // A cell directly in a table, and a caption after the rows, are refused.
    expect(validateDoc({ type: "doc", content: [{ type: "table", content: [cell()] }] })[0].path).toBe(
      "$.content[0].content",
    );
    expect(validateDoc({ type: "doc", content: [{ type: "tableRow", content: [cell()] }] })[0].path).toBe("$.content");
  });

  it("a cell spans 1 to 1000 whole columns and rows", () => {
    expect(validateDoc(cellDoc(cell({ colspan: 2, rowspan: 1000 })))).toEqual([]);
    for (const bad of [0, 1001, 1.5, "2", null])
      expect(validateDoc(cellDoc(cell({ colspan: bad })))).toEqual([
        { path: `${TABLE_CELL}.attrs.colspan`, message: "must be a whole number from 1 to 1000" },
      ]);
    expect(validateDoc(cellDoc(cell({ style: "color:red" })))).toEqual([
      { path: `${TABLE_CELL}.attrs.style`, message: 'unknown attribute "style" on tableCell' },
    ]);
  });

  it("a figure names a file (no link syntax in it) and may have options on one line", () => {
    const figure = (attrs: object) => validateDoc({ type: "doc", content: [{ type: "figure", attrs, content: [] }] });
    expect(figure({ file: "Map of Hama.png", options: "thumb|right|upright=1.2" })).toEqual([]);
    expect(figure({ file: "Map.png", options: null })).toEqual([]);
    expect(figure({ options: "thumb" })).toEqual([{ path: "$.content[0].attrs.file", message: "is required" }]);
    for (const file of ["a]]b.png", "x|y.png", "", "a\nb.png", "{{x}}.png", ["Map.png"]])
      expect(figure({ file })[0]?.path).toBe("$.content[0].attrs.file");
    expect(figure({ file: "a.png", options: "x".repeat(1000) })).toEqual([]);
    for (const options of ["thumb]]<script>", "thumb\nright", "x".repeat(1001), ["thumb"], 5])
      expect(figure({ file: "a.png", options }), JSON.stringify(options)).toEqual([
        { path: "$.content[0].attrs.options", message: "must be at most 1000 characters on one line, without ]]" },
      ]);
  });

  it("a template has a name, a form, and bounded { key, value } parameters", () => {
    const template = (attrs: object) => issuesOf({ type: "template", attrs });
    expect(
      template({
        name: "Convert",
        params: [
          { key: null, value: "5" },
          { key: "abbr", value: "on" },
        ],
      }),
    ).toEqual([]);
    expect(template({ name: "Category:Cities", form: "link", params: [] })).toEqual([]);
    expect(template({ params: [] })).toEqual([{ path: `${INLINE}.attrs.name`, message: "is required" }]);
    expect(template({ name: "X", form: "script" })).toEqual([
      { path: `${INLINE}.attrs.form`, message: "must be one of: template, link, raw" },
    ]);
    expect(template({ name: ["X"] })[0]?.path).toBe(`${INLINE}.attrs.name`);
    expect(
      template({
        name: "X",
        params: [
          { key: "k".repeat(255), value: "v".repeat(99_999) },
          { key: null, value: "v" },
        ],
      }),
    ).toEqual([]);
    expect(template({ name: "X", params: Array.from({ length: 500 }, () => ({ key: null, value: "v" })) })).toEqual([]);
    const notAList =
      "must be a list of at most 500 { key, value } parameters (key null or a name without | = }}, value text)";
    for (const params of [
      "x",
      [null],
      ["key=value"],
      [Object.assign([], { key: null, value: "v" })],
      [{ key: null }],
      [{ key: "a|b", value: "v" }],
      [{ key: "a=b", value: "v" }],
      [{ key: "a}}b", value: "v" }],
      [{ key: "", value: "v" }],
      [{ key: 5, value: "v" }],
      [{ key: "k".repeat(256), value: "v" }],
      [{ key: null, value: 5 }],
      [{ key: null, value: "a\u0000b" }],
      [{ key: null, value: "v", extra: 1 }],
      Array.from({ length: 501 }, () => ({ key: null, value: "v" })),
    ])
      expect(template({ name: "X", params }), JSON.stringify(params)).toEqual([
        { path: `${INLINE}.attrs.params`, message: notAList },
      ]);
    expect(template({ name: "X", params: [{ key: null, value: "v".repeat(100_001) }] })).toEqual([
      { path: `${INLINE}.attrs.params`, message: "parameters must total at most 100000 characters" },
    ]);
  });

  it("a note may carry an opaque template, a tag without a date is an imported one", () => {
    expect(
      issuesOf({
        type: "note",
        content: [
          { type: "text", text: "about " },
          { type: "template", attrs: { name: "Convert", params: [{ key: null, value: "3" }] } },
        ],
      }),
    ).toEqual([]);
  });
});

describe("required attributes", () => {
  it("are required on every kind that has them, even when given as undefined", () => {
    const required = (path: string) => ({ path, message: "is required" });
    expect(issuesOf({ type: "maintenanceTag", attrs: { kind: "citation needed" } })).toEqual([
      required(`${INLINE}.attrs.date`),
    ]);
    expect(issuesOf({ type: "maintenanceTag", attrs: { date: "2024-01" } })).toEqual([
      required(`${INLINE}.attrs.kind`),
    ]);
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: "link" }] })).toEqual([
      required(`${INLINE}.marks[0].attrs.href`),
    ]);
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: "wikiLink", attrs: {} }] })).toEqual([
      required(`${INLINE}.marks[0].attrs.title`),
    ]);
    // An object built in code (not parsed JSON) may hold a key whose value is undefined.
    expect(issuesOf({ type: "citation", attrs: { refKey: undefined } })[0]).toEqual(required(`${INLINE}.attrs.refKey`));
  });

  it("attributes must be an object", () => {
    for (const attrs of [[], "x", null])
      expect(issuesOf({ type: "citation", attrs })[0], JSON.stringify(attrs)).toEqual({
        path: `${INLINE}.attrs`,
        message: "must be an object",
      });
  });
});

describe("node and mark shapes", () => {
  it("text: non-empty, at most 100,000 characters, and only on text nodes", () => {
    expect(issuesOf({ type: "text", text: "x".repeat(100_000) })).toEqual([]);
    for (const text of ["", "x".repeat(100_001), 5])
      expect(issuesOf({ type: "text", text }), typeof text === "string" ? `${text.length}` : "5").toEqual([
        { path: `${INLINE}.text`, message: "must be a non-empty string" },
      ]);
    expect(issuesOf({ type: "citation", attrs: { refKey: "a" }, text: "x" })).toEqual([
      { path: `${INLINE}.text`, message: "only text nodes have text" },
    ]);
  });

  it("marks: an array of mark objects with a known type and no other keys", () => {
    expect(issuesOf({ type: "text", text: "x", marks: { type: "bold" } })).toEqual([
      { path: `${INLINE}.marks`, message: "must be an array" },
    ]);
    expect(issuesOf({ type: "text", text: "x", marks: ["bold"] })).toEqual([
      { path: `${INLINE}.marks[0]`, message: "must be a mark object" },
    ]);
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: "bold", style: "x" }] })).toEqual([
      { path: `${INLINE}.marks[0].style`, message: 'unknown property "style"' },
    ]);
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: 7 }] })).toEqual([
      { path: `${INLINE}.marks[0].type`, message: "unknown mark type 7" },
    ]);
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: ["bold"] }] })[0].message).toBe(
      "unknown mark type an array",
    );
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: { name: "bold" } }] })[0].message).toBe(
      "unknown mark type an object",
    );
  });

  it("content: an array", () => {
    expect(validateDoc({ type: "doc", content: { 0: {} } })).toEqual([
      { path: "$.content", message: "must be an array" },
    ]);
    expect(validateDoc({ type: "doc", content: [7] })).toEqual([
      { path: "$.content[0]", message: "must be a node object" },
    ]);
  });

  it("nesting: at most 64 levels below the root", () => {
    const nested = (depth: number): object =>
      depth === 0 ? { type: "paragraph" } : { type: "doc", content: [nested(depth - 1)] };
    const messages = (depth: number) => validateDoc(nested(depth)).map((issue) => issue.message);
    expect(messages(64)).not.toContain("is nested too deeply");
    expect(messages(65)).toContain("is nested too deeply");
    expect(validateDoc(nested(65))).toEqual([
      { path: `$${".content[0]".repeat(65)}`, message: "is nested too deeply" },
    ]);
  });
});

describe("structure", () => {
  it("names the content a node expects, and 'nothing' for a leaf", () => {
    expect(validateDoc({ type: "doc", content: [{ type: "bulletList", content: [] }] })).toEqual([
      { path: "$.content[0].content", message: "is not valid content for bulletList (expects listItem+)" },
    ]);
    expect(issuesOf({ type: "hardBreak", content: [{ type: "text", text: "x" }] })).toEqual([
      { path: `${INLINE}.content`, message: "is not valid content for hardBreak (expects nothing)" },
    ]);
  });

  it("refuses a mark where its parent allows none (as content it does not allow), and the same mark twice on any node", () => {
    expect(validateDoc({ type: "doc", content: [{ type: "paragraph", marks: [{ type: "bold" }] }] })).toEqual([
      { path: "$.content", message: "is not valid content for doc (expects block+)" },
    ]);
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: "bold" }, { type: "bold" }] })).toEqual([
      { path: `${INLINE}.marks`, message: "has duplicate or conflicting marks" },
    ]);
    expect(
      issuesOf({ type: "citation", attrs: { refKey: "a" }, marks: [{ type: "italic" }, { type: "italic" }] }),
    ).toEqual([{ path: `${INLINE}.marks`, message: "has duplicate or conflicting marks" }]);
    expect(issuesOf({ type: "text", text: "x", marks: [{ type: "bold" }, { type: "italic" }] })).toEqual([]);
  });

  it("refuses headings in a section body, at every depth, unless asked to allow them", () => {
    const h = { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "H" }] };
    expect(validateDoc({ type: "doc", content: [h] }, "$.sections[2].body")).toEqual([
      { path: "$.sections[2].body.content[0]", message: "headings belong to sections, not inside a section body" },
    ]);
    expect(validateDoc({ type: "doc", content: [h] }, "$", { allowHeadings: true })).toEqual([]);
  });

  it("wants a doc at the root, and says why ProseMirror refused one", () => {
    expect(validateDoc({ type: "paragraph" }, "$.x")).toEqual([{ path: "$.x.type", message: 'must be "doc"' }]);
    const issues = validateDoc({
      type: "doc",
      content: [
        {
          type: "text",
          text: "x",
          marks: [
            { type: "link", attrs: { href: "https://e.org" } },
            { type: "link", attrs: { href: "https://f.org" } },
          ],
        },
      ],
    });
    expect(issues.length).toBeGreaterThan(0);
  });
});

describe("whole articles", () => {
  const lead = { id: "lead", title: "", level: 0 as const, body: docFromMarkup("Text.") };
  const content = (overrides: Partial<ArticleContent>): ArticleContent => ({
    title: "T",
    infobox: null,
    sections: [lead],
    references: [],
    ...overrides,
  });
  const issues = (value: ArticleContent) => {
    const result = validateArticleContent(value);
    return result.ok ? [] : result.issues;
  };
  const body: DocJSON = docFromMarkup("x");

  it("names the path of a schema problem, indexes as brackets", () => {
    // Not an object at all: refused by the schema, before the body's own check.
    for (const notADocument of [null, "Text.", 5, true])
      expect(
        issues(content({ sections: [lead, { id: "s", title: "S", level: 2, body: notADocument as never }] })),
        JSON.stringify(notADocument),
      ).toEqual([{ path: "$.sections[1].body", message: "must be a rich-text document" }]);
  });

  it("wants the lead first and only first, and a title on every other section", () => {
    expect(issues(content({ sections: [lead, { id: "s", title: "S", level: 0, body }] }))).toEqual([
      { path: "$.sections[1].level", message: "only the first section is the lead" },
    ]);
    expect(issues(content({ sections: [lead, { id: "s", title: " \t", level: 2, body }] }))).toEqual([
      { path: "$.sections[1].title", message: "a section needs a title" },
    ]);
    expect(issues(content({ sections: [{ ...lead, level: 2, title: "First" }] }))).toEqual([
      { path: "$.sections[0].level", message: "the first section is the lead (level 0)" },
    ]);
  });

  it("wants reference keys unique and reference URLs safe", () => {
    expect(
      issues(
        content({
          references: [
            { key: "a", title: "A", archiveUrl: "https://archive.example/a" },
            { key: "a", title: "Again" },
          ],
        }),
      ),
    ).toEqual([{ path: "$.references[1].key", message: 'duplicate reference key "a"' }]);
    expect(issues(content({ references: [{ key: "a", title: "A", archiveUrl: "ftp://x.org" }] }))).toEqual([
      { path: "$.references[0].archiveUrl", message: "must be an absolute http:// or https:// URL" },
    ]);
  });

  it("takes a reference date as a year, a month or a day, and nothing around or beyond them", () => {
    for (const date of ["2024", "2024-05", "2024-05-31", "2024-12-01", "2024-10-10"])
      expect(issues(content({ references: [{ key: "a", title: "A", date }] })), date).toEqual([]);
    for (const date of ["x2024", "2024x", "2024-13", "2024-00", "2024-05-32", "2024-05-00", "24-05-01", "2024-5-1"])
      expect(issues(content({ references: [{ key: "a", title: "A", date }] })), date).toEqual([
        { path: "$.references[0].date", message: "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)" },
      ]);
  });

  it("checks every rich-text part of the infobox against the references", () => {
    const cite = (key: string) => docFromMarkup(`x[[ref:${key}]]`);
    const result = issues(
      content({
        references: [{ key: "a", title: "A" }],
        infobox: {
          kind: "k",
          title: "T",
          partOf: cite("p"),
          imageCaption: cite("c"),
          rows: [
            { kind: "field", label: "F", value: cite("f") },
            { kind: "sides", label: "S", sides: [cite("a"), cite("s")], footer: cite("o") },
          ],
        },
      }),
    );
    expect(result.map((issue) => issue.path)).toEqual([
      "$.infobox.partOf.content[0].content[1].attrs.refKey",
      "$.infobox.imageCaption.content[0].content[1].attrs.refKey",
      "$.infobox.rows[0].value.content[0].content[1].attrs.refKey",
      "$.infobox.rows[1].sides[1].content[0].content[1].attrs.refKey",
      "$.infobox.rows[1].footer.content[0].content[1].attrs.refKey",
    ]);
  });
});
