import "server-only";
import { pendingChangesInForce, type StoredPendingChanges } from "./pending-changes";
import { effectiveProtection, type StoredProtection } from "./protection";
import type { Actor } from "../authz/policy";
import { decideAcceptance } from "../authz/pending-changes";
import { queryPrepared, type Db } from "../db/client";

/**
 * After a save under pending changes, accepts the new revision at once when
 * there is nothing to review, the rule (simpler than FlaggedRevs' levels):
 * an edit by someone who may accept (a reviewer, an admin) with nothing
 * pending before it (its parent was the accepted revision), an approved
 * proposal likewise (`editor` is then its approving reviewer, who read every
 * word of it), or any edit
 * whose text is the accepted revision's again (a revert of the pending
 * edits clears them: there is nothing new for readers). Only while the new
 * revision is still the head; a later edit leaves it pending, which errs on
 * the reviewed side. One statement with its log entry; none at all for an
 * article without pending changes. The edit is saved by then, so a failure
 * here is logged and leaves it pending rather than answering the save with a 500.
 */
export async function acceptReviewedEdit(
  db: Db,
  edit: {
    article: { id: number } & StoredPendingChanges & StoredProtection;
    editor: Actor;
    revisionId: number;
    parentId: number | null;
  },
): Promise<void> {
  const { article } = edit;
  if (!pendingChangesInForce(article)) return;
  const editorMayAccept = decideAcceptance(edit.editor, effectiveProtection(article).level).allowed;
  await queryPrepared(db, {
    name: "wiki-accept-reviewed-edit",
    text: `WITH restored AS (
        SELECT EXISTS (
          SELECT 1 FROM "Article" a JOIN "Revision" accepted ON accepted."id" = a."acceptedRevisionId" JOIN "Revision" edit ON edit."id" = $2::int
          WHERE a."id" = $1::int AND edit."title" = accepted."title" AND edit."sectionsRoot" = accepted."sectionsRoot"
            AND edit."referencesRoot" = accepted."referencesRoot" AND edit."infoboxHash" IS NOT DISTINCT FROM accepted."infoboxHash"
        ) AS "same"
      ), moved AS (
        UPDATE "Article" a SET "acceptedRevisionId" = $2::int FROM restored
        WHERE a."id" = $1::int AND a."currentRevisionId" = $2::int AND a."acceptedRevisionId" < $2::int AND a."pendingChanges"
          AND (a."pendingChangesExpiresAt" IS NULL OR a."pendingChangesExpiresAt" > now())
          AND (restored."same" OR ($4::boolean AND a."acceptedRevisionId" = $3::int))
        RETURNING restored."same"
      )
      INSERT INTO "PendingChangesLog" ("articleId", "actorId", "action", "revisionId", "reason")
      SELECT $1::int, $5::int, 'accept', $2::int,
        CASE WHEN moved."same" THEN 'automatically: the text of the accepted revision again' ELSE 'automatically: an edit by a reviewer with nothing pending before it' END
      FROM moved`,
    values: [article.id, edit.revisionId, edit.parentId, editorMayAccept, edit.editor.id],
  }).catch((error: unknown) => console.error("accepting a saved edit failed; it stays pending", error));
}
