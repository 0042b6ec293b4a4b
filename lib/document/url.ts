/**
 * URL policy for links and references: only absolute http(s) URLs, with no
 * whitespace or control characters anywhere (browsers strip those, which is
 * how `java\tscript:` style payloads slip past naive checks).
 */
const FORBIDDEN_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/;

/** True when `value` is an absolute http: or https: URL safe to put in an href. */
export function isSafeHttpUrl(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return false;
  if (FORBIDDEN_CHARACTERS.test(value)) return false;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}
