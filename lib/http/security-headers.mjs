// The security headers of every response, in one place. Plain JavaScript so
// that scripts/serve.mjs, which runs before anything is compiled, sends the
// same ones as proxy.ts and the script-free views.

/**
 * The Content-Security-Policy. Pages with Next's scripts get a per-request
 * nonce (proxy.ts); pages rendered to plain HTML by route handlers (the
 * article and diff views) run no script at all, so their policy allows none,
 * and they skip the proxy, which halves their cost.
 * @param {{ nonce: string; development: boolean } | "none"} scripts
 * @returns {string}
 */
export function contentSecurityPolicy(scripts) {
  return [
    "default-src 'self'",
    scripts === "none"
      ? "script-src 'none'"
      : `script-src 'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${scripts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * @param {string} policy
 * @param {boolean} https
 * @returns {Record<string, string>}
 */
export function securityHeaders(policy, https) {
  return {
    "content-security-policy": policy,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Paths served as script-free HTML by route handlers, which set their own headers. */
export const SCRIPT_FREE_PAGES = /^\/wiki\/[^/]+(\/diff)?$/;
