/**
 * Strings a request may not carry (plain JavaScript, so that scripts/serve.mjs
 * checks every address, the JSON API's included, before Next sees it; proxy.ts
 * and lib/http/well-formed.ts use the same functions).
 */

/** Why `text` cannot be stored, or null when it can. */
/** @param {string} text @returns {string | null} */
export function stringProblem(text) {
  if (text.includes("\u0000")) return "text cannot contain the NUL character (U+0000)";
  if (/\p{Cs}/u.test(text)) return "text cannot contain a lone UTF-16 surrogate (ill-formed Unicode)";
  return null;
}

/**
 * Why a request's address cannot be read, or null: a malformed %-escape in
 * the path (Next would answer a bare 500 before any route runs), or a path or
 * query parameter that decodes to NUL (`%00`), which no query can carry.
 * (A %-escaped lone surrogate cannot arrive decoded: the path's fails to
 * decode, and query parameters decode ill-formed UTF-8 to U+FFFD.)
 */
/** @param {URL} url @returns {string | null} */
export function addressProblem(url) {
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return "The address has a malformed %-escape.";
  }
  const pathProblem = stringProblem(path);
  if (pathProblem) return `The address: ${pathProblem}.`;
  for (const [name, value] of url.searchParams) {
    const problem = stringProblem(name) ?? stringProblem(value);
    if (problem) return `The query parameter ${JSON.stringify(stringProblem(name) ? "(name)" : name)}: ${problem}.`;
  }
  return null;
}
