import { describe, expect, it } from "vitest";
import { normalizeTitle, slugOfTitle, titleProblem, titleSkeleton } from "./titles";

describe("titles", () => {
  it("normalizes as MediaWiki does", () => {
    expect(normalizeTitle("  hama_offensive  of  2024 ")).toBe("Hama offensive of 2024");
    expect(slugOfTitle("2024 Hama offensive")).toBe("2024_Hama_offensive");
    expect(slugOfTitle("élan")).toBe("Élan");
  });

  it("explains forbidden titles", () => {
    expect(titleProblem("")).toMatch(/empty/);
    expect(titleProblem("a".repeat(256))).toMatch(/longer/);
    expect(titleProblem("A <b> tag")).toMatch(/character/);
    expect(titleProblem("Good title")).toBeNull();
  });

  it("refuses invisible and text-direction characters, naming them", () => {
    for (const [character, label] of [
      ["\u200B", "U+200B"],
      ["\u00AD", "U+00AD"],
      ["\u2060", "U+2060"],
      ["\u202E", "U+202E"],
      ["\u2066", "U+2066"],
      ["\uFE0F", "U+FE0F"],
      ["\u{E0041}", "U+E0041"],
    ]) {
      expect(titleProblem(`Hama${character} offensive`)).toContain(label);
    }
  });

  it("gives look-alike titles one skeleton, and different titles different ones", () => {
    const original = titleSkeleton("Hama offensive");
    for (const lookalike of [
      "H\u0430ma offensive",
      "Hama \u03BFffensive",
      "\uFF28\uFF41\uFF4D\uFF41 offensive",
      "Harna offensive",
      "hama_offensive",
    ])
      expect(titleSkeleton(lookalike)).toBe(original);
    expect(titleSkeleton("Hama offensives")).not.toBe(original);
    expect(titleSkeleton("Hama Offensive")).not.toBe(original);
  });
});
