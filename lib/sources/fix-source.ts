import "server-only";
import { loadContent } from "../articles/content-store";
import { findArticle, findRevisionRow } from "../articles/read-article";
import { assertAllowed } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { decideSourceFix, sourceFixReach } from "../authz/sources";
import type { TFixSourceRequestParsed, TSourceFixRow } from "../contracts/sources";
import { getDb, type Db } from "../db/client";
import { ZReferenceSchema, type Reference } from "../document/model";
import { isSafeHttpUrl } from "../document/url";
import { submitEdit } from "../editing/submit-edit";
import { WikiError } from "../errors";
import { SOURCE_STATUS_NAMES } from "./domains";
import { sourceIdentity, sourceKeyOf, sourceLabel } from "./identity";
import { rateUrls } from "./reliability";
import { fieldText, readSourceCitations, SOURCE_FIELD_NAMES, SOURCE_FIELDS, type SourceField } from "./source-index";

/** At most this many articles are changed (edited or proposed) by one fix; the rest wait for the next one. */
export const MAX_FIX_ARTICLES = 50;
/** At most this many articles are read by one fix (those skipped on a fresh read count too), bounding its cost. */
const MAX_FIX_READS = 2 * MAX_FIX_ARTICLES;
/** An article whose head moves under the fix is read afresh this many times before it is reported refused. */
const FRESH_READS = 3;

type Changes = Partial<Record<SourceField, string>>;

/** The corrections as reference fields, each checked as the document schema checks it (400 naming the field). */
function checkedChanges(input: TFixSourceRequestParsed): Partial<Reference> {
  const changes: Changes = Object.fromEntries(
    SOURCE_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
  );
  if (Object.keys(changes).length === 0)
    throw new WikiError(
      "bad_request",
      "title: give at least one corrected field (title, authors, date, work, publisher, language, url, archive URL, archive date or access date).",
      { field: "title" },
    );
  const fields: Partial<Reference> = {
    ...changes,
    authors: changes.authors
      ?.split(";")
      .map((name) => name.trim())
      .filter(Boolean),
  };
  if (changes.authors === undefined) delete fields.authors;
  const parsed = ZReferenceSchema.partial().safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? "title");
    throw new WikiError("bad_request", `${field}: ${issue.message}`, { field });
  }
  for (const field of ["url", "archiveUrl"] as const)
    if (fields[field] !== undefined && !isSafeHttpUrl(fields[field]))
      throw new WikiError("bad_request", `${field}: must be an absolute http(s) URL.`, { field });
  return fields;
}

/** A reference with the corrections applied (only the fields given). */
function corrected(reference: Reference, changes: Partial<Reference>): Reference {
  return { ...reference, ...changes };
}

function differs(reference: Reference, changes: Partial<Reference>): boolean {
  return (Object.keys(changes) as SourceField[]).some(
    (field) => fieldText(reference, field) !== fieldText(changes, field),
  );
}

/**
 * "Fix once" (issue 20): a signed-in editor corrects a source's metadata on
 * /sources/{id}, and each article citing it gets one edit, or one proposal
 * where its protection requires (lib/editing's submitEdit decides, through
 * lib/authz, exactly as for an edit made in the editor) or where the editor
 * is not yet trusted with bulk edits (sourceFixReach: proposals everywhere). Bounded to
 * MAX_FIX_ARTICLES changed articles; stale-safe: each article's edit is based
 * on the head read just before it, and one whose head moved in between is
 * merged by the save path or, on a conflict, read afresh. Reported article
 * by article (edited, proposed, refused with the reason, skipped when it
 * already says this) and logged as a SourceFix row.
 */
