import { describe, expect, it } from "vitest";
import { domainCandidates, normalizeDomain, ratingOf, type SourceStatus } from "./domains";

describe("normalizeDomain", () => {
  it.each([
    ["example.com", "example.com"],
    ["  WWW.Example.COM. ", "example.com"],
    ["https://news.example.co.uk/path?q=1#x", "news.example.co.uk"],
    ["example.org/some/page", "example.org"],
    ["http://user:pw@Sub.Example.net:8080/", "sub.example.net"],
    ["bücher.example", "xn--bcher-kva.example"],
  ])("%s → %s", (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it.each([
    "",
    "localhost",
    "127.0.0.1",
    "http://[::1]/",
    "exa mple.com",
    "-bad.com",
    "a..b",
    "x".repeat(3000),
    "javascript:alert(1)",
  ])("refuses %j", (input) => expect(normalizeDomain(input)).toBeNull());
});

describe("domainCandidates and ratingOf", () => {
  it("asks for the host and each parent down to two labels", () => {
    expect(domainCandidates("https://a.b.example.com/x")).toEqual(["a.b.example.com", "b.example.com", "example.com"]);
    expect(domainCandidates("not a url at all")).toEqual([]);
  });

  it("takes the most specific listed domain; an unlisted one shadows nothing", () => {
    const entries = new Map<string, { status: SourceStatus; reason: string }>([
      ["example.com", { status: "deprecated", reason: "tabloid" }],
      ["blog.example.com", { status: "blacklisted", reason: "spam" }],
      ["news.example.com", { status: "unlisted", reason: "reviewed" }],
    ]);
    expect(ratingOf("https://blog.example.com/p", entries)).toMatchObject({
      domain: "blog.example.com",
      status: "blacklisted",
    });
    expect(ratingOf("https://x.blog.example.com/p", entries)).toMatchObject({ status: "blacklisted" });
    expect(ratingOf("https://www.example.com/p", entries)).toMatchObject({
      domain: "example.com",
      status: "deprecated",
    });
    expect(ratingOf("https://news.example.com/p", entries)).toMatchObject({
      domain: "example.com",
      status: "deprecated",
    });
    // A lookalike suffix is another domain.
    expect(ratingOf("https://notexample.com/p", entries)).toBeNull();
    expect(ratingOf("https://example.com.evil.net/p", entries)).toBeNull();
  });
});
