/**
 * Strings a request may not carry, found before any schema or database sees
 * them. JSON.parse accepts `"\ud800"` (a lone UTF-16 surrogate: no character
 * at all) and `"\u0000"`; PostgreSQL text can hold neither (the surrogate
 * cannot be encoded as UTF-8, NUL ends a C string), so either would fail deep
 * in a write as a 500 instead of a 400 naming the field.
 */

import { stringProblem } from "./address-problem.mjs";

export { addressProblem, stringProblem } from "./address-problem.mjs";

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
