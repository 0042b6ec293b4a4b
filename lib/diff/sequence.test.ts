import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignExact, BagIndex, bagOf, bagSimilarity, diffTokens, TokenIds } from "./sequence";
import type { Token, TokenRun } from "./types";

const word = fc.constantFrom("army", "city", "rebels", "road", "the", "of", " ", "town", "north");
const token: fc.Arbitrary<Token> = fc.oneof(
  word.map((text) => ({ kind: "text" as const, text, marks: "" })),
  fc.constantFrom("a", "b").map((refKey) => ({ kind: "citation" as const, refKey })),
);
const tokens = fc.array(token, { maxLength: 12 });
const words = (text: string): Token[] =>
  (text.match(/\s+|\S+/g) ?? []).map((part) => ({ kind: "text", text: part, marks: "" }));
const side = (runs: TokenRun[], op: "delete" | "insert") =>
  runs.filter((run) => run.op === "equal" || run.op === op).flatMap((run) => run.tokens);

describe("diffTokens", () => {
  it("is complete: its equal and deleted runs spell the old tokens, its equal and inserted runs the new", () => {
    fc.assert(
      fc.property(tokens, tokens, (from, to) => {
        const runs = diffTokens(from, to);
        expect(runs).not.toBeNull();
        expect(side(runs!, "delete")).toEqual(from);
        expect(side(runs!, "insert")).toEqual(to);
      }),
    );
  });

  it("keeps what two token lists share as equal runs, in order", () => {
    expect(diffTokens(words("the army left"), words("the whole army left"))).toEqual([
      { op: "equal", tokens: words("the ") },
      { op: "insert", tokens: words("whole ") },
      { op: "equal", tokens: words("army left") },
    ]);
    expect(diffTokens(words("a b"), words("b"))).toEqual([
      { op: "delete", tokens: words("a ") },
      { op: "equal", tokens: words("b") },
    ]);
  });

  it("gives up (null) when more than the allowed share of the tokens would change, but never below 20 edits", () => {
    const many = (prefix: string) => words(Array.from({ length: 30 }, (_, i) => `${prefix}${i}`).join(" "));
    expect(diffTokens(many("x"), many("y"), 0.1)).toBeNull();
    expect(diffTokens(many("x"), many("y"), 1)).not.toBeNull();
    // Five words replaced by five others: ten edits, under the floor of 20 whatever the share.
    expect(diffTokens(words("a b c d e"), words("f g h i j"), 0)).not.toBeNull();
  });
});

describe("TokenIds", () => {
  const text = (value: string, marks = ""): Token => ({ kind: "text", text: value, marks });

  it("numbers equal tokens equally and different tokens differently, whatever their kind", () => {
    const ids = new TokenIds();
    const distinct: Token[] = [
      text("a"),
      text("a", "bold"),
      text("c:a"),
      { kind: "citation", refKey: "a" },
      { kind: "note", text: "a" },
      { kind: "tag", tag: "a", date: "2024-01" },
      { kind: "break", label: "¶" },
      text("b"),
    ];
    const numbers = distinct.map((token) => ids.idOf(token));
    expect(new Set(numbers).size).toBe(distinct.length);
    expect(distinct.map((token) => ids.idOf(structuredClone(token)))).toEqual(numbers);
    for (const id of numbers) expect(id).toBeGreaterThanOrEqual(0);
  });

  it("does not count spaces as words, marked or not, ASCII or not", () => {
    const ids = new TokenIds();
    for (const space of [" ", "  ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\u2003", "\u3000"]) {
      expect(ids.idOf(text(space)), JSON.stringify(space)).toBe(-1);
      expect(ids.idOf(text(space, "bold")), JSON.stringify(space)).toBe(-1);
    }
    // Control characters next to the whitespace range are words (the tokenizer keeps them in words).
    for (const character of ["\u0008", "\u000e", "\u007f", "\u0085x"])
      expect(ids.idOf(text(character)), JSON.stringify(character)).toBeGreaterThanOrEqual(0);
  });
});

