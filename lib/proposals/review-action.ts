import { z } from "zod";

/**
 * What a reviewer's decision did, as stored on ReviewDecision.action (and
 * refused otherwise by the database's CHECK constraint). `partial` is
 * recorded for an approval that declined some parts; it is never requested.
 */
export const REVIEW_DECISION_ACTIONS = ["approve", "partial", "reject", "request_changes"] as const;
export type ReviewDecisionAction = (typeof REVIEW_DECISION_ACTIONS)[number];
export const ZReviewDecisionAction = z.enum(REVIEW_DECISION_ACTIONS);
/** The actions by name (`ReviewDecisionAction.approve`), so a misspelt one fails the type check. */
export const ReviewDecisionAction = ZReviewDecisionAction.enum;
