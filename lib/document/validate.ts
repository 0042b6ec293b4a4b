import type { Node as PMNode } from "@tiptap/pm/model";
import { ALL_MAINTENANCE_TAG_KINDS, MAINTENANCE_TAG_DATE } from "./extensions/maintenance-tag";
import { FIGURE_FILE_PATTERN } from "./extensions/figure";
import { MAX_CELL_SPAN } from "./extensions/table";
import { MAX_TEMPLATE_PARAMS, TEMPLATE_FORMS } from "./extensions/template";
import { LOCATOR_FIELDS, locatorProblem, REF_KEY_PATTERN, type LocatorField } from "./extensions/citation";
import { SECTION_LEVELS } from "./extensions/section-heading";
import { ZArticleContentSchema, SECTION_ID_PATTERN, type ArticleContent, type DocJSON } from "./model";
import { documentSchema } from "./schema";
import { isSafeHttpUrl } from "./url";
import { walkDoc, walkArticleDocs } from "./walk";

/** One problem found in a document, with the JSON path where it is. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

type AttrRule = (value: unknown) => string | null;

const isString =
  (max: number): AttrRule =>
  (value) =>
    typeof value === "string" && value.length > 0 && value.length <= max && !/[\u0000-\u001f\u007f]/.test(value)
      ? null
      : `must be a non-empty string of at most ${max} characters without control characters`;

const isSpan: AttrRule = (v) =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_CELL_SPAN
    ? null
    : `must be a whole number from 1 to ${MAX_CELL_SPAN}`;

/** A citation's locator field: absent, or short trimmed one-line text (never null or empty: absent says "none"). */
const isLocator =
  (field: LocatorField): AttrRule =>
  (value) =>
    locatorProblem(field, value);

const MAX_TEMPLATE_VALUE = 100_000;

/** A template's parameters: a bounded list of { key: string | null, value: string }, nothing else. */
function checkTemplateParams(value: unknown): string | null {
  const problem =
    "must be a list of at most 500 { key, value } parameters (key null or a name without | = }}, value text)";
  if (!Array.isArray(value) || value.length > MAX_TEMPLATE_PARAMS) return problem;
  let total = 0;
  for (const param of value) {
    if (typeof param !== "object" || param === null || Array.isArray(param)) return problem;
    const keys = Object.keys(param);
    if (keys.length !== 2 || !Object.hasOwn(param, "key") || !Object.hasOwn(param, "value")) return problem;
    const { key, value: text } = param as { key: unknown; value: unknown };
    if (
      key !== null &&
      (typeof key !== "string" || key.length === 0 || key.length > 255 || /[|=\u0000-\u001f\u007f]|}}/.test(key))
    )
      return problem;
    if (typeof text !== "string" || text.includes("\u0000")) return problem;
    total += text.length;
  }
  return total <= MAX_TEMPLATE_VALUE ? null : `parameters must total at most ${MAX_TEMPLATE_VALUE} characters`;
}

/**
 * Every attribute of every node and mark in the schema, with the rule its value
 * must meet. An attribute the schema has but this table lacks is refused, so a
 * new extension cannot bring unchecked attributes in (a test enforces the match).
 */
