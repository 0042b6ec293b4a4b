import "server-only";
import { contentHash } from "../articles/content-store";
import type { Db, Tx } from "./client";

/**
 * Whole-database consistency checks: what must hold however the data was
 * written (concurrent saves, a crash, a restore from backup). Each check is
 * one SQL query that returns the offending rows, so the checker costs a few
 * scans however many articles there are; `verifyBlobHashes` additionally
 * recomputes every content hash in JavaScript, in batches.
 */

/** How many offending rows a check names before it summarises the rest. */
const SAMPLES_PER_CHECK = 10;

interface Check {
  name: string;
  /** selects one `detail` text column per offending row */
  sql: string;
}

// Manifests a revision or proposal version may point at, and the kind of blob their entries must be.
const MANIFEST_ROOTS = `
  SELECT "sectionsRoot" AS hash, 'section' AS entry_kind FROM "Revision"
  UNION SELECT "referencesRoot", 'reference' FROM "Revision"
  UNION SELECT "sectionsRoot", 'section' FROM "ProposalVersion"
  UNION SELECT "referencesRoot", 'reference' FROM "ProposalVersion"`;

// jsonb_array_elements fails on a non-array; a malformed manifest is reported by its own check instead.
const asArray = (expression: string) =>
  `CASE WHEN jsonb_typeof(${expression}) = 'array' THEN ${expression} ELSE '[]'::jsonb END`;

