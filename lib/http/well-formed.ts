/**
 * Strings a request may not carry, found before any schema or database sees
 * them. JSON.parse accepts `"\ud800"` (a lone UTF-16 surrogate: no character
 * at all) and `"\u0000"`; PostgreSQL text can hold neither (the surrogate
 * cannot be encoded as UTF-8, NUL ends a C string), so either would fail deep
 * in a write as a 500 instead of a 400 naming the field.
 */

/** Why `text` cannot be stored, or null when it can. */
export function stringProblem(text: string): string | null {
  if (text.includes("\u0000")) return "text cannot contain the NUL character (U+0000)";
  if (/\p{Cs}/u.test(text)) return "text cannot contain a lone UTF-16 surrogate (ill-formed Unicode)";
  return null;
}

/**
 * Every ill-formed string in a parsed JSON value (keys included), with its
 * dotted path as zod issues name them, in document order; iterative, so deep
 * nesting cannot overflow the stack.
 */
export function illFormedStrings(value: unknown): Array<{ path: string; message: string }> {
  const found: Array<{ path: string; message: string }> = [];
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length) {
    const [item, path] = stack.pop()!;
    if (typeof item === "string") {
      const message = stringProblem(item);
      if (message) found.push({ path, message });
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        const childPath = path ? `${path}.${key}` : key;
        const keyMessage = stringProblem(key);
        if (keyMessage) found.push({ path: childPath, message: `a field name: ${keyMessage}` });
        stack.push([child, childPath]);
      }
    }
  }
  return found.reverse();
}

/**
 * Why a request's address cannot be read, or null: a malformed %-escape in
 * the path (Next would answer a bare 500 before any route runs), or a path or
 * query parameter that decodes to NUL (`%00`), which no query can carry.
 * (A %-escaped lone surrogate cannot arrive decoded: the path's fails to
 * decode, and query parameters decode ill-formed UTF-8 to U+FFFD.)
 */
export function addressProblem(url: URL): string | null {
  let path: string;
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
