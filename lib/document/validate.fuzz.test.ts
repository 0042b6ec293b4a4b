import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALLOWED_ATTRS,
  docArb,
  fuzzParameters as runs,
  fuzzScale,
  MARK_NAMES,
  mutatedArticleArb,
  mutatedDocArb,
  NODE_NAMES,
} from "../../test/document-arbitraries";
import type { ArticleContent } from "./model";
import { validateArticleContent, validateDoc, type ValidationIssue } from "./validate";

/*
 * Property-based fuzzing of the document validator: random JSON, node-shaped
 * random trees and mutated valid articles. The validator must never throw,
 * must answer with well-formed issues, and whatever it accepts must hold only
 * the schema's nodes, marks and attributes (checked by an oracle written here,
 * independently of the validator) and must be accepted again after a trip
 * through JSON. FUZZ_SEED reproduces a run; fast-check prints the seed and
 * path of any failure.
 */

// ---------------------------------------------------------------- the oracle

/** Problems of an accepted document against the whitelist; empty when it holds. */
function whitelistProblems(json: unknown, path = "$", depth = 0): string[] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return [`${path}: not a node object`];
  const prototype = Object.getPrototypeOf(json);
  if (prototype !== Object.prototype && prototype !== null) return [`${path}: not a plain object`];
  const node = json as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Reflect.ownKeys(node)) {
    if (!["type", "attrs", "content", "marks", "text"].includes(key as string))
      problems.push(`${path}: unknown key ${String(key)}`);
  }
  if (typeof node.type !== "string" || !NODE_NAMES.has(node.type))
    return [...problems, `${path}: unknown node ${String(node.type)}`];
  problems.push(...attrProblems(node.type, node.attrs, path));
  if (node.type === "text") {
    if (typeof node.text !== "string" || node.text.length === 0) problems.push(`${path}: text node without text`);
  } else if (node.text !== undefined) problems.push(`${path}: text on a ${node.type}`);
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks)) problems.push(`${path}: marks not an array`);
    else
      node.marks.forEach((mark: unknown, index) => {
        const markPath = `${path}.marks[${index}]`;
        if (typeof mark !== "object" || mark === null || Array.isArray(mark))
          return void problems.push(`${markPath}: not a mark object`);
        for (const key of Reflect.ownKeys(mark))
          if (key !== "type" && key !== "attrs") problems.push(`${markPath}: unknown key ${String(key)}`);
        const type = (mark as { type?: unknown }).type;
        if (typeof type !== "string" || !MARK_NAMES.has(type))
          return void problems.push(`${markPath}: unknown mark ${String(type)}`);
        problems.push(...attrProblems(type, (mark as { attrs?: unknown }).attrs, markPath));
      });
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) problems.push(`${path}: content not an array`);
    else
      node.content.forEach((child, index) =>
        problems.push(...whitelistProblems(child, `${path}.content[${index}]`, depth + 1)),
      );
  }
  return problems;
}

function attrProblems(type: string, attrs: unknown, path: string): string[] {
  if (attrs === undefined) return [];
  if (typeof attrs !== "object" || attrs === null || Array.isArray(attrs)) return [`${path}.attrs: not an object`];
  const allowed = ALLOWED_ATTRS.get(type)!;
  return Reflect.ownKeys(attrs)
    .filter((key) => typeof key !== "string" || !allowed.has(key))
    .map((key) => `${path}.attrs: unknown attribute ${String(key)} on ${type}`)
    .concat(
      Object.entries(attrs)
        .filter(([key, value]) => key === "href" && !(typeof value === "string" && /^https?:\/\/[^\s]+$/i.test(value)))
        .map(([key]) => `${path}.attrs.${key}: not an http(s) URL`),
    );
}

const ARTICLE_KEYS = {
  article: ["title", "sections", "references", "infobox"],
  section: ["id", "title", "level", "body"],
  reference: [
    "key",
    "title",
    "url",
    "work",
    "publisher",
    "authors",
    "date",
    "accessDate",
    "archiveUrl",
    "archiveDate",
    "language",
    "quote",
  ],
  infobox: ["kind", "title", "partOf", "imageCaption", "dateStart", "dateEnd", "rows"],
  row: ["kind", "label", "value", "sides", "footer"],
};

