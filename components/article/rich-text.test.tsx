import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { planCitations } from "@/lib/document/citations";
import { docFromMarkup } from "@/lib/document/markup";
import type { ArticleContent } from "@/lib/document/model";
import { documentSchema } from "@/lib/document/schema";
import { richTextMappings } from "./rich-text";
import { ArticleView } from "./article-view";

const content: ArticleContent = {
  title: "T",
  infobox: null,
  sections: [
    {
      id: "lead",
      title: "",
      level: 0,
      body: docFromMarkup(
        "<script>alert(1)</script> one[[ref:a]] two[[ref:a]][[ref:b]][[note:see[[ref:b]]]][[tag:citation needed|2024-12]]",
      ),
    },
    {
      id: "s1",
      title: "History <img src=x onerror=alert(1)>",
      level: 2,
      body: docFromMarkup("[[url:https://example.org/x|link]]"),
    },
  ],
  references: [
    { key: "a", title: "Alpha", url: "https://example.org/a" },
    {
      key: "b",
      title: "Beta",
      url: "https://example.org/b",
      authors: ["Doe, Jane"],
      date: "2024-12-05",
      accessDate: "2024-12-06",
      language: "Arabic",
    },
  ],
};

function render(body: ArticleContent = content): string {
  const view = {
    article: { id: 1, slug: "T", title: "T", currentRevisionId: 1 },
    protection: { level: "extended" as const, expiresAt: null, reason: "vandalism" },
    revision: {
      id: 1,
      parentId: null,
      createdAt: new Date("2024-12-01T10:00:00Z"),
      summary: "",
      minor: false,
      sizeBytes: 1,
      schemaVersion: 1,
      author: { id: 1, name: "someone" },
    },
    isCurrent: true,
    content: body,
  };
  return renderToStaticMarkup(<ArticleView view={view} />);
}

describe("rich-text rendering", () => {
  it("maps every node and mark type of the schema", () => {
    const mappings = richTextMappings(planCitations(content));
    expect(Object.keys(mappings.nodeMapping).sort()).toEqual(Object.keys(documentSchema.nodes).sort());
    expect(Object.keys(mappings.markMapping).sort()).toEqual(Object.keys(documentSchema.marks).sort());
  });

  it("renders citations as [n] linking to the reference, with lettered backlinks", () => {
    const html = render();
    expect(html).toContain('<sup id="cite_ref-a-0" class="reference">\u2060<a href="#cite_note-a">[1]</a></sup>');
    expect(html).toContain('<sup id="cite_ref-a-1" class="reference">\u2060<a href="#cite_note-a">[1]</a></sup>');
    expect(html).toContain('<li id="cite_note-a">');
    expect(html).toContain('href="#cite_ref-a-1"');
    expect(html).toContain(
      '<span class="visually-hidden">Jump up to citations: </span>^ <a href="#cite_ref-b-0">a</a> <a href="#cite_ref-b-1">b</a>',
    );
    expect(html).toContain('<sup id="note_ref-a" class="reference note-ref">\u2060<a href="#note-a">[a]</a></sup>');
    // Every mark starts with a word joiner, so no line break can part it from the word it follows.
    expect(html).toContain('<sup class="maintenance-tag">\u2060<i>[');
    expect(html).toContain("[<span");
    expect(html).toContain("citation needed</span>]");
    expect(html).toContain("Doe, Jane (5 December 2024)");
    expect(html).toContain("(in Arabic)");
    expect(html).toContain("Retrieved 6 December 2024.");
  });

  it("never lets user text become markup", () => {
    const html = render();
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("sub-references (citation locators)", () => {
  const located: ArticleContent = {
    title: "T",
    infobox: null,
    sections: [
      {
        id: "lead",
        title: "",
        level: 0,
        body: docFromMarkup(
          "One.[[ref:book|pages=12]] Two.[[ref:web]] Three.[[ref:book|pages=14]] Four.[[ref:book]] Five.[[ref:book|pages=12]] Six.[[ref:book|at=ch. 3|quote=<b>said</b>]]",
        ),
      },
    ],
    references: [
      { key: "book", title: "The Book" },
      { key: "web", title: "Web page" },
    ],
  };
  const html = render(located);

  it("marks each citation with its sub-reference [1.1], [1.2] linking to it, and one without a locator [1]", () => {
    const markers = [
      ...html.matchAll(/<sup id="(cite_ref-[^"]+)" class="reference">\u2060<a href="#([^"]+)">\[([^\]]+)\]<\/a>/g),
    ];
    expect(markers.map((match) => [match[1], match[2], match[3]])).toEqual([
      ["cite_ref-book-0", "cite_note-book~1", "1.1"],
      ["cite_ref-web-0", "cite_note-web", "2"],
      ["cite_ref-book-1", "cite_note-book~2", "1.2"],
      ["cite_ref-book-2", "cite_note-book", "1"],
      ["cite_ref-book-3", "cite_note-book~1", "1.1"],
      ["cite_ref-book-4", "cite_note-book~3", "1.3"],
    ]);
  });

  it("lists the locators beneath their reference as a nested ordered list, each with backlinks to its markers", () => {
    const item = html.slice(html.indexOf('<li id="cite_note-book">'), html.indexOf('<li id="cite_note-web">'));
    expect(item).toContain('<ol class="sub-reference-list" aria-label="Places cited in reference 1">');
    const subs = [
      ...item.matchAll(/<li id="(cite_note-book~\d)"><span class="sub-reference-label">([\d.]+)<\/span>(.*?)<\/li>/g),
    ];
    expect(subs.map((match) => [match[1], match[2]])).toEqual([
      ["cite_note-book~1", "1.1"],
      ["cite_note-book~2", "1.2"],
      ["cite_note-book~3", "1.3"],
    ]);
    expect(subs[0][3]).toContain('href="#cite_ref-book-0"');
    expect(subs[0][3]).toContain('href="#cite_ref-book-3"');
    expect(subs[0][3]).toContain("p. 12");
    expect(subs[1][3]).toContain("p. 14");
    // The quote is text, never markup.
    expect(subs[2][3]).toContain('ch. 3: <q class="citation-quote">&lt;b&gt;said&lt;/b&gt;</q>');
    expect(html).not.toContain("<b>said</b>");
  });
});
