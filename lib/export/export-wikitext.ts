import { type CitationLocator, hasLocator, locatorOf } from "../document/extensions/citation";
import type { ArticleContent, DocJSON, Infobox, Reference } from "../document/model";
import { formatDate } from "../document/format";
import { templateWikitext } from "../import/import-wikitext";
import { SIDED_ROWS, TAG_TEMPLATE, titleParamOf } from "../import/vocabulary";

/*
 * Export of an article revision as wikitext. It writes only what the importer
 * reads back to the same document (lib/import/import-wikitext.ts), so that
 * import(export(doc)) equals doc: text is escaped with character references
 * wherever it could be read as markup, each reference is written in full at
 * its first citation and by name after, opaque templates are written back as
 * they were imported.
 */

const SIDE_STEM = Object.fromEntries(Object.entries(SIDED_ROWS).map(([stem, label]) => [label, stem]));

interface Writer {
  references: Map<string, Reference>;
  written: Set<string>;
}

interface TextContext {
  inTable: boolean;
}

/** Text as wikitext that reads back as the same text: every character that could start markup is a character reference. */
function escapeText(text: string, context: TextContext): string {
  let out = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\[/g, "&#91;")
    .replace(/\]/g, "&#93;")
    .replace(/\{/g, "&#123;")
    .replace(/\}/g, "&#125;")
    .replace(/\|/g, "&#124;")
    .replace(/~~~/g, "&#126;~~")
    .replace(/__/g, "_&#95;")
    .replace(/:\/\//g, "&#58;//")
    .replace(
      /(ISBN|RFC|PMID)(\s)/g,
      (_, word: string, space: string) => `${word[0]}&#${word.charCodeAt(1)};${word.slice(2)}${space}`,
    )
    .replace(/\u00a0/g, "&nbsp;")
    .replace(/'(?=')|(?<=')'/g, "&#39;");
  if (out.startsWith("'")) out = `&#39;${out.slice(1)}`;
  if (out.endsWith("'")) out = `${out.slice(0, -1)}&#39;`;
  if (context.inTable) out = out.replace(/!/g, "&#33;");
  return out;
}

/** The first characters of a line that would make it a list, a heading, a table or preformatted text. */
function escapeLineStart(line: string): string {
  const first = line[0];
  if (first === undefined) return line;
  if ("*#:;= -".includes(first)) return `&#${first.charCodeAt(0)};${line.slice(1)}`;
  return line;
}

function markKey(node: DocJSON, type: "link" | "wikiLink"): string | null {
  const mark = node.marks?.find((candidate) => candidate.type === type);
  if (!mark) return null;
  return type === "link" ? String(mark.attrs?.href) : String(mark.attrs?.title);
}

const hasMark = (node: DocJSON, type: string) => node.marks?.some((mark) => mark.type === type) ?? false;

/** Inline content as one line of wikitext: apostrophes toggle bold and italic, closed at link edges and at the end. */
function inlineText(nodes: DocJSON[], writer: Writer, context: TextContext): string {
  let out = "";
  let bold = false;
  let italic = false;
  const setFormat = (wantBold: boolean, wantItalic: boolean) => {
    const toggleBold = wantBold !== bold;
    const toggleItalic = wantItalic !== italic;
    if (toggleBold && toggleItalic) out += "'''''";
    else if (toggleBold) out += "'''";
    else if (toggleItalic) out += "''";
    bold = wantBold;
    italic = wantItalic;
  };
  let index = 0;
  while (index < nodes.length) {
    const node = nodes[index];
    const href = markKey(node, "link");
    const title = markKey(node, "wikiLink");
    if (href !== null || title !== null) {
      let end = index;
      while (end < nodes.length && markKey(nodes[end], "link") === href && markKey(nodes[end], "wikiLink") === title)
        end += 1;
      const group = nodes.slice(index, end).map((child) => ({
        ...child,
        marks: child.marks?.filter((mark) => mark.type !== "link" && mark.type !== "wikiLink"),
      }));
      setFormat(false, false);
      const inner = inlineText(group, writer, context);
      if (title !== null) {
        const plain = group.length === 1 && group[0].type === "text" && !group[0].marks?.length ? group[0].text : null;
        out += plain === title && !/[&]/.test(escapeText(title, context)) ? `[[${title}]]` : `[[${title}|${inner}]]`;
      } else out += `[${(href ?? "").replace(/ /g, "%20")} ${inner}]`;
      index = end;
      continue;
    }
    if (node.type === "text") {
      setFormat(hasMark(node, "bold"), hasMark(node, "italic"));
      out += escapeText(node.text ?? "", context);
    } else {
      setFormat(false, false);
      out += atomText(node, writer, context);
    }
    index += 1;
  }
  setFormat(false, false);
  return out;
}

