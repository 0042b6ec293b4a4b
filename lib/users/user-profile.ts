import "server-only";
import { activeBlock, effectiveGroups, type Actor } from "../authz/policy";
import { nameKeyOf } from "../auth/usernames";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import { WikiError } from "../errors";
import { loadActor } from "./load-actor";

/** A user's public page: groups (implicit and granted), age, edits, block, contributions and rights log. */
export async function getUserProfile(options: { name: string; db?: Db }) {
  const db = options.db ?? getReadDb();
  const user = await db.user.findUnique({
    where: { nameKey: nameKeyOf(options.name) },
    select: { id: true, imported: true },
  });
  if (!user) throw new WikiError("not_found", `There is no user "${options.name}".`);
  const actor = (await loadActor(db, user.id)) as Actor;
  const [revisions, rightsLog, proposals] = await Promise.all([
    db.revision.findMany({
      where: { authorId: user.id },
      orderBy: { id: "desc" },
      take: 100,
      select: {
        id: true,
        createdAt: true,
        summary: true,
        sizeBytes: true,
        minor: true,
        article: { select: { slug: true, title: true } },
        parent: { select: { sizeBytes: true } },
      },
    }),
    db.rightsLog.findMany({
      where: { targetId: user.id },
      orderBy: { id: "desc" },
      take: 50,
      include: { actor: { select: { name: true } } },
    }),
    db.proposal.findMany({
      where: { authorId: user.id },
      orderBy: { id: "desc" },
      take: 100,
      select: {
        id: true,
        status: true,
        summary: true,
        createdAt: true,
        article: { select: { slug: true, title: true } },
        decisions: { orderBy: { id: "desc" }, take: 1, select: { comment: true, action: true } },
      },
    }),
  ]);
  const groups = effectiveGroups(actor);
  return {
    name: actor.name,
    /** a contributor read from a MediaWiki XML dump (lib/articles/import-dump.ts), who cannot sign in */
    imported: user.imported,
    createdAt: actor.createdAt,
    editCount: actor.editCount,
    implicitGroups: groups.implicit,
    grantedGroups: groups.granted,
    block: activeBlock(actor),
    contributions: revisions.map((revision) => ({
      ...revision,
      sizeChange: revision.sizeBytes - (revision.parent?.sizeBytes ?? 0),
    })),
    rightsLog,
    proposals,
  };
}

/** Users for the admin page, newest first, filtered by name. */
export async function listUsers(options: { query?: string; db?: Db } = {}) {
  const db = options.db ?? getReadDb();
  const query = options.query?.trim();
  return db.user.findMany({
    where: query ? { nameKey: { contains: nameKeyOf(query) } } : {},
    orderBy: { id: "desc" },
    take: 100,
    select: {
      id: true,
      name: true,
      createdAt: true,
      editCount: true,
      blockedAt: true,
      blockExpiresAt: true,
      blockReason: true,
      groups: { select: { group: true } },
    },
  });
}
