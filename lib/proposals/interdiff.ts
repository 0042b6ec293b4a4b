import "server-only";
import { loadContent } from "../articles/content-store";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import { WikiError } from "../errors";
import { cachedDiff } from "./read-proposal";

/** The columns that name a version's content: equal names, equal content (content-addressed). */
interface ContentNames {
  title: string;
  sectionsRoot: string;
  referencesRoot: string;
  infoboxHash: string | null;
}

/**
 * The cache key of the diff of two contents: their content roots. Both sides
 * are immutable, so the key never goes stale, and two proposals (or two
 * versions) with the same contents share one diff.
 */
export function interdiffKey(older: ContentNames, newer: ContentNames): string {
  const names = (side: ContentNames) => [side.title, side.sectionsRoot, side.referencesRoot, side.infoboxHash];
  return `interdiff:${JSON.stringify([names(older), names(newer)])}`;
}

/**
 * The interdiff of two versions of a proposal: what changed between the
 * content proposed in `from` and the content proposed in `to` (not between
 * their diffs against their bases, which may differ after a rebase:
 * `baseMoved` says so). Two indexed rows are read; the diff comes from the
 * cache or is computed once off the event loop, and the two contents are read
 * only on a miss or when the caller renders them (`contents`).
 */
export async function getProposalInterdiff(options: { proposalId: number; from: number; to: number; db?: Db }) {
  const db = options.db ?? getReadDb();
  const { proposalId, from, to } = options;
  if (from >= to) throw new WikiError("bad_request", `to: version ${to} must be later than version ${from}.`);
  const rows = await db.proposalVersion.findMany({
    where: { proposalId, version: { in: [from, to] } },
    include: { author: { select: { name: true } } },
  });
  const older = rows.find((row) => row.version === from);
  const newer = rows.find((row) => row.version === to);
  if (!older || !newer) {
    const exists = rows.length > 0 || (await db.proposal.count({ where: { id: proposalId } })) > 0;
    if (!exists) throw new WikiError("not_found", `There is no proposal #${proposalId}.`);
    throw new WikiError(
      "not_found",
      `${older ? "to" : "from"}: proposal #${proposalId} has no version ${older ? to : from}.`,
    );
  }
  let loaded: ReturnType<typeof loadBoth> | null = null;
  const loadBoth = () => Promise.all([loadContent(db, older), loadContent(db, newer)]);
  const contents = () => (loaded ??= loadBoth());
  const { diff, summary } = await cachedDiff(interdiffKey(older, newer), contents);
  const side = (row: typeof older) => ({
    version: row.version,
    baseRevisionId: row.baseRevisionId,
    author: row.author.name,
    authorId: row.authorId,
    createdAt: row.createdAt,
  });
  return {
    proposalId,
    from: side(older),
    to: side(newer),
    /** the two versions are based on different revisions (a rebase): the diff is still between what each proposed */
    baseMoved: older.baseRevisionId !== newer.baseRevisionId,
    diff,
    summary,
    contents,
  };
}

export type ProposalInterdiff = Awaited<ReturnType<typeof getProposalInterdiff>>;
