/**
 * Return paths after signing in (the login form's `returnTo`, next-auth's
 * `callbackUrl` parameter and cookie). Prefix checks on the raw string miss
 * what browsers do to it — they drop tabs and line breaks and read `\` as `/`,
 * so `/\t/evil.example` becomes `//evil.example` — so the value is resolved
 * with the URL parser, as a browser would, against this site's origin, and
 * kept only when it lands on that origin.
 */
export function resolveOnSite(value: unknown, origin: string): URL | null {
  if (typeof value !== "string" || !value) return null;
  try {
    const base = new URL(origin);
    const target = new URL(value, base);
    return target.origin === base.origin ? target : null;
  } catch {
    return null;
  }
}

// Any origin does for checking a path: only whether the value leaves it matters.
const PLACEHOLDER_ORIGIN = "http://wiki.invalid";

/** A same-site path (path, query and fragment, normalized as the browser will read it), or "/". */
export function safeReturnPath(value: unknown): string {
  const target = resolveOnSite(value, PLACEHOLDER_ORIGIN);
  return target ? `${target.pathname}${target.search}${target.hash}` : "/";
}

/** next-auth's redirect callback: `url` if it is on `baseUrl`'s origin, else the site's home. Never throws. */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  const target = resolveOnSite(url, baseUrl);
  if (target) return target.href;
  return resolveOnSite("/", baseUrl)?.href ?? "/";
}

/** next-auth's cookies for the return path (the __Secure- one over https). */
export const CALLBACK_URL_COOKIES = ["__Secure-next-auth.callback-url", "next-auth.callback-url"];

/**
 * Whether next-auth can read `value` as a callback URL at all (its own test:
 * a path, or an absolute http(s) URL). It answers one it cannot read, in the
 * `callbackUrl` parameter or its cookie, with a 500 "configuration error"
 * before any callback of ours runs; proxy.ts drops such values first. Whether
 * the URL stays on this site is decided later, by `sameSiteRedirect`.
 */
export function nextAuthCanRead(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? PLACEHOLDER_ORIGIN : undefined).protocol);
  } catch {
    return false;
  }
}
