import "server-only";
import { getDb, type Db } from "../db/client";
import { ProposalStatus } from "./status";

/** Another proposal of the same article that touches some of the parts this one touches. */
export interface ProposalOverlap {
  id: number;
  summary: string;
  status: string;
  /** the touched parts both have in common */
  sections: string[];
  references: string[];
  infobox: boolean;
  /** for an approved one: the revision it published */
  revisionId: number | null;
}

/**
 * The proposals that share a section, reference or the infobox with this
 * one's current version: those still open (whichever is approved first may
 * make the other conflict) and those approved since this version's base
 * revision (which is why this one may no longer apply). One statement over
 * the touched sets stored on each version; no content is read.
 */
export async function listProposalOverlaps(options: { proposalId: number; db?: Db }): Promise<ProposalOverlap[]> {
  return (options.db ?? getDb()).$queryRawUnsafe<ProposalOverlap[]>(
    `SELECT other."id", other."summary", other."status", d."revisionId",
      ARRAY(SELECT unnest(v."touchedSections") INTERSECT SELECT unnest(ov."touchedSections")) AS "sections",
      ARRAY(SELECT unnest(v."touchedReferences") INTERSECT SELECT unnest(ov."touchedReferences")) AS "references",
      v."touchesInfobox" AND ov."touchesInfobox" AS "infobox"
    FROM "Proposal" p
    JOIN "ProposalVersion" v ON v."proposalId" = p."id" AND v."version" = p."currentVersion"
    JOIN "Proposal" other ON other."articleId" = p."articleId" AND other."id" <> p."id"
    JOIN "ProposalVersion" ov ON ov."proposalId" = other."id" AND ov."version" = other."currentVersion"
    LEFT JOIN "ReviewDecision" d ON d."proposalId" = other."id" AND d."revisionId" IS NOT NULL
    WHERE p."id" = $1
      AND (other."status" = '${ProposalStatus.open}' OR d."revisionId" > v."baseRevisionId")
      AND (ov."touchedSections" && v."touchedSections" OR ov."touchedReferences" && v."touchedReferences"
        OR (ov."touchesInfobox" AND v."touchesInfobox"))
    ORDER BY other."id"`,
    options.proposalId,
  );
}
