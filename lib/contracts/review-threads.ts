import { z } from "zod";
import { MAX_ID, zIdText } from "./ids";

/*
 * The JSON API of review threads (app/api/proposals/{id}/threads): anchored
 * comments, replies, resolve/reopen and suggested changes. Pure zod and
 * types, so the browser's code can import it.
 */

const ZVersion = z.number().int().min(1).max(MAX_ID);
const ZSectionId = z.string().min(1).max(64);
const ZBlockIndex = z.number().int().min(0).max(100_000);
const ZRefKey = z.string().min(1).max(200);
const ZOffset = z.number().int().min(0).max(1_000_000);

/** Where a new thread points, on the version it is made on. */
export const ZThreadAnchorRequest = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("block"), sectionId: ZSectionId, blockIndex: ZBlockIndex }),
    z.strictObject({
      kind: z.literal("range"),
      sectionId: ZSectionId,
      blockIndex: ZBlockIndex,
      rangeStart: ZOffset.optional(),
      rangeEnd: ZOffset.optional(),
      quote: z.string().max(5000).optional(),
    }),
    z.strictObject({ kind: z.literal("citation"), sectionId: ZSectionId, blockIndex: ZBlockIndex, refKey: ZRefKey }),
    z.strictObject({ kind: z.literal("reference"), refKey: ZRefKey }),
    z.strictObject({ kind: z.literal("infobox") }),
  ],
  { error: "anchor.kind must be one of block, range, citation, reference, infobox." },
);
export type TThreadAnchorRequest = z.infer<typeof ZThreadAnchorRequest>;

/** Longest suggested replacement of a block, in characters of markup. */
export const MAX_SUGGESTION_CHARS = 20_000;

/**
 * Body of POST /api/proposals/{id}/threads: the version the commenter saw
 * (a new thread on an older version is refused with 409), the anchor, the
 * comment and, on a block, an optional suggested replacement in the editor's
 * inline markup (one paragraph per line: ''italic'', '''bold''', [[ref:key]]).
 */
export const ZStartThreadRequestSchema = z.strictObject({
  version: ZVersion,
  anchor: ZThreadAnchorRequest,
  body: z.string().max(5000),
  suggestion: z.string().max(MAX_SUGGESTION_CHARS).optional(),
});
export type TStartThreadRequest = z.infer<typeof ZStartThreadRequestSchema>;

/** Body of POST /api/proposals/{id}/threads/{threadId}/comments: a reply (allowed on any version's thread). */
export const ZReplyRequestSchema = z.strictObject({ body: z.string().max(5000) });

/** Body of POST /api/proposals/{id}/threads/{threadId}/resolve and /reopen: an optional word on why. */
export const ZResolveRequestSchema = z.strictObject({ body: z.string().max(2000).default("") });

/** Body of POST /api/proposals/{id}/threads/{threadId}/apply: the proposal version the author saw. */
export const ZApplySuggestionRequestSchema = z.strictObject({ version: ZVersion });

/** The path of `/api/proposals/{id}/threads/{threadId}/...`. */
export const ZThreadParams = z.object({ id: zIdText("proposal id"), threadId: zIdText("thread id") });