describe("word-pair bags", () => {
  it("count word pairs, not spaces, from the start of the block", () => {
    const ids = new TokenIds();
    expect(bagOf(words("the army  of the army"), ids).size).toBe(5);
    expect(bagOf(words(" \t "), ids).size).toBe(0);
    // "the army" twice: one pair counted twice; the first word pairs with the block's start.
    const bag = bagOf(words("the army the army"), ids);
    expect([...bag.counts.values()].sort()).toEqual([1, 1, 2]);
  });

  it("score the Dice coefficient of their pairs: 1 for equal or both empty, 0 for nothing shared", () => {
    const ids = new TokenIds();
    const bag = (text: string) => bagOf(words(text), ids);
    expect(bagSimilarity(bag(""), bag(""))).toBe(1);
    expect(bagSimilarity(bag("a b c"), bag("a b c"))).toBe(1);
    expect(bagSimilarity(bag("a b c"), bag(""))).toBe(0);
    expect(bagSimilarity(bag("a b c"), bag("x y z"))).toBe(0);
    // Pairs (start a) (a b) (b c) against (start a) (a b) (b d): two of three shared.
    expect(bagSimilarity(bag("a b c"), bag("a b d"))).toBeCloseTo(2 / 3);
    // Same words, other order: few shared pairs.
    expect(bagSimilarity(bag("a b c d"), bag("d c b a"))).toBe(0);
    expect(bagSimilarity(bag("a a a"), bag("a a"))).toBeCloseTo((2 * 2) / 5);
  });

  it("score 0 at once when the sizes alone cannot reach `atLeast`, and the full score otherwise", () => {
    const ids = new TokenIds();
    const small = bagOf(words("a b"), ids);
    const large = bagOf(words("a b c d e f g h i j"), ids);
    expect(bagSimilarity(small, large)).toBeCloseTo(4 / 12);
    expect(bagSimilarity(small, large, 0.5)).toBe(0);
    expect(bagSimilarity(small, large, 4 / 12)).toBeCloseTo(4 / 12);
    fc.assert(
      fc.property(tokens, tokens, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, atLeast) => {
        const ids = new TokenIds();
        const [bagA, bagB] = [bagOf(a, ids), bagOf(b, ids)];
        const full = bagSimilarity(bagA, bagB);
        const bounded = bagSimilarity(bagA, bagB, atLeast);
        expect(bounded === full || (bounded === 0 && full < atLeast)).toBe(true);
        expect(bagSimilarity(bagB, bagA)).toBe(full);
      }),
    );
  });
});

describe("BagIndex", () => {
  it("scores every bag as bagSimilarity does, leaving out only those that score 0", () => {
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 8 }), tokens, (indexed, probe) => {
        const ids = new TokenIds();
        const bags = indexed.map((list) => bagOf(list, ids));
        const probeBag = bagOf(probe, ids);
        const scores = new BagIndex(bags).scores(probeBag);
        for (const j of scores.keys()) expect(j >= 0 && j < bags.length && Number.isInteger(j)).toBe(true);
        bags.forEach((bag, j) => {
          const expected = bagSimilarity(probeBag, bag);
          expect(scores.get(j) ?? 0).toBe(expected);
        });
      }),
    );
  });
});

/** The length of a longest common subsequence, by the textbook table. */
function lcsLength(a: string[], b: string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
  return table[a.length][b.length];
}

describe("alignExact", () => {
  it("pairs equal keys in increasing order, as many as a longest common subsequence has", () => {
    const keys = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 12 });
    fc.assert(
      fc.property(keys, keys, (from, to) => {
        const pairs = alignExact(from, to);
        for (const [i, j] of pairs) expect(from[i]).toBe(to[j]);
        pairs.forEach(([i, j], k) => {
          if (k === 0) return;
          expect(i).toBeGreaterThan(pairs[k - 1][0]);
          expect(j).toBeGreaterThan(pairs[k - 1][1]);
        });
        expect(pairs.length).toBe(lcsLength(from, to));
      }),
    );
  });

  it("pairs the right indexes around insertions and deletions", () => {
    expect(alignExact(["a", "b", "c"], ["x", "a", "c", "y"])).toEqual([
      [0, 1],
      [2, 2],
    ]);
  });
});
