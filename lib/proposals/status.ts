import { z } from "zod";

/**
 * Every status a proposal can have, the one list the code, the API's filter
 * and the database's CHECK constraint (prisma/migrations/*_vocabulary_checks)
 * agree on. A proposal is `open` until a reviewer decides or its author
 * withdraws it; `changes_requested` sends it back to its author.
 */
export const PROPOSAL_STATUSES = [
  "open",
  "changes_requested",
  "approved",
  "partially_approved",
  "rejected",
  "withdrawn",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
/** The statuses by name (`ProposalStatus.open`), so a misspelt one fails the type check. */
export const ProposalStatus = ZProposalStatus.enum;

/** The statuses in which the author may still post a new version or withdraw. */
export const REVISABLE_PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  ProposalStatus.open,
  ProposalStatus.changes_requested,
];
