import "server-only";
import type { Db, Tx } from "../db/client";
import { encodeContent, loadContent, storeBlobs } from "../articles/content-store";
import { maxEditBytes } from "../contracts/articles";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { touchedParts } from "./proposal-content";

/**
 * Most bytes (as JSON) of the parts a proposal changes: the sections,
 * references and infobox as proposed (WIKI_MAX_PROPOSAL_BYTES, default half the
 * edit limit). Anyone with an account may propose, and every reviewer must read
 * the whole change, so it is held well under what an edit may send; a larger
 * change is split into several proposals.
 */
export const maxProposalBytes = () => Number(process.env.WIKI_MAX_PROPOSAL_BYTES ?? Math.floor(maxEditBytes() / 2));

/** Refuses with 413, naming the limit, a proposed version whose change or whole article is too large to review. */
function assertProposalSize(content: ArticleContent, touched: ReturnType<typeof touchedParts>): number {
  const size = Buffer.byteLength(JSON.stringify(content));
  if (size > maxEditBytes())
    throw new WikiError(
      "payload_too_large",
      `The proposed article would be ${size.toLocaleString("en")} bytes; the limit is ${maxEditBytes().toLocaleString("en")}.`,
    );
  const sections = new Set(touched.sections);
  const references = new Set(touched.references);
  const changed =
    content.sections
      .filter((section) => sections.has(section.id))
      .reduce((sum, section) => sum + Buffer.byteLength(JSON.stringify(section)), 0) +
    content.references
      .filter((reference) => references.has(reference.key))
      .reduce((sum, reference) => sum + Buffer.byteLength(JSON.stringify(reference)), 0) +
    (touched.infobox ? Buffer.byteLength(JSON.stringify(content.infobox)) : 0);
  const limit = maxProposalBytes();
  if (changed > limit) {
    throw new WikiError(
      "payload_too_large",
      `This proposal changes ${changed.toLocaleString("en")} bytes of the article; a proposal may change at most ${limit.toLocaleString("en")} bytes. Split it into smaller proposals.`,
      { limit, bytes: changed },
    );
  }
  return size;
}

/** Stores a proposal version (refused with 413 when too large to review)'s content (content-addressed, shared with revisions) and its row. */
export async function writeProposalVersion(
  tx: Tx,
  options: {
    proposalId: number;
    version: number;
    /** who wrote it: the proposer, or a reviewer amending it */
    authorId: number;
    baseRevisionId: number;
    base: ArticleContent;
    content: ArticleContent;
    summary: string;
  },
): Promise<void> {
  const touched = touchedParts(options.base, options.content);
  const sizeBytes = assertProposalSize(options.content, touched);
  const encoded = encodeContent(options.content);
  await storeBlobs(tx, encoded.blobs);
  await tx.proposalVersion.create({
    data: {
      proposalId: options.proposalId,
      version: options.version,
      authorId: options.authorId,
      baseRevisionId: options.baseRevisionId,
      title: options.content.title,
      sectionsRoot: encoded.sectionsRoot,
      referencesRoot: encoded.referencesRoot,
      infoboxHash: encoded.infoboxHash,
      sizeBytes,
      summary: options.summary,
      touchedSections: touched.sections,
      touchedReferences: touched.references,
      touchesInfobox: touched.infobox,
    },
  });
}

/** Loads one version of a proposal with its content. */
export async function loadProposalVersion(db: Db | Tx, proposalId: number, version: number) {
  const row = await db.proposalVersion.findUniqueOrThrow({ where: { proposalId_version: { proposalId, version } } });
  return { ...row, content: await loadContent(db, row) };
}
