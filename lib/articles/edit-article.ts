import "server-only";
import { enforceRateLimit } from "../abuse-limits";
import { assertAllowed } from "../authz/assert";
import { decide, type Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import type { ArticleContent, Reference, Section } from "../document/model";
import { pruneUncitedReferences } from "../document/prune";
import { validateArticleContent } from "../document/validate";
import { WikiError } from "../errors";
import { RevisionTag } from "./revision-tags";
import { loadContent } from "./content-store";
import { maxEditBytes, type TEditConflictDetails, type TEditRequestParsed } from "./edit-contract";
import { mergeContent } from "./merge";
import { findArticle, findRevisionRow } from "./read-article";
import { submitProposal } from "../proposals/submit-proposal";
import { effectiveProtection } from "./protection";
import { isTransactionConflict, SAVE_TRANSACTION_LIMITS, saveRevision } from "./save-revision";
import { normalizeTitle, slugOfTitle, titleOfSlug, titleProblem } from "./titles";

export type EditOutcome =
  | { status: "saved"; revisionId: number; parentId: number | null; summary: string; mergedWith: number | null }
  | { status: "proposed"; proposalId: number }
  | { status: "unchanged"; revisionId: number };

type EditParts = Pick<TEditRequestParsed, "content" | "sectionEdit" | "references" | "infobox">;

/**
 * The content an edit request describes, built on `base`, validated against
 * the document schema (400 naming the JSON path) and without references that
 * nothing cites any more. Pure.
 */
export function buildEditedContent(base: ArticleContent, request: EditParts): ArticleContent {
  const validation = validateArticleContent(applyEditRequest(base, request));
  if (!validation.ok) {
    const [first] = validation.issues;
    throw new WikiError("invalid_document", `The document is invalid at ${first.path}: ${first.message}`, { issues: validation.issues });
  }
  return pruneUncitedReferences(validation.value);
}

function applyEditRequest(base: ArticleContent, request: EditParts): unknown {
  if (request.content !== undefined) {
    const content = request.content;
    return content && typeof content === "object" && !Array.isArray(content) ? { ...content, title: base.title } : content;
  }
  let sections = base.sections;
  if (request.sectionEdit) {
    const index = base.sections.findIndex((section) => section.id === request.sectionEdit!.sectionId);
    if (index < 0) throw new WikiError("bad_request", `The article has no section "${request.sectionEdit.sectionId}"; it may have been removed. Edit the whole article instead.`);
    const replacement = request.sectionEdit.sections as Section[];
    if (replacement.length === 0) throw new WikiError("bad_request", "A section edit needs at least one section; to remove a section, edit the whole article.");
    sections = [...base.sections.slice(0, index), ...replacement, ...base.sections.slice(index + 1)];
  }
  const references = new Map(base.references.map((reference) => [reference.key, reference]));
  (request.references ?? []).forEach((reference, index) => {
    const key = (reference as Reference | null)?.key;
    if (typeof key !== "string") throw new WikiError("invalid_document", `The reference at $.references[${index}] has no key.`, { issues: [{ path: `$.references[${index}].key`, message: "is required" }] });
    references.set(key, reference as Reference);
  });
  const infobox = request.infobox === undefined ? base.infobox : (request.infobox as ArticleContent["infobox"]);
  return { title: base.title, infobox, sections, references: [...references.values()] };
}

function assertSize(content: ArticleContent): void {
  const bytes = Buffer.byteLength(JSON.stringify(content));
  if (bytes > maxEditBytes()) throw new WikiError("payload_too_large", `The article would be ${bytes.toLocaleString("en")} bytes; the limit is ${maxEditBytes().toLocaleString("en")}.`);
}

async function loadRevisionContent(db: Db | Tx, articleId: number, revisionId: number): Promise<ArticleContent> {
  const revision = await findRevisionRow(db, revisionId);
  if (!revision || revision.articleId !== articleId) throw new WikiError("bad_request", `Revision ${revisionId} is not a revision of this article.`);
  return loadContent(db, revision);
}

/**
 * Saves an edit for a user allowed to edit. Based on an older revision, it is
 * merged section by section with what changed since; when the same section,
 * reference or the infobox changed on both sides, it is refused with 409 and
 * both versions, so nothing typed is lost. A user who may only propose (a
 * protected article) gets a proposal for review instead.
 */
/** `client` (the requester's address) counts a proposal against the proposal rate limit. */
export async function submitEdit(options: { actor: Actor | null; slug: string; request: TEditRequestParsed; db?: Db; client?: string }): Promise<EditOutcome> {
  const db = options.db ?? getDb();
  const { request } = options;
  const article = await findArticle(db, options.slug);

  if (!article) {
    assertAllowed(decide(options.actor, "create"));
    if (request.baseRevisionId !== null) throw new WikiError("not_found", `There is no article "${titleOfSlug(options.slug)}".`);
    const title = normalizeTitle(request.title ?? titleOfSlug(options.slug));
    const problem = titleProblem(title);
    if (problem) throw new WikiError("bad_request", problem);
    if (slugOfTitle(title) !== options.slug) throw new WikiError("bad_request", `The title "${title}" does not match the address /wiki/${options.slug}.`);
    const empty: ArticleContent = { title, infobox: null, sections: [], references: [] };
    const content = buildEditedContent({ ...empty, sections: [{ id: request.sectionEdit?.sectionId ?? "sec-lead", title: "", level: 0, body: { type: "doc", content: [{ type: "paragraph" }] } }] }, request);
    assertSize(content);
    const saved = await saveRevision({ db, slug: options.slug, baseRevisionId: null, content, authorId: options.actor!.id, summary: request.summary, minor: request.minor });
    return saved.status === "saved"
      ? { status: "saved", revisionId: saved.revisionId, parentId: null, summary: request.summary, mergedWith: null }
      : { status: "unchanged", revisionId: saved.revisionId };
  }

  const decision = decide(options.actor, "edit", { protection: effectiveProtection(article).level });
  if (!decision.allowed && !decision.canPropose) assertAllowed(decision);
  if (request.baseRevisionId === null) throw new WikiError("conflict", "This article already exists; start your edit from its current revision.", { currentRevisionId: article.currentRevisionId });

  const base = await loadRevisionContent(db, article.id, request.baseRevisionId);
  const mine = buildEditedContent(base, request);
  assertSize(mine);
  if (!decision.allowed) {
    // May only propose: the change waits for review, on the base it was made on.
    if (options.client !== undefined) await enforceRateLimit(db, "proposal", options.actor!, options.client);
    const { proposalId } = await submitProposal({ db, actor: options.actor, articleId: article.id, baseRevisionId: request.baseRevisionId, base, content: mine, summary: request.summary, rationale: request.rationale });
    return { status: "proposed", proposalId };
  }
  const author = options.actor!.id;

  if (article.currentRevisionId === request.baseRevisionId) {
    // The usual case, an edit of the current revision: one statement that writes only if it is
    // still current. If another save got in first, the edit is merged under the lock below.
    const saved = await saveRevision({
      db,
      head: { articleId: article.id, currentRevisionId: article.currentRevisionId, currentContent: base },
      slug: options.slug,
      baseRevisionId: article.currentRevisionId,
      content: mine,
      authorId: author,
      summary: request.summary,
      minor: request.minor,
    }).catch((error: unknown) => {
      if (error instanceof WikiError && error.code === "conflict") return null;
      throw error;
    });
    if (saved?.status === "saved") return { status: "saved", revisionId: saved.revisionId, parentId: article.currentRevisionId, summary: request.summary, mergedWith: null };
    if (saved?.status === "unchanged") return { status: "unchanged", revisionId: saved.revisionId };
  }

  // Under the article's row lock: read the head, merge onto it if it moved, save. Concurrent saves
  // of one article queue here instead of racing, so an edit that merges cleanly always lands.
  const saveUnderLock = (tx: Tx) => saveOnHead(tx, { article, slug: options.slug, request, base, mine, author });
  try {
    return await db.$transaction(saveUnderLock, SAVE_TRANSACTION_LIMITS);
  } catch (error) {
    if (isTransactionConflict(error)) throw new WikiError("conflict", "The article was changed since your edit began; try saving again.");
    throw error;
  }
}

async function saveOnHead(
  tx: Tx,
  options: { article: { id: number }; slug: string; request: TEditRequestParsed; base: ArticleContent; mine: ArticleContent; author: number },
): Promise<EditOutcome> {
  const { request, base, mine } = options;
  const [locked] = await tx.$queryRaw<Array<{ currentRevisionId: number }>>`SELECT "currentRevisionId" FROM "Article" WHERE "id" = ${options.article.id} FOR UPDATE`;
  const head = locked.currentRevisionId;
  let content = mine;
  let mergedWith: number | null = null;
  let headContent = base;
  if (head !== request.baseRevisionId) {
    const theirs = await loadRevisionContent(tx, options.article.id, head);
    headContent = theirs;
    const merged = mergeContent(base, mine, theirs);
    if (!merged.ok) {
      const details: TEditConflictDetails = {
        currentRevisionId: head,
        conflictingSectionIds: merged.conflict.sectionIds,
        conflictingReferenceKeys: merged.conflict.referenceKeys,
        infoboxConflict: merged.conflict.infobox,
        theirs,
        yours: mine,
      };
      const what = [
        merged.conflict.sectionIds.length ? `section${merged.conflict.sectionIds.length > 1 ? "s" : ""} ${merged.conflict.sectionIds.map((id) => `“${theirs.sections.find((s) => s.id === id)?.title || mine.sections.find((s) => s.id === id)?.title || id}”`).join(", ")}` : null,
        merged.conflict.referenceKeys.length ? `reference${merged.conflict.referenceKeys.length > 1 ? "s" : ""} ${merged.conflict.referenceKeys.join(", ")}` : null,
        merged.conflict.infobox ? "the infobox" : null,
      ].filter(Boolean);
      throw new WikiError("conflict", `Someone else changed ${what.join(" and ")} since you started editing. Both versions are shown so you can merge them; your text is kept.`, details);
    }
    content = merged.content;
    mergedWith = head;
  }
  const summary = mergedWith ? `${request.summary}${request.summary ? " " : ""}(merged with revision ${mergedWith})`.slice(0, 600) : request.summary;
  const saved = await saveRevision({
    tx,
    head: { articleId: options.article.id, currentRevisionId: head, currentContent: headContent },
    slug: options.slug,
    baseRevisionId: head,
    content,
    authorId: options.author,
    summary,
    minor: request.minor,
    tags: mergedWith ? [RevisionTag.merged] : [],
  });
  if (saved.status === "unchanged") return { status: "unchanged", revisionId: saved.revisionId };
  return { status: "saved", revisionId: saved.revisionId, parentId: head, summary, mergedWith };
}
