import { describe, expect, it } from "vitest";
import type { ArticleContent, DocJSON } from "../document/model";
import { applyDiff, diffArticles } from "./article-diff";
import { blockTokens, tokenKey } from "./tokens";
import type { TokenRun } from "./types";

/*
 * Tables, figures and opaque templates (issue 21's imported nodes) are diffed
 * like everything else: a change in a cell, a caption, a file or a template's
 * parameter shows as a changed block with the words that changed.
 */

const text = (value: string): DocJSON => ({ type: "text", text: value });
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const cell = (value: string, type = "tableCell", attrs?: object): DocJSON => ({
  type,
  ...(attrs ? { attrs } : {}),
  content: [paragraph(text(value))],
});
const table = (rows: string[][], caption?: string): DocJSON => ({
  type: "table",
  content: [
    ...(caption ? [{ type: "tableCaption", content: [text(caption)] }] : []),
    ...rows.map((row, r) => ({
      type: "tableRow",
      content: row.map((v) => cell(v, r === 0 ? "tableHeader" : "tableCell")),
    })),
  ],
});
const figure = (file: string, caption: string): DocJSON => ({
  type: "figure",
  attrs: { file, options: "thumb" },
  content: [text(caption)],
});
const template = (name: string, ...values: string[]): DocJSON => ({
  type: "template",
  attrs: { name, params: values.map((value) => ({ key: null, value })), form: "template" },
});
const article = (...blocks: DocJSON[]): ArticleContent => ({
  title: "T",
  infobox: null,
  references: [],
  sections: [{ id: "lead", title: "", level: 0, body: { type: "doc", content: blocks } }],
});

const changedWords = (runs: TokenRun[] | null, op: "insert" | "delete") =>
  (runs ?? []).filter((run) => run.op === op).flatMap((run) => run.tokens.map(tokenKey));

function onlyBlock(from: ArticleContent, to: ArticleContent) {
  const diff = diffArticles(from, to);
  // The diff is complete: applying it to the old article rebuilds the new one.
  expect(applyDiff(from, diff, []).sections).toEqual(to.sections);
  const changed = diff.sections[0].blocks.filter((block) => block.op !== "equal");
  expect(changed).toHaveLength(1);
  return changed[0];
}

describe("diffs of imported nodes", () => {
  it("a table: the changed cell's words, nothing else", () => {
    const block = onlyBlock(
      article(
        table(
          [
            ["Year", "Club"],
            ["1999", "Leeds"],
          ],
          "Career",
        ),
      ),
      article(
        table(
          [
            ["Year", "Club"],
            ["1999", "Hull"],
          ],
          "Career",
        ),
      ),
    );
    expect(block.op).toBe("change");
    if (block.op !== "change") return;
    expect(changedWords(block.runs, "delete")).toEqual(["t:Leeds"]);
    expect(changedWords(block.runs, "insert")).toEqual(["t:Hull"]);
  });

  it("a table: rows, header cells, spans and the caption are tokens of their own", () => {
    const keys = blockTokens({
      type: "table",
      content: [
        { type: "tableCaption", content: [text("C")] },
        { type: "tableRow", content: [cell("h", "tableHeader"), cell("d", "tableCell", { colspan: 2, rowspan: 1 })] },
      ],
    }).map(tokenKey);
    expect(keys).toEqual(["b:|+", "t:C", "b:|-", "b:!", "t:h", "b:| 2×1", "t:d"]);
  });

  it("a table cell: the editor's default spans (1×1) show no span, a span given alone shows with the other as 1", () => {
    const row = (...cells: DocJSON[]): DocJSON => ({ type: "table", content: [{ type: "tableRow", content: cells }] });
    expect(
      blockTokens(
        row(
          cell("a", "tableCell", { colspan: 1, rowspan: 1, colwidth: null }),
          cell("b", "tableCell", { colspan: 2 }),
          cell("c", "tableHeader", { rowspan: 3 }),
        ),
      ).map(tokenKey),
    ).toEqual(["b:|-", "b:|", "t:a", "b:| 2×1", "t:b", "b:! 1×3", "t:c"]);
  });

  it("a table cell: its first paragraph follows the cell's marker, later paragraphs and a leading list are broken off", () => {
    const row = (content: DocJSON[]): DocJSON => ({
      type: "table",
      content: [{ type: "tableRow", content: [{ type: "tableCell", content }] }],
    });
    expect(blockTokens(row([paragraph(text("a")), paragraph(text("b"))])).map(tokenKey)).toEqual([
      "b:|-",
      "b:|",
      "t:a",
      "b:¶",
      "t:b",
    ]);
    const list: DocJSON = { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("x"))] }] };
    expect(blockTokens(row([list])).map(tokenKey)).toEqual(["b:|-", "b:|", "b:•", "t:x"]);
  });

  it("a figure without options, a template with named and without parameters, and either without attributes", () => {
    const bare = (file: string): DocJSON => ({ type: "figure", attrs: { file }, content: [text("x")] });
    expect(blockTokens(bare("A.png")).map(tokenKey)).toEqual(["b:[File:A.png]", "t:x"]);
    const named = template("Convert", "5");
    (named.attrs as { params: object[] }).params.push({ key: "unit", value: "km" });
    const main: DocJSON = { type: "template", attrs: { name: "Main", form: "template" } };
    expect(blockTokens(paragraph(named, main)).map(tokenKey)).toEqual([
      "t:{{Convert|5|unit=km}}|template",
      "t:{{Main}}|template",
    ]);
    expect(blockTokens(paragraph({ type: "template" })).map(tokenKey)).toEqual(["t:{{}}|template"]);
    expect(blockTokens({ type: "figure" }).map((token) => token.kind)).toEqual(["break"]);
  });

  it("a figure: another file shows even with the same caption", () => {
    const block = onlyBlock(
      article(figure("A.png", "A map of the city in 2024")),
      article(figure("B.png", "A map of the city in 2024")),
    );
    expect(block.op).toBe("change");
    if (block.op !== "change") return;
    expect(changedWords(block.runs, "delete")).toEqual(["b:[File:A.png|thumb]"]);
    expect(changedWords(block.runs, "insert")).toEqual(["b:[File:B.png|thumb]"]);
  });

  it("a template: a changed parameter shows as the template before and after", () => {
    const block = onlyBlock(
      article(paragraph(text("About "), template("Convert", "5", "km"))),
      article(paragraph(text("About "), template("Convert", "6", "km"))),
    );
    expect(block.op).toBe("change");
    if (block.op !== "change") return;
    expect(changedWords(block.runs, "delete")).toEqual(["t:{{Convert|5|km}}|template"]);
    expect(changedWords(block.runs, "insert")).toEqual(["t:{{Convert|6|km}}|template"]);
  });

  it("an unchanged table, figure and template are equal blocks", () => {
    const same = article(table([["a"], ["b"]]), figure("A.png", "x"), paragraph(template("Main", "X")));
    const diff = diffArticles(same, structuredClone(same));
    expect(diff.sections[0].blocks.every((block) => block.op === "equal")).toBe(true);
  });
});
