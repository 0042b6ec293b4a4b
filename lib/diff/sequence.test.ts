import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BagIndex, bagOf, bagSimilarity, TokenIds } from "./sequence";
import type { Token } from "./types";

const word = fc.constantFrom("army", "city", "rebels", "road", "the", "of", " ", "town", "north");
const token: fc.Arbitrary<Token> = fc.oneof(
  word.map((text) => ({ kind: "text" as const, text, marks: "" })),
  fc.constantFrom("a", "b").map((refKey) => ({ kind: "citation" as const, refKey })),
);
const tokens = fc.array(token, { maxLength: 12 });

describe("BagIndex", () => {
  it("scores every bag as bagSimilarity does, leaving out only those that score 0", () => {
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 8 }), tokens, (indexed, probe) => {
        const ids = new TokenIds();
        const bags = indexed.map((list) => bagOf(list, ids));
        const probeBag = bagOf(probe, ids);
        const scores = new BagIndex(bags).scores(probeBag);
        bags.forEach((bag, j) => {
          const expected = bagSimilarity(probeBag, bag);
          expect(scores.get(j) ?? 0).toBe(expected);
        });
      }),
    );
  });
});
