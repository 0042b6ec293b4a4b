import "server-only";
import { loadManifest } from "../articles/content-store";
import { PROTECTION_LEVELS, type ProtectionLevel } from "../authz/levels";
import { decide, effectiveGroups, type Actor } from "../authz/policy";
import type { QueueSort } from "../contracts/review";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import { CURRENT_REQUIREMENTS_SQL } from "./review-requirements";
import { ProposalStatus } from "./status";

/** Filters of the review queue (the page and the API parse them with lib/contracts/review.ts). */
export interface QueueFilters {
  status?: string;
  article?: string;
  author?: string;
  /** only proposals that do (true) or do not (false) apply cleanly to the current revision */
  clean?: boolean;
  /** the protection level in force on the article */
  level?: ProtectionLevel;
  /** only proposals that touch (true) or do not touch (false) a part another open proposal of the article touches */
  overlap?: boolean;
  /** only proposals with (true) or without (false) an unresolved review thread */
  unresolvedThreads?: boolean;
  /** needs this reviewer's review: open at a version they have not approved, someone else's, at a level they may approve */
  needsReviewBy?: Actor | null;
  sort?: QueueSort;
  /** 1-based page of `limit` rows */
  page?: number;
  limit?: number;
}

/** Another open proposal of the same article that touches some of the same parts. */
export interface QueueOverlap {
  id: number;
  sections: string[];
  references: string[];
  infobox: boolean;
}

interface QueueRow {
  id: number;
  summary: string;
  status: string;
  currentVersion: number;
  createdMs: string;
  slug: string;
  title: string;
  currentRevisionId: number | null;
  level: ProtectionLevel;
  baseRevisionId: number;
  sizeChange: number;
  touchedSections: string[];
  touchedReferences: string[];
  touchesInfobox: boolean;
  base: { sectionsRoot: string; referencesRoot: string; infoboxHash: string | null };
  head: { sectionsRoot: string; referencesRoot: string; infoboxHash: string | null } | null;
  author: {
    name: string;
    editCount: number;
    createdMs: number;
    blockedMs: number | null;
    blockExpiresMs: number | null;
    groups: string[];
  };
  approvers: string[];
  required: number;
  articleId: number;
  unresolvedThreads: number;
  talkTopic: { id: number; title: string } | null;
  total: string;
}

const ORDER: Record<QueueSort, string> = {
  oldest: `q."id" ASC`,
  newest: `q."id" DESC`,
  largest: `abs(q."sizeChange") DESC, q."id" ASC`,
  smallest: `abs(q."sizeChange") ASC, q."id" ASC`,
};

const rootsOf = (alias: string) =>
  `json_build_object('sectionsRoot', ${alias}."sectionsRoot", 'referencesRoot', ${alias}."referencesRoot", 'infoboxHash', ${alias}."infoboxHash")`;
