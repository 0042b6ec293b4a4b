import { describe, expect, it } from "vitest";
import { isSafeHttpUrl } from "./url";

describe("isSafeHttpUrl", () => {
  it("accepts absolute http and https URLs, whatever the scheme's case", () => {
    for (const url of [
      "http://example.org",
      "https://example.org/a?b=c#d",
      "HTTPS://EXAMPLE.org",
      "http://[::1]:8080/",
    ])
      expect(isSafeHttpUrl(url), url).toBe(true);
  });

  it("refuses what is not a string, and the empty string", () => {
    for (const value of [undefined, null, 42, {}, ["https://example.org"], ""])
      expect(isSafeHttpUrl(value)).toBe(false);
  });

  it("accepts up to 2,048 characters and no more", () => {
    const base = "https://example.org/";
    expect(isSafeHttpUrl(base + "a".repeat(2048 - base.length))).toBe(true);
    expect(isSafeHttpUrl(base + "a".repeat(2049 - base.length))).toBe(false);
  });

  it("refuses other schemes and scheme-relative or slash-less forms", () => {
    for (const url of [
      "ftp://example.org",
      "javascript://example.org/%0aalert(1)",
      "//example.org",
      "http:example.org",
      "http:/example.org",
      "xhttp://example.org",
      " https://example.org",
    ])
      expect(isSafeHttpUrl(url), url).toBe(false);
  });

  it("refuses a URL the URL parser refuses (no host, a bad port)", () => {
    for (const url of ["http://", "https://:443/", "http://example.org:99999/"])
      expect(isSafeHttpUrl(url), url).toBe(false);
  });

  it("refuses whitespace, control and invisible characters anywhere, which browsers would strip", () => {
    for (const character of [
      "\u0000",
      "\t",
      "\n",
      " ",
      "\u007f",
      "\u0085",
      "\u00ad",
      "\u200b",
      "\u2028",
      "\u2060",
      "\ufeff",
    ])
      expect(isSafeHttpUrl(`https://exa${character}mple.org/`), JSON.stringify(character)).toBe(false);
  });
});
