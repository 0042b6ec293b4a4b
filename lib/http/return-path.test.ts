import { describe, expect, it } from "vitest";
import { nextAuthCanRead, safeReturnPath, sameSiteRedirect } from "./return-path";

const ESCAPES = [
  "/\t/evil.example",
  "/\r/evil.example",
  "/\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  " //evil.example",
  "",
  "http://[",
];

describe("return paths", () => {
  it.each(ESCAPES)("sends %j home", (value) => {
    expect(safeReturnPath(value)).toBe("/");
    expect(sameSiteRedirect(value, "https://wiki.example")).toBe("https://wiki.example/");
  });

  it("keeps same-site paths and URLs, normalized", () => {
    expect(safeReturnPath("/wiki/A_b?x=1#s")).toBe("/wiki/A_b?x=1#s");
    expect(safeReturnPath("/wiki/../review")).toBe("/review");
    expect(sameSiteRedirect("https://wiki.example/review", "https://wiki.example")).toBe("https://wiki.example/review");
    expect(sameSiteRedirect("/review", "https://wiki.example")).toBe("https://wiki.example/review");
    expect(safeReturnPath(["/a"])).toBe("/");
    // Scheme-relative to this very site, as the browser reads it too.
    expect(safeReturnPath("http:evil.example")).toBe("/evil.example");
    expect(sameSiteRedirect("http:evil.example", "https://wiki.example")).toBe("https://wiki.example/");
  });

  it("knows which values next-auth could not even parse", () => {
    expect(nextAuthCanRead("/anything")).toBe(true);
    expect(nextAuthCanRead("https://evil.example")).toBe(true);
    for (const garbage of ["http://[", "%", "javascript:alert(1)", "relative", ""])
      expect(nextAuthCanRead(garbage)).toBe(false);
  });
});
