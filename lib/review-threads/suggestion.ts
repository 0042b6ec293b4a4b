import type { ArticleContent, DocJSON, Section } from "../document/model";
import { locatorOf } from "../document/extensions/citation";
import { parseInline } from "../document/markup";
import { validateDoc } from "../document/validate";
import { walkDoc } from "../document/walk";
import type { AnchorProblem } from "./anchor";

/*
 * Suggested changes: a block's replacement written in the editor's inline
 * markup (one paragraph per line), checked with the document schema the
 * editor and every save use. Pure.
 */

/**
 * The blocks a suggestion stands for, or the problem with it (field
 * "suggestion"): unreadable markup, a node the schema refuses, or a citation
 * of a reference the version does not have.
 */
export function suggestionBlocks(
  markup: string,
  content: ArticleContent,
): { ok: true; blocks: DocJSON[] } | { ok: false; problem: AnchorProblem } {
  const lines = markup
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0)
    return { ok: false, problem: { field: "suggestion", message: "A suggested change cannot be empty." } };
  let blocks: DocJSON[];
  try {
    blocks = lines.map((line) => ({ type: "paragraph", content: parseInline(line) }));
  } catch (error) {
    return {
      ok: false,
      problem: { field: "suggestion", message: `The suggestion's markup is not valid: ${(error as Error).message}.` },
    };
  }
  const [issue] = validateDoc({ type: "doc", content: blocks }, "suggestion");
  if (issue)
    return {
      ok: false,
      problem: { field: issue.path, message: `The suggestion is not a valid document: ${issue.message}.` },
    };
  const keys = new Set(content.references.map((reference) => reference.key));
  let unknown: string | null = null;
  walkDoc({ type: "doc", content: blocks }, (node) => {
    const key = node.type === "citation" ? String(node.attrs?.refKey ?? "") : null;
    if (key !== null && !keys.has(key)) unknown ??= key;
  });
  if (unknown !== null)
    return {
      ok: false,
      problem: {
        field: "suggestion",
        message: `The suggestion cites "${unknown}", which is not a reference of this proposal.`,
      },
    };
  return { ok: true, blocks };
}

/** The section with block `blockIndex` replaced by `blocks`. */
export function replaceBlock(section: Section, blockIndex: number, blocks: DocJSON[]): Section {
  const content = section.body.content ?? [];
  return {
    ...section,
    body: { ...section.body, content: [...content.slice(0, blockIndex), ...blocks, ...content.slice(blockIndex + 1)] },
  };
}

function inlineMarkup(node: DocJSON): string {
  switch (node.type) {
    case "text": {
      let text = node.text ?? "";
      for (const mark of node.marks ?? []) {
        if (mark.type === "bold") text = `'''${text}'''`;
        if (mark.type === "italic") text = `''${text}''`;
        if (mark.type === "wikiLink") text = `[[wiki:${mark.attrs?.title}|${text}]]`;
        if (mark.type === "link") text = `[[url:${mark.attrs?.href}|${text}]]`;
      }
      return text;
    }
    case "citation":
      // With its locator, so that a suggestion keeps the place each citation points at.
      return `[[ref:${node.attrs?.refKey}${Object.entries(locatorOf(node.attrs))
        .map(([field, value]) => `|${field}=${value}`)
        .join("")}]]`;
    case "note":
      return `[[note:${(node.content ?? []).map(inlineMarkup).join("")}]]`;
    case "maintenanceTag":
      return `[[tag:${node.attrs?.kind}|${node.attrs?.date}]]`;
    default:
      return (node.content ?? []).map(inlineMarkup).join("");
  }
}

/** A block as suggestion markup, one line per paragraph (list items and quote paragraphs become lines): the starting point of a suggestion. */
export function blockMarkup(block: DocJSON): string {
  const lines: string[] = [];
  const visit = (node: DocJSON) => {
    if (node.type === "paragraph" || node.type === "quoteAttribution")
      lines.push((node.content ?? []).map(inlineMarkup).join(""));
    else (node.content ?? []).forEach(visit);
  };
  visit(block);
  return lines.join("\n");
}
