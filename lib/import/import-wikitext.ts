import {
  type CitationLocator,
  hasLocator,
  locatorOf,
  locatorProblem,
  REF_KEY_PATTERN,
} from "../document/extensions/citation";
import { FIGURE_FILE_PATTERN } from "../document/extensions/figure";
import { MAX_CELL_SPAN } from "../document/extensions/table";
import { MAX_TEMPLATE_PARAMS, type TemplateParam } from "../document/extensions/template";
import type { ArticleContent, DocJSON, Infobox, InfoboxRow, Reference, Section } from "../document/model";
import { isSafeHttpUrl } from "../document/url";
import { isoDateOf } from "./dates";
import { decodeEntities } from "./entities";
import type { BlockMemo } from "./parse-chunks";
import { count, type ImportReport, newReport } from "./report";
import {
  paramKey,
  paramMap,
  paramValueNodes,
  parseWikitext,
  rawOf,
  templateKey,
  templateParams,
  type WNode,
  writtenTemplateName,
} from "./syntax";
import {
  CITE_FIELDS,
  GENERATED_LIST_TEMPLATES,
  isCitationTemplate,
  NOTE_TEMPLATES,
  QUOTE_TEMPLATES,
  SIDED_ROWS,
  tagKindOf,
  titleParamOf,
} from "./vocabulary";

/** The result of importing one article: its content (valid for the model) and what was done with each element. */
export interface WikitextImport {
  content: ArticleContent;
  report: ImportReport;
}

type Mark = { type: string; attrs?: Record<string, unknown> };
interface Fmt {
  bold: boolean;
  italic: boolean;
}

interface Context {
  report: ImportReport;
  refs: RefRegistry;
  /** inside a note: no nested notes, no hard breaks */
  inNote: boolean;
  /** inside a reference's own text: no citations */
  inRef: boolean;
}

const MARK_ORDER = ["bold", "italic", "link", "wikiLink"];
const FILE_PREFIX = /^(file|image|datei|bild|media):\s*/i;

const textNode = (text: string, marks: Mark[] = []): DocJSON =>
  marks.length ? { type: "text", text, marks: [...marks] } : { type: "text", text };

function syntheticText(data: string): WNode {
  return { type: "text", data, childNodes: [], toString: () => data };
}

// ---------------------------------------------------------------------------------------------
// References: definitions collected before conversion (a named ref may be defined after its first
// use, or in the reference list), one reference per name, keys that survive a round trip.

class RefRegistry {
  readonly references: Reference[] = [];
  private readonly definitions = new Map<string, WNode[]>();
  private readonly keyOfName = new Map<string, string>();
  private readonly usedKeys = new Set<string>();
  private readonly noteDefinitions = new Map<string, DocJSON[]>();
  private generated = 0;

  /** Remembers the first non-empty definition of every named ref (group and name). */
  collect(root: WNode): void {
    const visit = (node: WNode) => {
      if (node.type === "ext" && node.name === "ref") {
        const name = attrOf(node, "name");
        const inner = refInner(node);
        const id = `${attrOf(node, "group") ?? ""}\u0000${name}`;
        if (name && hasContent(inner) && !this.definitions.has(id)) this.definitions.set(id, inner);
        if (name) this.reserve(name);
      }
      for (const child of node.childNodes ?? []) visit(child);
    };
    visit(root);
  }

  definitionOf(group: string | undefined, name: string): WNode[] | undefined {
    return this.definitions.get(`${group ?? ""}\u0000${name}`);
  }

  private reserve(name: string): void {
    if (this.keyOfName.has(name)) return;
    let key = sanitizeKey(name);
    if (!key || this.usedKeys.has(key)) {
      const base = key || "ref";
      let n = 2;
      while (this.usedKeys.has(`${base.slice(0, 70)}-${n}`)) n += 1;
      key = `${base.slice(0, 70)}-${n}`;
    }
    this.usedKeys.add(key);
    this.keyOfName.set(name, key);
  }

  keyFor(name: string | undefined): { key: string; isNew: boolean } {
    if (name) {
      this.reserve(name);
      const key = this.keyOfName.get(name) as string;
      return { key, isNew: !this.references.some((reference) => reference.key === key) };
    }
    let key: string;
    do {
      this.generated += 1;
      key = `ref-${this.generated}`;
    } while (this.usedKeys.has(key));
    this.usedKeys.add(key);
    return { key, isNew: true };
  }

  noteByName(name: string): DocJSON[] | undefined {
    return this.noteDefinitions.get(name);
  }

  rememberNote(name: string, content: DocJSON[]): void {
    if (!this.noteDefinitions.has(name)) this.noteDefinitions.set(name, content);
  }
}

function sanitizeKey(name: string): string {
  const key = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_.:-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, 80);
  return REF_KEY_PATTERN.test(key) ? key : "";
}

function attrOf(node: WNode, name: string): string | undefined {
  const value = node.getAttr?.(name);
  if (value === undefined || value === true) return undefined;
  const text = decodeEntities(String(value)).trim();
  return text === "" ? undefined : text;
}

function refInner(node: WNode): WNode[] {
  return node.childNodes.find((child) => child.type === "ext-inner")?.childNodes ?? [];
}

function hasContent(nodes: WNode[]): boolean {
  return nodes.some((node) => node.type !== "comment" && !(node.type === "text" && !node.data?.trim()));
}

// ---------------------------------------------------------------------------------------------
// Inline content

