import "server-only";
import { activeBlock, decide, type Actor } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import { ensureBackgroundWork } from "@/lib/notifications/fanout-jobs";
import { countUnread } from "@/lib/notifications/read-notifications";
import { countOpenProposals } from "@/lib/proposals/review-queue";
import type { Reader } from "./html-page";

/**
 * The signed-in user as the header shows them, built one way for both page
 * shells (App Router pages and the reader views): the review queue's size for
 * reviewers, the admin link for those who may change rights.
 */
export async function readerOf(actor: Actor | null): Promise<Reader | null> {
  if (!actor) return null;
  ensureBackgroundWork();
  const [reviewCount, unreadCount] = await Promise.all([
    decide(actor, "review").allowed ? countOpenProposals() : null,
    countUnread(getDb(), actor.id),
  ]);
  const block = activeBlock(actor);
  return {
    name: actor.name,
    reviewCount,
    unreadCount,
    isAdmin: decide(actor, "grant").allowed,
    block: block ? { until: block.until?.toISOString() ?? null, reason: block.reason } : null,
  };
}
