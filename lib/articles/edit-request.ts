import type { ArticleContent, Reference, Section } from "../document/model";
import { pruneUncitedReferences } from "../document/prune";
import { validateArticleContent } from "../document/validate";
import { WikiError } from "../errors";
import { maxEditBytes, type TEditRequestParsed } from "../contracts/articles";

/**
 * What an edit request asks for, worked out on the content it was based on:
 * pure, no database, shared by saving, proposing and revising a proposal.
 */

type EditParts = Pick<TEditRequestParsed, "content" | "sectionEdit" | "references" | "infobox">;

/**
 * The content an edit request describes, built on `base`, validated against
 * the document schema (400 naming the JSON path) and without references that
 * nothing cites any more.
 */
export function buildEditedContent(base: ArticleContent, request: EditParts): ArticleContent {
  const validation = validateArticleContent(applyEditRequest(base, request));
  if (!validation.ok) {
    const [first] = validation.issues;
    throw new WikiError("invalid_document", `The document is invalid at ${first.path}: ${first.message}`, {
      issues: validation.issues,
    });
  }
  return pruneUncitedReferences(validation.value);
}

/** The first content of a new article titled `title`: an empty lead, edited as the request says. */
export function buildNewArticleContent(title: string, request: EditParts): ArticleContent {
  const lead: Section = {
    id: request.sectionEdit?.sectionId ?? "sec-lead",
    title: "",
    level: 0,
    body: { type: "doc", content: [{ type: "paragraph" }] },
  };
  return buildEditedContent({ title, infobox: null, sections: [lead], references: [] }, request);
}

function applyEditRequest(base: ArticleContent, request: EditParts): unknown {
  if (request.content !== undefined) {
    const content = request.content;
    return content && typeof content === "object" && !Array.isArray(content)
      ? { ...content, title: base.title }
      : content;
  }
  let sections = base.sections;
  const { sectionEdit } = request;
  if (sectionEdit) {
    const index = base.sections.findIndex((section) => section.id === sectionEdit.sectionId);
    if (index < 0)
      throw new WikiError(
        "bad_request",
        `The article has no section "${sectionEdit.sectionId}"; it may have been removed. Edit the whole article instead.`,
      );
    const replacement = sectionEdit.sections as Section[];
    if (replacement.length === 0)
      throw new WikiError(
        "bad_request",
        "A section edit needs at least one section; to remove a section, edit the whole article.",
      );
    sections = [...base.sections.slice(0, index), ...replacement, ...base.sections.slice(index + 1)];
  }
  const references = new Map(base.references.map((reference) => [reference.key, reference]));
  (request.references ?? []).forEach((reference, index) => {
    const key = (reference as Reference | null)?.key;
    if (typeof key !== "string")
      throw new WikiError("invalid_document", `The reference at $.references[${index}] has no key.`, {
        issues: [{ path: `$.references[${index}].key`, message: "is required" }],
      });
    references.set(key, reference as Reference);
  });
  const infobox = request.infobox === undefined ? base.infobox : (request.infobox as ArticleContent["infobox"]);
  return { title: base.title, infobox, sections, references: [...references.values()] };
}

/** Refuses (413, naming the limit) content larger than an edit may make an article. */
export function assertEditSize(content: ArticleContent): void {
  const bytes = Buffer.byteLength(JSON.stringify(content));
  if (bytes > maxEditBytes())
    throw new WikiError(
      "payload_too_large",
      `The article would be ${bytes.toLocaleString("en")} bytes; the limit is ${maxEditBytes().toLocaleString("en")}.`,
    );
}
