import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import wtf from "wtf_wikipedia";
import { renderRichText } from "@/components/article/rich-text";
import { planCitations } from "@/lib/document/citations";
import type { ArticleContent, DocJSON } from "@/lib/document/model";
import { validateArticleContent } from "@/lib/document/validate";
import { walkArticleDocs, walkDoc } from "@/lib/document/walk";
import { importWikitext } from "@/lib/import/import-wikitext";
import { BlockMemo, blocksOf } from "@/lib/import/parse-chunks";
import { parseWikitext, templateKey, type WNode } from "@/lib/import/syntax";

/*
 * Issue 21's proof on real articles: every file of the shared corpus is
 * imported and checked against independent measures: the refs as
 * wikiparser-node's tree has them, and the plain text as wtf_wikipedia's
 * `.text()` extracts it (a different parser, so the importer is not judged by
 * its own reading). Pure: no database, no server.
 */

const CORPUS = process.env.WIKI_CORPUS_DIR ?? path.resolve(import.meta.dirname, "../../../shared/corpus/wikitext");
const files = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .filter((file) => file.endsWith(".txt"))
      .sort()
  : [];

/** The same XML-unescaping the importer applies to dump-escaped files, so both measures read the same text. */
function readable(source: string): string {
  const escaped = /&lt;\/?(ref|references|gallery|br|div|span|small|blockquote)\b/i.test(source);
  const raw = /<\/?(ref|references|gallery|br|div|span|small|blockquote)\b/i.test(source);
  return escaped && !raw
    ? source.replace(/&(lt|gt|quot|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[n] ?? "")
    : source;
}

/** `<ref>` tags that cite (not the definitions kept in a reference list), named ones by name. */
function refsInSource(source: string) {
  let tags = 0;
  const names = new Set<string>();
  let unnamed = 0;
  const visit = (node: WNode, inList: boolean) => {
    if (node.type === "ext" && node.name === "ref" && !inList) {
      tags += 1;
      const group = node.getAttr?.("group");
      const name = node.getAttr?.("name");
      if (!group) {
        if (typeof name === "string" && name.trim()) names.add(name.trim());
        else unnamed += 1;
      }
    }
    // {{#tag:ref|text|name=…}} is a ref too (written so that it may hold refs).
    if (node.type === "magic-word" && node.name === "tag" && !inList) {
      const params = node.childNodes.filter((child) => child.type === "parameter");
      if (String(params[0]?.childNodes[1] ?? "").trim() === "ref") {
        tags += 1;
        const named = (key: string) => params.find((param) => !param.anon && param.name === key);
        const name = String(named("name")?.childNodes[1] ?? "").trim();
        if (!named("group")) {
          if (name) names.add(name);
          else unnamed += 1;
        }
      }
    }
    const list =
      inList ||
      (node.type === "ext" && node.name === "references") ||
      (node.type === "parameter" && (node.name ?? "").toLowerCase() === "refs");
    for (const child of node.childNodes ?? []) visit(child, list);
  };
  visit(parseWikitext(source), false);
  return { tags, references: names.size + unnamed };
}

function citationsIn(content: ArticleContent): { citations: number; notes: number } {
  let citations = 0;
  let notes = 0;
  walkArticleDocs(content, (doc) =>
    walkDoc(doc, (node) => {
      if (node.type === "citation") citations += 1;
      if (node.type === "note") notes += 1;
    }),
  );
  return { citations, notes };
}

const entity = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|nbsp);/g,
    (_, n: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[n] ?? "",
  );

/** The article's text as the reader's page renders it: sections and notes, through the real renderer. */
function renderedText(content: ArticleContent): string {
  const plan = planCitations(content);
  const html = [
    ...content.sections.flatMap((section) => [section.title, renderToStaticMarkup(renderRichText(section.body, plan))]),
    ...plan.notes.map((note) =>
      renderToStaticMarkup(
        renderRichText({ type: "doc", content: [{ type: "paragraph", content: note.content }] } as DocJSON, plan),
      ),
    ),
  ].join("\n");
  return entity(html.replace(/<[^>]+>/g, " "));
}

