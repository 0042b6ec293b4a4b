import "server-only";
import { loadContent } from "../articles/content-store";
import { mergeContent, type MergeResult } from "../articles/merge";
import { effectiveProtection } from "../articles/protection";
import { budgetFromEnv, ByteLru } from "../cache/lru";
import { getDb, type Db } from "../db/client";
import type { ArticleContent } from "../document/model";
import type { ArticleDiff, SectionDiff } from "../diff/types";
import { WikiError } from "../errors";
import { diffOffThread } from "../workers/diff-pool";
import { loadProposalVersion } from "./proposal-store";
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
    bytes: rest + referencesBytes + infoboxBytes + notesBytes + diff.sections.reduce((sum, section) => sum + jsonBytes(section), 0),
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

function cachedDiff(key: string, older: ArticleContent, newer: ArticleContent): Promise<SummarizedDiff> {
  return diffCache.getOrCompute(
    key,
    async () => {
      const diff = await diffOffThread(older, newer);
      return { diff, summary: summarizeDiff(diff) };
    },
    (value) => value.summary.bytes * 2,
  );
}

/** The proposal's current version with the contents it is read against: its base, the article's head, and the version moved onto the head. */
async function loadProposalState(db: Db, proposalId: number) {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: {
      article: true,
      author: { select: { name: true } },
      versions: { orderBy: { version: "asc" }, select: { version: true, baseRevisionId: true, summary: true, createdAt: true, sizeBytes: true } },
      comments: { orderBy: { id: "asc" }, include: { author: { select: { name: true } } } },
      decisions: { orderBy: { id: "asc" }, include: { reviewer: { select: { name: true } } } },
    },
  });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${proposalId}.`);
  const version = await loadProposalVersion(db, proposal.id, proposal.currentVersion);
  const baseRevision = await db.revision.findUniqueOrThrow({ where: { id: version.baseRevisionId } });
  const base = await loadContent(db, baseRevision);
  const headRevision = await db.revision.findUniqueOrThrow({ where: { id: proposal.article.currentRevisionId! } });
  const head = headRevision.id === baseRevision.id ? base : await loadContent(db, headRevision);
  const versionKey = `${proposal.id}:${version.version}`;
  const rebased: MergeResult =
    headRevision.id === baseRevision.id
      ? { ok: true, content: version.content }
      : await rebaseCache.getOrCompute(`${versionKey}:onto:${headRevision.id}`, async () => mergeContent(base, version.content, head), () => version.sizeBytes);
  return { proposal, version, versionKey, baseRevision, headRevision, base, head, rebased };
}

type ProposalState = Awaited<ReturnType<typeof loadProposalState>>;

/** The proposal's diffs against its base and (when it applies cleanly) against the current revision, from the cache or made off the event loop. */
function proposalDiffs(state: ProposalState): Promise<[SummarizedDiff, SummarizedDiff | null]> {
  return Promise.all([
    cachedDiff(`${state.versionKey}:base:${state.baseRevision.id}`, state.base, state.version.content),
    state.rebased.ok ? cachedDiff(`${state.versionKey}:head:${state.headRevision.id}`, state.head, state.rebased.content) : Promise.resolve(null),
  ]);
}

/**
 * Everything the proposal page shows: the proposal, its versions, discussion
 * and decisions, the diff against its base and against the current revision
 * (with their summaries), and whether it still applies cleanly (rebased
 * section by section).
 */
export async function getProposal(options: { proposalId: number; db?: Db }) {
  const db = options.db ?? getDb();
  const state = await loadProposalState(db, options.proposalId);
  const { proposal, version, base, head, headRevision, baseRevision, rebased } = state;
  const [againstBase, againstCurrent] = await proposalDiffs(state);
  return {
    proposal: {
      id: proposal.id,
      status: proposal.status,
      summary: proposal.summary,
      rationale: proposal.rationale,
      currentVersion: proposal.currentVersion,
      createdAt: proposal.createdAt,
      updatedAt: proposal.updatedAt,
      author: proposal.author.name,
      authorId: proposal.authorId,
    },
    article: { slug: proposal.article.slug, title: proposal.article.title, protection: effectiveProtection(proposal.article), currentRevisionId: headRevision.id },
    version: { number: version.version, baseRevisionId: version.baseRevisionId, sizeBytes: version.sizeBytes, touchedSections: version.touchedSections, touchedReferences: version.touchedReferences, touchesInfobox: version.touchesInfobox },
    versions: proposal.versions,
    comments: proposal.comments.map((comment) => ({ id: comment.id, author: comment.author.name, body: comment.body, createdAt: comment.createdAt })),
    decisions: proposal.decisions.map((decision) => ({
      id: decision.id,
      version: decision.version,
      reviewer: decision.reviewer.name,
      action: decision.action,
      comment: decision.comment,
      declined: (decision.declined as DeclinedPart[] | null) ?? [],
      revisionId: decision.revisionId,
      createdAt: decision.createdAt,
    })),
    content: { base, proposed: version.content, head },
    diffAgainstBase: againstBase.diff,
    diffAgainstCurrent: againstCurrent?.diff ?? null,
    summaries: { againstBase: againstBase.summary, againstCurrent: againstCurrent?.summary ?? null },
    rebase: rebased.ok ? { clean: true as const, stale: headRevision.id !== baseRevision.id } : { clean: false as const, stale: true, conflict: rebased.conflict },
  };
}

export type ProposalDetails = Awaited<ReturnType<typeof getProposal>>;

/** A part of a proposal's diff that can be fetched on its own. */
export type ProposalDiffPart = { section: string } | { part: "references" | "infobox" | "notes" };

/**
 * One part of a proposal's diff, against its base or against the current
 * revision: a section's diff, or the references, infobox or notes. The
 * proposal's JSON summary names the parts and their sizes; this fetches them.
 */
export async function getProposalDiffPart(options: { proposalId: number; against: "base" | "current"; part: ProposalDiffPart; db?: Db }) {
  const state = await loadProposalState(options.db ?? getDb(), options.proposalId);
  const [againstBase, againstCurrent] = await proposalDiffs(state);
  const chosen = options.against === "base" ? againstBase : againstCurrent;
  if (!chosen) throw new WikiError("conflict", "This proposal no longer applies cleanly to the current revision, so there is no diff against it; ask for against=base.");
  const revisions = { from: options.against === "base" ? state.baseRevision.id : state.headRevision.id, version: state.version.version };
  if ("section" in options.part) {
    const id = options.part.section;
    const section = chosen.diff.sections.find((candidate) => candidate.id === id);
    if (!section) throw new WikiError("not_found", `The proposal's diff has no section "${id}".`);
    return { ...revisions, against: options.against, section };
  }
  const { part } = options.part;
  return { ...revisions, against: options.against, [part]: chosen.diff[part] };
}
