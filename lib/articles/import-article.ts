import "server-only";
import { assertAllowed } from "../authz/assert";
import { decideImport } from "../authz/import";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { MAX_IMPORT_WIKITEXT } from "../contracts/import";
import { WikiError } from "../errors";
import { importWikitext } from "../import/import-wikitext";
import type { ImportReport } from "../import/report";
import { commitRevision } from "./commit-on-head";
import { loadContent } from "./content-store";
import { commitFirstRevision } from "./create-article";
import { assertEditSize } from "./edit-request";
import { findRevisionRow } from "./read-article";
import { normalizeTitle, slugOfTitle, titleProblem } from "./titles";

/** What an import did: created the article, or added a revision to it (never overwrote one), and its report. */
export type ImportedArticle = {
  slug: string;
  report: ImportReport;
} & ({ status: "created" | "saved"; revisionId: number } | { status: "unchanged"; revisionId: number });

/**
 * Imports one article's wikitext (issue 21) as an administrator: the article
 * is created, or the import becomes a new revision on its current one through
 * the ordinary commit path (validation, content addressing, history), so an
 * import never overwrites anything. A head that moved while importing is a 409.
 */
export async function importArticle(options: {
  actor: Actor | null;
  title: string;
  wikitext: string;
  summary?: string;
  db?: Db;
}): Promise<ImportedArticle> {
  assertAllowed(decideImport(options.actor));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const title = normalizeTitle(options.title);
  const problem = titleProblem(title);
  if (problem) throw new WikiError("bad_request", `title: ${problem}`, { field: "title" });
  if (options.wikitext.length > MAX_IMPORT_WIKITEXT)
    throw new WikiError(
      "payload_too_large",
      `wikitext: at most ${MAX_IMPORT_WIKITEXT} characters can be imported at once.`,
      {
        field: "wikitext",
      },
    );
  const slug = slugOfTitle(title);
  const { content, report } = importWikitext(options.wikitext, { title });
  assertEditSize(content);
  const summary = (options.summary ?? `Imported from wikitext (${report.refs.citations} citations)`).slice(0, 500);
  const meta = { authorId: actor.id, summary };

  const existing = await db.article.findUnique({
    where: { slug },
    select: { id: true, slug: true, currentRevisionId: true },
  });
  if (!existing?.currentRevisionId) {
    const created = await commitFirstRevision(db, { slug, content, meta });
    return { status: "created", slug, revisionId: created.revisionId, report };
  }
  const head = await findRevisionRow(db, existing.currentRevisionId);
  if (!head) throw new WikiError("conflict", "The article's current revision could not be read; try again.");
  const base = { revisionId: existing.currentRevisionId, content: await loadContent(db, head) };
  const outcome = await commitRevision(db, {
    article: { id: existing.id, slug: existing.slug, currentRevisionId: existing.currentRevisionId },
    base,
    content,
    meta,
    onMovedHead: "refuse",
  });
  if (outcome.status === "saved") return { status: "saved", slug, revisionId: outcome.revisionId, report };
  if (outcome.status === "unchanged") return { status: "unchanged", slug, revisionId: outcome.revisionId, report };
  throw new WikiError("conflict", "The article was changed while importing; nothing was written. Import again.");
}