function atomText(node: DocJSON, writer: Writer, context: TextContext): string {
  switch (node.type) {
    case "hardBreak":
      return "<br />";
    case "citation":
      return citationText(String(node.attrs?.refKey ?? ""), writer) + locatorWikitext(locatorOf(node.attrs), context);
    case "note":
      return `{{efn|1=${inlineText(node.content ?? [], writer, context)}}}`;
    case "maintenanceTag": {
      const kind = String(node.attrs?.kind ?? "citation needed") as keyof typeof TAG_TEMPLATE;
      const name = TAG_TEMPLATE[kind] ?? "Citation needed";
      const date = typeof node.attrs?.date === "string" ? `|date=${formatDate(node.attrs.date)}` : "";
      return `{{${name}${date}}}`;
    }
    case "template":
      return templateWikitext(node);
    default:
      return inlineText(node.content ?? [], writer, context);
  }
}

/** A citation's locator as the {{rp}} that follows its `<ref>` (the importer reads it back), or "". */
function locatorWikitext(locator: CitationLocator, context: TextContext): string {
  if (!hasLocator(locator)) return "";
  const value = (name: string, text: string | undefined) =>
    text === undefined ? "" : `|${name}=${escapeText(text, context)}`;
  const pagesName = locator.pages !== undefined && /[-–—,]/.test(locator.pages) ? "pages" : "page";
  return `{{rp${value(pagesName, locator.pages)}${value("at", locator.at)}${value("quote", locator.quote)}}}`;
}

function citationText(key: string, writer: Writer): string {
  if (writer.written.has(key)) return `<ref name="${key}" />`;
  writer.written.add(key);
  const reference = writer.references.get(key);
  return `<ref name="${key}">${reference ? referenceText(reference) : ""}</ref>`;
}

function param(name: string, value: string | undefined): string {
  return value === undefined ? "" : ` |${name}=${escapeText(value, { inTable: false })}`;
}

/** A reference as a {{cite web}} call with every field the model has. */
export function referenceText(reference: Reference): string {
  return [
    "{{cite web",
    param("title", reference.title),
    param("url", reference.url),
    param("work", reference.work),
    param("publisher", reference.publisher),
    ...(reference.authors ?? []).map((author, index) => param(`author${index + 1}`, author)),
    param("date", reference.date && formatDate(reference.date)),
    param("access-date", reference.accessDate && formatDate(reference.accessDate)),
    param("archive-url", reference.archiveUrl),
    param("archive-date", reference.archiveDate && formatDate(reference.archiveDate)),
    param("language", reference.language),
    param("quote", reference.quote),
    "}}",
  ].join("");
}

function listLines(list: DocJSON, prefix: string, writer: Writer, context: TextContext): string[] {
  const marker = `${prefix}${list.type === "orderedList" ? "#" : "*"}`;
  const lines: string[] = [];
  for (const item of list.content ?? []) {
    const [first, ...rest] = item.content ?? [];
    lines.push(
      `${marker} ${first?.type === "paragraph" ? inlineText(first.content ?? [], writer, context) : ""}`.trimEnd(),
    );
    for (const child of first?.type === "paragraph" ? rest : (item.content ?? [])) {
      if (child.type === "bulletList" || child.type === "orderedList")
        lines.push(...listLines(child, marker, writer, context));
      else if (child.type === "paragraph") lines.push(`${marker}: ${inlineText(child.content ?? [], writer, context)}`);
    }
  }
  return lines;
}

function cellText(cell: DocJSON, writer: Writer): string {
  const attrs: string[] = [];
  if (typeof cell.attrs?.colspan === "number" && cell.attrs.colspan !== 1)
    attrs.push(`colspan="${cell.attrs.colspan}"`);
  if (typeof cell.attrs?.rowspan === "number" && cell.attrs.rowspan !== 1)
    attrs.push(`rowspan="${cell.attrs.rowspan}"`);
  const marker = cell.type === "tableHeader" ? "!" : "|";
  const head = attrs.length ? `${marker} ${attrs.join(" ")} |` : marker;
  const content = cell.content ?? [];
  if (content.length === 1 && content[0].type === "paragraph") {
    const text = inlineText(content[0].content ?? [], writer, { inTable: true });
    return text ? `${head} ${text}` : head;
  }
  return `${head}\n${blocksText(content, writer, { inTable: true })}`;
}

