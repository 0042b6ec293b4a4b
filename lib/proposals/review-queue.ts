import "server-only";
import { loadManifest } from "../articles/content-store";
import { effectiveGroups } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { ProposalStatus } from "./status";

/** Filters of the review queue. */
export interface QueueFilters {
  status?: string;
  article?: string;
  author?: string;
  /** only proposals that do (true) or do not (false) apply cleanly to the current revision */
  clean?: boolean;
  limit?: number;
}

/**
 * Open proposals, oldest first, with what a reviewer weighs: article, author
 * (groups, edit count), age, size of the change, and whether it still applies
 * cleanly. Cleanliness is decided from manifests alone (section and reference
 * hashes), never from article text, so the queue stays fast.
 */
export async function listReviewQueue(filters: QueueFilters & { db?: Db } = {}) {
  const db = filters.db ?? getDb();
  const proposals = await db.proposal.findMany({
    where: {
      status: filters.status ?? ProposalStatus.open,
      ...(filters.article ? { article: { slug: filters.article } } : {}),
      ...(filters.author ? { author: { name: filters.author } } : {}),
    },
    orderBy: { id: "asc" },
    take: Math.min(filters.limit ?? 200, 1000),
    include: {
      article: {
        select: {
          slug: true,
          title: true,
          currentRevisionId: true,
          currentRevision: { select: { sectionsRoot: true, referencesRoot: true, infoboxHash: true } },
        },
      },
      author: {
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
      },
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        include: {
          baseRevision: { select: { sectionsRoot: true, referencesRoot: true, infoboxHash: true, sizeBytes: true } },
        },
      },
    },
  });
  const manifests = new Map<string, Promise<Awaited<ReturnType<typeof loadManifest>>>>();
  const manifestOf = (revision: { sectionsRoot: string; referencesRoot: string; infoboxHash: string | null }) => {
    const key = `${revision.sectionsRoot}:${revision.referencesRoot}:${revision.infoboxHash}`;
    if (!manifests.has(key)) manifests.set(key, loadManifest(db, revision));
    return manifests.get(key)!;
  };
  const rows = await Promise.all(
    proposals.map(async (proposal) => {
      const version = proposal.versions[0];
      let appliesCleanly = true;
      if (proposal.article.currentRevisionId !== version.baseRevisionId && proposal.article.currentRevision) {
        const [base, head] = await Promise.all([
          manifestOf(version.baseRevision),
          manifestOf(proposal.article.currentRevision),
        ]);
        const sectionMoved = version.touchedSections.some((id) => base.sections.get(id) !== head.sections.get(id));
        const referenceMoved = version.touchedReferences.some(
          (key) => base.references.get(key) !== head.references.get(key),
        );
        appliesCleanly =
          !sectionMoved && !referenceMoved && !(version.touchesInfobox && base.infoboxHash !== head.infoboxHash);
      }
      const { author } = proposal;
      return {
        id: proposal.id,
        summary: proposal.summary,
        status: proposal.status,
        /** the latest version: the one a decision taken from the queue names */
        version: version.version,
        createdAt: proposal.createdAt,
        article: { slug: proposal.article.slug, title: proposal.article.title },
        author: {
          name: author.name,
          editCount: author.editCount,
          groups: [...effectiveGroups({ ...author, grantedGroups: author.groups.map((g) => g.group) }).all],
        },
        sizeChange: version.sizeBytes - version.baseRevision.sizeBytes,
        sectionsTouched: version.touchedSections.length,
        appliesCleanly,
      };
    }),
  );
  return filters.clean === undefined ? rows : rows.filter((row) => row.appliesCleanly === filters.clean);
}

/** How many proposals wait for review (the reviewer's header badge). */
export async function countOpenProposals(options: { db?: Db } = {}): Promise<number> {
  return (options.db ?? getDb()).proposal.count({ where: { status: ProposalStatus.open } });
}

/** The public review log: every decision, newest first. */
export async function listReviewLog(options: { limit?: number; db?: Db } = {}) {
  return (options.db ?? getDb()).reviewDecision.findMany({
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
