import "server-only";
import { PROTECTION_LEVELS, type ProtectionLevel } from "../authz/levels";
import { getDb, type Db, type Tx } from "../db/client";

/** Approvals required per protection level. A level with no row (never, after the migration) needs one. */
export type Requirements = Record<ProtectionLevel, number>;

/**
 * A level's requirement is its latest ReviewRequirement row: the table is
 * append-only, its own log. One statement for all four levels (the table has
 * a handful of rows; the index on (level, id DESC) answers it).
 */
export const CURRENT_REQUIREMENTS_SQL = `SELECT DISTINCT ON ("level") "level", "approvals"
  FROM "ReviewRequirement" ORDER BY "level", "id" DESC`;

/** Turns the rows of CURRENT_REQUIREMENTS_SQL (or its JSON) into one requirement per level. */
export function requirementsFrom(rows: Array<{ level: string; approvals: number }>): Requirements {
  const requirements = Object.fromEntries(PROTECTION_LEVELS.map((level) => [level, 1])) as Requirements;
  for (const row of rows)
    if ((PROTECTION_LEVELS as readonly string[]).includes(row.level))
      requirements[row.level as ProtectionLevel] = row.approvals;
  return requirements;
}

/** The approvals each protection level requires now. */
export async function currentRequirements(db: Db | Tx): Promise<Requirements> {
  return requirementsFrom(
    await db.$queryRawUnsafe<Array<{ level: string; approvals: number }>>(CURRENT_REQUIREMENTS_SQL),
  );
}

/** The admin page: the requirement per level and every change, newest first (public, like every log here). */
export async function listReviewRequirements(options: { limit?: number; db?: Db } = {}) {
  const db = options.db ?? getDb();
  const [requirements, changes] = await Promise.all([
    currentRequirements(db),
    db.reviewRequirement.findMany({
      orderBy: { id: "desc" },
      take: Math.min(options.limit ?? 50, 500),
      include: { actor: { select: { name: true } } },
    }),
  ]);
  return {
    requirements,
    changes: changes.map((change) => ({
      id: change.id,
      level: change.level as ProtectionLevel,
      approvals: change.approvals,
      actor: change.actor?.name ?? null,
      reason: change.reason,
      createdAt: change.createdAt,
    })),
  };
}
