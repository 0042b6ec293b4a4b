import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateArticle } from "../../test/factories";
import { docFromMarkup } from "./markup";
import type { ArticleContent } from "./model";
import { documentSchema } from "./schema";
import { ATTRIBUTE_RULES, validateArticleContent, validateDoc, type ValidationIssue } from "./validate";

/*
 * Property-based fuzzing of the document validator: random JSON, node-shaped
 * random trees and mutated valid articles. The validator must never throw,
 * must answer with well-formed issues, and whatever it accepts must hold only
 * the schema's nodes, marks and attributes (checked by an oracle written here,
 * independently of the validator) and must be accepted again after a trip
 * through JSON. FUZZ_SEED reproduces a run; fast-check prints the seed and
 * path of any failure.
 */

const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED });

// ---------------------------------------------------------------- the oracle

const NODE_NAMES = new Set(Object.keys(documentSchema.nodes));
const MARK_NAMES = new Set(Object.keys(documentSchema.marks));
/** Attributes a node or mark may carry: in the schema's spec AND with a validation rule. */
const ALLOWED_ATTRS = new Map<string, Set<string>>(
  [...Object.values(documentSchema.nodes), ...Object.values(documentSchema.marks)].map((type) => [
    type.name,
    new Set(Object.keys(type.spec.attrs ?? {}).filter((attr) => Object.keys(ATTRIBUTE_RULES[type.name] ?? {}).includes(attr))),
  ]),
);

/** Problems of an accepted document against the whitelist; empty when it holds. */
function whitelistProblems(json: unknown, path = "$", depth = 0): string[] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return [`${path}: not a node object`];
  const prototype = Object.getPrototypeOf(json);
  if (prototype !== Object.prototype && prototype !== null) return [`${path}: not a plain object`];
  const node = json as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Reflect.ownKeys(node)) {
    if (!["type", "attrs", "content", "marks", "text"].includes(key as string)) problems.push(`${path}: unknown key ${String(key)}`);
  }
  if (typeof node.type !== "string" || !NODE_NAMES.has(node.type)) return [...problems, `${path}: unknown node ${String(node.type)}`];
  problems.push(...attrProblems(node.type, node.attrs, path));
  if (node.type === "text") {
    if (typeof node.text !== "string" || node.text.length === 0) problems.push(`${path}: text node without text`);
  } else if (node.text !== undefined) problems.push(`${path}: text on a ${node.type}`);
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks)) problems.push(`${path}: marks not an array`);
    else
      node.marks.forEach((mark: unknown, index) => {
        const markPath = `${path}.marks[${index}]`;
        if (typeof mark !== "object" || mark === null || Array.isArray(mark)) return void problems.push(`${markPath}: not a mark object`);
        for (const key of Reflect.ownKeys(mark)) if (key !== "type" && key !== "attrs") problems.push(`${markPath}: unknown key ${String(key)}`);
        const type = (mark as { type?: unknown }).type;
        if (typeof type !== "string" || !MARK_NAMES.has(type)) return void problems.push(`${markPath}: unknown mark ${String(type)}`);
        problems.push(...attrProblems(type, (mark as { attrs?: unknown }).attrs, markPath));
      });
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) problems.push(`${path}: content not an array`);
    else node.content.forEach((child, index) => problems.push(...whitelistProblems(child, `${path}.content[${index}]`, depth + 1)));
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
  reference: ["key", "title", "url", "work", "publisher", "authors", "date", "accessDate", "archiveUrl", "archiveDate", "language", "quote"],
  infobox: ["kind", "title", "partOf", "imageCaption", "dateStart", "dateEnd", "rows"],
  row: ["kind", "label", "value", "sides", "footer"],
};

/** Problems of an accepted article: only known fields, and every rich text passes the node whitelist. */
function articleWhitelistProblems(content: ArticleContent): string[] {
  const problems: string[] = [];
  const keysOf = (value: object, allowed: string[], path: string) => {
    for (const key of Reflect.ownKeys(value)) if (!allowed.includes(key as string)) problems.push(`${path}: unknown key ${String(key)}`);
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
      if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url)) problems.push(`$.references[${index}].${field}: not an http(s) URL`);
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
  const stored = JSON.parse(JSON.stringify(result.value));
  const again = validateArticleContent(stored);
  expect(again.ok, JSON.stringify(again.ok || again.issues)).toBe(true);
  if (again.ok) expect(again.value).toEqual(stored);
  return true;
}

