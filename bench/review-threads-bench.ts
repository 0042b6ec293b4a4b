/**
 * The proposal page with a long review (issue 17): a proposal on a mid-size
 * article with 5 versions and 200 thread comments spread across them, and
 * the reads the proposal page makes (lib/proposals/read-proposal.ts, then
 * lib/review-threads/read-threads.ts: older threads re-anchored onto the
 * newest version), timed in process.
 */
import { readArticleRevision } from "../lib/articles/read-article";
import type { Db } from "../lib/db/client";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent } from "../lib/document/model";
import { reviseProposal } from "../lib/proposals/change-proposal";
import { getProposal } from "../lib/proposals/read-proposal";
import { submitProposal } from "../lib/proposals/submit-proposal";
import { getProposalThreads } from "../lib/review-threads/read-threads";
import { replyToThread } from "../lib/review-threads/reply-to-thread";
import { startThread } from "../lib/review-threads/start-thread";
import { loadActor } from "../lib/users/load-actor";
import { seededRandom } from "../test/factories";
import { sample } from "./measure";

const VERSIONS = 5;
const THREADS_PER_VERSION = 8;
const COMMENTS_PER_THREAD = 5;

/** The content with one paragraph of section `index` rewritten (a new version's change). */
function rewriteOne(content: ArticleContent, index: number, words: string): ArticleContent {
  return {
    ...content,
    sections: content.sections.map((section, j) =>
      j === index
        ? {
            ...section,
            body: {
              ...section.body,
              content: [docFromMarkup(words).content![0], ...(section.body.content ?? []).slice(1)],
            },
          }
        : section,
    ),
  };
}

/**
 * Builds the proposal (on article `slug`, by `proposerId`, reviewed by
 * `reviewerId` and `commenterIds`) and times `runs` reads of what its page
 * shows. Returns the samples in milliseconds and what was built.
 */
export async function benchProposalWithComments(options: {
  db: Db;
  slug: string;
  proposerId: number;
  reviewerId: number;
  commenterIds: number[];
  runs: number;
}): Promise<{ samples: number[]; proposalId: number; threads: number; comments: number }> {
  const { db } = options;
  const random = seededRandom(2026);
  const head = await readArticleRevision({ db, slug: options.slug });
  const proposer = await loadActor(db, options.proposerId);
  const reviewer = await loadActor(db, options.reviewerId);
  const commenters = await Promise.all(options.commenterIds.map((id) => loadActor(db, id)));
  const sectionCount = head.content.sections.length;
  let content = rewriteOne(head.content, 1 % sectionCount, "Proposed opening, version 1.");
  const { proposalId } = await submitProposal({
    db,
    actor: proposer,
    articleId: head.article.id,
    baseRevisionId: head.revision.id,
    base: head.content,
    content,
    summary: "bench: a long review",
    rationale: "",
  });
  let threads = 0;
  let comments = 0;
  for (let version = 1; version <= VERSIONS; version++) {
    if (version > 1) {
      // Each version rewrites the first paragraph of another section, so some threads go outdated.
      const index = (version * 3) % sectionCount;
      content = rewriteOne(content, index, `Rewritten in version ${version}.`);
      await reviseProposal({
        db,
        actor: proposer,
        proposalId,
        request: {
          baseRevisionId: null,
          summary: "",
          minor: false,
          rationale: "",
          sectionEdit: { sectionId: content.sections[index].id, sections: [content.sections[index]] },
        },
      });
    }
    for (let t = 0; t < THREADS_PER_VERSION; t++) {
      const section = content.sections[Math.floor(random() * sectionCount)];
      const blocks = section.body.content?.length ?? 1;
      const started = await startThread({
        db,
        actor: reviewer,
        proposalId,
        request: {
          version,
          anchor: { kind: "block", sectionId: section.id, blockIndex: Math.floor(random() * blocks) },
          body: `Thread ${t} on version ${version}: is this sourced?`,
        },
      });
      threads += 1;
      comments += 1;
      for (let c = 1; c < COMMENTS_PER_THREAD; c++) {
        await replyToThread({
          db,
          actor: c % 2 ? proposer : commenters[c % commenters.length],
          proposalId,
          threadId: started.id,
          body: `Reply ${c}: the source says so on page ${c}.`,
        });
        comments += 1;
      }
    }
  }
  const samples = await sample(options.runs, async () => {
    const details = await getProposal({ db, proposalId });
    await getProposalThreads({
      db,
      proposalId,
      newest: { version: details.version.number, content: details.content.proposed },
    });
  });
  return { samples, proposalId, threads, comments };
}
