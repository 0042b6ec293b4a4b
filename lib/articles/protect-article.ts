import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { authorize } from "../authz/assert";
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
  const reason = options.reason.trim();
  if (!reason) throw new WikiError("bad_request", "A reason is required; it is shown in the public protection log.");
  if (options.expiresAt && options.expiresAt <= new Date())
    throw new WikiError("bad_request", "The expiry must be in the future.");
  if (options.level === "none" && options.expiresAt)
    throw new WikiError("bad_request", "Removing protection takes no expiry.");
  const article = await db.article.findUnique({ where: { slug: options.slug }, select: { id: true } });
  if (!article) throw new WikiError("not_found", `There is no article "${options.slug}".`);
  const [updated] = await db.$transaction([
    db.article.update({
      where: { id: article.id },
      data: {
        protectionLevel: options.level,
        protectionExpiresAt: options.expiresAt,
        protectionReason: options.level === "none" ? null : reason,
      },
      select: { slug: true, protectionLevel: true, protectionExpiresAt: true, protectionReason: true },
    }),
    db.protectionLog.create({
      data: { articleId: article.id, actorId: admin.id, level: options.level, expiresAt: options.expiresAt, reason },
    }),
  ]);
  return updated;
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
    },
  });
  if (!article) throw new WikiError("not_found", `There is no article "${options.slug}".`);
  const entries = await db.protectionLog.findMany({
    where: { articleId: article.id },
    orderBy: { id: "desc" },
    take: 500,
    include: { actor: { select: { name: true } } },
  });
  return { article, entries };
}
