import { z } from "zod";
import { REVISION_TAGS } from "../articles/revision-tags";
import { GROUPS } from "../authz/groups";
import { PROTECTION_LEVELS } from "../authz/levels";
import { LOG_KINDS, RECENT_CHANGE_KINDS } from "../recent-changes/kinds";
import { ZId, zIdText } from "./ids";

/** Rows on a page of recent changes or of the log, unless the query asks for fewer or more (at most RECENT_CHANGES_MAX_LIMIT). */
export const RECENT_CHANGES_PAGE_SIZE = 50;
export const RECENT_CHANGES_MAX_LIMIT = 500;
const MAX_BYTES = 100_000_000;

/** A signed whole number of bytes in a query parameter, or a 400 naming it. */
const zBytesText = (name: string) =>
  z.string().transform((text, context) => {
    if (!/^[+-]?\d{1,9}$/.test(text)) {
      context.addIssue({
        code: "custom",
        message: `${name} must be a whole number of bytes (for example 500 or -500).`,
      });
      return z.NEVER;
    }
    return Math.max(-MAX_BYTES, Math.min(MAX_BYTES, Number(text)));
  });

const zChoice = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: `${name} must be one of: ${values.join(", ")}.` });

/**
 * The filters of recent changes, in the page's query string and in `GET /api/recent-changes` alike:
 * the article's protection level at the time, direct or approved edits, the actor's group at the time,
 * the size of the change in bytes (at least, at most), a revision tag, only changes awaiting patrol
 * (patrollers only), one kind of change; `cursor` is the last id of the page before (keyset paging).
 */
export const ZRecentChangesQuery = z.object({
  level: zChoice("level", PROTECTION_LEVELS).optional(),
  origin: zChoice("origin", ["direct", "approved"] as const).optional(),
  group: zChoice("group", GROUPS).optional(),
  minSize: zBytesText("minSize").optional(),
  maxSize: zBytesText("maxSize").optional(),
  tag: zChoice("tag", REVISION_TAGS).optional(),
  unpatrolled: zChoice("unpatrolled", ["1"] as const).optional(),
  kind: zChoice("kind", RECENT_CHANGE_KINDS).optional(),
  cursor: zIdText("cursor").optional(),
  limit: zIdText("limit").optional(),
  format: zChoice("format", ["html", "atom"] as const).optional(),
});
export type TRecentChangesQuery = z.output<typeof ZRecentChangesQuery>;

/** Query of `GET /api/recent-changes/newer`: how many changes the filters match after `since` (the page's newest id). */
export const ZNewerChangesQuery = ZRecentChangesQuery.extend({ since: zIdText("since") });

/** The global log's filters (`/log`, `GET /api/log`): the type of entry, who did it, which article. */
export const ZLogQuery = z.object({
  type: zChoice("type", LOG_KINDS).optional(),
  user: z.string().max(200, "user must be at most 200 characters.").optional(),
  article: z.string().max(500, "article must be at most 500 characters.").optional(),
  cursor: zIdText("cursor").optional(),
  limit: zIdText("limit").optional(),
});
export type TLogQuery = z.output<typeof ZLogQuery>;

/** Body of `POST /api/articles/{slug}/rollback`: the head the reviewer saw; 409 when the article moved on since. */
export const ZRollbackRequestSchema = z.strictObject({ expectedHeadId: ZId });
export type TRollbackRequest = z.infer<typeof ZRollbackRequestSchema>;

/** Answer of a rollback: the new revision, what it restored and how many edits it undid. */
export interface TRollbackResult {
  revisionId: number;
  restoredRevisionId: number;
  rolledBackUser: string;
  restoredUser: string;
  editsRolledBack: number;
}

/** Body of `POST /api/articles/{slug}/revisions/{id}/patrol`: nothing (the address names the edit). */
export const ZPatrolRequestSchema = z.strictObject({});

/** Answer of a patrol: whether this request marked it (false: it was patrolled already; nothing logged). */
export interface TPatrolResult {
  revisionId: number;
  patrolled: true;
  marked: boolean;
}

/** One row of recent changes or of the log, as the JSON API and the pages get it. */
export interface TRecentChangeRow {
  id: number;
  kind: (typeof RECENT_CHANGE_KINDS)[number];
  action: string | null;
  createdAt: string;
  /** `deleted`: the article is deleted now (lib/articles/delete-article.ts): its rows are listed, marked, not as a live article's */
  article: { slug: string; title: string; deleted?: boolean } | null;
  protectionLevel: string;
  actor: string | null;
  actorGroup: string;
  approved: boolean;
  sizeDelta: number | null;
  tags: string[];
  /** null when the reader may not see patrol state */
  patrolled: boolean | null;
  revisionId: number | null;
  parentRevisionId: number | null;
  /** the revision is the article's current one (rollback is offered on those) */
  isHead: boolean;
  target: string | null;
  proposalId: number | null;
  summary: string;
  details: Record<string, unknown> | null;
}

/** A page of recent changes or of the log: newest first, and the cursor of the next page. */
export interface TRecentChangesPage {
  changes: TRecentChangeRow[];
  nextCursor: number | null;
}
