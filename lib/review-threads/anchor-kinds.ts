/**
 * The closed vocabularies of review threads: what a thread is anchored to,
 * and what an entry of a thread records. Each list is the one the code, the
 * API and the database's CHECK constraints (migration *_review_threads) agree on.
 */
export const THREAD_ANCHOR_KINDS = ["block", "range", "citation", "reference", "infobox"] as const;
export type ThreadAnchorKind = (typeof THREAD_ANCHOR_KINDS)[number];

/** A comment, or the public record of a resolve, a reopen or an applied suggestion. */
export const THREAD_ENTRY_KINDS = ["comment", "resolve", "reopen", "apply"] as const;
export type ThreadEntryKind = (typeof THREAD_ENTRY_KINDS)[number];

/** Anchor kinds that point into a block of a section (and so may carry a suggested replacement). */
export const BLOCK_ANCHOR_KINDS: readonly ThreadAnchorKind[] = ["block", "range", "citation"];
