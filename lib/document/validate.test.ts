import { describe, expect, it } from "vitest";
import { demoArticle } from "../../prisma/seed/demo-article";
import { deepFreeze } from "../cache/deep-freeze";
import { articleFromSource, docFromMarkup } from "./markup";
import type { ArticleContent } from "./model";
import { documentSchema } from "./schema";
import { ATTRIBUTE_RULES, validateArticleContent, validateDoc } from "./validate";

const paragraph = (...content: object[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });
const linkDoc = (href: string) => paragraph({ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] });

function smallArticle(overrides: Partial<ArticleContent> = {}): ArticleContent {
  return {
    title: "Test",
    infobox: null,
    sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Text[[ref:a]]") }],
    references: [{ key: "a", title: "A source", url: "https://example.org/a" }],
    ...overrides,
  };
}

describe("validateDoc", () => {
  it("accepts the demo article's documents", () => {
    const result = validateArticleContent(articleFromSource(demoArticle));
    expect(result.ok).toBe(true);
  });

  it("accepts every block and inline node the schema has", () => {
    const doc = docFromMarkup([
      "'''Bold''' ''italic'' [[wiki:Other page|a link]] [[url:https://example.org|out]] cited[[ref:a]][[ref:b]] noted[[note:see[[ref:a]]]] tagged[[tag:citation needed|2024-12]]",
      { list: "bullet", items: ["one", "two"] },
      { list: "ordered", items: ["first"] },
      { quote: ["Said something."], attribution: "— Someone[[ref:a]]" },
    ]);
    expect(validateDoc(doc)).toEqual([]);
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    [" javascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["javascript&colon;alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["//evil.example/x"],
    ["/relative/path"],
    ["https://exa mple.org"],
    ["https://example.org/\u0000"],
    ["http:\\\\evil.example"],
  ])("refuses the link %j and names the path", (href) => {
    const issues = validateDoc(linkDoc(href));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe("$.content[0].content[0].marks[0].attrs.href");
  });

  it("refuses unknown nodes, marks, attributes and properties with their paths", () => {
    expect(validateDoc(paragraph({ type: "script", text: "x" }))[0]).toEqual({
      path: "$.content[0].content[0].type",
      message: 'unknown node type "script"',
    });
    // A type that is not a string names no node, even one whose text is a node's name.
    for (const [type, shown] of [
      [null, "null"],
      [["paragraph"], "an array"],
      [{ name: "paragraph" }, "an object"],
    ])
      expect(validateDoc({ type: "doc", content: [{ type, content: [] }] })).toEqual([
        { path: "$.content[0].type", message: `unknown node type ${shown}` },
      ]);
    expect(validateDoc(paragraph({ type: "text", text: "x", marks: [{ type: "underline" }] }))[0].path).toBe(
      "$.content[0].content[0].marks[0].type",
    );
    expect(validateDoc(paragraph({ type: "citation", attrs: { refKey: "a", onclick: "alert(1)" } }))[0]).toEqual({
      path: "$.content[0].content[0].attrs.onclick",
      message: 'unknown attribute "onclick" on citation',
    });
    expect(validateDoc(paragraph({ type: "text", text: "x", html: "<b>" }))[0].path).toBe(
      "$.content[0].content[0].html",
    );
    expect(validateDoc({ type: "doc", content: [{ type: "paragraph", attrs: { style: "x" } }] })[0].path).toBe(
      "$.content[0].attrs.style",
    );
  });

  it("refuses invalid attribute values and missing required ones", () => {
    expect(validateDoc(paragraph({ type: "maintenanceTag", attrs: { kind: "whom?", date: "2024-12" } }))[0].path).toBe(
      "$.content[0].content[0].attrs.kind",
    );
    expect(
      validateDoc(paragraph({ type: "maintenanceTag", attrs: { kind: "citation needed", date: "<script>" } }))[0].path,
    ).toBe("$.content[0].content[0].attrs.date");
    expect(validateDoc(paragraph({ type: "citation" }))[0]).toEqual({
      path: "$.content[0].content[0].attrs.refKey",
      message: "is required",
    });
    expect(validateDoc(paragraph({ type: "citation", attrs: { refKey: "a b" } }))[0].path).toBe(
      "$.content[0].content[0].attrs.refKey",
    );
  });

  it("refuses content the schema does not allow, naming where", () => {
    // A note inside a note, a paragraph inside a paragraph, an empty list, a heading in a section body.
    const nested = paragraph({ type: "note", content: [{ type: "note", content: [{ type: "text", text: "x" }] }] });
    expect(validateDoc(nested)[0].path).toBe("$.content[0].content[0].content");
    expect(validateDoc(paragraph({ type: "paragraph" }))[0].path).toBe("$.content[0].content");
    expect(validateDoc({ type: "doc", content: [{ type: "bulletList", content: [] }] })[0].path).toBe(
      "$.content[0].content",
    );
    expect(
      validateDoc({
        type: "doc",
        content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "H" }] }],
      })[0].message,
    ).toMatch(/headings belong to sections/);
    expect(validateDoc({ type: "paragraph" })[0].path).toBe("$.type");
  });

  it("never throws on junk", () => {
    for (const junk of [
      null,
      1,
      "doc",
      [],
      { type: "doc", content: "x" },
      { type: "doc", content: [null] },
      { type: "doc", content: [{ type: "text", text: "" }] },
    ]) {
      expect(() => validateDoc(junk)).not.toThrow();
      expect(validateDoc(junk).length).toBeGreaterThan(0);
    }
  });

  it("has a rule for every attribute of every node and mark in the schema", () => {
    const specs = [...Object.values(documentSchema.nodes), ...Object.values(documentSchema.marks)];
    for (const type of specs) {
      for (const attr of Object.keys(type.spec.attrs ?? {})) {
        expect(ATTRIBUTE_RULES[type.name]?.[attr], `${type.name}.${attr}`).toBeTypeOf("function");
      }
    }
  });

  it("builds a document its JSON checks passed without throwing: every attribute has a default and no validate hook", () => {
    for (const type of [...Object.values(documentSchema.nodes), ...Object.values(documentSchema.marks)]) {
      for (const [name, attr] of Object.entries(type.spec.attrs ?? {})) {
        expect(Object.hasOwn(attr, "default"), `${type.name}.${name}`).toBe(true);
        expect(attr.validate, `${type.name}.${name}`).toBeUndefined();
      }
    }
  });
});

