import { describe, expect, it } from "vitest";
import type { DocJSON } from "../document/model";
import { blockTokens, countWords, docTokens, locatorChange, plainText, tokenKey } from "./tokens";
import type { Token, TokenRun } from "./types";

const text = (value: string, marks?: DocJSON["marks"]): DocJSON =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const item = (...content: DocJSON[]): DocJSON => ({ type: "listItem", content });
const list = (...items: DocJSON[]): DocJSON => ({ type: "bulletList", content: items });
const citation = (refKey: string): DocJSON => ({ type: "citation", attrs: { refKey } });
const tag: DocJSON = { type: "maintenanceTag", attrs: { kind: "citation needed", date: "2024-12" } };
const note: DocJSON = { type: "note", content: [text("A note"), citation("a")] };

// What the word diff compares: every kind of inline content is its own token, marks included.
describe("the diff's tokens", () => {
  it("splits text into words and spaces, each carrying its sorted marks", () => {
    const marked = text("Hello  world", [{ type: "link", attrs: { href: "https://example.org" } }, { type: "bold" }]);
    expect(
      blockTokens(paragraph(marked, text("!", [{ type: "wikiLink", attrs: { title: "Aleppo" } }]), text(" plain"))),
    ).toEqual([
      { kind: "text", text: "Hello", marks: "bold,link:https://example.org" },
      { kind: "text", text: "  ", marks: "bold,link:https://example.org" },
      { kind: "text", text: "world", marks: "bold,link:https://example.org" },
      { kind: "text", text: "!", marks: "wiki:Aleppo" },
      { kind: "text", text: " ", marks: "" },
      { kind: "text", text: "plain", marks: "" },
    ]);
  });

  it("makes citations, notes, tags and line breaks tokens of their own", () => {
    expect(blockTokens(paragraph(text("Fact"), citation("a"), note, tag, { type: "hardBreak" }))).toEqual([
      { kind: "text", text: "Fact", marks: "" },
      { kind: "citation", refKey: "a" },
      { kind: "note", text: "A note[a]" },
      { kind: "tag", tag: "citation needed", date: "2024-12" },
      { kind: "break", label: "↵" },
    ]);
  });

  it("marks list items by depth, paragraphs and quote attributions by a break between them", () => {
    expect(blockTokens(list(item(paragraph(text("One")), list(item(paragraph(text("Two")))))))).toEqual([
      { kind: "break", label: "•" },
      { kind: "text", text: "One", marks: "" },
      { kind: "break", label: "  •" },
      { kind: "text", text: "Two", marks: "" },
    ]);
    const quote: DocJSON = {
      type: "quoteBox",
      content: [paragraph(text("Said.")), { type: "quoteAttribution", content: [text("Someone")] }],
    };
    expect(blockTokens(quote)).toEqual([
      { kind: "text", text: "Said.", marks: "" },
      { kind: "break", label: "—" },
      { kind: "text", text: "Someone", marks: "" },
    ]);
    expect(docTokens({ type: "doc", content: [paragraph(text("A")), paragraph(text("B"))] })).toEqual([
      { kind: "text", text: "A", marks: "" },
      { kind: "break", label: "¶" },
      { kind: "text", text: "B", marks: "" },
    ]);
    expect(docTokens(null)).toEqual([]);
    expect(docTokens(undefined)).toEqual([]);
  });

  it("flattens inline content to plain text, one line per block", () => {
    const doc: DocJSON = {
      type: "doc",
      content: [
        paragraph(text("One"), citation("a"), tag),
        paragraph(text("Two"), { type: "hardBreak" }, text("three")),
      ],
    };
    expect(plainText(doc)).toBe("One[a][citation needed]\nTwo\nthree");
    expect(plainText({ type: "text" })).toBe("");
  });

  it("keys equal tokens equally and different ones differently, and counts words but not spaces", () => {
    const tokens = [
      ...blockTokens(
        paragraph(text("Fact", [{ type: "italic" }]), text(" x"), citation("a"), note, tag, { type: "hardBreak" }),
      ),
    ];
    expect(tokens.map(tokenKey)).toEqual([
      "t:Fact|italic",
      "t: ",
      "t:x",
      "c:a",
      "n:A note[a]",
      "g:citation needed|2024-12",
      "b:↵",
    ]);
    expect(countWords(tokens)).toBe(6);
  });
});

