// The site's own origin comes from configuration, never from the request
// (DESIGN.md invariant 8). Plain JavaScript so that scripts/serve.mjs, which
// runs before anything is compiled, and lib/http/origin.ts share one rule.

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The origins the deployment names as its own: `WIKI_ORIGIN`, `NEXTAUTH_URL`
 * and the comma-separated `WIKI_ALLOWED_ORIGINS` (further names of one site);
 * malformed or non-http(s) entries are ignored.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string[]}
 */
export function configuredOrigins(env = process.env) {
  const origins = new Set();
  for (const entry of [env.WIKI_ORIGIN, env.NEXTAUTH_URL, ...(env.WIKI_ALLOWED_ORIGINS ?? "").split(",")]) {
    const value = entry?.trim();
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.protocol === "http:" || url.protocol === "https:") origins.add(url.origin);
    } catch {
      // a malformed entry names no origin
    }
  }
  return [...origins];
}

/**
 * Why this site must not answer a request sent with this Host header, or null.
 * A DNS-rebinding page reaches the server under the attacker's host name, so
 * its requests carry that name in Host (and, for mutations, in Origin): only
 * the configured origins' hosts are answered. With none configured (a bare
 * `node scripts/serve.mjs`, `next dev`), only loopback names are, on `port`
 * when it is known.
 * @param {string | null | undefined} host the Host header
 * @param {{ env?: Record<string, string | undefined>, port?: number }} [options]
 * @returns {string | null}
 */
export function hostProblem(host, options = {}) {
  if (!host) return "the request has no Host header";
  let parsed;
  try {
    parsed = new URL(`http://${host}`);
  } catch {
    return `malformed Host header ${JSON.stringify(host)}`;
  }
  if (parsed.username || parsed.password || parsed.pathname !== "/" || parsed.search || parsed.hash)
    return `malformed Host header ${JSON.stringify(host)}`;
  const origins = configuredOrigins(options.env);
  if (origins.length) {
    return origins.some((origin) => new URL(origin).host === parsed.host)
      ? null
      : `this site does not answer for the host ${parsed.host}`;
  }
  if (!LOOPBACK_HOSTNAMES.has(parsed.hostname))
    return `this site does not answer for the host ${parsed.host} (set NEXTAUTH_URL to its public URL)`;
  if (options.port !== undefined && (parsed.port || "80") !== String(options.port))
    return `this site does not answer for the host ${parsed.host}`;
  return null;
}
