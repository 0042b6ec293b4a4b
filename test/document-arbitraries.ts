import fc from "fast-check";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent, DocJSON, Reference } from "../lib/document/model";
import { documentSchema } from "../lib/document/schema";
import { ATTRIBUTE_RULES } from "../lib/document/validate";
import { generateArticle } from "./factories";

/*
 * fast-check arbitraries for fuzzing documents: node-shaped random trees that
 * are valid about half the time, and mutations that break valid documents in
 * the ways an attacker or a buggy client would. Shared by the validator's and
 * the edit endpoint's fuzz tests (and fuzzParameters by the diff's property tests).
 */

/**
 * The share of each fuzz test's runs to make: FUZZ_SCALE, 1 by default. Mutation testing
 * (stryker.config.mjs) runs the fuzz tests once per mutant and asks for a small share.
 */
export const fuzzScale = Number(process.env.FUZZ_SCALE ?? 1);

/** A fixed seed from FUZZ_SEED (to replay a failure fast-check printed), else a random one. */
export const fuzzParameters = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(numRuns * fuzzScale)),
  seed: process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED),
});

export const NODE_NAMES = new Set(Object.keys(documentSchema.nodes));
export const MARK_NAMES = new Set(Object.keys(documentSchema.marks));
/** Attributes a node or mark may carry: in the schema's spec AND with a validation rule. */
export const ALLOWED_ATTRS = new Map<string, Set<string>>(
  [...Object.values(documentSchema.nodes), ...Object.values(documentSchema.marks)].map((type) => [
    type.name,
    new Set(
      Object.keys(type.spec.attrs ?? {}).filter((attr) => Object.keys(ATTRIBUTE_RULES[type.name] ?? {}).includes(attr)),
    ),
  ]),
);

/** Keys that break naive lookups: prototype members and friends. */
const NASTY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__lookupGetter__",
  "__defineSetter__",
  "then",
  "",
];
const ATTR_NAMES = [...new Set([...ALLOWED_ATTRS.values()].flatMap((names) => [...names]))];
const nodeName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NODE_NAMES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...NASTY_KEYS, "script", "iframe", "image", "Paragraph", "text ", "underline"),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);
const markName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...MARK_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_KEYS, "underline", "strike", "code") },
);
const attrName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ATTR_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_KEYS, "style", "onclick", "class", "id") },
  { weight: 1, arbitrary: fc.string() },
);
/** Values for attributes: the valid-looking ones each rule wants, and junk. */
const attrValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "a",
      "ref-0",
      "https://example.org/x",
      "http://e.example",
      "javascript:alert(1)",
      "citation needed",
      "2024-12",
      "s1",
      "1",
      "i",
      2,
      3,
      4,
      0,
      1,
      99999,
      null,
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 1,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
    }),
  },
);

/** An object with own properties (so "__proto__" is a real key, as JSON.parse makes it). */
function ownObject(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const attrsArb = fc.option(fc.array(fc.tuple(attrName, attrValue), { maxLength: 3 }).map(ownObject), {
  nil: undefined,
  freq: 2,
});
const marksArb = fc.option(
  fc.array(fc.record({ type: markName, attrs: attrsArb }, { requiredKeys: ["type"] }), { maxLength: 3 }),
  { nil: undefined, freq: 2 },
);
const textArb = fc.oneof(
  { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("", 0, null, ["x"], { text: "x" }, true) },
);

/** Node-shaped trees: mostly known types and attributes, so a share of them is valid. */
const { node: nodeArb } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("text"), text: textArb, marks: marksArb }, { requiredKeys: ["type", "text"] }),
    fc.record(
      {
        type: nodeName,
        attrs: attrsArb,
        content: fc.option(fc.array(tie("node"), { maxLength: 4 }), { nil: undefined, freq: 4 }),
      },
      { requiredKeys: ["type"] },
    ),
  ),
}));
/** Mostly what the schema allows, with a chaotic node now and then: about half of them are valid. */
const chaos = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 25, arbitrary }, { weight: 1, arbitrary: nodeArb });
const validAttr = <T>(values: T[]) =>
  fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: attrValue });
