import "server-only";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import type { RightsAction } from "./rights-action";
import { GRANTABLE_GROUPS, type GrantableGroup } from "../authz/groups";
import type { Actor } from "../authz/policy";
import { nameKeyOf } from "../auth/usernames";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import { authorize } from "../authz/assert";

async function findTarget(db: Db, name: string) {
  const user = await db.user.findUnique({ where: { nameKey: nameKeyOf(name) }, select: { id: true, name: true } });
  if (!user) throw new WikiError("not_found", `There is no user "${name}".`);
  return user;
}

/** The rights log's line in recent changes (a block or unblock is the block log's kind). */
function recordRights(
  tx: Tx,
  entry: {
    actorId: number | null;
    targetId: number;
    action: RightsAction;
    group?: string;
    reason: string;
    expiresAt?: Date | null;
  },
) {
  return recordChange(tx, {
    kind: entry.action === "block" || entry.action === "unblock" ? RecentChangeKind.block : RecentChangeKind.rights,
    action: entry.action,
    actorId: entry.actorId,
    targetUserId: entry.targetId,
    summary: entry.reason,
    details: { group: entry.group ?? null, expiresAt: entry.expiresAt?.toISOString() ?? null },
  });
}

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new WikiError("bad_request", "A reason is required; it is shown in the public log.");
  return trimmed;
}

/** Grants a group to a user (admins only), logged with who, when and why. */
export async function grantGroup(options: {
  actor: Actor | null;
  targetName: string;
  group: GrantableGroup;
  reason: string;
  db?: Db;
}) {
  const admin = authorize(options.actor, "grant");
  const db = options.db ?? getDb();
  const reason = requireReason(options.reason);
  if (!(GRANTABLE_GROUPS as readonly string[]).includes(options.group))
    throw new WikiError("bad_request", `Unknown group "${options.group}".`);
  const target = await findTarget(db, options.targetName);
  await db.$transaction(async (tx) => {
    const existing = await tx.userGroup.findUnique({
      where: { userId_group: { userId: target.id, group: options.group } },
    });
    if (existing) throw new WikiError("conflict", `${target.name} is already in the group ${options.group}.`);
    await tx.userGroup.create({ data: { userId: target.id, group: options.group, grantedById: admin.id, reason } });
    await tx.rightsLog.create({
      data: { actorId: admin.id, targetId: target.id, action: "grant", group: options.group, reason },
    });
    await recordRights(tx, { actorId: admin.id, targetId: target.id, action: "grant", group: options.group, reason });
  });
  return { user: target.name, group: options.group };
}

/** Removes a granted group from a user (admins only), logged. */
export async function revokeGroup(options: {
  actor: Actor | null;
  targetName: string;
  group: string;
  reason: string;
  db?: Db;
}) {
  const admin = authorize(options.actor, "grant");
  const db = options.db ?? getDb();
  const reason = requireReason(options.reason);
  const target = await findTarget(db, options.targetName);
  await db.$transaction(async (tx) => {
    const removed = await tx.userGroup.deleteMany({ where: { userId: target.id, group: options.group } });
    if (removed.count === 0) throw new WikiError("conflict", `${target.name} is not in the group ${options.group}.`);
    await tx.rightsLog.create({
      data: { actorId: admin.id, targetId: target.id, action: "revoke", group: options.group, reason },
    });
    await recordRights(tx, { actorId: admin.id, targetId: target.id, action: "revoke", group: options.group, reason });
  });
  return { user: target.name, group: options.group };
}

/** Blocks a user until `expiresAt` (or indefinitely), admins only; the user keeps read access. */
export async function blockUser(options: {
  actor: Actor | null;
  targetName: string;
  expiresAt: Date | null;
  reason: string;
  db?: Db;
}) {
  const admin = authorize(options.actor, "block");
  const db = options.db ?? getDb();
  const reason = requireReason(options.reason);
  if (options.expiresAt && options.expiresAt <= new Date())
    throw new WikiError("bad_request", "The block's expiry must be in the future.");
  const target = await findTarget(db, options.targetName);
  if (target.id === admin.id) throw new WikiError("bad_request", "You cannot block yourself.");
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data: { blockedAt: new Date(), blockExpiresAt: options.expiresAt, blockReason: reason },
    });
    await tx.rightsLog.create({
      data: { actorId: admin.id, targetId: target.id, action: "block", reason, expiresAt: options.expiresAt },
    });
    await recordRights(tx, {
      actorId: admin.id,
      targetId: target.id,
      action: "block",
      reason,
      expiresAt: options.expiresAt,
    });
  });
  return { user: target.name, blockedUntil: options.expiresAt?.toISOString() ?? null };
}

/** Lifts a user's block (admins only), logged. */
export async function unblockUser(options: { actor: Actor | null; targetName: string; reason: string; db?: Db }) {
  const admin = authorize(options.actor, "block");
  const db = options.db ?? getDb();
  const reason = requireReason(options.reason);
  const target = await findTarget(db, options.targetName);
  await db.$transaction(async (tx) => {
    const lifted = await tx.user.updateMany({
      where: { id: target.id, blockedAt: { not: null } },
      data: { blockedAt: null, blockExpiresAt: null, blockReason: null },
    });
    if (lifted.count === 0) throw new WikiError("conflict", `${target.name} is not blocked.`);
    await tx.rightsLog.create({ data: { actorId: admin.id, targetId: target.id, action: "unblock", reason } });
    await recordRights(tx, { actorId: admin.id, targetId: target.id, action: "unblock", reason });
  });
  return { user: target.name };
}

/**
 * Grants a group from the server's command line (`npm run user:grant`), for
 * the first admin of a deployment. Whoever can run it already controls the
 * server, so no actor is checked; the log records it as a command-line grant.
 */
export async function grantGroupFromCommandLine(options: { targetName: string; group: GrantableGroup; db?: Db }) {
  const db = options.db ?? getDb();
  if (!(GRANTABLE_GROUPS as readonly string[]).includes(options.group)) {
    throw new WikiError("bad_request", `Unknown group "${options.group}"; use one of: ${GRANTABLE_GROUPS.join(", ")}.`);
  }
  const target = await findTarget(db, options.targetName);
  const reason = "granted from the server command line";
  await db.$transaction(async (tx) => {
    await tx.userGroup.upsert({
      where: { userId_group: { userId: target.id, group: options.group } },
      create: { userId: target.id, group: options.group, reason },
      update: {},
    });
    await tx.rightsLog.create({ data: { targetId: target.id, action: "grant", group: options.group, reason } });
    await recordRights(tx, { actorId: null, targetId: target.id, action: "grant", group: options.group, reason });
  });
  return { user: target.name, group: options.group };
}
