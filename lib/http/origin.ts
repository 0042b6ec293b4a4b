import { configuredOrigins, hostProblem } from "./site-origin.mjs";

/**
 * Cross-site request refusal for every mutation: an unsafe request must carry
 * an Origin equal to this site's own, and a browser's Sec-Fetch-Site, when
 * present, must say same-origin. `Origin: null` and a missing Origin are
 * refused (cookies are SameSite=Lax, but that is not enough on its own).
 * "This site" is the configured origin (NEXTAUTH_URL, WIKI_ORIGIN,
 * WIKI_ALLOWED_ORIGINS), not the request's Host: a DNS-rebinding page sends
 * a matching Host and Origin of the attacker's own name, and is refused for
 * the name. Only without configuration (`next dev`) does a loopback Host
 * stand for the site.
 */
export function originProblem(request: Request): string | null {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `cross-site request (Sec-Fetch-Site: ${site})`;
  const origin = request.headers.get("origin");
  if (!origin) return "missing Origin header";
  if (origin === "null") return "opaque Origin (null)";
  const host = request.headers.get("host");
  const wrongHost = hostProblem(host);
  if (wrongHost) return wrongHost;
  const allowed = configuredOrigins();
  if (!allowed.length) allowed.push(`http://${host}`, `https://${host}`);
  return allowed.includes(origin) ? null : `cross-site Origin ${origin}`;
}

// The client's address for every per-address limit (kept importable from here for the routes that use both).
export { clientAddress } from "./client-address";