function blockText(block: DocJSON, writer: Writer, context: TextContext): string {
  switch (block.type) {
    case "paragraph": {
      const text = inlineText(block.content ?? [], writer, context);
      // Only text can be misread at a line's start; a template or a redirect there is meant.
      return block.content?.[0]?.type === "text" ? escapeLineStart(text) : text;
    }
    case "bulletList":
    case "orderedList":
      return listLines(block, "", writer, context).join("\n");
    case "quoteBox": {
      const paragraphs = (block.content ?? []).filter((child) => child.type === "paragraph");
      const attribution = (block.content ?? []).find((child) => child.type === "quoteAttribution");
      const quote = paragraphs
        .map((child) => escapeLineStart(inlineText(child.content ?? [], writer, context)))
        .join("\n\n");
      let author = attribution ? inlineText(attribution.content ?? [], writer, context) : "";
      author = author.replace(/^— ?/, "");
      return `{{Quote box|quote=${quote}${author ? `|author=${author}` : ""}}}`;
    }
    case "table": {
      const lines = ['{| class="wikitable"'];
      for (const child of block.content ?? []) {
        if (child.type === "tableCaption")
          lines.push(`|+ ${inlineText(child.content ?? [], writer, { inTable: true })}`);
        else {
          lines.push("|-");
          for (const cell of child.content ?? []) lines.push(cellText(cell, writer));
        }
      }
      lines.push("|}");
      return lines.join("\n");
    }
    case "figure": {
      const caption = inlineText(block.content ?? [], writer, context);
      const parts = [`File:${block.attrs?.file}`, ...(block.attrs?.options ? [String(block.attrs.options)] : [])];
      if (caption) parts.push(caption);
      return `[[${parts.join("|")}]]`;
    }
    default:
      return escapeLineStart(inlineText(block.content ?? [], writer, context));
  }
}

function blocksText(blocks: DocJSON[], writer: Writer, context: TextContext): string {
  return blocks
    .map((block) => blockText(block, writer, context))
    .filter((text) => text !== "")
    .join("\n\n");
}

function docParam(doc: DocJSON | undefined, writer: Writer): string {
  const blocks = doc?.content ?? [];
  if (blocks.length === 1 && blocks[0].type === "paragraph")
    return inlineText(blocks[0].content ?? [], writer, { inTable: false });
  const text = blocksText(blocks, writer, { inTable: false });
  return text ? `\n${text}\n` : "";
}

function infoboxText(infobox: Infobox, writer: Writer): string {
  const conflict = infobox.kind.toLowerCase() === "military conflict";
  const lines = [
    `{{Infobox ${infobox.kind}`,
    `| ${titleParamOf(infobox.kind)} = ${escapeText(infobox.title, { inTable: false })}`,
  ];
  if (infobox.partOf && conflict) lines.push(`| partof = ${docParam(infobox.partOf, writer)}`);
  if (infobox.imageCaption) lines.push(`| caption = ${docParam(infobox.imageCaption, writer)}`);
  for (const row of infobox.rows) {
    if (row.kind === "field") {
      lines.push(`| ${row.label.replace(/ /g, /[A-Z]/.test(row.label) ? " " : "_")} = ${docParam(row.value, writer)}`);
    } else {
      const stem = conflict ? SIDE_STEM[row.label] : undefined;
      row.sides.forEach((side, index) => {
        const name = stem ? `${stem}${index + 1}` : `${row.label.replace(/ /g, "_")}_${index + 1}`;
        lines.push(`| ${name} = ${docParam(side, writer)}`);
      });
      if (row.footer)
        lines.push(
          `| ${stem ? `${stem}_footer` : `${row.label.replace(/ /g, "_")}_footer`} = ${docParam(row.footer, writer)}`,
        );
    }
  }
  lines.push("}}");
  return lines.join("\n");
}

/**
 * An article revision as MediaWiki wikitext: the infobox, the lead, every
 * section under its heading; references written inline as `<ref>`s,
 * notes as {{efn}}, tags as their maintenance templates.
 */
export function exportWikitext(content: ArticleContent): string {
  const writer: Writer = { references: new Map(content.references.map((ref) => [ref.key, ref])), written: new Set() };
  const parts: string[] = [];
  if (content.infobox) parts.push(infoboxText(content.infobox, writer));
  for (const section of content.sections) {
    if (section.level > 0) {
      const marks = "=".repeat(section.level);
      parts.push(`${marks} ${escapeText(section.title, { inTable: false }).replace(/=/g, "&#61;")} ${marks}`);
    }
    const body = blocksText(section.body.content ?? [], writer, { inTable: false });
    if (body) parts.push(body);
  }
  return `${parts.join("\n\n")}\n`;
}
