import type { ReviewDecisionAction } from "@/lib/proposals/review-action";

const DECISION_VERBS: Record<ReviewDecisionAction, string> = {
  approve: "approved",
  partial: "partially approved",
  reject: "rejected",
  request_changes: "requested changes",
};

/** A stored decision action as the review log and the proposal page say it ("partially approved"). */
export function decisionVerb(action: string): string {
  return DECISION_VERBS[action as ReviewDecisionAction] ?? action;
}
