import { z } from "zod";

/**
 * The proposal version the reviewer saw and decides on (the page sends the
 * one it rendered): a decision on an older version is refused with 409, so
 * nobody approves text they never saw.
 */
const ZSeenVersion = z.number().int().min(1).max(2_147_483_647);

/** Body of POST /api/proposals/{id}/approve: the version seen, an optional comment and, for a partial approval, the declined parts. */
export const ZApproveProposalRequestSchema = z.strictObject({
  version: ZSeenVersion,
  comment: z.string().max(2000).default(""),
  declined: z
    .array(z.strictObject({ kind: z.enum(["section", "reference", "infobox"]), id: z.string().max(100), reason: z.string().max(1000) }))
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
