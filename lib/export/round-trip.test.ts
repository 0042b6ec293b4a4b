import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importWikitext } from "../import/import-wikitext";
import { exportWikitext } from "./export-wikitext";

/*
 * Export, then import again, gives the same document: for every article of
 * the shared corpus (issue 21). The first import is the document; the
 * exporter must write only what the importer reads back the same way.
 */

const CORPUS = process.env.WIKI_CORPUS_DIR ?? path.resolve(import.meta.dirname, "../../../shared/corpus/wikitext");
const files = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .filter((file) => file.endsWith(".txt"))
      .sort()
  : [];

describe("export to wikitext, then import: the same document", () => {
  it("has the corpus", () => {
    expect(files.length).toBeGreaterThanOrEqual(29);
  });

  for (const file of files) {
    it(file, () => {
      const title = file.replace(/\.txt$/, "");
      const first = importWikitext(fs.readFileSync(path.join(CORPUS, file), "utf8"), { title }).content;
      const wikitext = exportWikitext(first);
      const again = importWikitext(wikitext, { title }).content;
      expect(again.infobox).toEqual(first.infobox);
      expect(again.references).toEqual(first.references);
      expect(again.sections.map((s) => [s.id, s.title, s.level])).toEqual(
        first.sections.map((s) => [s.id, s.title, s.level]),
      );
      first.sections.forEach((section, index) => expect(again.sections[index].body).toEqual(section.body));
      expect(again).toEqual(first);
    });
  }
});

describe("text that looks like markup stays text", () => {
  it("escapes apostrophes, brackets, braces, pipes, URLs, magic words and line starts", () => {
    const tricky = [
      "* not a list",
      "== not a heading ==",
      "it's '''not bold''' and ''not italic''",
      "[[Not a link]] {{Not a template}} [https://e.org not external] http://e.org/plain",
      "a | b || c !! d; ISBN 978-0 __NOTOC__ ~~~~ <b>x</b> &amp; \u00a0",
    ];
    const content = importWikitext("Lead.", { title: "T" }).content;
    content.sections[0].body = {
      type: "doc",
      content: tricky.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
    };
    const again = importWikitext(exportWikitext(content), { title: "T" }).content;
    expect(again.sections[0].body).toEqual(content.sections[0].body);
  });
});

describe("citation locators", () => {
  it("are written as {{rp}} after their <ref> and read back the same", () => {
    const content = importWikitext('Lead.<ref name="b">{{cite book |title=Book}}</ref>', { title: "T" }).content;
    const cite = (attrs: Record<string, string>) => ({ type: "citation", attrs: { refKey: "b", ...attrs } });
    content.sections[0].body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "One." },
            cite({ pages: "12" }),
            { type: "text", text: " Two." },
            cite({}),
            cite({ pages: "3–5, 9", at: "ch. 2 {x}", quote: "“A | b” it's [sic] ~~~" }),
            { type: "text", text: " Three." },
            cite({ at: "01:23:45" }),
          ],
        },
      ],
    };
    const wikitext = exportWikitext(content);
    expect(wikitext).toContain('</ref>{{rp|page=12}} Two.<ref name="b" /><ref name="b" />{{rp|pages=3–5, 9|at=');
    const again = importWikitext(wikitext, { title: "T" }).content;
    expect(again.sections[0].body).toEqual(content.sections[0].body);
  });
});