describe("the diff's tokens of less common shapes", () => {
  it("tokenizes headings, a list item's later blocks and ordered lists like the rest", () => {
    const ordered: DocJSON = {
      type: "orderedList",
      content: [item(paragraph(text("First")), paragraph(text("More")), list(item(paragraph(text("Deep")))))],
    };
    expect(blockTokens(ordered)).toEqual([
      { kind: "break", label: "•" },
      { kind: "text", text: "First", marks: "" },
      { kind: "break", label: "¶" },
      { kind: "text", text: "More", marks: "" },
      { kind: "break", label: "  •" },
      { kind: "text", text: "Deep", marks: "" },
    ]);
    expect(
      docTokens({ type: "doc", content: [{ type: "heading", content: [text("H")] }, paragraph(text("P"))] }),
    ).toEqual([
      { kind: "text", text: "H", marks: "" },
      { kind: "break", label: "¶" },
      { kind: "text", text: "P", marks: "" },
    ]);
    // An item whose first block is a list, not a paragraph, nests it.
    expect(blockTokens(list(item(list(item(paragraph(text("In")))))))).toEqual([
      { kind: "break", label: "•" },
      { kind: "break", label: "  •" },
      { kind: "text", text: "In", marks: "" },
    ]);
  });

  it("tokenizes nodes without attributes or text as empty values rather than failing", () => {
    expect(blockTokens(paragraph({ type: "citation" }, { type: "maintenanceTag" }, { type: "text" }))).toEqual([
      { kind: "citation", refKey: "" },
      { kind: "tag", tag: "", date: "" },
    ]);
    expect(blockTokens({ type: "paragraph" })).toEqual([]);
    expect(blockTokens({ type: "bulletList" })).toEqual([]);
    expect(blockTokens(item())).toEqual([{ kind: "break", label: "•" }]);
    expect(docTokens({ type: "doc" })).toEqual([]);
  });

  it("keys a link by its address and a wiki link by its title", () => {
    const linked = (marks: DocJSON["marks"]) => blockTokens(paragraph(text("x", marks)))[0];
    expect(linked([{ type: "link", attrs: { href: "https://a.org" } }])).not.toEqual(
      linked([{ type: "link", attrs: { href: "https://b.org" } }]),
    );
    expect(linked([{ type: "wikiLink", attrs: { title: "A" } }])).toEqual({ kind: "text", text: "x", marks: "wiki:A" });
    expect(linked([])).toEqual({ kind: "text", text: "x", marks: "" });
  });
  it("flattens an empty block to no text", () => {
    expect(plainText({ type: "paragraph" })).toBe("");
    expect(plainText({ type: "doc", content: [paragraph(text("One")), { type: "paragraph" }] })).toBe("One\n");
  });

  it("tokenizes links, wiki links, citations and tags that lack their attributes rather than failing", () => {
    const bare = paragraph(text("x", [{ type: "link" }]), text("y", [{ type: "wikiLink" }]));
    expect(blockTokens(bare).map((token) => token.kind)).toEqual(["text", "text"]);
    expect(plainText(paragraph(text("a"), { type: "citation" }, { type: "maintenanceTag" }))).toMatch(
      /^a\[.*\]\[.*\]$/,
    );
  });

  it("tokenizes the content of an inline node it does not know, and nothing for one without content", () => {
    const mention: DocJSON = { type: "mention", content: [text("Ada Lovelace"), citation("a")] };
    expect(blockTokens(paragraph(text("By "), mention, { type: "emoji" }))).toEqual([
      { kind: "text", text: "By", marks: "" },
      { kind: "text", text: " ", marks: "" },
      { kind: "text", text: "Ada", marks: "" },
      { kind: "text", text: " ", marks: "" },
      { kind: "text", text: "Lovelace", marks: "" },
      { kind: "citation", refKey: "a" },
    ]);
  });
});

describe("citations with a locator", () => {
  const located = (refKey: string, pages: string): Token => ({ kind: "citation", refKey, locator: { pages } });

  it("flattens a located citation and a template to plain text (a note's text)", () => {
    const cited: DocJSON = { type: "citation", attrs: { refKey: "a", pages: "12" } };
    const convert: DocJSON = { type: "template", attrs: { name: "Convert", params: [{ key: null, value: "5" }] } };
    expect(plainText(paragraph(text("As counted"), cited, text(" "), convert))).toBe(
      "As counted[a, p. 12] {{Convert|5}}",
    );
  });

  it("keys a citation by its page, so that a new page is a changed citation", () => {
    expect(tokenKey(located("a", "12"))).not.toBe(tokenKey(located("a", "14")));
    expect(tokenKey(located("a", "12"))).toBe(tokenKey(located("a", "12")));
  });

  it("names a locator change only for one citation of one reference deleted, then inserted", () => {
    const run = (op: TokenRun["op"], ...tokens: Token[]): TokenRun => ({ op, tokens });
    const word: Token = { kind: "text", text: "x", marks: "" };
    expect(locatorChange(run("delete", located("a", "12")), run("insert", located("a", "14")))).toEqual({
      refKey: "a",
      from: "p. 12",
      to: "p. 14",
    });
    expect(locatorChange(run("delete", located("a", "12")), run("insert", { kind: "citation", refKey: "a" }))).toEqual({
      refKey: "a",
      from: "p. 12",
      to: "",
    });
    const notOne: Array<[TokenRun | undefined, TokenRun | undefined]> = [
      [undefined, run("insert", located("a", "14"))],
      [run("delete", located("a", "12")), undefined],
      [run("equal", located("a", "12")), run("insert", located("a", "14"))],
      [run("delete", located("a", "12")), run("equal", located("a", "14"))],
      [run("delete", located("a", "12"), word), run("insert", located("a", "14"))],
      [run("delete", located("a", "12")), run("insert", located("a", "14"), word)],
      [run("delete", word), run("insert", located("a", "14"))],
      [run("delete", word), run("insert", { ...word, text: "y" })],
      [run("delete", located("a", "12")), run("insert", word)],
      [run("delete", located("a", "12")), run("insert", located("b", "14"))],
    ];
    for (const [deleted, inserted] of notOne) expect(locatorChange(deleted, inserted)).toBeNull();
  });
});
