import "server-only";
import { budgetFromEnv, ByteLru } from "../cache/lru";
import { queryPrepared, type Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { loadProposalVersion } from "../proposals/proposal-store";
import type { StoredAnchor } from "./anchor";
import type { ThreadAnchorKind, ThreadEntryKind } from "./anchor-kinds";
import { mapBlocks, placeThread, type BlockMapping, type ThreadPlace } from "./reanchor";

/** One entry of a thread: a comment, or the record of a resolve, reopen or applied suggestion. */
export interface ThreadEntry {
  id: number;
  kind: ThreadEntryKind;
  author: string;
  body: string;
  version: number;
  createdAt: Date;
}

/** A review thread as read: its anchor on the version it was made on, and its place on the newest version. */
export interface ReviewThreadView extends StoredAnchor {
  id: number;
  version: number;
  author: string;
  authorId: number;
  suggestion: string | null;
  resolved: { by: string; at: Date } | null;
  appliedInVersion: number | null;
  createdAt: Date;
  place: ThreadPlace;
  entries: ThreadEntry[];
}

interface ThreadRow extends Omit<ReviewThreadView, "place" | "createdAt" | "resolved" | "entries"> {
  createdMs: string;
  resolvedMs: string | null;
  resolvedBy: string | null;
  entries: Array<Omit<ThreadEntry, "createdAt"> & { createdMs: number }>;
}

const epochMs = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`;

/** Every thread of a proposal with its entries and people's names: one statement, one round trip. */
const THREADS_SQL = `
SELECT t."id", t."version", t."authorId", starter."name" AS "author", t."anchorKind", t."sectionId", t."blockIndex",
  t."quote", t."rangeStart", t."rangeEnd", t."refKey", t."suggestion", t."appliedInVersion",
  ${epochMs('t."createdAt"')}::text AS "createdMs", ${epochMs('t."resolvedAt"')}::text AS "resolvedMs",
  resolver."name" AS "resolvedBy",
  COALESCE((SELECT json_agg(json_build_object('id', c."id", 'kind', c."kind", 'author', u."name", 'body', c."body",
      'version', c."version", 'createdMs', ${epochMs('c."createdAt"')}) ORDER BY c."id")
    FROM "ReviewThreadComment" c JOIN "User" u ON u."id" = c."authorId" WHERE c."threadId" = t."id"), '[]') AS "entries"
FROM "ReviewThread" t
JOIN "User" starter ON starter."id" = t."authorId"
LEFT JOIN "User" resolver ON resolver."id" = t."resolvedById"
WHERE t."proposalId" = $1
ORDER BY t."id"`;

/**
 * Block mappings between two versions of a proposal, for the sections named
 * in the key. Versions are immutable, so an entry never goes stale; a
 * proposal page then costs one statement and no older content at all.
 */
const mappingCache = new ByteLru<BlockMapping>(budgetFromEnv("WIKI_THREAD_MAPPING_CACHE_MB", 8));
const mappingBytes = (mapping: BlockMapping) =>
  64 + [...mapping.values()].reduce((sum, places) => sum + 48 + places.length * 48, 0);

/**
 * The review threads of a proposal, each placed on the newest version (given
 * by the caller, who has read it already): threads of older versions are
 * re-anchored by block identity (reanchor.ts) or shown as outdated.
 * Re-anchoring happens here, at read time, rather than when a version is
 * written: it is a pure function of two immutable versions, so it is cached
 * by them, and revising a proposal stays one use case that knows nothing of
 * threads.
 */
export async function getProposalThreads(options: {
  proposalId: number;
  newest: { version: number; content: ArticleContent };
  db?: Db;
}): Promise<ReviewThreadView[]> {
  const db = options.db ?? getReadDb();
  const rows = await queryPrepared<ThreadRow>(db, {
    name: "wiki-proposal-threads",
    text: THREADS_SQL,
    values: [options.proposalId],
  });
  const { newest } = options;
  const sectionsByVersion = new Map<number, Set<string>>();
  for (const row of rows) {
    if (row.version === newest.version || row.sectionId === null) continue;
    const sections = sectionsByVersion.get(row.version) ?? new Set<string>();
    sections.add(row.sectionId);
    sectionsByVersion.set(row.version, sections);
  }
  const mappings = new Map<number, BlockMapping>();
  await Promise.all(
    [...sectionsByVersion].map(async ([version, sections]) => {
      const ids = [...sections].sort();
      const key = `${options.proposalId}:${version}->${newest.version}:${ids.join(",")}`;
      const mapping = await mappingCache.getOrCompute(
        key,
        async () =>
          mapBlocks((await loadProposalVersion(db, options.proposalId, version)).content, newest.content, ids),
        mappingBytes,
      );
      mappings.set(version, mapping);
    }),
  );
  const at = (ms: string | number) => new Date(Number(ms));
  return rows.map(({ createdMs, resolvedMs, resolvedBy, entries, ...row }) => {
    const anchor = { ...row, anchorKind: row.anchorKind as ThreadAnchorKind };
    return {
      ...anchor,
      createdAt: at(createdMs),
      resolved: resolvedMs === null ? null : { by: resolvedBy ?? "", at: at(resolvedMs) },
      entries: entries.map(({ createdMs: entryMs, ...entry }) => ({ ...entry, createdAt: at(entryMs) })),
      place:
        row.version > newest.version
          ? { state: "outdated" as const, reason: "It was made on a newer version." }
          : placeThread(
              anchor,
              newest.content,
              row.version === newest.version ? null : (mappings.get(row.version) ?? null),
            ),
    };
  });
}

/** The review threads of a proposal placed on its current version, read on their own (the JSON API); 404 for no such proposal. */
export async function getThreadsOfProposal(options: { proposalId: number; db?: Db }) {
  const db = options.db ?? getReadDb();
  const proposal = await db.proposal.findUnique({
    where: { id: options.proposalId },
    select: { currentVersion: true },
  });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  const { content } = await loadProposalVersion(db, options.proposalId, proposal.currentVersion);
  const threads = await getProposalThreads({
    proposalId: options.proposalId,
    newest: { version: proposal.currentVersion, content },
    db,
  });
  return { version: proposal.currentVersion, threads };
}