const validMark = fc.oneof(
  fc.constantFrom({ type: "bold" }, { type: "italic" }),
  fc.record({
    type: fc.constant("link"),
    attrs: fc.record({ href: validAttr(["https://example.org/a", "http://b.example/"]) }),
  }),
  fc.record({ type: fc.constant("wikiLink"), attrs: fc.record({ title: validAttr(["Hama", "Other page"]) }) }),
  fc.record({ type: markName, attrs: attrsArb }, { requiredKeys: ["type"] }),
);
const textNode = fc.record(
  {
    type: fc.constant("text"),
    text: textArb,
    marks: fc.option(fc.uniqueArray(validMark, { maxLength: 2, selector: (mark) => mark.type }), { nil: undefined }),
  },
  { requiredKeys: ["type", "text"] },
);
const citationNode = fc.record({
  type: fc.constant("citation"),
  attrs: fc.record(
    {
      refKey: validAttr(["a", "ref-0", "x:y"]),
      pages: validAttr(["12", "3–5"]),
      at: validAttr(["ch. 3", "01:23:45"]),
      quote: validAttr(["“said”"]),
    },
    { requiredKeys: ["refKey"] },
  ),
});
const tagNode = fc.record({
  type: fc.constant("maintenanceTag"),
  attrs: fc.record({ kind: validAttr(["citation needed", "who?"]), date: validAttr(["2024-12", "2025-01"]) }),
});
const noteNode = fc.record({
  type: fc.constant("note"),
  content: fc.array(chaos(fc.oneof(textNode, citationNode, tagNode)), { maxLength: 3 }),
});
const inlineNode = chaos(
  fc.oneof({ weight: 5, arbitrary: textNode }, fc.constant({ type: "hardBreak" }), citationNode, tagNode, noteNode),
);
const paragraphNode = fc.record({ type: fc.constant("paragraph"), content: fc.array(inlineNode, { maxLength: 5 }) });
const headingNode = fc.record({
  type: fc.constant("heading"),
  attrs: fc.record({ level: validAttr([2, 3, 4]), sectionId: validAttr([null, "s-1"]) }),
  content: fc.array(inlineNode, { maxLength: 2 }),
});
const listItemNode = fc.record({
  type: fc.constant("listItem"),
  content: fc.array(chaos(paragraphNode), { minLength: 1, maxLength: 2 }),
});
const listNode = fc.record(
  {
    type: fc.constantFrom("bulletList", "orderedList"),
    attrs: fc.option(fc.record({ start: validAttr([1, 3]), type: validAttr([null, "a", "I"]) }, { requiredKeys: [] }), {
      nil: undefined,
    }),
    content: fc.array(chaos(listItemNode), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ["type", "content"] },
);
const quoteNode = fc.record({
  type: fc.constant("quoteBox"),
  content: fc
    .tuple(
      fc.array(chaos(paragraphNode), { minLength: 1, maxLength: 2 }),
      fc.option(fc.record({ type: fc.constant("quoteAttribution"), content: fc.array(inlineNode, { maxLength: 2 }) })),
    )
    .map(([paragraphs, attribution]) => (attribution ? [...paragraphs, attribution] : paragraphs)),
});
const blockNode = chaos(fc.oneof({ weight: 4, arbitrary: paragraphNode }, listNode, quoteNode, headingNode));
export const docArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant("doc"), content: fc.array(blockNode, { minLength: 1, maxLength: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constantFrom("doc", "paragraph"), content: fc.array(nodeArb, { maxLength: 4 }) }),
  },
);

// A pool of valid articles to mutate: generated ones of several shapes, and one with every node kind.
const EVERY_KIND = docFromMarkup([
  "'''Bold''' ''italic'' [[wiki:Other page|a link]] [[url:https://example.org|out]] cited[[ref:ref-0]] noted[[note:see[[ref:ref-0]]]] tagged[[tag:citation needed|2024-12]]",
  { list: "bullet", items: ["one", "two"] },
  { list: "ordered", items: ["first"] },
  { quote: ["Said something."], attribution: "— Someone[[ref:ref-0]]" },
]);
const VALID_ARTICLES: ArticleContent[] = [1, 2, 3, 4].map((seed) =>
  generateArticle({ sections: 1 + seed, references: 3 + seed, sectionChars: 200 + 100 * seed, seed }),
);
VALID_ARTICLES[0].sections[0].body = EVERY_KIND;

/** Every object and array in a JSON tree, so a mutation can land anywhere. */
function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
  const found: Array<Record<string, unknown> | unknown[]> = [];
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    // Junk values a mutation planted (typed arrays, maps, dates) are leaves: their slots cannot all be deleted or set.
    if (ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set || value instanceof Date) return;
    found.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) visit(child);
  };
  visit(root);
  return found;
}

function deepChain(depth: number, type: string): unknown {
  let node: unknown = { type: "text", text: "deep" };
  // A list level is three JSON levels deep (list, item, paragraph).
  for (let level = 0; level < (type === "bulletList" ? depth / 3 : depth); level++)
    node =
      type === "bulletList"
        ? { type, content: [{ type: "listItem", content: [{ type: "paragraph", content: [] }, node] }] }
        : { type, content: [node] };
  return node;
}

