import "server-only";
import { assertAllowed } from "../authz/assert";
import { decide, type Actor } from "../authz/policy";
import { fetchLimits, fetchPublicPage, type FetchLimits } from "./fetch-page";
import { metadataFromHtml, type PageMetadata } from "./page-metadata";

/** What the citation dialog fills in: the page's own metadata, its address and today's access date. */
export interface CitationFromUrl {
  reference: PageMetadata & { url: string; accessDate: string };
  /** the reference fields the page itself supplied (the rest are for the editor to fill) */
  found: Array<keyof PageMetadata>;
}

/**
 * Fills a citation from a URL (issue 20): fetches the page (lib/citations/fetch-page.ts, public
 * addresses only) and reads what it says about itself. For signed-in users who are not blocked (the
 * route adds the "citation" rate limit): a fetch on the server's behalf is not for anonymous callers.
 * Writes nothing.
 */
export async function citeFromUrl(options: {
  actor: Actor | null;
  url: string;
  limits?: FetchLimits;
  now?: Date;
}): Promise<CitationFromUrl> {
  assertAllowed(decide(options.actor, "propose"));
  const page = await fetchPublicPage(options.url.trim(), options.limits ?? fetchLimits());
  const metadata = metadataFromHtml(page.html, page.url);
  return {
    reference: {
      ...metadata,
      url: metadata.url ?? page.url,
      accessDate: (options.now ?? new Date()).toISOString().slice(0, 10),
    },
    found: (Object.keys(metadata) as Array<keyof PageMetadata>).filter((key) => key !== "url"),
  };
}
