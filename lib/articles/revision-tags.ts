import { z } from "zod";

/**
 * Labels a revision can carry in history (Revision.tags; the database refuses
 * any other): `merged` when an edit was merged with a concurrent one, `undo`
 * and `restore` for the two kinds of revert, `partially approved` for a
 * proposal approved with some parts declined, `rollback` for a rollback of
 * the last editor's edits (lib/recent-changes/rollback-article.ts). History shows them as written.
 */
export const REVISION_TAGS = ["merged", "undo", "restore", "partially approved", "rollback"] as const;
export type RevisionTag = (typeof REVISION_TAGS)[number];
export const ZRevisionTag = z.enum(REVISION_TAGS);
/** The tags by name (`RevisionTag.merged`), so a misspelt one fails the type check. */
export const RevisionTag = ZRevisionTag.enum;

/** The two kinds of revert, each tagging the revision it makes with its own name. */
export const REVERT_MODES = [RevisionTag.undo, RevisionTag.restore] as const;
export type RevertMode = (typeof REVERT_MODES)[number];
export const ZRevertMode = z.enum(REVERT_MODES);
