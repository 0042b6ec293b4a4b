import "server-only";
import { activeBlock, decide } from "@/lib/authz/policy";
import { ensureBackgroundWork } from "@/lib/notifications/fanout-jobs";
import type { Viewer } from "@/lib/users/load-viewer";
import type { Reader } from "./html-page";

/**
 * The signed-in user as the header shows them, built one way for both page
 * shells (App Router pages and the reader views) from the one statement that
 * read them (lib/users/load-viewer.ts): the review queue's size for
 * reviewers, the unread count, the admin link for those who may change rights.
 */
export function readerOf(viewer: Viewer | null): Reader | null {
  if (!viewer) return null;
  ensureBackgroundWork();
  const { actor } = viewer;
  const block = activeBlock(actor);
  return {
    name: actor.name,
    reviewCount: decide(actor, "review").allowed ? viewer.openProposals : null,
    unreadCount: viewer.unreadCount,
    isAdmin: decide(actor, "grant").allowed,
    block: block ? { until: block.until?.toISOString() ?? null, reason: block.reason } : null,
  };
}