/** Plain text of converted inline nodes, templates as their wikitext (for titles, labels and free-text references). */
function plainOf(nodes: DocJSON[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.text ?? "";
      if (node.type === "hardBreak") return " ";
      if (node.type === "template") return templateWikitext(node);
      if (node.type === "maintenanceTag") return `[${node.attrs?.kind}]`;
      return plainOf(node.content ?? []);
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** An opaque node's wikitext, as the exporter writes it (kept here too for plain text of references). */
export function templateWikitext(node: DocJSON): string {
  const name = String(node.attrs?.name ?? "");
  const params = (node.attrs?.params ?? []) as TemplateParam[];
  const form = node.attrs?.form ?? "template";
  if (form === "raw") return params.map((param) => param.value).join("");
  const parts = [name, ...params.map((param) => (param.key === null ? param.value : `${param.key}=${param.value}`))];
  return form === "link" ? `[[${parts.join("|")}]]` : `{{${parts.join("|")}}}`;
}

/**
 * The wikitext of a node kept opaque, with its `<ref>`s taken out and turned
 * into citations placed right after it: every ref becomes a citation even
 * inside a template nobody knows (the citation moves just outside the box).
 */
function withoutRefs(node: WNode, ctx: Context): { text: string; cites: DocJSON[] } {
  let text = rawOf(node);
  const cites: DocJSON[] = [];
  const visit = (child: WNode) => {
    if (child.type === "ext" && child.name === "ref") {
      const raw = rawOf(child);
      const at = text.indexOf(raw);
      if (at >= 0) text = text.slice(0, at) + text.slice(at + raw.length);
      cites.push(...(refNode(child, ctx) ?? []));
      count(ctx.report, "approximated", "ref moved out of an opaque template");
      return;
    }
    for (const grandchild of child.childNodes ?? []) visit(grandchild);
  };
  for (const child of node.childNodes ?? []) visit(child);
  return { text, cites };
}

function opaqueRaw(node: WNode, label: string, ctx: Context): DocJSON[] {
  count(ctx.report, "opaque", label);
  const { text: raw, cites } = withoutRefs(node, ctx);
  // The line break a redirect or a parser function swallowed is the line's, not the node's.
  const text = raw.replace(/\n+$/, "");
  return [{ type: "template", attrs: { name: label, params: [{ key: null, value: text }], form: "raw" } }, ...cites];
}

function opaqueTemplate(node: WNode, ctx: Context): DocJSON[] {
  const name = writtenTemplateName(node).replace(/\s+/g, " ");
  const cites: DocJSON[] = [];
  const params: TemplateParam[] = templateParams(node).map((param) => {
    const stripped = param.childNodes[1] ? withoutRefs(param.childNodes[1], ctx) : { text: "", cites: [] };
    cites.push(...stripped.cites);
    return { key: param.anon ? null : paramKey(param), value: stripped.text };
  });
  const badKey = params.some(
    (param) =>
      param.key !== null &&
      (param.key === "" || param.key.length > 255 || /[|=\u0000-\u001f\u007f]|}}/.test(param.key)),
  );
  if (
    !name ||
    name.length > 255 ||
    /[\u0000-\u001f\u007f]/.test(name) ||
    badKey ||
    params.length > MAX_TEMPLATE_PARAMS
  ) {
    count(ctx.report, "opaque", "template");
    return [
      { type: "template", attrs: { name: "template", params: [{ key: null, value: rawOf(node) }], form: "raw" } },
      ...cites,
    ];
  }
  count(ctx.report, "opaque", `{{${templateKey(node)}}}`);
  return [{ type: "template", attrs: { name, params, form: "template" } }, ...cites];
}

function toggleQuotes(run: string, fmt: Fmt, marks: Mark[], out: DocJSON[]): void {
  let length = run.length;
  if (length === 4 || length > 5) {
    // MediaWiki shows the extra apostrophes as text before the markup.
    const extra = length === 4 ? 1 : length - 5;
    out.push(textNode("'".repeat(extra), currentMarks(fmt, marks)));
    length -= extra;
  }
  if (length === 2 || length === 5) fmt.italic = !fmt.italic;
  if (length === 3 || length === 5) fmt.bold = !fmt.bold;
}