const CHECKS: Check[] = [
  // --- content: every hash a revision or proposal names resolves to a blob of the right kind
  {
    name: "content missing",
    sql: `
      SELECT format('%s %s: %s %s is %s', owner, owner_id, role, ref.hash, coalesce('a ' || b.kind || ' blob', 'missing')) AS detail
      FROM (
        SELECT 'revision' AS owner, r.id::text AS owner_id, x.role, x.hash, x.kind
        FROM "Revision" r CROSS JOIN LATERAL (VALUES ('sectionsRoot', r."sectionsRoot", 'root'), ('referencesRoot', r."referencesRoot", 'root'), ('infoboxHash', r."infoboxHash", 'infobox')) AS x(role, hash, kind)
        UNION ALL
        SELECT 'proposal version', v."proposalId" || '.' || v.version, x.role, x.hash, x.kind
        FROM "ProposalVersion" v CROSS JOIN LATERAL (VALUES ('sectionsRoot', v."sectionsRoot", 'root'), ('referencesRoot', v."referencesRoot", 'root'), ('infoboxHash', v."infoboxHash", 'infobox')) AS x(role, hash, kind)
      ) AS ref
      LEFT JOIN "ContentBlob" b ON b.hash = ref.hash
      WHERE ref.hash IS NOT NULL AND (b.hash IS NULL OR b.kind <> ref.kind)`,
  },
  {
    name: "malformed manifest",
    sql: `
      SELECT format('%s blob %s has no %s list', kind, hash, CASE kind WHEN 'root' THEN 'chunks' ELSE 'entries' END) AS detail
      FROM "ContentBlob"
      WHERE (kind = 'root' AND jsonb_typeof(data -> 'chunks') IS DISTINCT FROM 'array')
         OR (kind = 'chunk' AND jsonb_typeof(data -> 'entries') IS DISTINCT FROM 'array')`,
  },
  {
    name: "manifest chunk missing",
    sql: `
      SELECT format('root %s lists chunk %s, which is %s', root.hash, c.hash, coalesce('a ' || b.kind || ' blob', 'missing')) AS detail
      FROM "ContentBlob" root
      CROSS JOIN LATERAL jsonb_array_elements_text(${asArray("root.data -> 'chunks'")}) AS c(hash)
      LEFT JOIN "ContentBlob" b ON b.hash = c.hash
      WHERE root.kind = 'root' AND (b.hash IS NULL OR b.kind <> 'chunk')`,
  },
  {
    name: "manifest entry missing",
    sql: `
      SELECT format('root %s (%ss) lists %s as %s, which is %s', m.hash, m.entry_kind, e.entry ->> 0, e.entry ->> 1, coalesce('a ' || b.kind || ' blob', 'missing')) AS detail
      FROM (${MANIFEST_ROOTS}) AS m
      JOIN "ContentBlob" root ON root.hash = m.hash
      CROSS JOIN LATERAL jsonb_array_elements_text(${asArray("root.data -> 'chunks'")}) AS c(hash)
      JOIN "ContentBlob" chunk ON chunk.hash = c.hash
      CROSS JOIN LATERAL jsonb_array_elements(${asArray("chunk.data -> 'entries'")}) AS e(entry)
      LEFT JOIN "ContentBlob" b ON b.hash = e.entry ->> 1
      WHERE b.hash IS NULL OR b.kind <> m.entry_kind`,
  },
  // --- articles: the current revision is the head of the article's own chain
  {
    name: "article without revisions",
    sql: `
      SELECT format('article %s (%s) has no revision', a.id, a.slug) AS detail
      FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r."articleId" = a.id)`,
  },
  {
    name: "head missing",
    sql: `
      SELECT format('article %s (%s) has revisions but no current revision', a.id, a.slug) AS detail
      FROM "Article" a WHERE a."currentRevisionId" IS NULL AND EXISTS (SELECT 1 FROM "Revision" r WHERE r."articleId" = a.id)`,
  },
  {
    name: "head of another article",
    sql: `
      SELECT format('article %s (%s): current revision %s belongs to article %s', a.id, a.slug, r.id, r."articleId") AS detail
      FROM "Article" a JOIN "Revision" r ON r.id = a."currentRevisionId" WHERE r."articleId" <> a.id`,
  },
  {
    // Pending changes: readers are shown the accepted revision, so it must be one of the article's, at or before the head.
    name: "accepted revision not of the article",
    sql: `
      SELECT format('article %s (%s): accepted revision %s (article %s) with head %s', a.id, a.slug, r.id, r."articleId", a."currentRevisionId") AS detail
      FROM "Article" a JOIN "Revision" r ON r.id = a."acceptedRevisionId" WHERE r."articleId" <> a.id OR r.id > a."currentRevisionId"`,
  },
  {
    name: "head not newest",
    sql: `
      SELECT format('article %s (%s): current revision %s, newest revision %s', a.id, a.slug, a."currentRevisionId", newest.id) AS detail
      FROM "Article" a
      JOIN LATERAL (SELECT max(r.id) AS id FROM "Revision" r WHERE r."articleId" = a.id) AS newest ON true
      WHERE a."currentRevisionId" IS NOT NULL AND newest.id IS DISTINCT FROM a."currentRevisionId"`,
  },
  {
    name: "head has a child",
    sql: `
      SELECT format('article %s (%s): current revision %s is the parent of revision %s', a.id, a.slug, a."currentRevisionId", r.id) AS detail
      FROM "Article" a JOIN "Revision" r ON r."parentId" = a."currentRevisionId"`,
  },
  {
    name: "title differs from head",
    sql: `
      SELECT format('article %s (%s) is titled %L, its current revision %s %L', a.id, a.slug, a.title, r.id, r.title) AS detail
      FROM "Article" a JOIN "Revision" r ON r.id = a."currentRevisionId" WHERE r.title <> a.title`,
  },
  // --- the parent chain: one line from one root to the head, per article
  {
    name: "parent in another article",
    sql: `
      SELECT format('revision %s of article %s has parent %s of article %s', r.id, r."articleId", p.id, p."articleId") AS detail
      FROM "Revision" r JOIN "Revision" p ON p.id = r."parentId" WHERE p."articleId" <> r."articleId"`,
  },
  {
    // Ids only grow, so a parent never newer than its child also rules out cycles.
    name: "parent not older",
    sql: `SELECT format('revision %s has parent %s', id, "parentId") AS detail FROM "Revision" WHERE "parentId" >= id`,
  },
  {
    name: "roots per article",
    sql: `
      SELECT format('article %s has %s revisions without a parent', "articleId", count(*) FILTER (WHERE "parentId" IS NULL)) AS detail
      FROM "Revision" GROUP BY "articleId" HAVING count(*) FILTER (WHERE "parentId" IS NULL) <> 1`,
  },
  {
    // Every save checks that its base is still the head, so no revision can have two children: a fork is a lost update.
    name: "forked chain",
    sql: `
      SELECT format('revision %s is the parent of %s revisions (%s)', "parentId", count(*), string_agg(id::text, ', ' ORDER BY id)) AS detail
      FROM "Revision" WHERE "parentId" IS NOT NULL GROUP BY "parentId" HAVING count(*) > 1`,
  },
  {
    name: "empty revision size",
    sql: `SELECT format('revision %s has size %s', id, "sizeBytes") AS detail FROM "Revision" WHERE "sizeBytes" <= 0`,
  },
  // --- approvals: an approval decision and its revision come together
  {
    name: "approval status mismatch",
    sql: `
      SELECT format('proposal %s is %s but its decision %s is %s', p.id, p.status, d.id, d.action) AS detail
      FROM "ReviewDecision" d JOIN "Proposal" p ON p.id = d."proposalId"
      WHERE (d.action = 'approve' AND p.status <> 'approved') OR (d.action = 'partial' AND p.status <> 'partially_approved')`,
  },
  {
    name: "approved without one approval",
    sql: `
      SELECT format('proposal %s is %s with %s approval decisions', p.id, p.status, count(d.id)) AS detail
      FROM "Proposal" p LEFT JOIN "ReviewDecision" d ON d."proposalId" = p.id AND d.action IN ('approve', 'partial')
      WHERE p.status IN ('approved', 'partially_approved') GROUP BY p.id HAVING count(d.id) <> 1`,
  },
  {
    name: "decision revision mismatch",
    sql: `
      SELECT format('decision %s (%s of proposal %s by reviewer %s) names revision %s (article %s, author %s, approved by %s; proposal on article %s by %s)',
                    d.id, d.action, p.id, d."reviewerId", r.id, r."articleId", r."authorId", coalesce(r."approvedById"::text, 'nobody'), p."articleId", p."authorId") AS detail
      FROM "ReviewDecision" d JOIN "Proposal" p ON p.id = d."proposalId" JOIN "Revision" r ON r.id = d."revisionId"
      WHERE d.action NOT IN ('approve', 'partial') OR r."approvedById" IS DISTINCT FROM d."reviewerId" OR r."articleId" <> p."articleId" OR r."authorId" <> p."authorId"`,
  },
  {
    name: "approved revision without decision",
    sql: `
      SELECT format('revision %s is approved by user %s but no decision names it', r.id, r."approvedById") AS detail
      FROM "Revision" r WHERE r."approvedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ReviewDecision" d WHERE d."revisionId" = r.id)`,
  },
  {
    name: "decision on a missing version",
    sql: `
      SELECT format('decision %s is on version %s of proposal %s, which does not exist', d.id, d.version, d."proposalId") AS detail
      FROM "ReviewDecision" d WHERE NOT EXISTS (SELECT 1 FROM "ProposalVersion" v WHERE v."proposalId" = d."proposalId" AND v.version = d.version)`,
  },
  {
    name: "proposal version missing",
    sql: `
      SELECT format('proposal %s is at version %s, which does not exist', p.id, p."currentVersion") AS detail
      FROM "Proposal" p WHERE NOT EXISTS (SELECT 1 FROM "ProposalVersion" v WHERE v."proposalId" = p.id AND v.version = p."currentVersion")`,
  },
  {
    name: "proposal base in another article",
    sql: `
      SELECT format('proposal %s (article %s) version %s is based on revision %s of article %s', p.id, p."articleId", v.version, r.id, r."articleId") AS detail
      FROM "ProposalVersion" v JOIN "Proposal" p ON p.id = v."proposalId" JOIN "Revision" r ON r.id = v."baseRevisionId" WHERE r."articleId" <> p."articleId"`,
  },
  // --- users: every save counts one edit (seeds may start the count higher, never lower)
  {
    name: "edit count below revisions",
    sql: `
      SELECT format('user %s (%s) has edit count %s but authored %s revisions', u.id, u.name, u."editCount", n.revisions) AS detail
      FROM "User" u JOIN (SELECT "authorId", count(*) AS revisions FROM "Revision" GROUP BY "authorId") AS n ON n."authorId" = u.id
      WHERE u."editCount" < n.revisions`,
  },
];

