/**
 * Issue 17's interdiff row: two versions of a proposal on the bench's
 * 1M-character article, compared as the proposal page and
 * GET /api/proposals/{id}/versions/{a}/diff/{b} compare them
 * (getProposalInterdiff: two version rows, the diff cache keyed by the two
 * versions' content roots, the diff computed on a miss).
 */
import type { Actor } from "../lib/authz/policy";
import type { Db } from "../lib/db/client";
import { readArticleRevision } from "../lib/articles/read-article";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent } from "../lib/document/model";
import { reviseProposal } from "../lib/proposals/change-proposal";
import { getProposalInterdiff } from "../lib/proposals/interdiff";
import { submitProposal } from "../lib/proposals/submit-proposal";
import { sample } from "./measure";

type LatencyRow = (
  name: string,
  samples: number[],
  target?: string,
  check?: (s: { p50: number; p99: number }) => boolean,
) => unknown;

/** The article with section `index` replaced by `markup`. */
function withSection(content: ArticleContent, index: number, markup: string): ArticleContent {
  return {
    ...content,
    sections: content.sections.map((section, j) =>
      j === index ? { ...section, body: docFromMarkup(markup) } : section,
    ),
  };
}

/**
 * Proposals of two versions each on `slug` (version 2 changes one more
 * section), then the interdiff of each pair once (a diff-cache miss: every
 * pair's contents differ) and again (a hit). Target: p99 <= 200 ms.
 */
export async function benchProposalInterdiff(options: {
  db: Db;
  slug: string;
  proposer: Actor;
  quick: boolean;
  row: LatencyRow;
}): Promise<void> {
  const { db, slug, proposer } = options;
  const head = await readArticleRevision({ db, slug });
  const sections = head.content.sections.length;
  const proposals: number[] = [];
  for (let i = 0; i <= (options.quick ? 3 : 40); i++) {
    const first = 1 + ((i * 61) % (sections - 1));
    const second = 1 + ((i * 61 + 7) % (sections - 1));
    const v1 = withSection(head.content, first, `Interdiff bench ${i}, first version.`);
    const { proposalId } = await submitProposal({
      db,
      actor: proposer,
      articleId: head.article.id,
      baseRevisionId: head.revision.id,
      base: head.content,
      content: v1,
      summary: `interdiff bench ${i}`,
      rationale: "",
    });
    await reviseProposal({
      db,
      actor: proposer,
      proposalId,
      request: {
        baseRevisionId: head.revision.id,
        summary: "",
        minor: false,
        rationale: "",
        content: withSection(v1, second, `Interdiff bench ${i}, second version.`),
      },
    });
    proposals.push(proposalId);
  }
  // One pair, not measured, warms the code paths (JIT, the blob cache of the unchanged sections), as a running server is.
  const warmUp = proposals.pop()!;
  await getProposalInterdiff({ db, proposalId: warmUp, from: 1, to: 2 });
  const compare = (i: number) => getProposalInterdiff({ db, proposalId: proposals[i], from: 1, to: 2 });
  const target = "p99 <= 200 ms";
  const met = (s: { p99: number }) => s.p99 <= 200;
  options.row(
    "interdiff of two proposal versions, 1M article (diff cache miss)",
    await sample(proposals.length, compare),
    target,
    met,
  );
  options.row(
    "interdiff of two proposal versions, 1M article (cached)",
    await sample(proposals.length * 5, (i) => compare(i % proposals.length)),
    target,
    met,
  );
}
