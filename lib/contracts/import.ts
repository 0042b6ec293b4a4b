import { z } from "zod";
import type { ImportReport } from "../import/report";

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
