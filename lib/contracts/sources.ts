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