export type Mutation = {
  at: number;
  kind: string;
  key: string;
  name: unknown;
  value: unknown;
  size: number;
  other: number;
};
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom(
    "setType",
    "setType",
    "addAttr",
    "addAttr",
    "addMark",
    "deleteKey",
    "deleteKey",
    "setKey",
    "setText",
    "wrapDeep",
    "hugeString",
    "dropChild",
    "duplicateChild",
    "swapChildren",
    "nastyKey",
    "replaceWithJunk",
  ),
  key: attrName,
  name: fc.oneof(nodeName, markName),
  value: attrValue,
  size: fc.constantFrom(64, 65, 66, 200, 400),
  other: fc.nat(),
});

/** Applies one mutation somewhere in `root` (already a private copy). */
export function mutate(root: unknown, mutation: Mutation): void {
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
      object.attrs = ownObject([
        ...Object.entries(typeof object.attrs === "object" && object.attrs !== null ? object.attrs : {}),
        [mutation.key, mutation.value],
      ]);
      return;
    case "addMark":
      object.marks = [
        ...(Array.isArray(object.marks) ? object.marks : []),
        mutation.other % 3
          ? { type: mutation.name }
          : { type: mutation.name, attrs: ownObject([[mutation.key, mutation.value]]) },
      ];
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
      Object.defineProperty(object, NASTY_KEYS[mutation.other % NASTY_KEYS.length], {
        value: mutation.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return;
    default:
      if (keys.length)
        object[keys[mutation.other % keys.length]] = mutation.value === undefined ? null : { junk: mutation.value };
      return;
  }
}

export const mutatedArticleArb = fc
  .tuple(fc.nat({ max: VALID_ARTICLES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  .map(([index, mutations]) => {
    const article: unknown = structuredClone(VALID_ARTICLES[index]);
    for (const mutation of mutations) mutate(article, mutation);
    return article;
  });

export const mutatedDocArb = fc.array(mutationArb, { minLength: 1, maxLength: 3 }).map((mutations) => {
  const doc: unknown = structuredClone(EVERY_KIND);
  for (const mutation of mutations) mutate(doc, mutation);
  return doc;
});

/*
 * Valid articles as the renderer meets them, and edits of them: citations of a
 * few references reused across sections and the infobox (some with locators:
 * pages, at, quote), a citation of a key with no reference, notes with their
 * own citations, wiki links and maintenance tags, headings whose titles repeat
 * (so anchors take suffixes). The part renderer's property test
 * (components/article/revision-parts.test.tsx) renders sequences of them.
 */
const RENDER_KEYS = ["a", "b", "c", "d", "e"];
const renderKey = fc.constantFrom(...RENDER_KEYS, "missing");
const renderText = fc.constantFrom("Hama", "fell", "on 5 December", "<b>bold?</b>", "a & b", "x".repeat(30));
const renderTextNode: fc.Arbitrary<DocJSON> = fc.record(
  {
    type: fc.constant("text"),
    text: renderText,
    marks: fc.option(
      fc.constantFrom<NonNullable<DocJSON["marks"]>>(
        [{ type: "bold" }],
        [{ type: "italic" }, { type: "bold" }],
        [{ type: "wikiLink", attrs: { title: "Hama" } }],
        [{ type: "wikiLink", attrs: { title: "Homs#Battle of Homs" } }],
        [{ type: "wikiLink", attrs: { title: "Red link page" } }],
        [{ type: "link", attrs: { href: "https://example.org/a" } }],
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ["type", "text"] },
);
const renderCitation: fc.Arbitrary<DocJSON> = fc.record({
  type: fc.constant("citation"),
  attrs: fc.record(
    {
      refKey: renderKey,
      pages: fc.constantFrom("12", "12–14", "3"),
      at: fc.constantFrom("ch. 3", "01:23:45"),
      quote: fc.constantFrom("“said” <i>", "it fell"),
    },
    { requiredKeys: ["refKey"] },
  ),
});
const renderNote = fc.record({
  type: fc.constant("note"),
  content: fc.array(fc.oneof({ weight: 2, arbitrary: renderTextNode }, renderCitation), {
    minLength: 1,
    maxLength: 3,
  }),
});
const renderTag = fc.record({
  type: fc.constant("maintenanceTag"),
  attrs: fc.record({ kind: fc.constantFrom("citation needed", "who?"), date: fc.constantFrom("2024-12", "2025-01") }),
});
const renderInline = fc.oneof(
  { weight: 4, arbitrary: renderTextNode },
  { weight: 4, arbitrary: renderCitation },
  { weight: 1, arbitrary: renderNote },
  { weight: 1, arbitrary: renderTag },
  { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) },
);
const renderParagraph = fc.record({
  type: fc.constant("paragraph"),
  content: fc.array(renderInline, { minLength: 1, maxLength: 6 }),
});
const renderBlock = fc.oneof(
  { weight: 4, arbitrary: renderParagraph },
  fc.record({
    type: fc.constant("bulletList"),
    content: fc.array(fc.record({ type: fc.constant("listItem"), content: fc.tuple(renderParagraph) }), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({ type: fc.constant("quoteBox"), content: fc.tuple(renderParagraph) }),
);
/** A rich-text document of the kinds an article's sections and infobox hold. */
export const renderDocArb: fc.Arbitrary<DocJSON> = fc.record({
  type: fc.constant("doc"),
  content: fc.array(renderBlock, { minLength: 1, maxLength: 3 }),
});
const renderSectionArb = fc.record({
  title: fc.constantFrom("History", "Aftermath", "History", "Background & <causes>", "Notes"),
  level: fc.constantFrom(2 as const, 3 as const, 4 as const),
  body: renderDocArb,
});
const renderReferenceArb = (key: string): fc.Arbitrary<Reference> =>
  fc.record(
    {
      key: fc.constant(key),
      title: fc.constantFrom("Report", 'A "quoted" title', "Rapport"),
      url: fc.constantFrom("https://example.org/r", "javascript:alert(1)"),
      authors: fc.constant<string[]>(["Doe, Jane"]),
      date: fc.constant("2024-12-05"),
      quote: fc.constant("It <fell>."),
    },
    { requiredKeys: ["key", "title"] },
  );
const renderInfoboxArb = fc.option(
  fc.record({
    kind: fc.constant("military conflict"),
    title: fc.constant("The offensive"),
    partOf: renderDocArb,
    dateStart: fc.constant("2024-11-27"),
    rows: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("field" as const), label: fc.constant("Result"), value: renderDocArb }),
        fc.record({
          kind: fc.constant("sides" as const),
          label: fc.constant("Belligerents"),
          sides: fc.array(renderDocArb, { minLength: 1, maxLength: 2 }),
        }),
      ),
      { maxLength: 2 },
    ),
  }),
  { nil: null, freq: 3 },
);

/** A valid article with everything the numbering depends on (references "a".."e"; "missing" cites none). */
export const renderArticleArb: fc.Arbitrary<ArticleContent> = fc
  .record({
    lead: renderDocArb,
    sections: fc.array(renderSectionArb, { maxLength: 5 }),
    referenceKeys: fc.subarray(RENDER_KEYS),
    infobox: renderInfoboxArb,
  })
  .chain(({ lead, sections, referenceKeys, infobox }) =>
    fc.tuple(...referenceKeys.map(renderReferenceArb)).map((references) => ({
      title: "Rendered",
      infobox: infobox as ArticleContent["infobox"],
      sections: [
        { id: "lead", title: "", level: 0 as const, body: lead },
        ...sections.map((section, index) => ({ id: `s${index}`, ...section })),
      ],
      references,
    })),
  );

/** One edit of an article: most change one section, as most edits do; some move, add or drop things. */
export type RenderEdit =
  | { kind: "body"; at: number; body: ArticleContent["sections"][number]["body"] }
  | { kind: "title"; at: number; title: string }
  | { kind: "insert"; at: number; body: ArticleContent["sections"][number]["body"] }
  | { kind: "drop" | "moveUp"; at: number }
  | { kind: "dropReference"; at: number }
  | { kind: "infobox"; body: ArticleContent["sections"][number]["body"] };

export const renderEditArb: fc.Arbitrary<RenderEdit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("body" as const), at: fc.nat(), body: renderDocArb }) },
  fc.record({ kind: fc.constant("title" as const), at: fc.nat(), title: fc.constantFrom("History", "Renamed") }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), body: renderDocArb }),
  fc.record({ kind: fc.constantFrom("drop" as const, "moveUp" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("dropReference" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("infobox" as const), body: renderDocArb }),
);

/** `content` after `edit` (a new object; `content` is left as it was, and unchanged parts are shared). */
export function applyRenderEdit(content: ArticleContent, edit: RenderEdit, serial: number): ArticleContent {
  const sections = [...content.sections];
  const at = "at" in edit ? edit.at % sections.length : 0;
  switch (edit.kind) {
    case "body":
      sections[at] = { ...sections[at], body: edit.body };
      break;
    case "title":
      if (at > 0) sections[at] = { ...sections[at], title: edit.title };
      break;
    case "insert":
      sections.splice(at + 1, 0, { id: `new${serial}`, title: "Inserted", level: 2, body: edit.body });
      break;
    case "drop":
      if (at > 0) sections.splice(at, 1);
      break;
    case "moveUp":
      if (at > 1) [sections[at - 1], sections[at]] = [sections[at], sections[at - 1]];
      break;
    case "dropReference":
      return { ...content, references: content.references.filter((_, index) => index !== edit.at % 6) };
    case "infobox":
      return content.infobox
        ? { ...content, infobox: { ...content.infobox, partOf: edit.body } }
        : { ...content, sections: [{ ...sections[0], body: edit.body }, ...sections.slice(1)] };
  }
  return { ...content, sections };
}
