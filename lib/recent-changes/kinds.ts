import { z } from "zod";

/**
 * What a row of recent changes records (RecentChange.kind; the database refuses any other). `edit` and
 * `create` are revisions, `rollback` a revision that rolled back edits (and a log entry), the rest are
 * log entries or proposals, `talk` a talk page post, `deletion` and `restore` an administrator's deletion and
 * restoration of an article, `move` its move to a new title (a revision whose content's title changed, written by
 * the save's statement, and a log entry).
 */
export const RECENT_CHANGE_KINDS = [
  "edit",
  "create",
  "rollback",
  "proposal",
  "decision",
  "protection",
  "rights",
  "block",
  "pending-changes",
  "patrol",
  "talk",
  "deletion",
  "restore",
  "move",
] as const;
export type RecentChangeKind = (typeof RECENT_CHANGE_KINDS)[number];
export const ZRecentChangeKind = z.enum(RECENT_CHANGE_KINDS);
/** The kinds by name (`RecentChangeKind.patrol`), so a misspelt one fails the type check. */
export const RecentChangeKind = ZRecentChangeKind.enum;

/** The kinds that are revisions: they have a diff, a size change and may await patrol. */
export const REVISION_KINDS = ["edit", "create", "rollback"] as const satisfies readonly RecentChangeKind[];

/** The kinds the global log (/log) lists, as its `type` filter names them. */
export const LOG_KINDS = [
  "protection",
  "rights",
  "block",
  "decision",
  "pending-changes",
  "patrol",
  "rollback",
  "deletion",
  "restore",
  "move",
] as const satisfies readonly RecentChangeKind[];
export type LogKind = (typeof LOG_KINDS)[number];
export const ZLogKind = z.enum(LOG_KINDS);

/** Each log kind's heading, as /log's type filter offers it. */
export const LOG_KIND_NAMES: Record<LogKind, string> = {
  protection: "Protection log",
  rights: "User rights log",
  block: "Block log",
  decision: "Review decisions",
  "pending-changes": "Pending changes log",
  patrol: "Patrol log",
  rollback: "Rollback log",
  deletion: "Deletion log",
  restore: "Restoration log",
  move: "Move log",
};
