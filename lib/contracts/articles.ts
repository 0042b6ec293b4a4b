import { z } from "zod";
import { ZRevertMode } from "../articles/revision-tags";
import { PROTECTION_LEVELS } from "../authz/levels";
import { ZId, zIdText } from "./ids";
import { ZInfoboxSchema, ZReferenceSchema, ZSectionSchema, type ArticleContent, type Section } from "../document/model";

/*
 * The JSON API of articles, requests and answers: what the routes parse
 * (app/api/articles) and what the browser's code (components/editor,
 * components/review) reads. Pure zod and types, so client code can import it.
 */

/** Largest edit request body, and largest article JSON, accepted (configurable; 2 MB of text is about 4 MB of JSON). */
export const maxEditBytes = () => Number(process.env.WIKI_MAX_EDIT_BYTES ?? 4_000_000);

/**
 * The body of `POST /api/articles/{slug}/edits`. Either the whole article
 * (`content`) or a `sectionEdit` that replaces one section with one or more
 * sections (the editor may add headings, which split it). `references` adds
 * or changes references by key (a reference edited once changes everywhere it
 * is cited); `infobox` replaces the infobox. References no longer cited
 * anywhere are dropped by the server.
 */
export const ZEditRequestSchema = z
  .strictObject({
    baseRevisionId: ZId.nullable(),
    summary: z.string().max(500, "The edit summary can have at most 500 characters.").default(""),
    minor: z.boolean().default(false),
    /** for a proposal: why reviewers should accept it */
    rationale: z.string().max(2000, "The rationale can have at most 2,000 characters.").default(""),
    /** for a proposal: the talk topic of the same article where consensus for it was reached (lib/talk) */
    talkTopicId: ZId.nullable().optional(),
    /** only for a new article: its title */
    title: z.string().max(255).optional(),
    content: z.unknown().optional(),
    sectionEdit: z.strictObject({ sectionId: z.string().max(64), sections: z.array(z.unknown()).max(5000) }).optional(),
    references: z.array(z.unknown()).max(20000).optional(),
    infobox: z.unknown().optional(),
  })
  .refine(
    (body) => !(body.content !== undefined && body.sectionEdit !== undefined),
    "Send either content or sectionEdit, not both.",
  );
/** What a client sends (defaults may be left out). */
export type TEditRequest = z.input<typeof ZEditRequestSchema>;
/** What the server works with after parsing (defaults filled in). */
export type TEditRequestParsed = z.infer<typeof ZEditRequestSchema>;

export { ZSectionSchema, ZReferenceSchema, ZInfoboxSchema };

/** The 201 answer: the new revision. `merged` names the revision it was merged with, if any. */
export interface TEditCreated {
  status: "saved";
  revision: { id: number; parentId: number | null; summary: string };
  merged: { withRevisionId: number } | null;
}

/** The 202 answer when the user may only propose: the proposal now waiting for review. */
export interface TEditProposed {
  status: "proposed";
  proposal: { id: number; url: string };
}

/** The 202 body of an edit or a revert that became proposal `proposalId` (one writer for both routes). */
export function proposedBody(proposalId: number): TEditProposed {
  return { status: "proposed", proposal: { id: proposalId, url: `/proposals/${proposalId}` } };
}

/** The 200 answer to a save that changed nothing. */
export interface TEditUnchanged {
  status: "unchanged";
  revision: { id: number };
}

/** The 409 answer's details: both versions, so nothing typed is lost and the user can merge by hand. */
export interface TEditConflictDetails {
  currentRevisionId: number;
  conflictingSectionIds: string[];
  conflictingReferenceKeys: string[];
  infoboxConflict: boolean;
  theirs: ArticleContent;
  yours: ArticleContent;
}

export type { ArticleContent, Section };

/** Everything `POST /api/articles/{slug}/edits` answers with a 2xx. */
export type TEditResponse = TEditCreated | TEditUnchanged | TEditProposed;

/** Body of `POST /api/articles/{slug}/revert`: undo one revision, or restore an old one. */
export const ZRevertRequestSchema = z.strictObject({
  revisionId: ZId,
  mode: ZRevertMode,
  reason: z.string().max(400).default(""),
});
export type TRevertRequest = z.input<typeof ZRevertRequestSchema>;

/** The answers of a revert: 201 with the new revision, or 202 with the proposal it became. */
export type TRevertResponse = { status: "saved"; revision: { id: number } } | TEditProposed;

/** Body of `PUT /api/articles/{slug}/protection`. */
export const ZSetProtectionRequestSchema = z.strictObject({
  level: z.enum(PROTECTION_LEVELS),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  reason: z.string().max(500),
});
export type TSetProtectionRequest = z.input<typeof ZSetProtectionRequestSchema>;

/** The path of every article route: the slug, as Next hands it to route handlers (decoded). */
export const ZArticleParams = z.object({ slug: z.string() });

/** Path of `GET /api/articles/{slug}/revisions/{id}`. */
export const ZRevisionParams = z.object({ slug: z.string(), id: zIdText("revision id") });

/** Query of a history page (`/wiki/{slug}/history`): the keyset cursor, the oldest revision id already shown. */
export const ZHistoryQuery = z.object({ cursor: zIdText("cursor").optional() });

