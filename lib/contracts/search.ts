import { z } from "zod";

/** Longest search in characters: enough for any title (255) and a phrase or two; bounds the query's cost. */
export const MAX_SEARCH_LENGTH = 300;
/** Most suggestions one request may ask for. */
export const MAX_SUGGESTIONS = 10;
/** Deepest results page: 50 pages of 20; past that, refine the search. */
export const MAX_SEARCH_PAGE = 50;

const ZSearchText = z
  .string({ error: "q is required." })
  .max(MAX_SEARCH_LENGTH, `q must be at most ${MAX_SEARCH_LENGTH} characters.`)
  // A NUL cannot reach PostgreSQL's text; other control characters mean nothing in a search.
  .transform((value) =>
    value
      .normalize("NFC")
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .trim(),
  );

/** Query of `GET /api/search/suggest?q=&limit=`: title prefix suggestions for the header's search box. */
export const ZSuggestQuery = z.object({
  q: ZSearchText.pipe(z.string().min(1, "q is required.")),
  limit: z
    .string()
    .regex(/^\d{1,2}$/, `limit must be a whole number from 1 to ${MAX_SUGGESTIONS}.`)
    .transform(Number)
    .refine(
      (value) => value >= 1 && value <= MAX_SUGGESTIONS,
      `limit must be a whole number from 1 to ${MAX_SUGGESTIONS}.`,
    )
    .optional(),
});
export type TSuggestQuery = z.output<typeof ZSuggestQuery>;

/** One title suggestion, as the header's search box shows it. */
export interface TSuggestion {
  title: string;
  slug: string;
}

/** Answer of `GET /api/search/suggest`. */
export interface TSuggestResponse {
  suggestions: TSuggestion[];
}

/** Query of the search page (`/search?q=&page=&fulltext=1`); `fulltext` lists results even for an exact title. */
export const ZSearchPageQuery = z.object({
  q: ZSearchText.optional(),
  page: z
    .string()
    .regex(/^\d{1,3}$/, `page must be a whole number from 1 to ${MAX_SEARCH_PAGE}.`)
    .transform(Number)
    .refine(
      (value) => value >= 1 && value <= MAX_SEARCH_PAGE,
      `page must be a whole number from 1 to ${MAX_SEARCH_PAGE}.`,
    )
    .optional(),
  fulltext: z.string().optional(),
});
