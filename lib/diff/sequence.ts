import { diffArrays } from "diff";
import type { Token, TokenRun } from "./types";
import { tokenKey } from "./tokens";

/**
 * Word-level runs between two token lists (Myers' algorithm via jsdiff), or
 * null when more than `maxEditShare` of the tokens would change: such a pair
 * reads better shown whole, and Myers' cost grows with the edit length.
 */
export function diffTokens(from: Token[], to: Token[], maxEditShare = 1): TokenRun[] | null {
  const fromKeys = from.map(tokenKey);
  const toKeys = to.map(tokenKey);
  const runs: TokenRun[] = [];
  let i = 0;
  let j = 0;
  const maxEditLength = Math.max(20, Math.ceil((fromKeys.length + toKeys.length) * maxEditShare));
  const changes = diffArrays(fromKeys, toKeys, { maxEditLength });
  if (!changes) return null;
  for (const change of changes) {
    const count = change.value.length;
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

/** The word pairs of a block as a multiset: computed once per block, compared with many. */
export interface WordBag {
  /** word pair (two TokenIds numbers) -> how often it occurs */
  counts: Map<number, number>;
  size: number;
}

const PAIR_BASE = 2 ** 26;
const START = PAIR_BASE - 1;

/**
 * Numbers for token keys, shared by the bags of one diff so that word pairs
 * are numbers, not strings: a diff of a 200k-character article makes bags of
 * tens of thousands of pairs, and building a string for each was a good part
 * of its time and garbage. Whitespace gets -1 (not counted).
 */
export class TokenIds {
  private readonly ids = new Map<string, number>();
  /** plain words (text without marks, most tokens) by their text: no key string to build */
  private readonly words = new Map<string, number>();

  idOf(token: Token): number {
    if (token.kind === "text") {
      // A text token is a run of spaces or of non-spaces (tokens.ts), so its first character tells.
      // (Marked spaces too: a bold space is no more a word than a plain one.)
      if (isSpace(token.text.charCodeAt(0))) return -1;
      if (!token.marks) return this.lookup(this.words, token.text);
    }
    return this.lookup(this.ids, tokenKey(token));
  }

  private lookup(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = this.ids.size + this.words.size;
      map.set(key, id);
    }
    return id;
  }
}

function isSpace(code: number): boolean {
  // What \s matches in the tokenizer's pattern, fast for the common ASCII cases.
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/**
 * Word pairs rather than words: two unrelated paragraphs on one subject share
 * most of their words but few of their word pairs, while an edited paragraph
 * keeps most of both. So a rewrite is not mistaken for a change (and word-diffed).
 */
export function bagOf(tokens: Token[], ids = new TokenIds()): WordBag {
  const counts = new Map<number, number>();
  let size = 0;
  let previous = START;
  for (const token of tokens) {
    const id = ids.idOf(token);
    if (id < 0) continue;
    const pair = previous * PAIR_BASE + id;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
    size += 1;
    previous = id;
  }
  return { counts, size };
}

/**
 * The Dice coefficient of two word multisets in [0, 1], or 0 at once when
 * their sizes alone rule out reaching `atLeast` (most pairs of a rewrite).
 */
export function bagSimilarity(a: WordBag, b: WordBag, atLeast = 0): number {
  if (a.size === 0 && b.size === 0) return 1;
  if ((2 * Math.min(a.size, b.size)) / (a.size + b.size) < atLeast) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let shared = 0;
  for (const [key, n] of small) shared += Math.min(n, large.get(key) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/**
 * Bags indexed by word pair, so that the bags similar to one are found from
 * its own pairs rather than by comparing it with every bag: the blocks of a
 * rewrite share few word pairs, so most bags are never looked at (a rewrite
 * of a 40k-character article compared all pairs of its ~130 blocks).
 */
export class BagIndex {
  /** word pair -> flattened [bag index, count, bag index, count, ...] */
  private readonly postings = new Map<number, number[]>();
  private readonly empty: number[] = [];

  constructor(private readonly bags: WordBag[]) {
    bags.forEach((bag, j) => {
      if (bag.size === 0) this.empty.push(j);
      for (const [key, n] of bag.counts) {
        let list = this.postings.get(key);
        if (!list) this.postings.set(key, (list = []));
        list.push(j, n);
      }
    });
  }

  /**
   * bagSimilarity of `bag` with each indexed bag that can score above 0
   * (those sharing a word pair with it; for an empty bag, the empty ones),
   * by index. The others score 0.
   */
  scores(bag: WordBag): Map<number, number> {
    const result = new Map<number, number>();
    if (bag.size === 0) {
      for (const j of this.empty) result.set(j, 1);
      return result;
    }
    const shared = new Map<number, number>();
    for (const [key, n] of bag.counts) {
      const list = this.postings.get(key);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2)
        shared.set(list[i], (shared.get(list[i]) ?? 0) + Math.min(n, list[i + 1]));
    }
    for (const [j, count] of shared) result.set(j, (2 * count) / (bag.size + this.bags[j].size));
    return result;
  }
}

/** Longest common subsequence alignment of two key lists: pairs of matched indexes in order. */
export function alignExact(from: string[], to: string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(from, to)) {
    const count = change.value.length;
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