// ---------------------------------------------------------------- generators

/** Keys that break naive lookups: prototype members and friends. */
const NASTY_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "__lookupGetter__", "__defineSetter__", "then", ""];
const ATTR_NAMES = [...new Set([...ALLOWED_ATTRS.values()].flatMap((names) => [...names]))];
const nodeName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NODE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS, "script", "iframe", "image", "Paragraph", "text ", "underline") },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);
const markName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...MARK_NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS, "underline", "strike", "code") });
const attrName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ATTR_NAMES) }, { weight: 2, arbitrary: fc.constantFrom(...NASTY_KEYS, "style", "onclick", "class", "id") }, { weight: 1, arbitrary: fc.string() });
/** Values for attributes: the valid-looking ones each rule wants, and junk. */
const attrValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("a", "ref-0", "https://example.org/x", "http://e.example", "javascript:alert(1)", "citation needed", "2024-12", "s1", "1", "i", 2, 3, 4, 0, 1, 99999, null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }) },
);

/** An object with own properties (so "__proto__" is a real key, as JSON.parse makes it). */
function ownObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const attrsArb = fc.option(fc.array(fc.tuple(attrName, attrValue), { maxLength: 3 }).map(ownObject), { nil: undefined, freq: 2 });
const marksArb = fc.option(
  fc.array(fc.record({ type: markName, attrs: attrsArb }, { requiredKeys: ["type"] }), { maxLength: 3 }),
  { nil: undefined, freq: 2 },
);
const textArb = fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) }, { weight: 1, arbitrary: fc.constantFrom("", 0, null, ["x"], { text: "x" }, true) });

/** Node-shaped trees: mostly known types and attributes, so a share of them is valid. */
const { node: nodeArb } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("text"), text: textArb, marks: marksArb }, { requiredKeys: ["type", "text"] }),
    fc.record({ type: nodeName, attrs: attrsArb, content: fc.option(fc.array(tie("node"), { maxLength: 4 }), { nil: undefined, freq: 4 }) }, { requiredKeys: ["type"] }),
  ),
}));
/** Mostly what the schema allows, with a chaotic node now and then: about half of them are valid. */
const chaos = <T,>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 25, arbitrary }, { weight: 1, arbitrary: nodeArb });
const validAttr = <T,>(values: T[]) => fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: attrValue });
const validMark = fc.oneof(
  fc.constantFrom({ type: "bold" }, { type: "italic" }),
  fc.record({ type: fc.constant("link"), attrs: fc.record({ href: validAttr(["https://example.org/a", "http://b.example/"]) }) }),
  fc.record({ type: fc.constant("wikiLink"), attrs: fc.record({ title: validAttr(["Hama", "Other page"]) }) }),
  fc.record({ type: markName, attrs: attrsArb }, { requiredKeys: ["type"] }),
);
const textNode = fc.record({ type: fc.constant("text"), text: textArb, marks: fc.option(fc.uniqueArray(validMark, { maxLength: 2, selector: (mark) => mark.type }), { nil: undefined }) }, { requiredKeys: ["type", "text"] });
const citationNode = fc.record({ type: fc.constant("citation"), attrs: fc.record({ refKey: validAttr(["a", "ref-0", "x:y"]) }) });
const tagNode = fc.record({ type: fc.constant("maintenanceTag"), attrs: fc.record({ kind: validAttr(["citation needed", "who?"]), date: validAttr(["2024-12", "2025-01"]) }) });
const noteNode = fc.record({ type: fc.constant("note"), content: fc.array(chaos(fc.oneof(textNode, citationNode, tagNode)), { maxLength: 3 }) });
const inlineNode = chaos(fc.oneof({ weight: 5, arbitrary: textNode }, fc.constant({ type: "hardBreak" }), citationNode, tagNode, noteNode));
const paragraphNode = fc.record({ type: fc.constant("paragraph"), content: fc.array(inlineNode, { maxLength: 5 }) });
const headingNode = fc.record({ type: fc.constant("heading"), attrs: fc.record({ level: validAttr([2, 3, 4]), sectionId: validAttr([null, "s-1"]) }), content: fc.array(inlineNode, { maxLength: 2 }) });
const listItemNode = fc.record({ type: fc.constant("listItem"), content: fc.array(chaos(paragraphNode), { minLength: 1, maxLength: 2 }) });
const listNode = fc.record({
  type: fc.constantFrom("bulletList", "orderedList"),
  attrs: fc.option(fc.record({ start: validAttr([1, 3]), type: validAttr([null, "a", "I"]) }, { requiredKeys: [] }), { nil: undefined }),
  content: fc.array(chaos(listItemNode), { minLength: 1, maxLength: 3 }),
}, { requiredKeys: ["type", "content"] });
const quoteNode = fc.record({
  type: fc.constant("quoteBox"),
  content: fc.tuple(fc.array(chaos(paragraphNode), { minLength: 1, maxLength: 2 }), fc.option(fc.record({ type: fc.constant("quoteAttribution"), content: fc.array(inlineNode, { maxLength: 2 }) }))).map(([paragraphs, attribution]) => (attribution ? [...paragraphs, attribution] : paragraphs)),
});
const blockNode = chaos(fc.oneof({ weight: 4, arbitrary: paragraphNode }, listNode, quoteNode, headingNode));
const docArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant("doc"), content: fc.array(blockNode, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom("doc", "paragraph"), content: fc.array(nodeArb, { maxLength: 4 }) }) },
);

