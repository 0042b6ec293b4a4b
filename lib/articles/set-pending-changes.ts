import "server-only";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import type { Actor } from "../authz/policy";
import { authorize } from "../authz/assert";
import { getDb, type Db } from "../db/client";
import { checkSettingChange } from "./protect-article";
import { missingArticle } from "./read-article";

/**
 * Turns pending changes on or off for an article (whoever may set protection
 * may set this: admins), with an optional expiry and a required reason, and
 * an entry in the public log. Turning it on accepts the head as it is then,
 * so readers keep seeing what they saw; changing the expiry or reason while
 * it is on keeps the accepted revision (edits waiting stay pending). Turning
 * it off shows readers the head again.
 */
export async function setPendingChanges(options: {
  actor: Actor | null;
  slug: string;
  enabled: boolean;
  expiresAt: Date | null;
  reason: string;
  db?: Db;
}) {
  const admin = authorize(options.actor, "protect");
  const db = options.db ?? getDb();
  const reason = checkSettingChange({ ...options, off: !options.enabled, offWhat: "Turning pending changes off" });
  // A deleted article is not there to configure (lib/articles/delete-article.ts): a 404 saying so.
  const article = await db.article.findUnique({ where: { slug: options.slug, deletedAt: null }, select: { id: true } });
  if (!article) throw await missingArticle(db, options.slug);
  // The accepted pointer is decided on the row as it was (in force or not), before the setting changes.
  const updated = await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "Article" SET "acceptedRevisionId" = CASE
          WHEN "pendingChanges" AND "acceptedRevisionId" IS NOT NULL
            AND ("pendingChangesExpiresAt" IS NULL OR "pendingChangesExpiresAt" > now()) THEN "acceptedRevisionId"
          ELSE "currentRevisionId" END
      WHERE "id" = ${article.id} AND ${options.enabled}`;
    const row = await tx.article.update({
      where: { id: article.id },
      data: {
        pendingChanges: options.enabled,
        pendingChangesExpiresAt: options.expiresAt,
        pendingChangesReason: options.enabled ? reason : null,
      },
      select: {
        pendingChanges: true,
        pendingChangesExpiresAt: true,
        pendingChangesReason: true,
        acceptedRevisionId: true,
      },
    });
    await tx.pendingChangesLog.create({
      data: {
        articleId: article.id,
        actorId: admin.id,
        action: options.enabled ? "enable" : "disable",
        expiresAt: options.expiresAt,
        reason,
      },
    });
    await recordChange(tx, {
      kind: RecentChangeKind["pending-changes"],
      action: options.enabled ? "enable" : "disable",
      actorId: admin.id,
      articleId: article.id,
      summary: reason,
      details: { expiresAt: options.expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return {
    enabled: updated.pendingChanges,
    expiresAt: updated.pendingChangesExpiresAt,
    reason: updated.pendingChangesReason,
    acceptedRevisionId: updated.acceptedRevisionId,
  };
}