describe("validateArticleContent", () => {
  it("accepts a small valid article", () => {
    expect(validateArticleContent(smallArticle()).ok).toBe(true);
  });

  it("rejects a citation of an unknown reference with its path", () => {
    const result = validateArticleContent(
      smallArticle({ sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("x[[ref:nope]]") }] }),
    );
    expect(result).toEqual({
      ok: false,
      issues: [{ path: "$.sections[0].body.content[0].content[1].attrs.refKey", message: 'unknown reference "nope"' }],
    });
  });

  it("rejects javascript: and data: reference URLs", () => {
    const result = validateArticleContent(
      smallArticle({
        references: [{ key: "a", title: "A", url: "javascript:alert(1)", archiveUrl: "data:text/html,x" }],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((issue) => issue.path)).toEqual(["$.references[0].url", "$.references[0].archiveUrl"]);
  });

  it("rejects unknown fields, duplicate ids and a missing lead", () => {
    const extra = validateArticleContent({ ...smallArticle(), html: "<b>x</b>" });
    expect(extra.ok || extra.issues[0].path).toBe("$");
    const duplicate = smallArticle();
    duplicate.sections.push({ id: "lead", title: "Again", level: 2, body: docFromMarkup("y") });
    const result = validateArticleContent(duplicate);
    expect(result.ok || result.issues[0]).toEqual({ path: "$.sections[1].id", message: 'duplicate section id "lead"' });
    const noLead = validateArticleContent(
      smallArticle({ sections: [{ id: "s", title: "T", level: 2, body: docFromMarkup("x[[ref:a]]") }] }),
    );
    expect(noLead.ok || noLead.issues[0].path).toBe("$.sections[0].level");
  });

  it("checks rich text inside the infobox too", () => {
    const result = validateArticleContent(
      smallArticle({
        infobox: {
          kind: "k",
          title: "T",
          rows: [{ kind: "sides", label: "L", sides: [docFromMarkup("a"), linkDoc("javascript:x")] }],
        },
      }),
    );
    expect(result.ok || result.issues[0].path).toBe(
      "$.infobox.rows[0].sides[1].content[0].content[0].marks[0].attrs.href",
    );
  });
});

