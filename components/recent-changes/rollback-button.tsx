"use client";

import type { TRollbackRequest, TRollbackResult } from "@/lib/contracts/recent-changes";
import { ActionButton } from "../ui/action-button";

/**
 * Rolls back the last editor's consecutive edits (reviewers and admins): a POST naming the head the
 * reviewer saw, so an edit saved since makes it a 409 that says so instead of undoing unseen work.
 */
export function RollbackButton(props: { slug: string; title: string; headId: number; editor: string; big?: boolean }) {
  const body: TRollbackRequest = { expectedHeadId: props.headId };
  return (
    <ActionButton<TRollbackResult>
      url={`/api/articles/${encodeURIComponent(props.slug)}/rollback`}
      body={body}
      label="rollback"
      busyLabel="Rolling back…"
      ariaLabel={`rollback: the edits by ${props.editor} to ${props.title}`}
      className={props.big ? "button-primary" : undefined}
      wrapperClassName="change-button"
      doneClassName="change-done"
      done={({ editsRolledBack, rolledBackUser, restoredUser, revisionId }) =>
        `Rolled back ${editsRolledBack} edit${editsRolledBack === 1 ? "" : "s"} by ${rolledBackUser} to the last revision by ${restoredUser} (revision ${revisionId}).`
      }
    />
  );
}