// A pool of valid articles to mutate: generated ones of several shapes, and one with every node kind.
const EVERY_KIND = docFromMarkup([
  "'''Bold''' ''italic'' [[wiki:Other page|a link]] [[url:https://example.org|out]] cited[[ref:ref-0]] noted[[note:see[[ref:ref-0]]]] tagged[[tag:citation needed|2024-12]]",
  { list: "bullet", items: ["one", "two"] },
  { list: "ordered", items: ["first"] },
  { quote: ["Said something."], attribution: "— Someone[[ref:ref-0]]" },
]);
const VALID_ARTICLES: ArticleContent[] = [1, 2, 3, 4].map((seed) => generateArticle({ sections: 1 + seed, references: 3 + seed, sectionChars: 200 + 100 * seed, seed }));
VALID_ARTICLES[0].sections[0].body = EVERY_KIND;

/** Every object and array in a JSON tree, so a mutation can land anywhere. */
function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
  const found: Array<Record<string, unknown> | unknown[]> = [];
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    found.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) visit(child);
  };
  visit(root);
  return found;
}

function deepChain(depth: number, type: string): unknown {
  let node: unknown = { type: "text", text: "deep" };
  // A list level is three JSON levels deep (list, item, paragraph).
  for (let level = 0; level < (type === "bulletList" ? depth / 3 : depth); level++) node = type === "bulletList" ? { type, content: [{ type: "listItem", content: [{ type: "paragraph", content: [] }, node] }] } : { type, content: [node] };
  return node;
}

type Mutation = { at: number; kind: string; key: string; name: unknown; value: unknown; size: number; other: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("setType", "setType", "addAttr", "addAttr", "addMark", "deleteKey", "deleteKey", "setKey", "setText", "wrapDeep", "hugeString", "dropChild", "duplicateChild", "swapChildren", "nastyKey", "replaceWithJunk"),
  key: attrName,
  name: fc.oneof(nodeName, markName),
  value: attrValue,
  size: fc.constantFrom(64, 65, 66, 200, 400),
  other: fc.nat(),
});

