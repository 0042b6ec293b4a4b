/**
 * The source reliability list's vocabulary and domain rules (pure), after
 * Wikipedia's perennial sources list (WP:RSP) and spam blacklist: a rating
 * applies to a domain and every subdomain of it, and the most specific
 * listed domain wins (so `blog.example.com` can be rated apart from
 * `example.com`).
 */

/** What the list can say of a domain; "unlisted" takes it off the list (the table is its own log). */
export const SOURCE_STATUSES = ["reliable", "no_consensus", "deprecated", "blacklisted", "unlisted"] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
export type ListedStatus = Exclude<SourceStatus, "unlisted">;

/** How each status reads to people. */
export const SOURCE_STATUS_NAMES: Record<SourceStatus, string> = {
  reliable: "generally reliable",
  no_consensus: "no consensus",
  deprecated: "deprecated",
  blacklisted: "blacklisted",
  unlisted: "not listed",
};

const MAX_DOMAIN = 253;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain as the list keys it: lowercase ASCII (IDN in punycode), no
 * `www.`, no trailing dot; a URL or `host/path` is cut to its host. Null
 * for anything that is not a domain of at least two labels (an IP address
 * or `localhost` is not rated: such URLs are not sources).
 */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 2048) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  if (host.length > MAX_DOMAIN || /^[\d.]+$/.test(host) || host.startsWith("[")) return null;
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  return host;
}

/** A URL's host and its parent domains, most specific first, down to two labels: what a lookup asks for. */
export function domainCandidates(url: string): string[] {
  const host = normalizeDomain(url);
  if (!host) return [];
  const labels = host.split(".");
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join("."));
}

/** The most specific listed entry for a URL, given the entries of its candidate domains. */
export function ratingOf<Entry extends { status: SourceStatus }>(
  url: string,
  entries: ReadonlyMap<string, Entry>,
): (Entry & { domain: string; status: ListedStatus }) | null {
  for (const domain of domainCandidates(url)) {
    const entry = entries.get(domain);
    if (entry && entry.status !== "unlisted") return { ...entry, domain, status: entry.status as ListedStatus };
  }
  return null;
}
