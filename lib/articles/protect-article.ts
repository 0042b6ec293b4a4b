import "server-only";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { authorize } from "../authz/assert";
import { missingArticle } from "./read-article";
import type { ProtectionLevel } from "../authz/levels";

/**
 * Sets an article's protection (admins only): level, optional expiry and a
 * required reason, with an entry in the public protection log.
 */
export async function setProtection(options: {
  actor: Actor | null;
  slug: string;
  level: ProtectionLevel;
  expiresAt: Date | null;
  reason: string;
  db?: Db;
}) {
  const admin = authorize(options.actor, "protect");
  const db = options.db ?? getDb();
  const reason = checkSettingChange({ ...options, off: options.level === "none", offWhat: "Removing protection" });
  // A deleted article is not there to protect (lib/articles/delete-article.ts): a 404 saying so.
  const article = await db.article.findUnique({ where: { slug: options.slug, deletedAt: null }, select: { id: true } });
  if (!article) throw await missingArticle(db, options.slug);
  return db.$transaction(async (tx) => {
    const updated = await tx.article.update({
      where: { id: article.id },
      data: {
        protectionLevel: options.level,
        protectionExpiresAt: options.expiresAt,
        protectionReason: options.level === "none" ? null : reason,
      },
      select: { slug: true, protectionLevel: true, protectionExpiresAt: true, protectionReason: true },
    });
    await tx.protectionLog.create({
      data: { articleId: article.id, actorId: admin.id, level: options.level, expiresAt: options.expiresAt, reason },
    });
    await recordChange(tx, {
      kind: RecentChangeKind.protection,
      action: options.level === "none" ? "unprotect" : "protect",
      actorId: admin.id,
      articleId: article.id,
      summary: reason,
      details: { level: options.level, expiresAt: options.expiresAt?.toISOString() ?? null },
    });
    return updated;
  });
}

/**
 * The reason and expiry of a logged change of an article's setting
 * (protection, pending changes), checked: a reason for the public log, an
 * expiry in the future, none when turning the setting off. Errors name the
 * field. Returns the trimmed reason.
 */
export function checkSettingChange(change: { reason: string; expiresAt: Date | null; off: boolean; offWhat: string }) {
  const reason = change.reason.trim();
  if (!reason) throw new WikiError("bad_request", "reason: a reason is required; it is shown in the public log.");
  if (change.expiresAt && change.expiresAt <= new Date())
    throw new WikiError("bad_request", "expiresAt: the expiry must be in the future.");
  if (change.off && change.expiresAt)
    throw new WikiError("bad_request", `expiresAt: ${change.offWhat.toLowerCase()} takes no expiry.`);
  return reason;
}

/** The public protection log of an article, newest first. */
export async function readProtectionLog(options: { slug: string; db?: Db }) {
  const db = options.db ?? getDb();
  const article = await db.article.findUnique({
    where: { slug: options.slug },
    select: {
      id: true,
      title: true,
      slug: true,
      protectionLevel: true,
      protectionExpiresAt: true,
      protectionReason: true,
      currentRevisionId: true,
      pendingChanges: true,
      pendingChangesExpiresAt: true,
      acceptedRevisionId: true,
    },
  });
  if (!article) throw new WikiError("not_found", `There is no article "${options.slug}".`);
  const newest = { where: { articleId: article.id }, orderBy: { id: "desc" as const }, take: 500 };
  const [entries, pendingChangesEntries] = await Promise.all([
    db.protectionLog.findMany({ ...newest, include: { actor: { select: { name: true } } } }),
    db.pendingChangesLog.findMany({ ...newest, include: { actor: { select: { name: true } } } }),
  ]);
  return { article, entries, pendingChangesEntries };
}
