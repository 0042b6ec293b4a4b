import type { DiffSummary, ProposalOverview } from "./read-proposal";

/** A diff is sent inline in the proposal's JSON only up to this size; above it, the summary names its parts to fetch one by one. */
export const INLINE_DIFF_BYTES = 512 * 1024;
/** Newest comments sent with the proposal (each at most 5,000 characters). */
export const SUMMARY_COMMENTS = 50;
/** Changed sections listed per summary. */
export const SUMMARY_SECTIONS = 1000;

/** A diff summary with its list of changed sections capped (the rest counted). */
export function boundedSummary(summary: DiffSummary) {
  return {
    ...summary,
    sections: summary.sections.slice(0, SUMMARY_SECTIONS),
    sectionsNotListed: Math.max(0, summary.sections.length - SUMMARY_SECTIONS),
  };
}

/**
 * The JSON answer of `GET /api/proposals/{id}`: a bounded summary whatever the
 * proposal's size (about 2 MB at most: two inline diffs of 512 KB, two lists of
 * 1,000 sections of a few hundred bytes, 50 comments of 5,000 characters). Small diffs come inline, as before;
 * a large one is replaced by its summary (changed sections with their sizes),
 * and each part is fetched from `/api/proposals/{id}/diff`. The three full
 * article contents stay server-side.
 */
export function presentProposalSummary(details: ProposalOverview) {
  const { diffAgainstBase, diffAgainstCurrent, summaries, comments, ...rest } = details;
  const id = details.proposal.id;
  const inline = {
    base: summaries.againstBase.bytes <= INLINE_DIFF_BYTES,
    current: summaries.againstCurrent !== null && summaries.againstCurrent.bytes <= INLINE_DIFF_BYTES,
  };
  return {
    ...rest,
    comments: comments.slice(-SUMMARY_COMMENTS),
    commentCount: comments.length,
    diffAgainstBase: inline.base ? diffAgainstBase : null,
    diffAgainstCurrent: inline.current ? diffAgainstCurrent : null,
    diffs: {
      inline,
      againstBase: boundedSummary(summaries.againstBase),
      againstCurrent: summaries.againstCurrent && boundedSummary(summaries.againstCurrent),
      /** where each part of a diff is fetched: add `section={id}` or `part=references|infobox|notes` */
      partUrl: `/api/proposals/${id}/diff?against={base|current}`,
    },
  };
}
