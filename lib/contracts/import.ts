import { z } from "zod";
import { zIdText } from "./ids";
import type { ImportReport } from "../import/report";
import type { DumpImportReport } from "../import/dump-report";

/** Largest wikitext one import reads: the largest article of the English Wikipedia is about 1.3 MB. */
export const MAX_IMPORT_WIKITEXT = 4_000_000;

/** POST /api/import: one article's wikitext, the title it is imported under, and an optional summary. */
export const ZImportRequestSchema = z.strictObject({
  title: z.string().trim().min(1, "is required").max(255, "must be at most 255 characters"),
  wikitext: z
    .string()
    .min(1, "is required")
    .max(MAX_IMPORT_WIKITEXT, `must be at most ${MAX_IMPORT_WIKITEXT} characters`),
  summary: z.string().max(500, "must be at most 500 characters").optional(),
});
export type TImportRequest = z.input<typeof ZImportRequestSchema>;

/** What an import did: a new article or revision (or none, when the text was the same), and the report. */
export interface TImportResponse {
  status: "created" | "saved" | "unchanged";
  slug: string;
  revisionId: number;
  report: ImportReport;
}

/** Bounds of one dump uploaded to `POST /api/import/dump` (lib/articles/import-dump.ts); over one: 413 naming it. */
export const DUMP_UPLOAD_LIMITS = {
  maxBytes: 32 * 1024 * 1024,
  maxPages: 1_000,
  maxRevisions: 10_000,
  maxRevisionChars: MAX_IMPORT_WIKITEXT,
  maxBatchChars: 16_000_000,
} as const;

/** Bounds of a dump imported from the server's command line (`npm run import -- dump.xml`): streamed, so only per-page ones matter. */
export const DUMP_CLI_LIMITS = {
  maxBytes: Number.MAX_SAFE_INTEGER,
  maxPages: 10_000_000,
  maxRevisions: 100_000_000,
  maxRevisionChars: MAX_IMPORT_WIKITEXT,
  maxBatchChars: 64_000_000,
} as const;

/** Query of `POST /api/import/dump`: none yet (the body is the dump itself, `application/xml`). */
export const ZDumpImportQuery = z.object({});

/** Revisions of one article in one XML export (MediaWiki's `$wgExportMaxHistory` is 1000); further ones by `offset`. */
export const MAX_EXPORT_REVISIONS = 100;

/** Query of `GET /wiki/{slug}/export`: wikitext of one revision, or MediaWiki XML (current revision, or history pages). */
export const ZArticleExportQuery = z.object({
  format: z.enum(["wikitext", "xml"], { error: "format must be wikitext or xml" }).default("wikitext"),
  oldid: zIdText("oldid").optional(),
  history: z.enum(["0", "1"], { error: "history must be 0 or 1" }).optional(),
  offset: zIdText("offset").optional(),
  limit: zIdText("limit")
    .refine((n) => n <= MAX_EXPORT_REVISIONS, `limit must be at most ${MAX_EXPORT_REVISIONS}`)
    .optional(),
});

/** Query of `GET /admin/export`: the whole site as MediaWiki XML, current revisions or (`history=1`) with history. */
export const ZSiteExportQuery = z.object({
  history: z.enum(["0", "1"], { error: "history must be 0 or 1" }).optional(),
});

/** What `POST /api/import/dump` answers: the dump's report. */
export type TDumpImportResponse = DumpImportReport;
