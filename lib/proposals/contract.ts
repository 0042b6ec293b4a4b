import { z } from "zod";

/** Body of POST /api/proposals/{id}/approve: an optional comment and, for a partial approval, the declined parts. */
export const ZApproveProposalRequestSchema = z.strictObject({
  comment: z.string().max(2000).default(""),
  declined: z
    .array(z.strictObject({ kind: z.enum(["section", "reference", "infobox"]), id: z.string().max(100), reason: z.string().max(1000) }))
    .max(500)
    .default([]),
});
export type TApproveProposalRequest = z.infer<typeof ZApproveProposalRequestSchema>;

/** Body of POST /api/proposals/{id}/reject: the reason is required. */
export const ZRejectProposalRequestSchema = z.strictObject({ reason: z.string().max(2000) });

/** Body of POST /api/proposals/{id}/request-changes: what the author should change. */
export const ZRequestChangesRequestSchema = z.strictObject({ comment: z.string().max(2000) });

/** Body of POST /api/proposals/{id}/comments. */
export const ZCommentRequestSchema = z.strictObject({ body: z.string().max(5000) });

/** Body of POST /api/proposals/{id}/withdraw (nothing to say). */
export const ZWithdrawProposalRequestSchema = z.strictObject({});