describe("validateArticleContent on frozen (stored) documents", () => {
  it("checks a frozen document once, and still checks what it is combined with", () => {
    const body = deepFreeze(docFromMarkup("Stored text[[ref:a]]"));
    expect(validateArticleContent(smallArticle({ sections: [{ id: "lead", title: "", level: 0, body }] })).ok).toBe(
      true,
    );
    // The same stored document again, now next to a broken one and citing a key this revision lacks.
    const broken = paragraph({
      type: "text",
      text: "x",
      marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
    });
    const result = validateArticleContent(
      smallArticle({
        sections: [
          { id: "lead", title: "", level: 0, body },
          { id: "s1", title: "Two", level: 2, body: broken },
        ],
        references: [{ key: "b", title: "B", url: "https://example.org/b" }],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining([expect.stringContaining("$.sections[1].body")]),
      );
    }
    const unknownReference = validateArticleContent(
      smallArticle({
        sections: [{ id: "lead", title: "", level: 0, body }],
        references: [{ key: "b", title: "B", url: "https://example.org/b" }],
      }),
    );
    expect(unknownReference.ok).toBe(false);
    if (!unknownReference.ok) expect(unknownReference.issues[0].message).toContain('unknown reference "a"');
  });

  it("refuses a frozen document that is not valid, each time it is given", () => {
    const body = deepFreeze(linkDoc("javascript:alert(1)"));
    for (const attempt of [1, 2])
      expect(
        validateArticleContent(smallArticle({ sections: [{ id: "lead", title: "", level: 0, body }] })),
        `attempt ${attempt}`,
      ).toEqual({
        ok: false,
        issues: [
          {
            path: "$.sections[0].body.content[0].content[0].marks[0].attrs.href",
            message: "must be an absolute http:// or https:// URL",
          },
        ],
      });
  });

  it("does not remember a document that is not frozen, which could change after its check", () => {
    const body = docFromMarkup("Mutable text[[ref:a]]");
    expect(validateArticleContent(smallArticle({ sections: [{ id: "lead", title: "", level: 0, body }] })).ok).toBe(
      true,
    );
    (body.content![0] as { content: object[] }).content.push({
      type: "text",
      text: "x",
      marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
    });
    expect(validateArticleContent(smallArticle({ sections: [{ id: "lead", title: "", level: 0, body }] })).ok).toBe(
      false,
    );
  });
});

describe("validateArticleContent keeps stored parts", () => {
  it("returns frozen sections, references and infobox as given, and copies the rest", () => {
    const demo = articleFromSource(demoArticle);
    const frozenSection = Object.freeze({ ...demo.sections[1] });
    const frozenReference = Object.freeze({ ...demo.references[0] });
    const result = validateArticleContent({
      ...demo,
      sections: [demo.sections[0], frozenSection, ...demo.sections.slice(2)],
      references: [frozenReference, ...demo.references.slice(1)],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sections[1]).toBe(frozenSection);
    expect(result.value.references[0]).toBe(frozenReference);
    expect(result.value.sections[0]).not.toBe(demo.sections[0]);
  });

  it("would lose nothing by it: the schema's copy of a whole article equals the article (the schemas transform nothing)", () => {
    const demo = articleFromSource(demoArticle);
    const result = validateArticleContent(structuredClone(demo));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toStrictEqual(demo);
  });
});