function currentMarks(fmt: Fmt, marks: Mark[]): Mark[] {
  const all: Mark[] = [...(fmt.bold ? [{ type: "bold" }] : []), ...(fmt.italic ? [{ type: "italic" }] : []), ...marks];
  return all.sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

function safeUrl(raw: string): string | null {
  let url = decodeEntities(raw.trim());
  if (url.startsWith("//")) url = `https:${url}`;
  return isSafeHttpUrl(url) ? url : null;
}

function inline(nodes: WNode[], ctx: Context, fmt: Fmt, marks: Mark[] = []): DocJSON[] {
  const out: DocJSON[] = [];
  for (const node of nodes) inlineNode(node, ctx, fmt, marks, out);
  return out;
}

function inlineNode(node: WNode, ctx: Context, fmt: Fmt, marks: Mark[], out: DocJSON[]): void {
  switch (node.type) {
    case "text": {
      const text = decodeEntities((node.data ?? "").replace(/\n/g, " "));
      if (text) out.push(textNode(text, currentMarks(fmt, marks)));
      return;
    }
    case "quote":
      toggleQuotes(rawOf(node), fmt, marks, out);
      return;
    case "comment":
      count(ctx.report, "approximated", "comment (not kept)");
      return;
    case "link":
    case "redirect-target": {
      const target = node.childNodes.find((child) => child.type === "link-target");
      const text = node.childNodes.find((child) => child.type === "link-text");
      const title = decodeEntities(target ? rawOf(target) : "")
        .replace(/_/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 255);
      if (!title || /[\u0000-\u001f\u007f]/.test(title)) {
        out.push(...inline(text?.childNodes ?? [], ctx, fmt, marks));
        return;
      }
      count(ctx.report, "mapped", "wikilink");
      const mark = { type: "wikiLink", attrs: { title } };
      const inner = text
        ? inline(text.childNodes, ctx, fmt, [...marks, mark])
        : [textNode(title, currentMarks(fmt, [...marks, mark]))];
      out.push(...inner);
      return;
    }
    case "ext-link": {
      const urlNode = node.childNodes.find((child) => child.type === "ext-link-url");
      const textPart = node.childNodes.find((child) => child.type === "ext-link-text");
      const url = urlNode ? safeUrl(rawOf(urlNode)) : null;
      if (!url) {
        count(ctx.report, "approximated", "external link (not http/https, kept as text)");
        out.push(textNode(decodeEntities(rawOf(node)), currentMarks(fmt, marks)));
        return;
      }
      count(ctx.report, "mapped", "external link");
      const mark = { type: "link", attrs: { href: url } };
      const inner =
        textPart && hasContent(textPart.childNodes) ? inline(textPart.childNodes, ctx, fmt, [...marks, mark]) : [];
      out.push(...(inner.length ? inner : [textNode(url, currentMarks(fmt, [...marks, mark]))]));
      return;
    }
    case "free-ext-link": {
      const url = safeUrl(rawOf(node));
      if (url) count(ctx.report, "mapped", "external link");
      out.push(
        textNode(
          decodeEntities(rawOf(node)),
          currentMarks(fmt, url ? [...marks, { type: "link", attrs: { href: url } }] : marks),
        ),
      );
      return;
    }
    case "magic-link":
      out.push(textNode(decodeEntities(rawOf(node)), currentMarks(fmt, marks)));
      return;
    case "html": {
      const name = (node.name ?? "").toLowerCase();
      if (name === "br") {
        out.push(ctx.inNote ? textNode(" ") : { type: "hardBreak" });
        count(ctx.report, "mapped", "line break");
      } else if (name === "b" || name === "strong" || name === "i" || name === "em") {
        // An opening or closing tag toggles like wikitext's apostrophes (the exporter never writes these).
        const closing = rawOf(node).startsWith("</");
        if (name === "b" || name === "strong") fmt.bold = !closing;
        else fmt.italic = !closing;
        count(ctx.report, "mapped", "bold/italic (HTML)");
      } else count(ctx.report, "approximated", `<${name}> tag (content kept, tag not)`);
      return;
    }
    case "ext":
      extInline(node, ctx, fmt, marks, out);
      return;
    case "template":
      templateInline(node, ctx, fmt, marks, out);
      return;
    case "file":
    case "category": {
      const target = rawOf(node.childNodes[0]).trim();
      const cites: DocJSON[] = [];
      const params = node.childNodes.slice(1).map((part) => {
        const stripped = withoutRefs({ ...part, childNodes: [part], toString: () => rawOf(part) }, ctx);
        cites.push(...stripped.cites);
        return { key: null, value: stripped.text };
      });
      const name = target.replace(/\s+/g, " ");
      if (!name || name.length > 255) {
        out.push(...opaqueRaw(node, node.type, ctx));
        return;
      }
      out.push({ type: "template", attrs: { name, params, form: "link" } }, ...cites);
      count(ctx.report, "opaque", node.type === "file" ? "inline image" : "category");
      return;
    }
    case "heading-title":
    case "link-text":
    case "parameter-value":
    case "noinclude":
    case "include":
    case "onlyinclude":
      out.push(...inline(node.childNodes, ctx, fmt, marks));
      return;
    case "hr":
      count(ctx.report, "approximated", "horizontal rule");
      return;
    case "magic-word":
      if (
        (node.name ?? "").toLowerCase() === "tag" &&
        rawOf(paramValueNodesOf(node, 0)).trim().toLowerCase() === "ref"
      ) {
        out.push(...tagRef(node, ctx));
        return;
      }
      out.push(...opaqueRaw(node, "magic word", ctx));
      return;
    default:
      out.push(...opaqueRaw(node, node.type, ctx));
  }
}

function extInline(node: WNode, ctx: Context, fmt: Fmt, marks: Mark[], out: DocJSON[]): void {
  const name = (node.name ?? "").toLowerCase();
  if (name === "ref") {
    const result = refNode(node, ctx);
    if (result) out.push(...result);
    return;
  }
  if (name === "references") {
    count(ctx.report, "mapped", "reference list (generated)");
    return;
  }
  if (name === "nowiki") {
    const text = decodeEntities(refInner(node).map(rawOf).join(""));
    if (text) out.push(textNode(text, currentMarks(fmt, marks)));
    return;
  }
  out.push(...opaqueRaw(node, `<${name}>`, ctx));
}

/** A `<ref>`: a citation of a reference (one per name), or, with a group, a note. */
function refNode(node: WNode, ctx: Context): DocJSON[] | null {
  const name = attrOf(node, "name");
  const group = attrOf(node, "group");
  let inner = refInner(node);
  if (!hasContent(inner) && name) inner = ctx.refs.definitionOf(group, name) ?? [];
  if (ctx.inRef) {
    count(ctx.report, "approximated", "ref inside a reference (kept as text)");
    return [textNode(rawOf(node))];
  }
  ctx.report.refs.tags += 1;
  if (group) return [noteOf(inner, name, ctx)];
  const { key, isNew } = ctx.refs.keyFor(name);
  if (isNew) {
    ctx.refs.references.push(referenceOf(key, inner, name, ctx));
    ctx.report.refs.references += 1;
  } else count(ctx.report, "mapped", "named ref reuse");
  ctx.report.refs.citations += 1;
  count(ctx.report, "mapped", "citation");
  return [{ type: "citation", attrs: { refKey: key } }];
}

function paramValueNodesOf(node: WNode, index: number): WNode {
  const param = templateParams(node)[index];
  return param?.childNodes[1] ?? syntheticText("");
}

/** {{#tag:ref|text|name=…|group=…}}: a ref written as a parser function (so that it may hold refs of its own). */
function tagRef(node: WNode, ctx: Context): DocJSON[] {
  const params = templateParams(node);
  const named = (key: string) => params.find((param) => !param.anon && paramKey(param).toLowerCase() === key);
  const text = params.filter((param) => param.anon)[1];
  const name = named("name");
  const group = named("group");
  const nameText = name ? paramText(name, ctx) : undefined;
  const groupText = group ? paramText(group, ctx) : undefined;
  const inner = text ? paramValueNodes(text) : [];
  ctx.report.refs.tags += 1;
  if (groupText) return [noteOf(inner, nameText, ctx)];
  const { key, isNew } = ctx.refs.keyFor(nameText);
  if (isNew) {
    ctx.refs.references.push(referenceOf(key, inner, nameText, ctx));
    ctx.report.refs.references += 1;
  }
  ctx.report.refs.citations += 1;
  count(ctx.report, "mapped", "citation");
  return [{ type: "citation", attrs: { refKey: key } }];
}

/** A note ([a]): its text may carry citations, tags and templates, not notes or line breaks. */
function noteOf(nodes: WNode[], name: string | undefined, ctx: Context): DocJSON {
  ctx.report.refs.notes += 1;
  if (ctx.inNote) count(ctx.report, "approximated", "note inside a note (flattened)");
  let content = name && !hasContent(nodes) ? ctx.refs.noteByName(name) : undefined;
  if (!content) {
    const noteCtx = { ...ctx, inNote: true };
    content = cleanInline(blocksToInline(blocks(nodes, noteCtx), noteCtx));
    if (name) ctx.refs.rememberNote(name, content);
  } else count(ctx.report, "approximated", "named note reuse (repeated)");
  count(ctx.report, "mapped", "note");
  const allowed = content.flatMap((child) => (child.type === "note" ? (child.content ?? []) : [child]));
  return { type: "note", content: allowed };
}

function blocksToInline(docBlocks: DocJSON[], ctx: Context): DocJSON[] {
  const out: DocJSON[] = [];
  const visit = (block: DocJSON) => {
    if (block.type === "paragraph" || block.type === "tableCaption" || block.type === "figure") {
      if (out.length) out.push(textNode(" "));
      out.push(...(block.content ?? []));
    } else (block.content ?? []).forEach(visit);
  };
  docBlocks.forEach(visit);
  if (docBlocks.some((block) => block.type !== "paragraph"))
    count(ctx.report, "approximated", "blocks in inline text (flattened)");
  return out.map((node) => (node.type === "hardBreak" ? textNode(" ") : node));
}

function referenceOf(key: string, nodes: WNode[], name: string | undefined, ctx: Context): Reference {
  const significant = nodes.filter((node) => node.type !== "comment" && !(node.type === "text" && !node.data?.trim()));
  const refCtx = { ...ctx, inRef: true };
  if (
    significant.length === 1 &&
    significant[0].type === "template" &&
    isCitationTemplate(templateKey(significant[0]))
  ) {
    count(ctx.report, "mapped", "reference (cite template)");
    return citeReference(key, significant[0], refCtx);
  }
  if (!hasContent(nodes)) {
    count(ctx.report, "approximated", "reference never defined");
    ctx.report.warnings.push(`ref "${name ?? key}" is used but never defined`);
    return { key, title: `(reference "${name ?? key}" not defined in the source)` };
  }
  count(ctx.report, "mapped", "reference (free text)");
  const converted = inline(nodes, refCtx, { bold: false, italic: false });
  const reference: Reference = { key, title: clip(plainOf(converted) || "(empty reference)", 1000, ctx) };
  const url = firstUrl(converted);
  if (url) reference.url = url;
  return reference;
}

function firstUrl(nodes: DocJSON[]): string | undefined {
  for (const node of nodes) {
    const link = node.marks?.find((mark) => mark.type === "link");
    if (link) return String(link.attrs?.href);
  }
  return undefined;
}

function clip(text: string, max: number, ctx: Context): string {
  if (text.length <= max) return text;
  count(ctx.report, "approximated", "text cut to the model's length");
  return `${text.slice(0, max - 1)}…`;
}

function paramText(param: WNode, ctx: Context): string {
  return plainOf(inline(paramValueNodes(param), ctx, { bold: false, italic: false })).replace(
    /[\u0000-\u001f\u007f]/g,
    " ",
  );
}

function citeReference(key: string, template: WNode, ctx: Context): Reference {
  const fields: Partial<Record<string, string>> = {};
  const authors: { index: number; text: string }[] = [];
  const names = new Map<string, { last?: string; first?: string }>();
  for (const param of templateParams(template)) {
    const rawKey = paramKey(param).toLowerCase();
    const value = paramText(param, ctx);
    if (!value) continue;
    const author = /^(author|autor|last|surname|first|given|vauthors)(\d*)$/.exec(rawKey);
    if (author) {
      const index = Number(author[2] || 1);
      if (author[1] === "author" || author[1] === "autor" || author[1] === "vauthors")
        authors.push({ index, text: value });
      else {
        const entry = names.get(String(index)) ?? {};
        if (author[1] === "last" || author[1] === "surname") entry.last = value;
        else entry.first = value;
        names.set(String(index), entry);
      }
      count(ctx.report, "mapped", "cite field");
      continue;
    }
    const field = Object.hasOwn(CITE_FIELDS, rawKey) ? CITE_FIELDS[rawKey] : undefined;
    if (!field || fields[field] !== undefined) {
      count(ctx.report, "approximated", `cite field ${rawKey} (not in the model)`);
      continue;
    }
    fields[field] = value;
    count(ctx.report, "mapped", "cite field");
  }
  for (const [index, { last, first }] of names)
    authors.push({ index: Number(index), text: last && first ? `${last}, ${first}` : (last ?? first ?? "") });
  authors.sort((a, b) => a.index - b.index);

  const reference: Reference = {
    key,
    title: clip(fields.title ?? fields.work ?? fields.url ?? "(untitled)", 1000, ctx),
  };
  if (!fields.title) count(ctx.report, "approximated", "reference without a title");
  const url = fields.url ? safeUrl(fields.url) : null;
  if (url) reference.url = url;
  else if (fields.url) count(ctx.report, "approximated", "reference URL not http(s)");
  if (fields.work) reference.work = clip(fields.work, 500, ctx);
  if (fields.publisher) reference.publisher = clip(fields.publisher, 500, ctx);
  if (authors.length) reference.authors = authors.slice(0, 50).map((author) => clip(author.text, 200, ctx));
  for (const field of ["date", "accessDate", "archiveDate"] as const) {
    const value = fields[field];
    if (!value) continue;
    const iso = isoDateOf(value);
    if (iso) reference[field] = iso;
    else
      count(
        ctx.report,
        "approximated",
        `cite ${field} not one date (${field === "date" ? "kept in title" : "dropped"})`,
      );
    if (!iso && field === "date") reference.title = clip(`${reference.title} (${value})`, 1000, ctx);
  }
  const archive = fields.archiveUrl ? safeUrl(fields.archiveUrl) : null;
  if (archive) reference.archiveUrl = archive;
  if (fields.language) reference.language = clip(fields.language, 100, ctx);
  if (fields.quote) reference.quote = clip(fields.quote, 5000, ctx);
  return reference;
}

function templateInline(node: WNode, ctx: Context, fmt: Fmt, marks: Mark[], out: DocJSON[]): void {
  const key = templateKey(node);
  const kind = tagKindOf(key);
  if (kind) {
    out.push(maintenanceTag(node, kind, ctx));
    return;
  }
  if (NOTE_TEMPLATES.has(key)) {
    const params = paramMap(node);
    const text = params.get("1") ?? params.get("text");
    const name = params.get("name");
    out.push(noteOf(text ? paramValueNodes(text) : [], name ? paramText(name, ctx) : undefined, ctx));
    const other = [...params.keys()].filter((k) => !["1", "text", "name", "group"].includes(k));
    if (other.length) count(ctx.report, "approximated", "note template parameter");
    return;
  }
  if (GENERATED_LIST_TEMPLATES.has(key)) {
    count(ctx.report, "mapped", "reference list (generated)");
    return;
  }
  if (key === "!") {
    out.push(textNode("|", currentMarks(fmt, marks)));
    return;
  }
  if (key === "rp" && rpLocator(node, out.at(-1), ctx)) return;
  out.push(...opaqueTemplate(node, ctx));
}

// {{rp}}'s parameters and the locator field each fills (Template:Rp: page, pages, p, pp, at, loc, quote).
const RP_FIELDS: Record<string, keyof CitationLocator> = {
  "1": "pages",
  page: "pages",
  pages: "pages",
  p: "pages",
  pp: "pages",
  at: "at",
  loc: "at",
  location: "at",
  quote: "quote",
  q: "quote",
};

/**
 * `<ref …/>{{rp|12}}` or `{{rp|page=12|quote=…}}` right after a citation: the
 * citation's locator (Wikipedia's pre-sub-referencing way to cite one source
 * at many pages). Anything it cannot hold exactly (another parameter, a field
 * twice, a value the validator would refuse, a citation that has a locator
 * already) leaves the template opaque, as before. Returns whether it was used.
 */
function rpLocator(node: WNode, previous: DocJSON | undefined, ctx: Context): boolean {
  if (previous?.type !== "citation" || hasLocator(locatorOf(previous.attrs))) return false;
  const locator: CitationLocator = {};
  for (const param of templateParams(node)) {
    const name = paramKey(param).toLowerCase() || "1";
    const field = Object.hasOwn(RP_FIELDS, name) ? RP_FIELDS[name] : undefined;
    const value = paramText(param, ctx).replace(/\s+/g, " ").trim();
    if (!field || locator[field] !== undefined || !value || locatorProblem(field, value)) return false;
    locator[field] = value;
  }
  if (!hasLocator(locator)) return false;
  previous.attrs = { ...previous.attrs, ...locator };
  count(ctx.report, "mapped", "citation locator ({{rp}})");
  return true;
}

function maintenanceTag(node: WNode, kind: string, ctx: Context): DocJSON {
  const params = paramMap(node);
  const dateParam = params.get("date");
  let date: string | null = null;
  if (dateParam) {
    const iso = isoDateOf(paramText(dateParam, ctx));
    if (iso && iso.length >= 7) date = iso.slice(0, 7);
    else count(ctx.report, "approximated", "maintenance tag date not a month");
  }
  if ([...params.keys()].some((k) => k !== "date")) count(ctx.report, "approximated", "maintenance tag parameter");
  count(ctx.report, "mapped", "maintenance tag");
  return { type: "maintenanceTag", attrs: { kind, date } };
}

/** Joins adjacent text with the same marks, collapses white space, trims the ends: one spelling per content. */
function cleanInline(nodes: DocJSON[]): DocJSON[] {
  const merged: DocJSON[] = [];
  for (const node of nodes) {
    if (node.type === "text") {
      const text = (node.text ?? "").replace(/[\t\n\r ]+/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");
      if (!text) continue;
      const last = merged.at(-1);
      if (last?.type === "text" && JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])) {
        last.text = `${last.text}${text}`.replace(/ {2,}/g, " ");
        continue;
      }
      merged.push({ ...node, text });
    } else if (node.type === "note") {
      merged.push({ ...node, content: cleanInline(node.content ?? []) });
    } else merged.push(node);
  }
  // A hard break at either end shows nothing; nor does a space at either end of a line, or a second space across a mark boundary.
  while (merged.at(-1)?.type === "hardBreak" || (merged.at(-1)?.type === "text" && !merged.at(-1)?.text?.trim())) {
    if (merged.at(-1)?.type === "text" && merged.length > 1 && merged.at(-2)?.type !== "hardBreak") break;
    merged.pop();
  }
  while (merged[0]?.type === "hardBreak") merged.shift();
  for (let i = 0; i < merged.length; i += 1) {
    const node = merged[i];
    if (node.type !== "text") continue;
    let text = node.text ?? "";
    if (i === 0) text = text.replace(/^ +/, "");
    if (i === merged.length - 1) text = text.replace(/ +$/, "");
    const previous = merged[i - 1];
    if (previous?.type === "text" && previous.text?.endsWith(" ")) text = text.replace(/^ +/, "");
    node.text = text;
  }
  const result = merged.filter((node) => node.type !== "text" || node.text);
  while (result.at(-1)?.type === "hardBreak") result.pop();
  while (result[0]?.type === "hardBreak") result.shift();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Blocks: lines, paragraphs, lists, tables, figures, quote boxes

interface Line {
  marker: string;
  parts: WNode[];
}

function splitLines(nodes: WNode[]): Line[] {
  const lines: Line[] = [{ marker: "", parts: [] }];
  const current = () => lines[lines.length - 1];
  for (const node of nodes) {
    if (node.type === "text") {
      const pieces = (node.data ?? "").split("\n");
      pieces.forEach((piece, index) => {
        if (index > 0) lines.push({ marker: "", parts: [] });
        if (piece) current().parts.push(syntheticText(piece));
      });
    } else if (node.type === "list" && current().parts.every(isBlank)) {
      current().marker += rawOf(node).replace(/\s/g, "");
    } else if (node.type === "dd") {
      // "; term : definition": the definition is a line of its own, one level in.
      const marker = current().marker;
      lines.push({ marker: `${marker.slice(0, -1)}:`, parts: [] });
    } else if (node.type === "table") {
      // A table is a block of its own, whatever shares its line in the syntax tree.
      if (current().parts.length || current().marker) lines.push({ marker: "", parts: [] });
      current().parts.push(node);
      lines.push({ marker: "", parts: [] });
    } else current().parts.push(node);
  }
  return lines;
}

const isBlank = (node: WNode) => (node.type === "text" && !node.data?.trim()) || node.type === "comment";

type Standalone = "table" | "figure" | "gallery" | "template" | "quote";

function standaloneKind(node: WNode): Standalone | null {
  if (node.type === "table") return "table";
  if (node.type === "file") return "figure";
  if (node.type === "ext" && node.name === "gallery") return "gallery";
  if (node.type === "template") {
    const key = templateKey(node);
    if (QUOTE_TEMPLATES.has(key)) return "quote";
    if (tagKindOf(key) || NOTE_TEMPLATES.has(key) || key === "!") return null;
    return "template";
  }
  if (node.type === "magic-word" || node.type === "double-underscore" || node.type === "category") return "template";
  if (node.type === "ext" && node.name === "references") return "template";
  return null;
}

function blocks(nodes: WNode[], ctx: Context): DocJSON[] {
  const out: DocJSON[] = [];
  let paragraph: DocJSON[] = [];
  let templateParagraph: DocJSON[] = [];
  let lists: { char: string; list: DocJSON }[] = [];
  const flushParagraph = () => {
    const content = cleanInline(paragraph);
    if (content.length) {
      out.push({ type: "paragraph", content });
      count(ctx.report, "mapped", "paragraph");
    }
    paragraph = [];
  };
  const flushTemplates = () => {
    const content = cleanInline(templateParagraph);
    if (content.length) out.push({ type: "paragraph", content });
    templateParagraph = [];
  };
  const flushAll = () => {
    flushParagraph();
    flushTemplates();
    lists = [];
  };

  for (const line of splitLines(nodes)) {
    const significant = line.parts.filter((part) => !isBlank(part));
    if (!line.marker && significant.length === 0) {
      // A blank line ends a paragraph; a line of only comments does not.
      if (line.parts.length === 0 || line.parts.every((part) => part.type === "text")) flushAll();
      for (const part of line.parts)
        if (part.type === "comment") count(ctx.report, "approximated", "comment (not kept)");
      continue;
    }
    if (line.marker) {
      flushParagraph();
      flushTemplates();
      listLine(line, ctx, out, lists);
      continue;
    }
    lists = [];
    const kinds = significant.map(standaloneKind);
    if (kinds.every((kind) => kind !== null)) {
      flushParagraph();
      for (const part of line.parts) {
        const kind = standaloneKind(part);
        if (kind === "template") {
          const converted = inline([part], ctx, { bold: false, italic: false });
          if (converted.length) {
            if (templateParagraph.length) templateParagraph.push(textNode(" "));
            templateParagraph.push(...converted);
          }
          continue;
        }
        if (part.type === "comment") count(ctx.report, "approximated", "comment (not kept)");
        if (!kind) continue;
        flushTemplates();
        if (kind === "table") out.push(...tableBlock(part, ctx));
        else if (kind === "figure") out.push(figureBlock(part, ctx));
        else if (kind === "gallery") out.push(...galleryBlocks(part, ctx));
        else if (kind === "quote") out.push(quoteBlock(part, ctx));
      }
      continue;
    }
    flushTemplates();
    const fmt = { bold: false, italic: false };
    if (paragraph.length) paragraph.push(textNode(" "));
    paragraph.push(...inline(line.parts, ctx, fmt));
  }
  flushAll();
  return out;
}

function listLine(line: Line, ctx: Context, out: DocJSON[], lists: { char: string; list: DocJSON }[]): void {
  const marker = line.marker;
  const content = cleanInline(inline(line.parts, ctx, { bold: false, italic: false }));
  const paragraph: DocJSON = content.length ? { type: "paragraph", content } : { type: "paragraph" };
  const last = marker.at(-1) as string;
  if (/^[:;]+$/.test(marker)) {
    // Indentation and definition lists have no node: a paragraph, the term in bold.
    lists.length = 0;
    count(ctx.report, "approximated", last === ";" ? "definition term (bold paragraph)" : "indented line (paragraph)");
    if (!content.length) return;
    out.push(
      last === ";"
        ? {
            type: "paragraph",
            content: content.map((node) =>
              node.type === "text"
                ? {
                    ...node,
                    marks: currentMarks(
                      { bold: true, italic: false },
                      (node.marks ?? []).filter((m) => m.type !== "bold") as Mark[],
                    ),
                  }
                : node,
            ),
          }
        : paragraph,
    );
    if (last === ";") (out.at(-1) as DocJSON).content = cleanInline((out.at(-1) as DocJSON).content ?? []);
    return;
  }
  const chars = [...marker].map((char) => (char === ";" ? ":" : char));
  const continuation = chars.at(-1) === ":";
  const depth = continuation ? chars.length - 1 : chars.length;
  let shared = 0;
  while (shared < Math.min(depth, lists.length) && (chars[shared] === lists[shared].char || chars[shared] === ":"))
    shared += 1;
  lists.length = shared;
  for (let level = shared; level < depth; level += 1) {
    const char = chars[level] === "#" ? "#" : "*";
    if (chars[level] === ":") count(ctx.report, "approximated", "indented list level");
    const list: DocJSON = { type: char === "#" ? "orderedList" : "bulletList", content: [] };
    if (level === 0) out.push(list);
    else {
      const parent = lists[level - 1].list.content as DocJSON[];
      if (!parent.length) parent.push({ type: "listItem", content: [{ type: "paragraph" }] });
      (parent[parent.length - 1].content as DocJSON[]).push(list);
    }
    lists.push({ char, list });
  }
  if (continuation && depth > 0) {
    const items = lists[depth - 1].list.content as DocJSON[];
    if (!items.length) items.push({ type: "listItem", content: [{ type: "paragraph" }] });
    if (content.length) (items[items.length - 1].content as DocJSON[]).push(paragraph);
    count(ctx.report, "approximated", "list continuation (paragraph in item)");
    return;
  }
  if (depth === 0) return;
  (lists[depth - 1].list.content as DocJSON[]).push({ type: "listItem", content: [paragraph] });
  count(ctx.report, "mapped", "list item");
}

function cellSpan(node: WNode, name: string): number {
  const value = Number(node.getAttr?.(name) ?? 1);
  return Number.isInteger(value) && value >= 1 && value <= MAX_CELL_SPAN ? value : 1;
}

function cellContent(cell: WNode, ctx: Context): DocJSON[] {
  const inner = cell.childNodes.find((child) => child.type === "td-inner")?.childNodes ?? [];
  const content = blocks(inner, ctx);
  return content.length ? content : [{ type: "paragraph" }];
}

function tableBlock(node: WNode, ctx: Context): DocJSON[] {
  const rows: DocJSON[] = [];
  let caption: DocJSON | null = null;
  let implicit: DocJSON[] = [];
  const cellOf = (td: WNode): DocJSON => {
    const attrs = { colspan: cellSpan(td, "colspan"), rowspan: cellSpan(td, "rowspan") };
    count(ctx.report, "mapped", "table cell");
    return { type: td.subtype === "th" ? "tableHeader" : "tableCell", attrs, content: cellContent(td, ctx) };
  };
  for (const child of node.childNodes) {
    if (child.type === "td" && child.subtype === "caption") {
      const inner = child.childNodes.find((part) => part.type === "td-inner")?.childNodes ?? [];
      caption = { type: "tableCaption", content: cleanInline(blocksToInline(blocks(inner, ctx), ctx)) };
      if (!caption.content?.length) delete caption.content;
    } else if (child.type === "td") implicit.push(cellOf(child));
    else if (child.type === "tr") {
      if (implicit.length) rows.push({ type: "tableRow", content: implicit });
      implicit = [];
      const cells = child.childNodes.filter((part) => part.type === "td").map(cellOf);
      if (cells.length) rows.push({ type: "tableRow", content: cells });
    }
  }
  if (implicit.length) rows.push({ type: "tableRow", content: implicit });
  if (!rows.length) return [{ type: "paragraph", content: opaqueRaw(node, "table without cells", ctx) }];
  count(ctx.report, "mapped", "table");
  if (/class|style|width|align/i.test(rawOf(node).split("\n")[0]))
    count(ctx.report, "approximated", "table styling (not kept)");
  return [{ type: "table", content: caption ? [caption, ...rows] : rows }];
}

function figureOf(target: string, params: WNode[], ctx: Context): DocJSON | null {
  const file = decodeEntities(target).replace(FILE_PREFIX, "").replace(/_/g, " ").trim();
  if (!FIGURE_FILE_PATTERN.test(file)) return null;
  const captionParam = params.find((param) => param.name === "caption");
  const options = params
    .filter((param) => param !== captionParam)
    .map((param) => rawOf(param).replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("|");
  if (options.length > 1000 || options.includes("]]")) return null;
  const caption = captionParam ? cleanInline(inline(captionParam.childNodes, ctx, { bold: false, italic: false })) : [];
  count(ctx.report, "mapped", "figure");
  return {
    type: "figure",
    attrs: { file, options: options || null },
    ...(caption.length ? { content: caption.map((n) => (n.type === "hardBreak" ? textNode(" ") : n)) } : {}),
  };
}

function figureBlock(node: WNode, ctx: Context): DocJSON {
  const target = rawOf(node.childNodes[0]);
  const figure = figureOf(target, node.childNodes.slice(1), ctx);
  return figure ?? { type: "paragraph", content: opaqueRaw(node, "image", ctx) };
}

function galleryBlocks(node: WNode, ctx: Context): DocJSON[] {
  const images = refInner(node).filter((child) => child.type === "gallery-image");
  const figures = images.map((image) => figureOf(rawOf(image.childNodes[0]), image.childNodes.slice(1), ctx));
  if (!images.length || figures.some((figure) => figure === null))
    return [{ type: "paragraph", content: opaqueRaw(node, "<gallery>", ctx) }];
  count(ctx.report, "approximated", "gallery (images as figures)");
  return figures as DocJSON[];
}

function quoteBlock(node: WNode, ctx: Context): DocJSON {
  const params = paramMap(node);
  const pick = (...names: string[]) => names.map((name) => params.get(name)).find((param) => param !== undefined);
  const text = pick("quote", "text", "1");
  const attribution = ["author", "2", "title", "3", "source", "4"]
    .map((name) => params.get(name))
    .filter((param): param is WNode => param !== undefined)
    .map((param) => cleanInline(inline(paramValueNodes(param), ctx, { bold: false, italic: false })))
    .filter((parts) => parts.length > 0);
  const body = text ? blocks(paramValueNodes(text), ctx) : [];
  if (!body.length || body.some((block) => block.type !== "paragraph")) {
    return { type: "paragraph", content: opaqueTemplate(node, ctx) };
  }
  const used = new Set(["quote", "text", "1", "author", "2", "title", "3", "source", "4"]);
  if ([...params.keys()].some((key) => !used.has(key)))
    count(ctx.report, "approximated", "quote box styling (not kept)");
  count(ctx.report, "mapped", "quote box");
  const content: DocJSON[] = [...body];
  if (attribution.length) {
    const joined: DocJSON[] = [textNode("— ")];
    attribution.forEach((parts, index) => {
      if (index > 0) joined.push(textNode(", "));
      joined.push(...parts);
    });
    content.push({ type: "quoteAttribution", content: cleanInline(joined) });
  }
  return { type: "quoteBox", content };
}

// ---------------------------------------------------------------------------------------------
// Infobox

/** An infobox row's label for a parameter: underscores as spaces (the exporter writes them back). */
export function labelOfParam(param: string): string {
  return param.replace(/_/g, " ").trim();
}

function docOf(nodes: WNode[], ctx: Context): DocJSON | null {
  const content = blocks(nodes, ctx);
  return content.length ? { type: "doc", content } : null;
}

function infoboxOf(node: WNode, articleTitle: string, ctx: Context): Infobox {
  const kind = writtenTemplateName(node)
    .replace(/^infobo(x|ks)[ _]*/i, "")
    .replace(/_/g, " ")
    .trim()
    .slice(0, 100);
  const titleParam = titleParamOf(kind);
  // The subject's name: the kind's own parameter (name, or conflict), else a `title` parameter.
  const hasTitleParam = templateParams(node).some(
    (param) => paramKey(param).toLowerCase() === titleParam && hasContent(paramValueNodes(param)),
  );
  const rows: InfoboxRow[] = [];
  const sided = new Map<string, { row: InfoboxRow & { kind: "sides" }; sides: Map<number, DocJSON> }>();
  let title: string | null = null;
  let imageCaption: DocJSON | undefined;
  let partOf: DocJSON | undefined;
  for (const param of templateParams(node)) {
    const key = paramKey(param);
    if (!hasContent(paramValueNodes(param))) continue;
    ctx.report.infoboxParams.total += 1;
    const lower = key.toLowerCase();
    if (title === null && (lower === titleParam || (lower === "title" && !hasTitleParam))) {
      title = paramText(param, ctx);
      ctx.report.infoboxParams.mapped += 1;
      continue;
    }
    const doc = docOf(paramValueNodes(param), ctx);
    if (!doc) continue;
    if (lower === "caption" && !imageCaption) imageCaption = doc;
    else if (lower === "partof" && kind.toLowerCase() === "military conflict" && !partOf) partOf = doc;
    else {
      const side = /^([a-z]+)(\d)$/.exec(lower);
      const label = side && kind.toLowerCase() === "military conflict" ? SIDED_ROWS[side[1]] : undefined;
      if (side && label && Number(side[2]) >= 1 && Number(side[2]) <= 6) {
        let entry = sided.get(label);
        if (!entry) {
          entry = { row: { kind: "sides", label, sides: [] }, sides: new Map() };
          sided.set(label, entry);
          rows.push(entry.row);
        }
        if (entry.sides.has(Number(side[2]))) continue;
        entry.sides.set(Number(side[2]), doc);
      } else {
        if (!key || key.length > 200 || /[\u0000-\u001f\u007f]/.test(key)) continue;
        rows.push({ kind: "field", label: labelOfParam(key), value: doc });
      }
    }
    ctx.report.infoboxParams.mapped += 1;
  }
  for (const { row, sides } of sided.values()) {
    const highest = Math.max(...sides.keys());
    row.sides = Array.from(
      { length: highest },
      (_, index) => sides.get(index + 1) ?? { type: "doc", content: [{ type: "paragraph" }] },
    );
  }
  count(ctx.report, "mapped", "infobox");
  count(ctx.report, "mapped", "infobox row", rows.length);
  if (rows.length > 200) count(ctx.report, "approximated", "infobox rows beyond 200 (dropped)", rows.length - 200);
  const infobox: Infobox = {
    kind: kind || "generic",
    title: (title || articleTitle).slice(0, 255),
    rows: rows.slice(0, 200),
  };
  if (partOf) infobox.partOf = partOf;
  if (imageCaption) infobox.imageCaption = imageCaption;
  return infobox;
}

// ---------------------------------------------------------------------------------------------
// Sections

/** A section id from its title: ASCII letters, digits and hyphens, unique in the article, the same on every import. */
export function sectionIdOf(title: string, taken: Set<string>): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || "section";
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Wikitext copied out of an XML dump without unescaping (every `<ref>` written
 * `&lt;ref&gt;`, no raw tag anywhere) is unescaped once, and the report says
 * so: MediaWiki itself would show such a page's markup as text.
 */
function unescapeDumpText(source: string, report: ImportReport): string {
  const escaped = /&lt;\/?(ref|references|gallery|br|div|span|small|blockquote)\b/i.test(source);
  const raw = /<\/?(ref|references|gallery|br|div|span|small|blockquote)\b/i.test(source);
  if (!escaped || raw) return source;
  report.warnings.push("the source was XML-escaped (&lt;ref&gt;); it was unescaped once before import");
  return source.replace(
    /&(lt|gt|quot|amp);/g,
    (_, name: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[name] ?? "",
  );
}

/**
 * Imports one article's wikitext into the structured model: sections with
 * stable ids, paragraphs, marks, lists, citations (one reference per ref
 * name), notes, the typed infobox, quote boxes, maintenance tags, tables and
 * figures; whatever else is kept as an opaque template node. Pure: the
 * caller saves the result through the ordinary commit path. `memo`, for the
 * revisions of one page in turn (a dump), parses only the blocks the previous
 * revision did not have (lib/import/parse-chunks.ts); the result is the same.
 */
export function importWikitext(source: string, options: { title: string; memo?: BlockMemo }): WikitextImport {
  const report = newReport(options.title);
  const refs = new RefRegistry();
  const ctx: Context = { report, refs, inNote: false, inRef: false };
  const text = unescapeDumpText(source.replace(/\r\n?/g, "\n"), report);
  const root = options.memo ? options.memo.parse(text) : parseWikitext(text);
  refs.collect(root);

  const segments: { heading: WNode | null; nodes: WNode[] }[] = [{ heading: null, nodes: [] }];
  for (const node of root.childNodes) {
    if (node.type === "heading") segments.push({ heading: node, nodes: [] });
    else segments[segments.length - 1].nodes.push(node);
  }

  let infobox: Infobox | null = null;
  const lead = segments[0];
  const infoboxIndex = lead.nodes.findIndex(
    (node) => node.type === "template" && /^infobo(x|ks)\b/.test(templateKey(node)),
  );
  if (infoboxIndex >= 0) {
    infobox = infoboxOf(lead.nodes[infoboxIndex], options.title, ctx);
    lead.nodes.splice(infoboxIndex, 1);
  }

  const taken = new Set<string>(["lead"]);
  const sections: Section[] = segments.map((segment, index) => {
    // The heading first: a citation in it is read before the section's own (references keep the order of first use).
    const titleNode = segment.heading?.childNodes.find((child) => child.type === "heading-title");
    const titleParts = segment.heading ? inline(titleNode?.childNodes ?? [], ctx, { bold: false, italic: false }) : [];
    const moved = titleParts.filter((part) => part.type === "citation" || part.type === "note");
    const content = blocks(segment.nodes, ctx);
    if (moved.length) {
      count(ctx.report, "approximated", "citation in a heading (moved to the section's text)");
      content.unshift({ type: "paragraph", content: moved });
    }
    // An empty section (Wikipedia's "See also" waiting for links) is one empty paragraph, as the editor stores it.
    const body = { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
    if (!segment.heading) return { id: "lead", title: "", level: 0, body };
    const kept = titleParts.filter((part) => part.type !== "citation" && part.type !== "note");
    if (kept.some((part) => part.type !== "text" || part.marks?.length))
      count(ctx.report, "approximated", "heading markup (title as plain text)");
    const title = clip(plainOf(kept), 255, ctx) || `Section ${index}`;
    const written = segment.heading.level ?? 2;
    const level = Math.min(4, Math.max(2, written)) as 2 | 3 | 4;
    if (level !== written) count(ctx.report, "approximated", `heading level ${written} (as level ${level})`);
    count(ctx.report, "mapped", "section");
    return { id: sectionIdOf(title, taken), title, level, body };
  });

  return { content: { title: options.title, sections, references: refs.references, infobox }, report };
}
