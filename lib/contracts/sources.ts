import { z } from "zod";
import { SOURCE_STATUSES } from "../sources/domains";

/*
 * The source reliability list: what PUT /api/sources/reliability and
 * GET /api/sources/reliability parse. Pure zod and types.
 */

/** Body of PUT /api/sources/reliability: rate a domain (or take it off the list with "unlisted"), with a public reason. */
export const ZSourceReliabilityRequestSchema = z.strictObject({
  domain: z.string({ error: "domain must be text." }).max(300, "domain: at most 300 characters."),
  status: z.enum(SOURCE_STATUSES, { error: `status must be one of ${SOURCE_STATUSES.join(", ")}.` }),
  reason: z.string({ error: "reason must be text." }).max(500, "reason: at most 500 characters."),
});
export type TSourceReliabilityRequest = z.infer<typeof ZSourceReliabilityRequestSchema>;

/** Query of GET /api/sources/reliability: how the list rates one URL (the editor asks as a citation is inserted). */
export const ZSourceLookupQuery = z.strictObject({
  url: z.string({ error: "url is required." }).min(1, "url is required.").max(2048, "url: at most 2048 characters."),
});

/** Body of POST /api/citations/from-url: the page to fill a citation from. */
export const ZCitationFromUrlRequestSchema = z.strictObject({
  url: z.string({ error: "url must be text." }).min(1, "url is required.").max(2048, "url: at most 2048 characters."),
});

/** Path of /sources/{id} and its fix routes: a source id (lib/sources/identity.ts), checked by the use-case. */
export const ZSourceParams = z.object({
  id: z
    .string()
    .max(1400, "id: at most 1400 characters.")
    .regex(/^[A-Za-z0-9_-]+$/, "id is not a source id."),
});

const fixField = (name: string, max: number) =>
  z
    .string({ error: `${name} must be text.` })
    .max(max, `${name}: at most ${max} characters.`)
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined));

/**
 * Body of POST /api/sources/{id}/fix and of the no-script form POST /sources/{id}/fix: the corrected metadata of
 * a source ("fix once"). A field left out or empty keeps each article's own value; `authors` is one line, names
 * separated by ";". The same flat text shape for JSON and forms, so one schema serves both.
 */
export const ZFixSourceRequestSchema = z.strictObject({
  title: fixField("title", 1000),
  authors: fixField("authors", 2000),
  date: fixField("date", 10),
  work: fixField("work", 500),
  publisher: fixField("publisher", 500),
  language: fixField("language", 100),
  url: fixField("url", 2048),
  archiveUrl: fixField("archiveUrl", 2048),
  archiveDate: fixField("archiveDate", 10),
  accessDate: fixField("accessDate", 10),
});
export type TFixSourceRequest = z.input<typeof ZFixSourceRequestSchema>;
export type TFixSourceRequestParsed = z.output<typeof ZFixSourceRequestSchema>;

/** What fix once did in one article. */
export interface TSourceFixRow {
  slug: string;
  title: string;
  outcome: "edited" | "proposed" | "refused" | "skipped" | "not-reached";
  /** the new revision (edited) or the proposal (proposed) */
  revisionId?: number;
  proposalId?: number;
  /** why it was refused or skipped */
  reason?: string;
}

/** The answer of POST /api/sources/{id}/fix: the fix's log entry and its report, article by article. */
export interface TFixSourceResponse {
  fixId: number;
  url: string;
  rows: TSourceFixRow[];
}