export interface InvariantCounts {
  users: number;
  articles: number;
  revisions: number;
  contentBlobs: number;
  proposals: number;
  decisions: number;
  approvals: number;
  /** approvals whose content was already in the article, so no revision was needed */
  approvalsWithoutRevision: number;
  /** blobs whose hash was recomputed (0 unless verifyBlobHashes) */
  blobsHashed: number;
}

export interface InvariantReport {
  ok: boolean;
  problems: string[];
  counts: InvariantCounts;
}

/**
 * Checks the whole database: content hashes resolve, every article's current
 * revision is the head of a single unforked chain in that article, approval
 * decisions and their revisions match one to one, and (with
 * `verifyBlobHashes`, the default) every blob's hash is the hash of its data.
 */
export async function checkInvariants(
  db: Db | Tx,
  options: { verifyBlobHashes?: boolean } = {},
): Promise<InvariantReport> {
  const problems: string[] = [];
  for (const check of CHECKS) {
    const rows = await db.$queryRawUnsafe<Array<{ detail: string; total: bigint }>>(
      `SELECT detail, count(*) OVER () AS total FROM (${check.sql}) AS offending ORDER BY detail LIMIT ${SAMPLES_PER_CHECK}`,
    );
    for (const row of rows) problems.push(`${check.name}: ${row.detail}`);
    const total = rows.length ? Number(rows[0].total) : 0;
    if (total > rows.length) problems.push(`${check.name}: … and ${total - rows.length} more`);
  }
  let blobsHashed = 0;
  if (options.verifyBlobHashes ?? true) {
    const hashProblems = await verifyBlobHashes(db);
    blobsHashed = hashProblems.checked;
    problems.push(...hashProblems.problems.slice(0, SAMPLES_PER_CHECK));
    if (hashProblems.problems.length > SAMPLES_PER_CHECK)
      problems.push(`blob hash mismatch: … and ${hashProblems.problems.length - SAMPLES_PER_CHECK} more`);
  }
  const [counts] = await db.$queryRawUnsafe<Array<Record<Exclude<keyof InvariantCounts, "blobsHashed">, bigint>>>(`
    SELECT (SELECT count(*) FROM "User") AS users,
           (SELECT count(*) FROM "Article") AS articles,
           (SELECT count(*) FROM "Revision") AS revisions,
           (SELECT count(*) FROM "ContentBlob") AS "contentBlobs",
           (SELECT count(*) FROM "Proposal") AS proposals,
           (SELECT count(*) FROM "ReviewDecision") AS decisions,
           (SELECT count(*) FROM "ReviewDecision" WHERE action IN ('approve', 'partial')) AS approvals,
           (SELECT count(*) FROM "ReviewDecision" WHERE action IN ('approve', 'partial') AND "revisionId" IS NULL) AS "approvalsWithoutRevision"`);
  const numbers = Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Number(value)])) as Omit<
    InvariantCounts,
    "blobsHashed"
  >;
  return { ok: problems.length === 0, problems, counts: { ...numbers, blobsHashed } };
}

/** Recomputes every blob's SHA-256 of canonical JSON, a batch at a time, so memory stays flat on a large store. */
async function verifyBlobHashes(db: Db | Tx): Promise<{ checked: number; problems: string[] }> {
  const problems: string[] = [];
  let checked = 0;
  let after = "";
  for (;;) {
    const batch = await db.contentBlob.findMany({
      where: { hash: { gt: after } },
      orderBy: { hash: "asc" },
      take: 500,
      select: { hash: true, kind: true, data: true },
    });
    if (batch.length === 0) break;
    for (const blob of batch) {
      const actual = contentHash(blob.data);
      if (actual !== blob.hash)
        problems.push(`blob hash mismatch: ${blob.kind} blob ${blob.hash} has data hashing to ${actual}`);
    }
    checked += batch.length;
    after = batch[batch.length - 1].hash;
  }
  return { checked, problems };
}