export const ATTRIBUTE_RULES: Record<string, Record<string, AttrRule>> = {
  orderedList: {
    start: (v) =>
      Number.isInteger(v) && (v as number) >= 0 && (v as number) < 100000 ? null : "must be a whole number",
    type: (v) =>
      v === null || v === "1" || v === "a" || v === "A" || v === "i" || v === "I"
        ? null
        : "must be one of 1, a, A, i, I",
  },
  heading: {
    level: (v) => ((SECTION_LEVELS as readonly unknown[]).includes(v) ? null : "must be 2, 3 or 4"),
    sectionId: (v) =>
      v === null || (typeof v === "string" && SECTION_ID_PATTERN.test(v)) ? null : "must be a section id",
  },
  citation: {
    refKey: (v) => (typeof v === "string" && REF_KEY_PATTERN.test(v) ? null : "must be a reference key"),
    ...Object.fromEntries(LOCATOR_FIELDS.map((field) => [field, isLocator(field)])),
  },
  maintenanceTag: {
    kind: (v) =>
      (ALL_MAINTENANCE_TAG_KINDS as readonly unknown[]).includes(v)
        ? null
        : `must be one of: ${ALL_MAINTENANCE_TAG_KINDS.join(", ")}`,
    date: (v) =>
      v === null || (typeof v === "string" && MAINTENANCE_TAG_DATE.test(v)) ? null : "must be a month, YYYY-MM",
  },
  tableCell: { colspan: isSpan, rowspan: isSpan },
  tableHeader: { colspan: isSpan, rowspan: isSpan },
  figure: {
    file: (v) =>
      typeof v === "string" && FIGURE_FILE_PATTERN.test(v) ? null : "must be a file name (no [ ] { } | < > #)",
    options: (v) =>
      v === null || (typeof v === "string" && v.length <= 1000 && !/[\u0000-\u001f\u007f]|\]\]/.test(v))
        ? null
        : "must be at most 1000 characters on one line, without ]]",
  },
  template: {
    name: isString(255),
    params: checkTemplateParams,
    form: (v) =>
      (TEMPLATE_FORMS as readonly unknown[]).includes(v) ? null : `must be one of: ${TEMPLATE_FORMS.join(", ")}`,
  },
  link: {
    href: (v) => (isSafeHttpUrl(v) ? null : "must be an absolute http:// or https:// URL"),
  },
  wikiLink: {
    title: isString(255),
  },
};

/** Attributes that must be given: without them the node or mark means nothing. */
const REQUIRED_ATTRIBUTES: Record<string, string[]> = {
  citation: ["refKey"],
  maintenanceTag: ["kind", "date"],
  figure: ["file"],
  template: ["name"],
  link: ["href"],
  wikiLink: ["title"],
};

const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);
const MAX_TEXT = 100_000;

/** A value as a message shows it; never throws, since the input need not be JSON (a BigInt, a cycle). */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" && value !== null ? "an object" : String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkAttrs(
  typeName: string,
  specAttrs: Record<string, unknown>,
  given: unknown,
  path: string,
  issues: ValidationIssue[],
) {
  const attrs = given === undefined ? {} : given;
  if (!isPlainObject(attrs)) {
    issues.push({ path: `${path}.attrs`, message: "must be an object" });
    return;
  }
  const rules = ATTRIBUTE_RULES[typeName] ?? {};
  for (const name of REQUIRED_ATTRIBUTES[typeName] ?? []) {
    if (!Object.hasOwn(attrs, name) || attrs[name] === undefined)
      issues.push({ path: `${path}.attrs.${name}`, message: "is required" });
  }
  for (const [name, value] of Object.entries(attrs)) {
    const attrPath = `${path}.attrs.${name}`;
    // Own properties only: `in` and plain indexing also find Object.prototype's
    // members, so "hasOwnProperty" passed as an attribute and "__proto__" threw.
    const rule = Object.hasOwn(specAttrs, name) && Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) {
      issues.push({ path: attrPath, message: `unknown attribute ${JSON.stringify(name)} on ${typeName}` });
      continue;
    }
    const problem = rule(value);
    if (problem) issues.push({ path: attrPath, message: problem });
  }
}

