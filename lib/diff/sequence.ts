import { diffArrays } from "diff";
import type { Token, TokenRun } from "./types";
import { tokenKey } from "./tokens";

/** Word-level runs between two token lists (Myers' algorithm via jsdiff). */
export function diffTokens(from: Token[], to: Token[]): TokenRun[] {
  const fromKeys = from.map(tokenKey);
  const toKeys = to.map(tokenKey);
  const runs: TokenRun[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(fromKeys, toKeys)) {
    const count = change.count ?? change.value.length;
    if (change.added) {
      runs.push({ op: "insert", tokens: to.slice(j, j + count) });
      j += count;
    } else if (change.removed) {
      runs.push({ op: "delete", tokens: from.slice(i, i + count) });
      i += count;
    } else {
      runs.push({ op: "equal", tokens: to.slice(j, j + count) });
      i += count;
      j += count;
    }
  }
  return runs;
}

/** Similarity of two token lists in [0, 1]: the Dice coefficient of their word multisets (cheap, order-blind). */
export function similarity(a: Token[], b: Token[]): number {
  const words = (tokens: Token[]) => tokens.map(tokenKey).filter((key) => key !== "t: " && !/^t:\s+$/.test(key));
  const left = words(a);
  const right = words(b);
  if (left.length === 0 && right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const key of left) counts.set(key, (counts.get(key) ?? 0) + 1);
  let shared = 0;
  for (const key of right) {
    const n = counts.get(key) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(key, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Longest common subsequence alignment of two key lists: pairs of matched indexes in order. */
export function alignExact(from: string[], to: string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(from, to)) {
    const count = change.count ?? change.value.length;
    if (change.added) j += count;
    else if (change.removed) i += count;
    else {
      for (let k = 0; k < count; k++) pairs.push([i + k, j + k]);
      i += count;
      j += count;
    }
  }
  return pairs;
}
