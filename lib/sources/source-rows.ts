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

/** A reference blob's source and domain, by the blob's hash (which fixes its content): edits repeat most references. */
const memo = new Map<string, { sourceKey: string; domain: string | null } | null>();
const MEMO_LIMIT = 50_000;

function sourceOfBlob(hash: string, reference: Reference) {
  let entry = memo.get(hash);
  if (entry === undefined) {
    const source = sourceIdentity(reference);
    // The domain from the normalized value's host (lowercase, no www.), checked as the reliability list keys domains.
    const host = source?.kind === "url" ? source.value.split(/[/?]/)[0].replace(/:\d+$/, "") : null;
    entry = source ? { sourceKey: source.key, domain: host ? normalizeDomain(host) : null } : null;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(hash, entry);
  }
  return entry;
}

/** The rows of a revision's references that name a source, from its encoded blobs (their hashes are already made). */
export function sourceCitationRows(
  blobs: ReadonlyArray<{ kind: string; hash: string; data: unknown }>,
): SourceCitationRows {
  const rows: SourceCitationRows = { refKeys: [], sourceKeys: [], refHashes: [], domains: [] };
  for (const blob of blobs) {
    if (blob.kind !== "reference") continue;
    const reference = blob.data as Reference;
    const source = sourceOfBlob(blob.hash, reference);
    if (!source) continue;
    rows.refKeys.push(reference.key);
    rows.sourceKeys.push(source.sourceKey);
    rows.refHashes.push(blob.hash);
    rows.domains.push(source.domain);
  }
  return rows;
}
