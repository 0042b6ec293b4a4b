/**
 * Cross-site request refusal for every mutation: an unsafe request must carry
 * an Origin equal to this site's own, and a browser's Sec-Fetch-Site, when
 * present, must say same-origin. `Origin: null` and a missing Origin are
 * refused (cookies are SameSite=Lax, but that is not enough on its own).
 */
export function originProblem(request: Request): string | null {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `cross-site request (Sec-Fetch-Site: ${site})`;
  const origin = request.headers.get("origin");
  if (!origin) return "missing Origin header";
  if (origin === "null") return "opaque Origin (null)";
  const allowed = new Set([new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  for (const extra of [process.env.NEXTAUTH_URL, ...(process.env.WIKI_ALLOWED_ORIGINS ?? "").split(",")]) {
    if (extra) {
      try {
        allowed.add(new URL(extra).origin);
      } catch {
        // ignore malformed configuration entries
      }
    }
  }
  return allowed.has(origin) ? null : `cross-site Origin ${origin}`;
}

// The client's address for every per-address limit (kept importable from here for the routes that use both).
export { clientAddress } from "./client-address";
