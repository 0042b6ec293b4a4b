import "server-only";
import { assertAllowed } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { decideThreadAction } from "../authz/threads";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { reviseProposal } from "../proposals/change-proposal";
import { loadProposalVersion } from "../proposals/proposal-store";
import { placeThread, mapBlocks } from "./reanchor";
import { replaceBlock, suggestionBlocks } from "./suggestion";
import { findThread } from "./thread-store";

/**
 * The proposal's author applies a thread's suggested change with one click:
 * a new version of the proposal (through reviseProposal, so every rule of a
 * revision holds) with the anchored block replaced, and the thread resolved
 * as "applied in version N" in the same transaction, so a double click makes
 * exactly one version. Refused with 409, nothing written, when the block
 * changed since the suggestion was made or the author is not looking at the
 * current version; the suggestion stays in the thread to copy by hand.
 */
export async function applySuggestion(options: {
  actor: Actor | null;
  proposalId: number;
  threadId: number;
  version: number;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const thread = await findThread(db, options.proposalId, options.threadId);
  assertAllowed(
    decideThreadAction(options.actor, "apply", {
      proposalAuthorId: thread.proposal.authorId,
      threadAuthorId: thread.authorId,
    }),
  );
  if (thread.suggestion === null)
    throw new WikiError("bad_request", `Thread #${thread.id} has no suggested change to apply.`);
  if (thread.appliedInVersion !== null)
    throw new WikiError("conflict", `This suggestion was already applied in version ${thread.appliedInVersion}.`);
  const current = thread.proposal.currentVersion;
  if (options.version !== current)
    throw new WikiError(
      "conflict",
      `version: the proposal is at version ${current}, not ${options.version}; reload it.`,
      {
        field: "version",
        currentVersion: current,
      },
    );
  const newest = (await loadProposalVersion(db, thread.proposalId, current)).content;
  const mapping =
    thread.version === current
      ? null
      : mapBlocks((await loadProposalVersion(db, thread.proposalId, thread.version)).content, newest, [
          thread.sectionId ?? "",
        ]);
  const place = placeThread(thread, newest, mapping);
  if (place.state === "outdated" || place.changed || place.sectionId === null || place.blockIndex === null)
    throw new WikiError(
      "conflict",
      `The text this suggestion replaces changed since version ${thread.version}, when it was made; nothing was applied. The suggestion is kept in the thread: copy it into the editor, or ask for a new one.`,
      { suggestion: thread.suggestion },
    );
  const blocks = suggestionBlocks(thread.suggestion, newest);
  if (!blocks.ok)
    throw new WikiError("invalid_document", `${blocks.problem.field}: ${blocks.problem.message}`, {
      field: blocks.problem.field,
    });
  const section = newest.sections.find((candidate) => candidate.id === place.sectionId);
  if (!section) throw new WikiError("conflict", "The section of this suggestion is gone; nothing was applied.");
  const actor = options.actor as Actor;
  return reviseProposal({
    actor,
    proposalId: thread.proposalId,
    db,
    expectedVersion: current,
    request: {
      baseRevisionId: null,
      summary: "",
      minor: false,
      rationale: "",
      sectionEdit: { sectionId: section.id, sections: [replaceBlock(section, place.blockIndex, blocks.blocks)] },
    },
    async afterWrite(tx, version) {
      const applied = await tx.reviewThread.updateMany({
        where: { id: thread.id, appliedInVersion: null },
        data: { appliedInVersion: version, resolvedAt: new Date(), resolvedById: actor.id },
      });
      if (applied.count === 0) throw new WikiError("conflict", "This suggestion was just applied.");
      await tx.reviewThreadComment.create({
        data: {
          threadId: thread.id,
          authorId: actor.id,
          kind: "apply",
          body: `Applied in version ${version}.`,
          version,
        },
      });
    },
  });
}
