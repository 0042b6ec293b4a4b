import "server-only";
import type { Db, Tx } from "../db/client";
import { encodeContent, loadContent, storeBlobs } from "../articles/content-store";
import type { ArticleContent } from "../document/model";
import { touchedParts } from "./proposal-content";

/** Stores a proposal version's content (content-addressed, shared with revisions) and its row. */
export async function writeProposalVersion(
  tx: Tx,
  options: { proposalId: number; version: number; baseRevisionId: number; base: ArticleContent; content: ArticleContent; summary: string },
): Promise<void> {
  const encoded = encodeContent(options.content);
  await storeBlobs(tx, encoded.blobs);
  const touched = touchedParts(options.base, options.content);
  await tx.proposalVersion.create({
    data: {
      proposalId: options.proposalId,
      version: options.version,
      baseRevisionId: options.baseRevisionId,
      title: options.content.title,
      sectionsRoot: encoded.sectionsRoot,
      referencesRoot: encoded.referencesRoot,
      infoboxHash: encoded.infoboxHash,
      sizeBytes: Buffer.byteLength(JSON.stringify(options.content)),
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
