import "server-only";
import { loadContent } from "../articles/content-store";
import { mergeContent, type MergeResult } from "../articles/merge";
import { effectiveProtection, type ProtectionLevel } from "../articles/protection";
import { budgetFromEnv, ByteLru } from "../cache/lru";
import { queryPrepared, type Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import type { ArticleContent } from "../document/model";
import type { ArticleDiff, SectionDiff } from "../diff/types";
import { WikiError } from "../errors";
import { diffOffThread } from "../workers/diff-pool";
import type { DeclinedPart } from "./decide-proposal";

/** What changed in one section, without the change itself (fetched on its own). */
export interface SectionChangeSummary {
  id: string;
  status: SectionDiff["status"];
  title: string;
  renamed: boolean;
  relevelled: boolean;
  moved: boolean;
  /** top-level blocks inserted, deleted, changed or moved */
  changedBlocks: number;
  /** the section's diff as JSON, in bytes */
  bytes: number;
}

/** A diff's shape and weight: what a client needs to decide what to fetch. */
export interface DiffSummary {
  /** the whole diff as JSON, in bytes */
  bytes: number;
  title: ArticleDiff["title"];
  coarse: boolean;
  stats: ArticleDiff["stats"];
  flags: ArticleDiff["flags"];
  /** the sections that changed, in the diff's order */
  sections: SectionChangeSummary[];
  references: { added: number; removed: number; changed: number; bytes: number };
  infobox: { changed: boolean; bytes: number };
  notes: { changed: number; bytes: number };
}

/** A diff with its summary, cached together: summarizing weighs every part once. */
export interface SummarizedDiff {
  diff: ArticleDiff;
  summary: DiffSummary;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "");

/** The summary of a diff. Pure. */
export function summarizeDiff(diff: ArticleDiff): DiffSummary {
  const sections = diff.sections
    .filter((section) => section.status !== "unchanged" || section.moved || section.renamed || section.relevelled)
    .map((section) => ({
      id: section.id,
      status: section.status,
      title: section.to?.title ?? section.from?.title ?? "",
      renamed: section.renamed,
      relevelled: section.relevelled,
      moved: section.moved,
      changedBlocks: section.blocks.filter((block) => block.op !== "equal").length,
      bytes: jsonBytes(section),
    }));
  const count = (op: string) => diff.references.filter((reference) => reference.op === op).length;
  const referencesBytes = jsonBytes(diff.references);
  const infoboxBytes = jsonBytes(diff.infobox);
  const notesBytes = jsonBytes(diff.notes);
  const rest = jsonBytes({ ...diff, sections: [], references: [], infobox: null, notes: [] });
  return {
    bytes:
      rest +
      referencesBytes +
      infoboxBytes +
      notesBytes +
      diff.sections.reduce((sum, section) => sum + jsonBytes(section), 0),
    title: diff.title,
    coarse: diff.coarse,
    stats: diff.stats,
    flags: diff.flags,
    sections,
    references: { added: count("added"), removed: count("removed"), changed: count("changed"), bytes: referencesBytes },
    infobox: { changed: diff.infobox !== null, bytes: infoboxBytes },
    notes: { changed: diff.notes.length, bytes: notesBytes },
  };
}

/**
 * Diffs of proposal versions. A version and the revisions it is compared
 * with are immutable, so a key of proposal, version and revision never goes
 * stale; concurrent misses share one computation, made off the event loop.
 */
const diffCache = new ByteLru<SummarizedDiff>(budgetFromEnv("WIKI_PROPOSAL_DIFF_CACHE_MB", 64));
/** The version moved onto a later head revision (section-by-section merge), by the same kind of key. */
const rebaseCache = new ByteLru<MergeResult>(budgetFromEnv("WIKI_PROPOSAL_DIFF_CACHE_MB", 64));

/** A diff under `key` (an immutable pair of contents), from the cache or computed once off the event loop. */
export function cachedDiff(
  key: string,
  pair: () => Promise<[older: ArticleContent, newer: ArticleContent]>,
): Promise<SummarizedDiff> {
  return diffCache.getOrCompute(
    key,
    async () => {
      const diff = await diffOffThread(...(await pair()));
      return { diff, summary: summarizeDiff(diff) };
    },
    (value) => value.summary.bytes * 2,
  );
}

/** Calls `load` once, on first use. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

interface ContentRow {
  id: number;
  title: string;
  sectionsRoot: string;
  referencesRoot: string;
  infoboxHash: string | null;
}

interface ProposalStateRow {
  id: number;
  status: string;
  summary: string;
  rationale: string;
  currentVersion: number;
  authorId: number;
  authorName: string;
  talkTopic: { id: number; title: string } | null;
  createdMs: string;
  updatedMs: string;
  slug: string;
  articleTitle: string;
  currentRevisionId: number;
  protectionLevel: string;
  protectionReason: string | null;
  protectionExpiresMs: string | null;
  version: Omit<ContentRow, "id"> & {
    version: number;
    baseRevisionId: number;
    sizeBytes: number;
    touchedSections: string[];
    touchedReferences: string[];
    touchesInfobox: boolean;
  };
  baseRevision: ContentRow;
  headRevision: ContentRow;
  versions: Array<{
    version: number;
    baseRevisionId: number;
    summary: string;
    sizeBytes: number;
    createdMs: number;
    author: string;
  }>;
  comments: Array<{ id: number; author: string; body: string; createdMs: number }>;
  decisions: Array<{
    id: number;
    version: number;
    reviewer: string;
    action: string;
    comment: string;
    declined: unknown;
    revisionId: number | null;
    protectionLevel: string | null;
    amendedFromVersion: number | null;
    createdMs: number;
  }>;
}

const epochMs = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`;
const contentRow = (alias: string) =>
  `json_build_object('id', ${alias}."id", 'title', ${alias}."title", 'sectionsRoot', ${alias}."sectionsRoot", ` +
  `'referencesRoot', ${alias}."referencesRoot", 'infoboxHash', ${alias}."infoboxHash")`;

/**
 * A proposal with its article, author, current version, the two revisions it
 * is read against, its versions, comments and decisions: one statement, one
 * round trip (Prisma's includes took ten), since every read of a proposal,
 * page or JSON, starts here.
 */
const PROPOSAL_STATE_SQL = `
SELECT p."id", p."status", p."summary", p."rationale", p."currentVersion", p."authorId", author."name" AS "authorName",
  ${epochMs('p."createdAt"')}::text AS "createdMs", ${epochMs('p."updatedAt"')}::text AS "updatedMs",
  a."slug", a."title" AS "articleTitle", a."currentRevisionId", a."protectionLevel", a."protectionReason",
  ${epochMs('a."protectionExpiresAt"')}::text AS "protectionExpiresMs",
  (SELECT json_build_object('id', t."id", 'title', t."title") FROM "TalkTopic" t WHERE t."id" = p."talkTopicId") AS "talkTopic",
  json_build_object('version', v."version", 'baseRevisionId', v."baseRevisionId", 'title', v."title",
    'sectionsRoot', v."sectionsRoot", 'referencesRoot', v."referencesRoot", 'infoboxHash', v."infoboxHash",
    'sizeBytes', v."sizeBytes", 'touchedSections', v."touchedSections", 'touchedReferences', v."touchedReferences",
    'touchesInfobox', v."touchesInfobox") AS "version",
  (SELECT ${contentRow("r")} FROM "Revision" r WHERE r."id" = v."baseRevisionId") AS "baseRevision",
  (SELECT ${contentRow("r")} FROM "Revision" r WHERE r."id" = a."currentRevisionId") AS "headRevision",
  COALESCE((SELECT json_agg(json_build_object('version', pv."version", 'baseRevisionId', pv."baseRevisionId",
      'summary', pv."summary", 'sizeBytes', pv."sizeBytes", 'createdMs', ${epochMs('pv."createdAt"')}, 'author', vu."name") ORDER BY pv."version")
    FROM "ProposalVersion" pv JOIN "User" vu ON vu."id" = pv."authorId" WHERE pv."proposalId" = p."id"), '[]') AS "versions",
  COALESCE((SELECT json_agg(json_build_object('id', c."id", 'author', u."name", 'body', c."body",
      'createdMs', ${epochMs('c."createdAt"')}) ORDER BY c."id")
    FROM "ProposalComment" c JOIN "User" u ON u."id" = c."authorId" WHERE c."proposalId" = p."id"), '[]') AS "comments",
  COALESCE((SELECT json_agg(json_build_object('id', d."id", 'version', d."version", 'reviewer', u."name",
      'action', d."action", 'comment', d."comment", 'declined', d."declined", 'revisionId', d."revisionId",
      'protectionLevel', d."protectionLevel", 'amendedFromVersion', d."amendedFromVersion", 'createdMs', ${epochMs('d."createdAt"')}) ORDER BY d."id")
    FROM "ReviewDecision" d JOIN "User" u ON u."id" = d."reviewerId" WHERE d."proposalId" = p."id"), '[]') AS "decisions"
FROM "Proposal" p
JOIN "Article" a ON a."id" = p."articleId"
JOIN "User" author ON author."id" = p."authorId"
JOIN "ProposalVersion" v ON v."proposalId" = p."id" AND v."version" = p."currentVersion"
WHERE p."id" = $1`;

/**
 * The proposal's current version and the revisions it is read against (its
 * base and the article's head), as rows. The three article contents are read
 * only when something needs them: the diffs and the rebase are cached by
 * immutable keys, so a repeated read of a large proposal costs a few indexed
 * rows, not three whole articles assembled from blobs.
 */
async function loadProposalState(db: Db, proposalId: number) {
  const [row] = await queryPrepared<ProposalStateRow>(db, {
    name: "wiki-proposal-state",
    text: PROPOSAL_STATE_SQL,
    values: [proposalId],
  });
  if (!row) throw new WikiError("not_found", `There is no proposal #${proposalId}.`);
  const at = (ms: string | number) => new Date(Number(ms));
  const proposal = {
    id: row.id,
    status: row.status,
    summary: row.summary,
    rationale: row.rationale,
    talkTopic: row.talkTopic,
    currentVersion: row.currentVersion,
    createdAt: at(row.createdMs),
    updatedAt: at(row.updatedMs),
    authorId: row.authorId,
    author: { name: row.authorName },
    article: {
      slug: row.slug,
      title: row.articleTitle,
      currentRevisionId: row.currentRevisionId,
      protectionLevel: row.protectionLevel,
      protectionReason: row.protectionReason,
      protectionExpiresAt: row.protectionExpiresMs === null ? null : at(row.protectionExpiresMs),
    },
    versions: row.versions.map(({ createdMs, ...version }) => ({ ...version, createdAt: at(createdMs) })),
    comments: row.comments.map(({ createdMs, ...comment }) => ({ ...comment, createdAt: at(createdMs) })),
    decisions: row.decisions.map(({ createdMs, ...decision }) => ({ ...decision, createdAt: at(createdMs) })),
  };
  const { version, baseRevision, headRevision } = row;
  const onBase = headRevision.id === baseRevision.id;
  const contents = once(async () => {
    const [base, proposed] = await Promise.all([loadContent(db, baseRevision), loadContent(db, version)]);
    return { base, proposed, head: onBase ? base : await loadContent(db, headRevision) };
  });
  const versionKey = `${proposal.id}:${version.version}`;
  const rebased = once(
    async (): Promise<MergeResult> =>
      onBase
        ? { ok: true, content: (await contents()).proposed }
        : rebaseCache.getOrCompute(
            `${versionKey}:onto:${headRevision.id}`,
            async () => {
              const { base, proposed, head } = await contents();
              return mergeContent(base, proposed, head);
            },
            () => version.sizeBytes,
          ),
  );
  return { proposal, version, versionKey, baseRevision, headRevision, onBase, contents, rebased };
}

type ProposalState = Awaited<ReturnType<typeof loadProposalState>>;

/** Whether the proposal still applies to the head, without reading any content when it sits on the head or its rebase is cached. */
async function rebaseState(state: ProposalState) {
  if (state.onBase) return { clean: true as const, stale: false };
  const rebased = await state.rebased();
  return rebased.ok
    ? { clean: true as const, stale: true }
    : { clean: false as const, stale: true, conflict: rebased.conflict };
}

/** The proposal's diffs against its base and (when it applies cleanly) against the current revision, from the cache or made off the event loop. */
async function proposalDiffs(state: ProposalState): Promise<[SummarizedDiff, SummarizedDiff | null]> {
  const clean = (await rebaseState(state)).clean;
  return Promise.all([
    cachedDiff(`${state.versionKey}:base:${state.baseRevision.id}`, async () => {
      const { base, proposed } = await state.contents();
      return [base, proposed];
    }),
    clean
      ? cachedDiff(`${state.versionKey}:head:${state.headRevision.id}`, async () => {
          const [{ head }, rebased] = await Promise.all([state.contents(), state.rebased()]);
          return [head, (rebased as Extract<MergeResult, { ok: true }>).content];
        })
      : Promise.resolve(null),
  ]);
}

/**
 * The proposal, its versions, discussion and decisions, the diff against its
 * base and against the current revision (with their summaries), and whether it
 * still applies cleanly (rebased section by section); no article contents.
 */
async function proposalOverview(state: ProposalState) {
  const { proposal, version, headRevision } = state;
  const [[againstBase, againstCurrent], rebase] = await Promise.all([proposalDiffs(state), rebaseState(state)]);
  return {
    proposal: {
      id: proposal.id,
      status: proposal.status,
      summary: proposal.summary,
      rationale: proposal.rationale,
      /** the talk topic where consensus was reached (lib/talk), or null */
      talkTopic: proposal.talkTopic,
      currentVersion: proposal.currentVersion,
      createdAt: proposal.createdAt,
      updatedAt: proposal.updatedAt,
      author: proposal.author.name,
      authorId: proposal.authorId,
    },
    article: {
      slug: proposal.article.slug,
      title: proposal.article.title,
      protection: effectiveProtection(proposal.article),
      currentRevisionId: headRevision.id,
    },
    version: {
      number: version.version,
      baseRevisionId: version.baseRevisionId,
      sizeBytes: version.sizeBytes,
      touchedSections: version.touchedSections,
      touchedReferences: version.touchedReferences,
      touchesInfobox: version.touchesInfobox,
    },
    versions: proposal.versions,
    comments: proposal.comments,
    decisions: proposal.decisions.map((decision) => ({
      id: decision.id,
      version: decision.version,
      reviewer: decision.reviewer,
      action: decision.action,
      comment: decision.comment,
      declined: (decision.declined as DeclinedPart[] | null) ?? [],
      revisionId: decision.revisionId,
      /** the article's protection when the decision was applied (null for decisions recorded before it was kept) */
      protectionLevel: decision.protectionLevel as ProtectionLevel | null,
      /** an approval of the reviewer's own amendment: the version it starts from (the amendment is the interdiff to `version`) */
      amendedFromVersion: decision.amendedFromVersion,
      createdAt: decision.createdAt,
    })),
    diffAgainstBase: againstBase.diff,
    diffAgainstCurrent: againstCurrent?.diff ?? null,
    summaries: { againstBase: againstBase.summary, againstCurrent: againstCurrent?.summary ?? null },
    rebase,
  };
}

export type ProposalOverview = Awaited<ReturnType<typeof proposalOverview>>;

/** What the proposal's JSON describes (see proposal-summary.ts): everything but the article contents, which it never reads when its diffs are cached. */
export async function getProposalOverview(options: { proposalId: number; db?: Db }): Promise<ProposalOverview> {
  return proposalOverview(await loadProposalState(options.db ?? getReadDb(), options.proposalId));
}

/** Everything the proposal page shows: the overview and the three contents (base, as proposed, the current head). */
export async function getProposal(options: { proposalId: number; db?: Db }) {
  const state = await loadProposalState(options.db ?? getReadDb(), options.proposalId);
  const [overview, content] = await Promise.all([proposalOverview(state), state.contents()]);
  return { ...overview, content };
}

export type ProposalDetails = Awaited<ReturnType<typeof getProposal>>;

/** A part of a proposal's diff that can be fetched on its own. */
export type ProposalDiffPart = { section: string } | { part: "references" | "infobox" | "notes" };

/**
 * One part of a proposal's diff, against its base or against the current
 * revision: a section's diff, or the references, infobox or notes. The
 * proposal's JSON summary names the parts and their sizes; this fetches them.
 */
export async function getProposalDiffPart(options: {
  proposalId: number;
  against: "base" | "current";
  part: ProposalDiffPart;
  db?: Db;
}) {
  const state = await loadProposalState(options.db ?? getReadDb(), options.proposalId);
  const [againstBase, againstCurrent] = await proposalDiffs(state);
  const chosen = options.against === "base" ? againstBase : againstCurrent;
  if (!chosen)
    throw new WikiError(
      "conflict",
      "This proposal no longer applies cleanly to the current revision, so there is no diff against it; ask for against=base.",
    );
  const revisions = {
    from: options.against === "base" ? state.baseRevision.id : state.headRevision.id,
    version: state.version.version,
  };
  if ("section" in options.part) {
    const id = options.part.section;
    const section = chosen.diff.sections.find((candidate) => candidate.id === id);
    if (!section) throw new WikiError("not_found", `The proposal's diff has no section "${id}".`);
    return { ...revisions, against: options.against, section };
  }
  const { part } = options.part;
  return { ...revisions, against: options.against, [part]: chosen.diff[part] };
}
