import "server-only";
import { loadContent } from "../articles/content-store";
import { buildEditedContent } from "../articles/edit-request";
import type { TEditRequestParsed } from "../contracts/articles";
import type { Db, Tx } from "../db/client";
import { WikiError } from "../errors";
import { assertNoBlacklistedLinks } from "../sources/check-sources";
import { loadProposalVersion, writeProposalVersion } from "./proposal-store";
import { ProposalStatus, REVISABLE_PROPOSAL_STATUSES } from "./status";

const REVISABLE: string[] = REVISABLE_PROPOSAL_STATUSES.slice();

/**
 * Adds a version to a proposal: the change is applied to the version the
 * writer saw (`expectedVersion`) and kept as the next version, based on the
 * given article revision (so a stale proposal can be rebased). The proposal
 * moves to it by a compare-and-set on `expectedVersion` and a revisable
 * status: a decision, a withdrawal or another version that got in first
 * writes nothing (409, `notRevisable` or a stale-version conflict), so no
 * version is ever built on one its writer did not see. Shared by the
 * author's revision and a reviewer's amendment, which differ only in who may
 * write and who is recorded as the version's author.
 */
export async function appendProposalVersion(
  db: Db,
  options: {
    proposal: { id: number; articleId: number };
    expectedVersion: number;
    authorId: number;
    request: TEditRequestParsed;
    notRevisable: (status: string) => WikiError;
    staleMessage: string;
    /** more writes that stand or fall with the new version (e.g. marking a suggestion applied) */
    afterWrite?: (tx: Tx, version: number) => Promise<void>;
  },
) {
  const { proposal, request } = options;
  const latest = await loadProposalVersion(db, proposal.id, options.expectedVersion);
  const baseRevisionId = request.baseRevisionId ?? latest.baseRevisionId;
  const baseRevision = await db.revision.findUnique({ where: { id: baseRevisionId } });
  if (!baseRevision || baseRevision.articleId !== proposal.articleId)
    throw new WikiError("bad_request", `baseRevisionId: revision ${baseRevisionId} is not a revision of this article.`);
  const content = buildEditedContent(latest.content, request);
  await assertNoBlacklistedLinks(db, latest.content, content);
  const base = await loadContent(db, baseRevision);
  const version = options.expectedVersion + 1;
  return db.$transaction(async (tx) => {
    const moved = await tx.proposal.updateMany({
      where: { id: proposal.id, currentVersion: options.expectedVersion, status: { in: REVISABLE } },
      data: {
        currentVersion: version,
        status: ProposalStatus.open,
        updatedAt: new Date(),
        ...(request.summary ? { summary: request.summary } : {}),
      },
    });
    if (moved.count === 0) {
      const now = await tx.proposal.findUniqueOrThrow({
        where: { id: proposal.id },
        select: { status: true, currentVersion: true },
      });
      if (!REVISABLE.includes(now.status)) throw options.notRevisable(now.status);
      throw new WikiError("conflict", options.staleMessage, {
        status: now.status,
        reason: "stale_version",
        seenVersion: options.expectedVersion,
        currentVersion: now.currentVersion,
      });
    }
    await writeProposalVersion(tx, {
      proposalId: proposal.id,
      version,
      authorId: options.authorId,
      baseRevisionId,
      base,
      content,
      summary: request.summary,
    });
    await options.afterWrite?.(tx, version);
    return { proposalId: proposal.id, version };
  });
}