/** Applies one mutation somewhere in `root` (already a private copy). */
function mutate(root: unknown, mutation: Mutation): void {
  const all = containers(root);
  const target = all[mutation.at % all.length];
  if (Array.isArray(target)) {
    const index = mutation.other % Math.max(1, target.length);
    switch (mutation.kind) {
      case "dropChild":
      case "deleteKey":
        target.splice(index, 1);
        return;
      case "duplicateChild":
        if (target.length) target.splice(index, 0, structuredClone(target[index]));
        return;
      case "swapChildren":
        if (target.length > 1) [target[0], target[index]] = [target[index], target[0]];
        return;
      case "wrapDeep":
        target[index] = deepChain(mutation.size, mutation.other % 2 ? "note" : "bulletList");
        return;
      default:
        target[index] = mutation.value;
        return;
    }
  }
  const object = target as Record<string, unknown>;
  const keys = Object.keys(object);
  switch (mutation.kind) {
    case "setType":
      object.type = mutation.name;
      return;
    case "addAttr":
      object.attrs = ownObject([...Object.entries(typeof object.attrs === "object" && object.attrs !== null ? object.attrs : {}), [mutation.key, mutation.value]]);
      return;
    case "addMark":
      object.marks = [...(Array.isArray(object.marks) ? object.marks : []), mutation.other % 3 ? { type: mutation.name } : { type: mutation.name, attrs: ownObject([[mutation.key, mutation.value]]) }];
      return;
    case "deleteKey":
      if (keys.length) delete object[keys[mutation.other % keys.length]];
      return;
    case "setKey":
      if (keys.length) object[keys[mutation.other % keys.length]] = mutation.value;
      return;
    case "setText":
      object.text = mutation.value;
      return;
    case "wrapDeep":
      object.content = [deepChain(mutation.size, mutation.other % 2 ? "note" : "paragraph")];
      return;
    case "hugeString": {
      const length = [100_000, 100_001, 300_000][mutation.other % 3];
      if (keys.length) object[keys[mutation.other % keys.length]] = "x".repeat(length);
      return;
    }
    case "nastyKey":
      Object.defineProperty(object, NASTY_KEYS[mutation.other % NASTY_KEYS.length], { value: mutation.value, enumerable: true, writable: true, configurable: true });
      return;
    default:
      if (keys.length) object[keys[mutation.other % keys.length]] = mutation.value === undefined ? null : { junk: mutation.value };
      return;
  }
}

const mutatedArticleArb = fc
  .tuple(fc.nat({ max: VALID_ARTICLES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  .map(([index, mutations]) => {
    const article: unknown = structuredClone(VALID_ARTICLES[index]);
    for (const mutation of mutations) mutate(article, mutation);
    return article;
  });

const mutatedDocArb = fc.array(mutationArb, { minLength: 1, maxLength: 3 }).map((mutations) => {
  const doc: unknown = structuredClone(EVERY_KIND);
  for (const mutation of mutations) mutate(doc, mutation);
  return doc;
});

// ---------------------------------------------------------------- properties

const anyJson = fc.oneof(fc.jsonValue(), fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }));

describe("validator fuzzing (20,000 runs in all)", () => {
  it("never throws on arbitrary values, and answers with paths (4,000 runs)", () => {
    fc.assert(
      fc.property(anyJson, (input) => {
        checkDoc(input);
        checkArticle(input);
        checkArticle({ title: "T", infobox: null, references: [], sections: [{ id: "lead", title: "", level: 0, body: input }] });
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
    expect(accepted).toBeGreaterThan(500);
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
    expect(accepted).toBeGreaterThan(100);
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
    expect(accepted).toBeGreaterThan(100);
  });
});

describe("validator regressions found by fuzzing", () => {
  const paragraphWithAttrs = (json: string) => JSON.parse(`{"type":"doc","content":[{"type":"paragraph","attrs":${json}}]}`);

  it.each(["hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "__lookupGetter__"])("refuses the inherited member %j as an attribute", (name) => {
    // Once accepted: the lookup found Object.prototype's function and treated it as a rule that passed.
    expect(validateDoc(paragraphWithAttrs(`{"${name}":1}`))).toEqual([{ path: `$.content[0].attrs.${name}`, message: `unknown attribute "${name}" on paragraph` }]);
  });

  it.each(["constructor", "toString", "valueOf"])("names %j as an unknown attribute, with a string message", (name) => {
    // Once refused with the return value of Object / toString as the "message".
    expect(validateDoc(paragraphWithAttrs(`{"${name}":1}`))).toEqual([{ path: `$.content[0].attrs.${name}`, message: `unknown attribute "${name}" on paragraph` }]);
  });

  it("refuses an own __proto__ attribute instead of throwing", () => {
    // Once threw "rules[name] is not a function", a 500 from the edit endpoint.
    expect(validateDoc(paragraphWithAttrs(`{"__proto__":{}}`))).toEqual([{ path: "$.content[0].attrs.__proto__", message: 'unknown attribute "__proto__" on paragraph' }]);
  });
});
