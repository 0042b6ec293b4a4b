/**
 * Identifier patterns of the document, without the zod schemas of
 * `model.ts`: the editor's browser code checks section ids with it, and
 * importing `model.ts` there would ship zod to every editor (issue 19).
 */

/** Section ids: stable across revisions, never reused within an article. */
export const SECTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