/** Checks the JSON shape of one node tree: known types, known and valid attributes and marks. */
function checkJsonNode(json: unknown, path: string, issues: ValidationIssue[], depth: number): void {
  if (depth > 64) {
    issues.push({ path, message: "is nested too deeply" });
    return;
  }
  if (!isPlainObject(json)) {
    issues.push({ path, message: "must be a node object" });
    return;
  }
  for (const key of Object.keys(json)) {
    if (!NODE_KEYS.has(key)) issues.push({ path: `${path}.${key}`, message: `unknown property "${key}"` });
  }
  const type = json.type;
  const nodeType = typeof type === "string" ? documentSchema.nodes[type] : undefined;
  if (!nodeType) {
    issues.push({ path: `${path}.type`, message: `unknown node type ${shown(type)}` });
    return;
  }
  checkAttrs(nodeType.name, nodeType.spec.attrs ?? {}, json.attrs, path, issues);
  if (nodeType.name === "text") {
    if (typeof json.text !== "string" || json.text.length === 0 || json.text.length > MAX_TEXT) {
      issues.push({ path: `${path}.text`, message: "must be a non-empty string" });
    }
  } else if (json.text !== undefined) {
    issues.push({ path: `${path}.text`, message: `only text nodes have text` });
  }
  if (json.marks !== undefined) {
    if (!Array.isArray(json.marks)) {
      issues.push({ path: `${path}.marks`, message: "must be an array" });
    } else {
      json.marks.forEach((mark, index) => {
        const markPath = `${path}.marks[${index}]`;
        if (!isPlainObject(mark)) return void issues.push({ path: markPath, message: "must be a mark object" });
        for (const key of Object.keys(mark)) {
          if (!MARK_KEYS.has(key)) issues.push({ path: `${markPath}.${key}`, message: `unknown property "${key}"` });
        }
        const markType = typeof mark.type === "string" ? documentSchema.marks[mark.type] : undefined;
        if (!markType)
          return void issues.push({ path: `${markPath}.type`, message: `unknown mark type ${shown(mark.type)}` });
        checkAttrs(markType.name, markType.spec.attrs ?? {}, mark.attrs, markPath, issues);
      });
    }
  }
  if (json.content !== undefined) {
    if (!Array.isArray(json.content)) {
      issues.push({ path: `${path}.content`, message: "must be an array" });
    } else {
      json.content.forEach((child, index) => checkJsonNode(child, `${path}.content[${index}]`, issues, depth + 1));
    }
  }
}

/**
 * Checks content expressions and allowed marks with ProseMirror's own rules, naming the path.
 * (`validContent` also refuses a child carrying a mark its parent does not allow.)
 */
function checkStructure(node: PMNode, path: string, issues: ValidationIssue[]): void {
  if (!node.type.validContent(node.content)) {
    issues.push({
      path: `${path}.content`,
      message: `is not valid content for ${node.type.name} (expects ${node.type.spec.content ?? "nothing"})`,
    });
    return;
  }
  node.forEach((child, _offset, index) => {
    const childPath = `${path}.content[${index}]`;
    // Any node, not only text: a citation or a tag may carry marks too.
    if (!mark_set_is_valid(child))
      issues.push({ path: `${childPath}.marks`, message: "has duplicate or conflicting marks" });
    checkStructure(child, childPath, issues);
  });
}

function mark_set_is_valid(node: PMNode): boolean {
  const names = node.marks.map((mark) => mark.type.name);
  return new Set(names).size === names.length;
}

/**
 * Validates one rich-text document against the schema the editor uses. Never
 * throws; returns every issue with its JSON path under `path`.
 */
export function validateDoc(json: unknown, path = "$", options: { allowHeadings?: boolean } = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkJsonNode(json, path, issues, 0);
  if (issues.length > 0) return issues;
  if ((json as { type: string }).type !== "doc") return [{ path: `${path}.type`, message: 'must be "doc"' }];
  // Cannot throw: checkJsonNode has checked all that nodeFromJSON does (node and mark types, non-empty
  // text, arrays of marks and content), and every attribute has a default.
  checkStructure(documentSchema.nodeFromJSON(json), path, issues);
  if (!options.allowHeadings) {
    walkDoc(json as DocJSON, (child, childPath) => {
      if (child.type === "heading")
        issues.push({ path: `${path}${childPath}`, message: "headings belong to sections, not inside a section body" });
    });
  }
  return issues;
}

function zodPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`),
    "$",
  );
}

// Documents already found valid, by identity, and only frozen ones: content
// from the content store is deep-frozen and shared, so such a document cannot
// change after its check. A save or an approval built on a cached revision of
// a 1M-character article then checks the documents it changed, not all.
const validFrozenDocs = new WeakSet<object>();

function validateDocOnce(doc: unknown, path: string): ValidationIssue[] {
  const frozen = typeof doc === "object" && doc !== null && Object.isFrozen(doc);
  if (frozen && validFrozenDocs.has(doc)) return [];
  const issues = validateDoc(doc, path);
  if (frozen && issues.length === 0) validFrozenDocs.add(doc);
  return issues;
}

/**
 * zod copies every object it parses. A stored (frozen) section, reference or
 * infobox is kept as it came instead: the schemas transform nothing, so the
 * copy would be equal, and the stored object's content hash is memoized by
 * identity (content-store.ts), so a save or an approval built on a stored
 * revision hashes only the parts it changed (on a 1M-character article,
 * canonicalizing every section was a fifth of an approval).
 */
function keepStoredParts(parsed: ArticleContent, input: ArticleContent): ArticleContent {
  const stored = <T>(copy: T, original: T): T =>
    original !== null && typeof original === "object" && Object.isFrozen(original) ? original : copy;
  return {
    ...parsed,
    infobox: stored(parsed.infobox, input.infobox),
    sections: parsed.sections.map((section, index) => stored(section, input.sections[index])),
    references: parsed.references.map((reference, index) => stored(reference, input.references[index])),
  };
}

/**
 * Validates a whole article revision: structure, every rich-text document,
 * http(s)-only reference URLs, unique section ids and reference keys, and
 * citations that point at references of the same revision.
 */
export function validateArticleContent(input: unknown): ValidationResult<ArticleContent> {
  const parsed = ZArticleContentSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: zodPath(issue.path), message: issue.message })),
    };
  }
  const content = keepStoredParts(parsed.data, input as ArticleContent);
  const issues: ValidationIssue[] = [];

  const sectionIds = new Set<string>();
  content.sections.forEach((section, index) => {
    const path = `$.sections[${index}]`;
    if (sectionIds.has(section.id))
      issues.push({ path: `${path}.id`, message: `duplicate section id "${section.id}"` });
    sectionIds.add(section.id);
    if (index === 0 && section.level !== 0)
      issues.push({ path: `${path}.level`, message: "the first section is the lead (level 0)" });
    if (index > 0 && section.level === 0)
      issues.push({ path: `${path}.level`, message: "only the first section is the lead" });
    if (index > 0 && section.title.trim() === "")
      issues.push({ path: `${path}.title`, message: "a section needs a title" });
  });

  const referenceKeys = new Set<string>();
  content.references.forEach((reference, index) => {
    const path = `$.references[${index}]`;
    if (referenceKeys.has(reference.key))
      issues.push({ path: `${path}.key`, message: `duplicate reference key "${reference.key}"` });
    referenceKeys.add(reference.key);
    for (const field of ["url", "archiveUrl"] as const) {
      const value = reference[field];
      if (value !== undefined && !isSafeHttpUrl(value))
        issues.push({ path: `${path}.${field}`, message: "must be an absolute http:// or https:// URL" });
    }
  });

  walkArticleDocs(content, (doc, path) => {
    issues.push(...validateDocOnce(doc, path));
  });
  if (issues.length > 0) return { ok: false, issues };

  walkArticleDocs(content, (doc, docPath) => {
    walkDoc(doc, (node, nodePath) => {
      const refKey = node.type === "citation" ? node.attrs?.refKey : undefined;
      if (typeof refKey === "string" && !referenceKeys.has(refKey)) {
        issues.push({ path: `${docPath}${nodePath}.attrs.refKey`, message: `unknown reference "${refKey}"` });
      }
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: content };
}
