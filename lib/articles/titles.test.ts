import { describe, expect, it } from "vitest";
import { normalizeTitle, slugOfTitle, titleProblem } from "./titles";

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
});
