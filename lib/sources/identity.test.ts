import { describe, expect, it } from "vitest";
import {
  archivedOriginal,
  normalizeDoi,
  normalizeIsbn,
  normalizeSourceUrl,
  sourceIdentity,
  sourceIdOf,
  sourceKeyOf,
} from "./identity";

describe("normalizeSourceUrl", () => {
  it.each([
    ["https://Example.COM/News/Story/", "example.com/News/Story"],
    ["http://www.example.com/News/Story#comments", "example.com/News/Story"],
    ["https://example.com:443/a?utm_source=x&b=2&utm_medium=y&a=1&fbclid=z", "example.com/a?a=1&b=2"],
    ["https://example.com:8080/a", "example.com:8080/a"],
    ["https://example.com/", "example.com"],
    ["https://web.archive.org/web/20241201000000/https://example.com/News/Story/", "example.com/News/Story"],
    ["http://archive.org/web/20241201id_/http://www.example.com/x?utm_campaign=c", "example.com/x"],
  ])("%s → %s", (input, expected) => expect(normalizeSourceUrl(input)).toBe(expected));

  it("keeps the path's case and the meaningful parameters", () => {
    expect(normalizeSourceUrl("https://example.com/A?id=1")).not.toBe(normalizeSourceUrl("https://example.com/a?id=1"));
    expect(normalizeSourceUrl("https://example.com/a?id=1")).not.toBe(normalizeSourceUrl("https://example.com/a?id=2"));
  });

  it.each(["javascript:alert(1)", "ftp://example.com/x", "not a url", ""])("refuses %j", (input) =>
    expect(normalizeSourceUrl(input)).toBeNull(),
  );
});

describe("archivedOriginal", () => {
  it("finds the original behind a Wayback address, with or without a scheme or flags", () => {
    expect(archivedOriginal("https://web.archive.org/web/20240101000000/https://example.com/a")).toBe(
      "https://example.com/a",
    );
    expect(archivedOriginal("https://web.archive.org/web/2024if_/example.com/a")).toBe("http://example.com/a");
    expect(archivedOriginal("https://example.com/web/2024/https://x.org")).toBeNull();
  });
});

describe("normalizeDoi", () => {
  it.each([
    ["10.1038/Nature12373", "10.1038/nature12373"],
    ["doi:10.1038/nature12373", "10.1038/nature12373"],
    ["https://doi.org/10.1038/NATURE12373", "10.1038/nature12373"],
    ["http://dx.doi.org/10.1002/%28SICI%291097", "10.1002/(sici)1097"],
  ])("%s → %s", (input, expected) => expect(normalizeDoi(input)).toBe(expected));

  it.each(["11.1038/x", "10.12/x", "10.1038/", "doi.org"])("refuses %j", (input) =>
    expect(normalizeDoi(input)).toBeNull(),
  );
});

describe("normalizeIsbn", () => {
  it.each([
    ["978-0-306-40615-7", "9780306406157"],
    ["0-306-40615-2", "9780306406157"],
    ["ISBN 0 306 40615 2", "9780306406157"],
    ["080442957X", "9780804429573"],
    ["979-10-90636-07-1", "9791090636071"],
  ])("%s → %s", (input, expected) => expect(normalizeIsbn(input)).toBe(expected));

  it.each(["978-0-306-40615-8", "0-306-40615-3", "12345", "9770306406157"])(
    "refuses %j (bad checksum or form)",
    (input) => expect(normalizeIsbn(input)).toBeNull(),
  );
});

describe("sourceIdentity", () => {
  it("matches one source across its URL forms", () => {
    const a = sourceIdentity({ url: "https://www.example.com/story/?utm_source=tw" });
    const b = sourceIdentity({ url: "http://EXAMPLE.com/story#top" });
    const c = sourceIdentity({
      url: "https://web.archive.org/web/20240101000000/https://example.com/story",
    });
    const d = sourceIdentity({ archiveUrl: "https://web.archive.org/web/2024/https://example.com/story/" });
    expect(a?.key).toBe("url:example.com/story");
    expect([b?.key, c?.key, d?.key]).toEqual([a?.key, a?.key, a?.key]);
  });

  it("prefers a DOI, then an ISBN, to the URL", () => {
    expect(sourceIdentity({ url: "https://doi.org/10.1038/NATURE12373" })?.key).toBe("doi:10.1038/nature12373");
    expect(sourceIdentity({ url: "https://www.tandfonline.com/doi/full/10.1080/0001/?x=1" })?.key).toBe(
      "doi:10.1080/0001",
    );
    expect(sourceIdentity({ url: "https://openlibrary.org/isbn/0-306-40615-2" })?.key).toBe("isbn:9780306406157");
    expect(sourceIdentity({ url: "https://books.example.org/find?isbn=978-0-306-40615-7" })?.key).toBe(
      "isbn:9780306406157",
    );
    expect(
      sourceIdentity({
        url: "https://example.com/a",
        archiveUrl: "https://web.archive.org/web/2024/https://doi.org/10.1/x",
      })?.key,
    ).toBe("url:example.com/a");
  });

  it("has none without a link, and none for an over-long one", () => {
    expect(sourceIdentity({})).toBeNull();
    expect(sourceIdentity({ url: `https://example.com/${"a".repeat(1200)}` })).toBeNull();
  });
});

describe("source ids", () => {
  it("round-trip, and refuse what no key makes", () => {
    const key = "url:example.com/ü?a=1&b=/x";
    const id = sourceIdOf(key);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sourceKeyOf(id)).toBe(key);
    expect(sourceKeyOf("!!")).toBeNull();
    expect(sourceKeyOf(sourceIdOf("other:thing"))).toBeNull();
    expect(sourceKeyOf(`${id}A`)).toBeNull();
  });
});