/** Problems of an accepted article: only known fields, and every rich text passes the node whitelist. */
function articleWhitelistProblems(content: ArticleContent): string[] {
  const problems: string[] = [];
  const keysOf = (value: object, allowed: string[], path: string) => {
    for (const key of Reflect.ownKeys(value))
      if (!allowed.includes(key as string)) problems.push(`${path}: unknown key ${String(key)}`);
  };
  keysOf(content, ARTICLE_KEYS.article, "$");
  content.sections.forEach((section, index) => {
    keysOf(section, ARTICLE_KEYS.section, `$.sections[${index}]`);
    problems.push(...whitelistProblems(section.body, `$.sections[${index}].body`));
  });
  content.references.forEach((reference, index) => {
    keysOf(reference, ARTICLE_KEYS.reference, `$.references[${index}]`);
    for (const field of ["url", "archiveUrl"] as const) {
      const url = reference[field];
      if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url))
        problems.push(`$.references[${index}].${field}: not an http(s) URL`);
    }
  });
  if (content.infobox) {
    keysOf(content.infobox, ARTICLE_KEYS.infobox, "$.infobox");
    const docs = [content.infobox.partOf, content.infobox.imageCaption];
    content.infobox.rows.forEach((row, index) => {
      keysOf(row, ARTICLE_KEYS.row, `$.infobox.rows[${index}]`);
      if (row.kind === "field") docs.push(row.value);
      else docs.push(...row.sides, row.footer);
    });
    for (const doc of docs) if (doc !== undefined) problems.push(...whitelistProblems(doc, "$.infobox"));
  }
  return problems;
}

/**
 * Problems of an accepted article's citations: every citation node, in the
 * sections, notes and infobox alike, names a reference of the same article.
 * Found by walking the JSON, not with the validator's own walker.
 */
