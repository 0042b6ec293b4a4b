/**
 * Freezes a value and everything reachable from it, and returns it. Cached
 * values are shared between requests, so a caller that mutated one would
 * corrupt every later reader's copy; frozen, such a write throws instead.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