const words = (text: string) =>
  (text
    .normalize("NFC")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) as string[];

/** The share of the reference text's words (as a multiset) found in the rendered text. */
function coverage(reference: string, rendered: string): { share: number; missing: string[] } {
  const available = new Map<string, number>();
  for (const word of words(rendered)) available.set(word, (available.get(word) ?? 0) + 1);
  const expected = words(reference);
  const missing: string[] = [];
  for (const word of expected) {
    const left = available.get(word) ?? 0;
    if (left > 0) available.set(word, left - 1);
    else missing.push(word);
  }
  return { share: expected.length ? 1 - missing.length / expected.length : 1, missing };
}

describe("the wikitext corpus imports whole", () => {
  it("has the corpus", () => {
    expect(files.length).toBeGreaterThanOrEqual(29);
  });

  for (const file of files) {
    it(file, () => {
      const source = fs.readFileSync(path.join(CORPUS, file), "utf8");
      const { content, report } = importWikitext(source, { title: file.replace(/\.txt$/, "").replace(/[-_]/g, " ") });

      const valid = validateArticleContent(content);
      expect(valid.ok ? [] : valid.issues.slice(0, 5)).toEqual([]);

      // Every <ref> became a citation (or, with a group, a note); named reuse collapsed into one reference.
      const expected = refsInSource(readable(source));
      const found = citationsIn(content);
      expect(found.citations + report.refs.notes).toBe(expected.tags);
      expect(report.refs.tags).toBe(expected.tags);
      expect(content.references.length).toBe(expected.references);

      // ≥ 98% of the plain text, as wtf_wikipedia extracts it, appears in the rendered article.
      const { share, missing } = coverage(wtf(readable(source)).text(), renderedText(content));
      expect({ file, share: share >= 0.98 ? "ok" : share, missing: share >= 0.98 ? [] : missing.slice(0, 40) }).toEqual(
        {
          file,
          share: "ok",
          missing: [],
        },
      );

      // Infobox parameters mapped ≥ 95%.
      const box = report.infoboxParams;
      if (box.total > 0) expect(box.mapped / box.total).toBeGreaterThanOrEqual(0.95);
      const hasInfobox = parseWikitext(readable(source)).childNodes.some(
        // "Infoboks" is the Norwegian and Danish spelling (statoil.txt).
        (node) => node.type === "template" && /^infobo(x|ks)\b/.test(templateKey(node)),
      );
      expect(content.infobox !== null).toBe(hasInfobox);
    });
  }
});

// A dump's revisions are parsed block by block (lib/import/parse-chunks.ts): the same document, the same report.
describe("importing in blocks gives what importing the whole page gives", () => {
  for (const file of files) {
    it(file, () => {
      const title = file.replace(/\.txt$/, "");
      const source = fs.readFileSync(path.join(CORPUS, file), "utf8");
      const whole = importWikitext(source, { title });
      const memo = new BlockMemo();
      expect(importWikitext(source, { title, memo })).toEqual(whole);
      // The next revision of the page: a paragraph changed, one dropped, one added; unchanged blocks come from the memo.
      const blocks = blocksOf(source);
      const middle = Math.floor(blocks.length / 2);
      const edited = [
        ...blocks.slice(0, middle),
        `${blocks[middle].trimEnd()} Edited.\n\n`,
        ...blocks.slice(middle + 2),
        "\n\nAdded at the end.",
      ].join("");
      expect(importWikitext(edited, { title, memo })).toEqual(importWikitext(edited, { title }));
      // And back: the first revision again, from blocks partly memoized.
      expect(importWikitext(source, { title, memo })).toEqual(whole);
    });
  }
});