function citationProblems(content: ArticleContent): string[] {
  const keys = new Set(content.references.map((reference) => reference.key));
  const problems: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${path}[${index}]`));
    if (typeof value !== "object" || value === null) return;
    const node = value as { type?: unknown; attrs?: { refKey?: unknown } };
    if (node.type === "citation" && !keys.has(node.attrs?.refKey as string))
      problems.push(`${path}: cites unknown reference ${String(node.attrs?.refKey)}`);
    for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
  };
  visit(content.sections, "$.sections");
  visit(content.infobox, "$.infobox");
  return problems;
}

/** Issues are a non-empty list of { path: "$…", message: non-empty string }. */
function expectWellFormedIssues(issues: ValidationIssue[], root = "$") {
  expect(Array.isArray(issues)).toBe(true);
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(Object.keys(issue).sort()).toEqual(["message", "path"]);
    expect(typeof issue.path).toBe("string");
    expect(issue.path.startsWith(root)).toBe(true);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** The whole contract for one validateDoc call. Returns whether it accepted. */
function checkDoc(input: unknown): boolean {
  let issues: ValidationIssue[] = [];
  expect(() => (issues = validateDoc(input, "$", { allowHeadings: true }))).not.toThrow();
  let bodyIssues: ValidationIssue[] = [];
  expect(() => (bodyIssues = validateDoc(input, "$.body"))).not.toThrow();
  if (bodyIssues.length > 0) expectWellFormedIssues(bodyIssues, "$.body");
  if (issues.length > 0) {
    expectWellFormedIssues(issues);
    return false;
  }
  expect(whitelistProblems(input)).toEqual([]);
  expect((input as { type: unknown }).type).toBe("doc");
  expect(validateDoc(JSON.parse(JSON.stringify(input)), "$", { allowHeadings: true })).toEqual([]);
  return true;
}

/** The whole contract for one validateArticleContent call. Returns whether it accepted. */
function checkArticle(input: unknown): boolean {
  let result!: ReturnType<typeof validateArticleContent>;
  expect(() => (result = validateArticleContent(input))).not.toThrow();
  if (!result.ok) {
    expectWellFormedIssues(result.issues);
    return false;
  }
  expect(articleWhitelistProblems(result.value)).toEqual([]);
  expect(citationProblems(result.value)).toEqual([]);
  const stored = JSON.parse(JSON.stringify(result.value));
  const again = validateArticleContent(stored);
  expect(again.ok, JSON.stringify(again.ok || again.issues)).toBe(true);
  if (again.ok) expect(again.value).toEqual(stored);
  return true;
}

// ---------------------------------------------------------------- properties

/** How many accepted inputs a property must reach; a scaled-down run (FUZZ_SCALE) varies more, so half as many. */
const acceptedFloor = (full: number) => (fuzzScale < 1 ? Math.floor((full * fuzzScale) / 2) : full);

const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
);

describe("validator fuzzing (20,000 runs in all)", () => {
  it("never throws on arbitrary values, and answers with paths (4,000 runs)", () => {
    fc.assert(
      fc.property(anyJson, (input) => {
        checkDoc(input);
        checkArticle(input);
        checkArticle({
          title: "T",
          infobox: null,
          references: [],
          sections: [{ id: "lead", title: "", level: 0, body: input }],
        });
      }),
      runs(4_000),
    );
  });

  it("accepts only whitelisted nodes, marks and attributes in node-shaped random trees (6,000 runs)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(docArb, (doc) => {
        if (checkDoc(doc)) accepted++;
      }),
      runs(6_000),
    );
    // The generator must reach valid documents, or the whitelist property tests nothing.
    if (process.env.FUZZ_VERBOSE) console.log("accepted", accepted);
    expect(accepted).toBeGreaterThan(acceptedFloor(500));
  });

  it("keeps the contract on mutated valid documents (4,000 runs)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedDocArb, (doc) => {
        if (checkDoc(doc)) accepted++;
      }),
      runs(4_000),
    );
    if (process.env.FUZZ_VERBOSE) console.log("accepted", accepted);
    expect(accepted).toBeGreaterThan(acceptedFloor(100));
  });

  it("keeps the contract on mutated valid articles (6,000 runs)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedArticleArb, (article) => {
        if (checkArticle(article)) accepted++;
      }),
      runs(6_000),
    );
    if (process.env.FUZZ_VERBOSE) console.log("accepted", accepted);
    expect(accepted).toBeGreaterThan(acceptedFloor(100));
  });
});

describe("validator regressions found by fuzzing", () => {
  const paragraphWithAttrs = (json: string) =>
    JSON.parse(`{"type":"doc","content":[{"type":"paragraph","attrs":${json}}]}`);

  it.each(["hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "__lookupGetter__"])(
    "refuses the inherited member %j as an attribute",
    (name) => {
      // Once accepted: the lookup found Object.prototype's function and treated it as a rule that passed.
      expect(validateDoc(paragraphWithAttrs(`{"${name}":1}`))).toEqual([
        { path: `$.content[0].attrs.${name}`, message: `unknown attribute "${name}" on paragraph` },
      ]);
    },
  );

  it.each(["constructor", "toString", "valueOf"])("names %j as an unknown attribute, with a string message", (name) => {
    // Once refused with the return value of Object / toString as the "message".
    expect(validateDoc(paragraphWithAttrs(`{"${name}":1}`))).toEqual([
      { path: `$.content[0].attrs.${name}`, message: `unknown attribute "${name}" on paragraph` },
    ]);
  });

  it("refuses an own __proto__ attribute instead of throwing", () => {
    // Once threw "rules[name] is not a function", a 500 from the edit endpoint.
    expect(validateDoc(paragraphWithAttrs(`{"__proto__":{}}`))).toEqual([
      { path: "$.content[0].attrs.__proto__", message: 'unknown attribute "__proto__" on paragraph' },
    ]);
  });
});