export async function fixSource(options: {
  actor: Actor | null;
  sourceId: string;
  request: TFixSourceRequestParsed;
  db?: Db;
}): Promise<{ fixId: number; sourceId: string; rows: TSourceFixRow[] }> {
  assertAllowed(decideSourceFix(options.actor));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const sourceKey = sourceKeyOf(options.sourceId);
  if (!sourceKey) throw new WikiError("not_found", "There is no such source.");
  const changes = checkedChanges(options.request);
  const newUrls = [changes.url, changes.archiveUrl].filter((url): url is string => url !== undefined);
  const ratings = await rateUrls(db, newUrls);
  for (const field of ["url", "archiveUrl"] as const) {
    const rating = changes[field] ? ratings.get(changes[field]) : undefined;
    if (rating?.status === "blacklisted")
      throw new WikiError(
        "bad_request",
        `${field}: ${rating.domain} is ${SOURCE_STATUS_NAMES.blacklisted} (${rating.reason}); nothing was changed.`,
        { field },
      );
  }

  const { citations } = await readSourceCitations({ sourceKey, db });
  if (citations.length === 0) throw new WikiError("not_found", "No article cites this source.");
  // Articles that still say something else, each once, in the page's order; the first MAX_FIX_ARTICLES are done.
  const byArticle = new Map<number, { slug: string; title: string }>();
  const equal = new Map<number, { slug: string; title: string }>();
  for (const citation of citations) {
    const target = differs(citation.reference, changes) ? byArticle : equal;
    target.set(citation.articleId, { slug: citation.slug, title: citation.title });
  }
  for (const id of byArticle.keys()) equal.delete(id);

  const [kind, ...rest] = sourceKey.split(":");
  const label = sourceLabel({ kind: kind as "url", value: rest.join(":") }).slice(0, 200);
  const named = (Object.keys(changes) as SourceField[]).map((field) => SOURCE_FIELD_NAMES[field].toLowerCase());
  const summary = `Fix once: corrected ${named.join(", ")} of the source ${label}`.slice(0, 500);
  const rationale = `The same correction of the source ${label} for every article citing it, made once on the source's page.`;

  const rows: TSourceFixRow[] = [];
  let changed = 0;
  let read = 0;
  for (const [, article] of byArticle) {
    if (changed >= MAX_FIX_ARTICLES || read >= MAX_FIX_READS) {
      rows.push({
        ...article,
        outcome: "not-reached",
        reason: `at most ${MAX_FIX_ARTICLES} articles are changed by one fix; send it again for the rest`,
      });
      continue;
    }
    read += 1;
    const row = await fixArticle({ db, actor, slug: article.slug, sourceKey, changes, summary, rationale });
    rows.push({ ...article, ...row });
    if (row.outcome === "edited" || row.outcome === "proposed") changed += 1;
  }
  for (const [, article] of equal) rows.push({ ...article, outcome: "skipped", reason: "already says this" });

  const fix = await db.sourceFix.create({
    data: { sourceKey, actorId: actor.id, changes: changes as object, report: rows as unknown as object },
  });
  return { fixId: fix.id, sourceId: options.sourceId, rows };
}

/** One article's part of a fix: read its head, correct its references to the source, edit or propose. */
async function fixArticle(options: {
  db: Db;
  actor: Actor;
  slug: string;
  sourceKey: string;
  changes: Partial<Reference>;
  summary: string;
  rationale: string;
}): Promise<Omit<TSourceFixRow, "slug" | "title">> {
  const { db, changes } = options;
  for (let read = 1; ; read++) {
    const article = await findArticle(db, options.slug);
    if (!article) return { outcome: "skipped", reason: "the article was deleted or moved" };
    const revision = await findRevisionRow(db, article.currentRevisionId);
    if (!revision) return { outcome: "skipped", reason: "the article has no revision" };
    const content = await loadContent(db, revision);
    const cited = content.references.filter((reference) => sourceIdentity(reference)?.key === options.sourceKey);
    if (cited.length === 0) return { outcome: "skipped", reason: "no longer cites this source" };
    const references = cited.filter((reference) => differs(reference, changes)).map((r) => corrected(r, changes));
    if (references.length === 0) return { outcome: "skipped", reason: "already says this" };
    // The same fix sent again does not queue a second identical proposal for reviewers.
    const waiting = await db.proposal.findFirst({
      where: { articleId: article.id, authorId: options.actor.id, status: "open", summary: options.summary },
      select: { id: true },
    });
    if (waiting)
      return { outcome: "skipped", reason: `your proposal ${waiting.id} with this correction awaits review` };
    try {
      const outcome = await submitEdit({
        actor: options.actor,
        slug: article.slug,
        db,
        proposeOnly: sourceFixReach(options.actor) === "propose",
        request: {
          baseRevisionId: article.currentRevisionId,
          summary: options.summary,
          minor: false,
          rationale: options.rationale,
          references,
        },
      });
      if (outcome.status === "proposed") return { outcome: "proposed", proposalId: outcome.proposalId };
      if (outcome.status === "saved") return { outcome: "edited", revisionId: outcome.revisionId };
      return { outcome: "skipped", reason: "already says this" };
    } catch (error) {
      if (!(error instanceof WikiError)) throw error;
      // The head moved under the edit and the same reference changed there: read it afresh, never overwrite it.
      if (error.code === "conflict" && read < FRESH_READS) continue;
      return { outcome: "refused", reason: error.message };
    }
  }
}

/** A fix's report, for the page that shows it after the no-script form (only a fix of this source). */
export async function readSourceFix(options: { sourceId: string; fixId: number; db?: Db }) {
  const sourceKey = sourceKeyOf(options.sourceId);
  if (!sourceKey) return null;
  const fix = await (options.db ?? getDb()).sourceFix.findUnique({ where: { id: options.fixId } });
  if (!fix || fix.sourceKey !== sourceKey) return null;
  return { id: fix.id, createdAt: fix.createdAt, rows: fix.report as unknown as TSourceFixRow[] };
}