const epochMs = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`;

/** Another open proposal (`other`, current version `ov`) of q's article that touches a part q's current version touches. */
const OVERLAPPING = `FROM "Proposal" other
  JOIN "ProposalVersion" ov ON ov."proposalId" = other."id" AND ov."version" = other."currentVersion"
  WHERE other."articleId" = q."articleId" AND other."status" = '${ProposalStatus.open}' AND other."id" <> q."id"
    AND (ov."touchedSections" && q."touchedSections" OR ov."touchedReferences" && q."touchedReferences"
      OR (ov."touchesInfobox" AND q."touchesInfobox"))`;

/** q's review threads nobody has resolved (lib/review-threads), read through the thread index on (proposalId, id). */
const UNRESOLVED_THREADS = `FROM "ReviewThread" t WHERE t."proposalId" = q."id" AND t."resolvedAt" IS NULL`;

/**
 * The queue in one statement: the proposals matching the filters, sorted and
 * cut to the page on narrow rows (`q`, then `page`); only the page's rows then
 * get what is shown: article, author, the revisions' roots, the approvals the
 * version has and needs, and its unresolved threads (the overlapping open
 * proposals come after, from openTouchedSets). `$n` parameters are added in
 * the order of `values`.
 */
function queueSql(filters: QueueFilters, paged: boolean, values: unknown[]): string {
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const status = filters.status ?? ProposalStatus.open;
  const where = [`p."status" = ${param(status)}`];
  // Open work only where it can be done: a deleted article's open proposals wait, unlisted, for its restoring.
  if (status === ProposalStatus.open) where.push(`a."deletedAt" IS NULL`);
  if (filters.article) where.push(`a."slug" = ${param(filters.article)}`);
  if (filters.author)
    where.push(`p."authorId" = (SELECT u."id" FROM "User" u WHERE u."name" = ${param(filters.author)})`);
  const outer: string[] = [];
  if (filters.level) outer.push(`q."level" = ${param(filters.level)}`);
  if (filters.overlap !== undefined) outer.push(`EXISTS (SELECT 1 ${OVERLAPPING}) = ${param(filters.overlap)}`);
  if (filters.needsReviewBy !== undefined) {
    const viewer = filters.needsReviewBy;
    const levels = viewer
      ? PROTECTION_LEVELS.filter((level) => decide(viewer, "approve", { protection: level }).allowed)
      : [];
    const me = param(viewer?.id ?? 0);
    outer.push(
      `q."authorId" <> ${me} AND q."level" = ANY(${param(levels)}::text[]) AND NOT EXISTS (SELECT 1 FROM "ProposalApproval" pa ` +
        `WHERE pa."proposalId" = q."id" AND pa."version" = q."currentVersion" AND pa."reviewerId" = ${me})`,
    );
  }
  if (filters.unresolvedThreads !== undefined)
    outer.push(`EXISTS (SELECT 1 ${UNRESOLVED_THREADS}) = ${param(filters.unresolvedThreads)}`);
  const limit = Math.min(filters.limit ?? 200, 1000);
  const cut = paged ? ` LIMIT ${param(limit)} OFFSET ${param(((filters.page ?? 1) - 1) * limit)}` : "";
  const order = ORDER[filters.sort ?? "oldest"];
  return `
WITH requirement AS (${CURRENT_REQUIREMENTS_SQL}),
q AS (
  SELECT p."id", p."currentVersion", p."authorId", p."articleId",
    CASE WHEN a."protectionExpiresAt" IS NOT NULL AND a."protectionExpiresAt" <= now() THEN 'none'
      ELSE a."protectionLevel" END AS "level",
    v."baseRevisionId", v."sizeBytes" - b."sizeBytes" AS "sizeChange",
    v."touchedSections", v."touchedReferences", v."touchesInfobox"
  FROM "Proposal" p
  JOIN "Article" a ON a."id" = p."articleId"
  JOIN "ProposalVersion" v ON v."proposalId" = p."id" AND v."version" = p."currentVersion"
  JOIN "Revision" b ON b."id" = v."baseRevisionId"
  WHERE ${where.join(" AND ")}
),
page AS (
  SELECT q.*, count(*) OVER ()::text AS "total" FROM q
  ${outer.length ? `WHERE ${outer.join(" AND ")}` : ""}
  ORDER BY ${order}${cut}
)
SELECT q.*, p."summary", p."status", ${epochMs('p."createdAt"')}::text AS "createdMs",
  a."slug", a."title", a."currentRevisionId",
  ${rootsOf("b")} AS "base", CASE WHEN h."id" IS NULL THEN NULL ELSE ${rootsOf("h")} END AS "head",
  json_build_object('name', author."name", 'editCount', author."editCount",
    'createdMs', ${epochMs('author."createdAt"')}, 'blockedMs', ${epochMs('author."blockedAt"')},
    'blockExpiresMs', ${epochMs('author."blockExpiresAt"')},
    'groups', COALESCE((SELECT array_agg(g."group") FROM "UserGroup" g WHERE g."userId" = author."id"), '{}')) AS "author",
  COALESCE((SELECT json_agg(u."name" ORDER BY pa."createdAt") FROM "ProposalApproval" pa JOIN "User" u ON u."id" = pa."reviewerId"
    WHERE pa."proposalId" = q."id" AND pa."version" = q."currentVersion"), '[]') AS "approvers",
  (SELECT count(*) ${UNRESOLVED_THREADS})::int AS "unresolvedThreads",
  (SELECT json_build_object('id', t."id", 'title', t."title") FROM "TalkTopic" t WHERE t."id" = p."talkTopicId") AS "talkTopic",
  COALESCE((SELECT r."approvals" FROM requirement r WHERE r."level" = q."level"), 1) AS "required"
