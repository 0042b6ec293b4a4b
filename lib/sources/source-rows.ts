import type { Reference } from "../document/model";
import { normalizeDomain } from "./domains";
import { sourceIdentity } from "./identity";

/*
 * The source index's rows of one revision (pure): what the append statement
 * (lib/articles/commit-on-head.ts) writes into SourceCitation with the head.
 */

/** The index rows of one revision, as parallel arrays for the append statement's unnest. */
export interface SourceCitationRows {
  refKeys: string[];
  sourceKeys: string[];
  refHashes: string[];
  domains: Array<string | null>;
}

/** The rows of a revision's references that name a source, from its encoded blobs (their hashes are already made). */
export function sourceCitationRows(
  blobs: ReadonlyArray<{ kind: string; hash: string; data: unknown }>,
): SourceCitationRows {
  const rows: SourceCitationRows = { refKeys: [], sourceKeys: [], refHashes: [], domains: [] };
  for (const blob of blobs) {
    if (blob.kind !== "reference") continue;
    const reference = blob.data as Reference;
    const source = sourceIdentity(reference);
    if (!source) continue;
    rows.refKeys.push(reference.key);
    rows.sourceKeys.push(source.key);
    rows.refHashes.push(blob.hash);
    rows.domains.push(source.kind === "url" ? normalizeDomain(source.value) : null);
  }
  return rows;
}
