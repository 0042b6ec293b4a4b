import { z } from "zod";
import { ZEditRequestSchema } from "./articles";
import { MAX_ID, zIdText } from "./ids";

/*
 * The JSON API of proposals, requests and answers: what the routes parse
 * (app/api/proposals) and what components/review reads. Pure zod and types.
 */

/**
 * The proposal version the reviewer saw and decides on (the page sends the
 * one it rendered): a decision on an older version is refused with 409, so
 * nobody approves text they never saw.
 */
const ZSeenVersion = z.number().int().min(1).max(MAX_ID);

/** Body of POST /api/proposals/{id}/approve: the version seen, an optional comment and, for a partial approval, the declined parts. */
export const ZApproveProposalRequestSchema = z.strictObject({
  version: ZSeenVersion,
  comment: z.string().max(2000).default(""),
  declined: z
    .array(
      z.strictObject({
        kind: z.enum(["section", "reference", "infobox", "block"]),
        id: z.string().max(100),
        reason: z.string().max(1000),
      }),
    )
    .max(500)
    .default([]),
});
export type TApproveProposalRequest = z.infer<typeof ZApproveProposalRequestSchema>;

/** Body of POST /api/proposals/{id}/reject: the version seen; the reason is required. */
export const ZRejectProposalRequestSchema = z.strictObject({ version: ZSeenVersion, reason: z.string().max(2000) });

/** Body of POST /api/proposals/{id}/request-changes: the version seen and what the author should change. */
export const ZRequestChangesRequestSchema = z.strictObject({ version: ZSeenVersion, comment: z.string().max(2000) });

/** Body of POST /api/proposals/{id}/comments. */
export const ZCommentRequestSchema = z.strictObject({ body: z.string().max(5000) });

/** Body of POST /api/proposals/{id}/withdraw (nothing to say). */
export const ZWithdrawProposalRequestSchema = z.strictObject({});

/** The answer to a decision (approve, reject, request changes): the new status and, for an approval, the revision. */
export interface TDecisionResponse {
  proposalId: number;
  status: string;
  revisionId: number | null;
  protection: string;
  /** for an approval: the approvals of this version that count, and how many it needs (status stays open below that) */
  approvals?: { count: number; required: number };
}

/** The path of every `/api/proposals/{id}` route. */
export const ZProposalParams = z.object({ id: zIdText("proposal id") });

const DIFF_PARTS = ["references", "infobox", "notes"] as const;

/** Query of `GET /api/proposals/{id}/diff`: which diff, and one part of it (a section by id, or a named part). */
export const ZProposalDiffQuery = z
  .object({
    against: z.enum(["base", "current"], { error: "against must be base or current." }).default("base"),
    section: z.string().optional(),
    part: z.string().optional(),
  })
  .transform(({ against, section, part }, context) => {
    if (section !== undefined && part === undefined) return { against, part: { section: section.slice(0, 64) } };
    if (part !== undefined && section === undefined && (DIFF_PARTS as readonly string[]).includes(part)) {
      return { against, part: { part: part as (typeof DIFF_PARTS)[number] } };
    }
    context.addIssue({ code: "custom", message: "Give either section={id} or part=references|infobox|notes." });
    return z.NEVER;
  });

/**
 * Body of POST /api/proposals/{id}/amendments: a reviewer's change to the
 * version they saw (`version`, pinned as decisions are), in the editor's own
 * edit request format.
 */
export const ZAmendProposalRequestSchema = z.strictObject({ version: ZSeenVersion, edit: ZEditRequestSchema });
export type TAmendProposalRequest = z.input<typeof ZAmendProposalRequestSchema>;

/** The path of `/api/proposals/{id}/versions/{from}/diff/{to}`: the proposal and the two versions compared. */
export const ZProposalInterdiffParams = z.object({
  id: zIdText("proposal id"),
  from: zIdText("from"),
  to: zIdText("to"),
});