/** Query of `GET /api/articles/{slug}/revisions`: a history page, and its size. */
export const ZRevisionListQuery = ZHistoryQuery.extend({ limit: zIdText("limit").optional() });

/** Query of a diff of two revisions (`/api/articles/{slug}/diff`); no `to` is the current one. */
export const ZDiffQuery = z.object({ from: zIdText("from"), to: zIdText("to").optional() });

/** Query of the diff page (`/wiki/{slug}/diff`): the diff, shown inline or side by side. */
export const ZDiffPageQuery = ZDiffQuery.extend({
  mode: z.enum(["inline", "side-by-side"], { error: "mode must be inline or side-by-side." }).default("inline"),
});

/**
 * Query of an article view: `oldid` names an old revision; `saved=1` is where
 * the editor lands after publishing, so the page can say the edit was saved
 * (to the signed-in editor only; any other value is ignored, not refused).
 */
export const ZArticleViewQuery = z.object({
  oldid: zIdText("oldid").optional(),
  saved: z.literal("1").optional().catch(undefined),
});

/** Body of `PUT /api/articles/{slug}/pending-changes`: turn pending changes on (with optional expiry) or off. */
export const ZSetPendingChangesRequestSchema = z.strictObject({
  enabled: z.boolean(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  reason: z.string().max(500),
});
export type TSetPendingChangesRequest = z.input<typeof ZSetPendingChangesRequestSchema>;

/** The answer of `PUT /api/articles/{slug}/pending-changes`. */
export interface TPendingChangesSetting {
  pendingChanges: {
    enabled: boolean;
    expiresAt: string | null;
    reason: string | null;
    acceptedRevisionId: number | null;
  };
}

/**
 * Body of `POST /api/articles/{slug}/pending-changes/accept`: the latest
 * revision the reviewer saw (the `to` of the diff they read). Only changes up
 * to it are accepted; an edit saved after it stays pending.
 */
export const ZAcceptPendingChangesRequestSchema = z.strictObject({ revisionId: ZId });
export type TAcceptPendingChangesRequest = z.input<typeof ZAcceptPendingChangesRequestSchema>;

/** The answer of an acceptance: the accepted revision now, and the latest (still pending if newer). */
export interface TPendingChangesAccepted {
  acceptedRevisionId: number;
  currentRevisionId: number;
}

// ---- Admin: deleting, restoring and moving articles (issue 19) ----

/** Longest reason of a deletion, restoration or move (shown in the log and on the deletion page). */
export const MAX_ADMIN_REASON = 500;

/** A required one-line reason for the public log: trimmed, 1 to MAX_ADMIN_REASON characters, no line breaks. */
const ZAdminReason = z
  .string({ error: "a reason is required; it is shown in the public log." })
  .trim()
  .min(1, "a reason is required; it is shown in the public log.")
  .max(MAX_ADMIN_REASON, `at most ${MAX_ADMIN_REASON} characters.`)
  .refine((text) => !/[\r\n]/.test(text), "one line, without line breaks.");

/** A new title as typed (its rules are lib/articles/titles.ts's, checked by the use case: 400 naming `title`). */
const ZNewTitle = z
  .string({ error: "the new title is required." })
  .min(1, "the new title is required.")
  .max(1000, "the title is too long (at most 255 characters).");

/** Body of `POST /api/articles/{slug}/delete`: why, and optionally the head seen (409 when it moved on since). */
export const ZDeleteArticleRequestSchema = z.strictObject({ reason: ZAdminReason, expectedHeadId: ZId.optional() });
export type TDeleteArticleRequest = z.input<typeof ZDeleteArticleRequestSchema>;

/** Body of `POST /api/articles/{slug}/restore`: why. */
export const ZRestoreArticleRequestSchema = z.strictObject({ reason: ZAdminReason });
export type TRestoreArticleRequest = z.input<typeof ZRestoreArticleRequestSchema>;

/** Body of `POST /api/articles/{slug}/move`: the new title, why, and optionally the head seen. */
export const ZMoveArticleRequestSchema = z.strictObject({
  title: ZNewTitle,
  reason: ZAdminReason,
  expectedHeadId: ZId.optional(),
});
export type TMoveArticleRequest = z.input<typeof ZMoveArticleRequestSchema>;

/** The form of `/wiki/{slug}/delete` and `/wiki/{slug}/move` without script (`POST /wiki/{slug}/delete` …). */
export const ZDeleteArticleFormSchema = z.strictObject({
  reason: ZAdminReason,
  expectedHeadId: zIdText("expectedHeadId").optional(),
});
export const ZRestoreArticleFormSchema = ZRestoreArticleRequestSchema;
export const ZMoveArticleFormSchema = z.strictObject({
  title: ZNewTitle,
  reason: ZAdminReason,
  expectedHeadId: zIdText("expectedHeadId").optional(),
});

/** Answer of a deletion or restoration. */
export interface TArticleStateResult {
  slug: string;
  title: string;
  deleted: boolean;
  deletedAt: string | null;
}

/** Answer of a move: the new address and title, the old ones (now a redirect) and the revision that records it. */
export interface TMoveArticleResult {
  slug: string;
  title: string;
  from: { slug: string; title: string };
  revisionId: number;
}