FROM page q
JOIN "Proposal" p ON p."id" = q."id"
JOIN "Article" a ON a."id" = q."articleId"
JOIN "User" author ON author."id" = q."authorId"
JOIN "Revision" b ON b."id" = q."baseRevisionId"
LEFT JOIN "Revision" h ON h."id" = a."currentRevisionId"
ORDER BY ${order}`;
}

/** What an open proposal's current version touches, to tell which proposals overlap. */
interface TouchedSets {
  id: number;
  touchedSections: string[];
  touchedReferences: string[];
  touchesInfobox: boolean;
}

/**
 * The open proposals of these articles with what their current versions
 * touch, by article, in one statement. Overlaps are then intersections of
 * small sets in memory: done per row in SQL they cost a correlated subquery
 * with array intersections per row (184 ms for a 1,000-row listing, against
 * 12 ms for the page without them).
 */
async function openTouchedSets(db: Db, articleIds: number[]): Promise<Map<number, TouchedSets[]>> {
  const byArticle = new Map<number, TouchedSets[]>();
  if (!articleIds.length) return byArticle;
  const rows = await db.$queryRawUnsafe<Array<TouchedSets & { articleId: number }>>(
    `SELECT p."id", p."articleId", v."touchedSections", v."touchedReferences", v."touchesInfobox"
    FROM "Proposal" p
    JOIN "ProposalVersion" v ON v."proposalId" = p."id" AND v."version" = p."currentVersion"
    WHERE p."status" = '${ProposalStatus.open}' AND p."articleId" = ANY($1::int[])
    ORDER BY p."id"`,
    [...new Set(articleIds)],
  );
  for (const row of rows) {
    const list = byArticle.get(row.articleId) ?? [];
    list.push(row);
    byArticle.set(row.articleId, list);
  }
  return byArticle;
}

/** The other open proposals (`open`, of the same article, in id order) sharing a section, reference or the infobox with `row`. */
function overlapsOf(row: TouchedSets, open: TouchedSets[]): QueueOverlap[] {
  const overlaps: QueueOverlap[] = [];
  for (const other of open) {
    if (other.id === row.id) continue;
    const sections = row.touchedSections.filter((id) => other.touchedSections.includes(id));
    const references = row.touchedReferences.filter((key) => other.touchedReferences.includes(key));
    const infobox = row.touchesInfobox && other.touchesInfobox;
    if (sections.length || references.length || infobox) overlaps.push({ id: other.id, sections, references, infobox });
  }
  return overlaps;
}

/**
 * A page of the review queue, with what a reviewer weighs: article, author
 * (groups, edit count), age, size of the change, whether it still applies
 * cleanly, the approvals it has and needs, and the open proposals it overlaps.
 * One statement; cleanliness is then decided from manifests alone (section
 * and reference hashes, cached by hash), never from article text. Filtering
 * on cleanliness pages after that check, so it reads every matching row.
 */
export async function readReviewQueue(filters: QueueFilters & { db?: Db } = {}) {
  const db = filters.db ?? getReadDb();
  const values: unknown[] = [];
  const paged = filters.clean === undefined;
  const found = await db.$queryRawUnsafe<QueueRow[]>(queueSql(filters, paged, values), ...values);
  const openByArticle = await openTouchedSets(
    db,
    found.map((row) => row.articleId),
  );
  const manifests = new Map<string, Promise<Awaited<ReturnType<typeof loadManifest>>>>();
  const manifestOf = (revision: { sectionsRoot: string; referencesRoot: string; infoboxHash: string | null }) => {
    const key = `${revision.sectionsRoot}:${revision.referencesRoot}:${revision.infoboxHash}`;
    if (!manifests.has(key)) manifests.set(key, loadManifest(db, revision));
    return manifests.get(key)!;
  };
  let rows = await Promise.all(
    found.map(async (row) => {
      let appliesCleanly = true;
      if (row.currentRevisionId !== row.baseRevisionId && row.head) {
        const [base, head] = await Promise.all([manifestOf(row.base), manifestOf(row.head)]);
        const sectionMoved = row.touchedSections.some((id) => base.sections.get(id) !== head.sections.get(id));
        const referenceMoved = row.touchedReferences.some(
          (key) => base.references.get(key) !== head.references.get(key),
        );
        appliesCleanly =
          !sectionMoved && !referenceMoved && !(row.touchesInfobox && base.infoboxHash !== head.infoboxHash);
      }
      const { author } = row;
      const at = (ms: number | null) => (ms === null ? null : new Date(ms));
      return {
        id: row.id,
        summary: row.summary,
        status: row.status,
        /** the latest version: the one a decision taken from the queue names */
        version: row.currentVersion,
        createdAt: new Date(Number(row.createdMs)),
        article: { slug: row.slug, title: row.title },
        protection: row.level,
        author: {
          name: author.name,
          editCount: author.editCount,
          groups: [
            ...effectiveGroups({
              id: 0,
              name: author.name,
              editCount: author.editCount,
              createdAt: new Date(author.createdMs),
              blockedAt: at(author.blockedMs),
              blockExpiresAt: at(author.blockExpiresMs),
              blockReason: null,
              grantedGroups: author.groups,
            }).all,
          ],
        },
        sizeChange: row.sizeChange,
        sectionsTouched: row.touchedSections.length,
        appliesCleanly,
        /** approvals of the current version so far (a new version starts from none) and how many it needs */
        approvals: { approvers: row.approvers, required: row.required },
        overlaps: overlapsOf(row, openByArticle.get(row.articleId) ?? []),
        /** review threads still open on it, whatever version they were started on */
        unresolvedThreads: row.unresolvedThreads,
        /** the talk topic cited as where consensus was reached (lib/talk), or null */
        talkTopic: row.talkTopic,
      };
    }),
  );
  let total = Number(found[0]?.total ?? 0);
  const limit = Math.min(filters.limit ?? 200, 1000);
  if (!paged) {
    rows = rows.filter((row) => row.appliesCleanly === filters.clean);
    total = rows.length;
    const start = ((filters.page ?? 1) - 1) * limit;
    rows = rows.slice(start, start + limit);
  }
  return { rows, total, page: filters.page ?? 1, pageSize: limit };
}

export type QueueEntry = Awaited<ReturnType<typeof readReviewQueue>>["rows"][number];

/** The queue's rows alone (the API, an article's proposals page, the bench): see readReviewQueue. */
export async function listReviewQueue(filters: QueueFilters & { db?: Db } = {}) {
  return (await readReviewQueue(filters)).rows;
}

/** The public review log: every decision, newest first. */
export async function listReviewLog(options: { limit?: number; db?: Db } = {}) {
  return (options.db ?? getReadDb()).reviewDecision.findMany({
    orderBy: { id: "desc" },
    take: Math.min(options.limit ?? 100, 500),
    include: {
      reviewer: { select: { name: true } },
      proposal: {
        select: {
          id: true,
          summary: true,
          author: { select: { name: true } },
          article: { select: { slug: true, title: true } },
        },
      },
    },
  });
}
