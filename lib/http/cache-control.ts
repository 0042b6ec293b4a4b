/**
 * The cache policies of every read, JSON or HTML, in one place, so a route
 * names what its answer is rather than spelling a header: `immutable` for
 * what can never change (a revision, a diff of two fixed revisions),
 * `revalidate` for what changes on a save, `private` for what names the
 * signed-in reader, `none` for what must not be kept at all (health, errors).
 */
export const CACHE_CONTROL = {
  immutable: "public, max-age=31536000, immutable",
  revalidate: "no-cache",
  private: "private, no-cache",
  none: "no-store",
} as const;

export type CachePolicy = keyof typeof CACHE_CONTROL;
