import "server-only";
import { authorize } from "../authz/assert";
import type { ProtectionLevel } from "../authz/levels";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";

/**
 * An administrator sets how many approvals from distinct reviewers a proposal
 * needs under one protection level, with a public reason. A new row, never an
 * update: the table is its own log. Applies to every open proposal from its
 * next approval on (votes already cast still count towards the new number).
 */
export async function setReviewRequirement(options: {
  actor: Actor | null;
  level: ProtectionLevel;
  approvals: number;
  reason: string;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const admin = authorize(options.actor, "configure_review");
  const reason = options.reason.trim();
  if (!reason) throw new WikiError("bad_request", "reason: say why; the change is logged publicly.");
  const created = await db.reviewRequirement.create({
    data: { level: options.level, approvals: options.approvals, reason, actorId: admin.id },
  });
  return { level: options.level, approvals: created.approvals, id: created.id };
}
