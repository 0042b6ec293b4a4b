import { describe, expect, it } from "vitest";
import { acceptsGzip, cachedPageCoding, codingQuality, nextCoding } from "./content-coding";

describe("acceptsGzip", () => {
  it("admits gzip when listed or by wildcard, unless its quality is zero", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("deflate, br")).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("codings of reader views", () => {
  it("reads q-values, a listed coding before the wildcard", () => {
    expect(codingQuality("br;q=0.5, *;q=0.1", "br")).toBe(0.5);
    expect(codingQuality("br;q=0.5, *;q=0.1", "gzip")).toBe(0.1);
    expect(codingQuality("BR", "br")).toBe(1);
    expect(codingQuality("br;q=nonsense", "br")).toBe(0);
  });

  it("gives cached pages Brotli when it is taken at least as gladly as gzip, and nothing when not compressing", () => {
    expect(cachedPageCoding("gzip, deflate, br, zstd", true)).toBe("br");
    expect(cachedPageCoding("br;q=0.5, gzip", true)).toBe("gzip");
    expect(cachedPageCoding("gzip", true)).toBe("gzip");
    expect(cachedPageCoding("br;q=0, gzip", true)).toBe("gzip");
    expect(cachedPageCoding("identity", true)).toBe("identity");
    expect(cachedPageCoding(undefined, true)).toBe("identity");
    expect(cachedPageCoding("br, gzip", false)).toBe("identity");
  });

  it("names what Next's own compression picks: gzip, then deflate, never Brotli", () => {
    expect(nextCoding("gzip, deflate, br", true)).toBe("gzip");
    expect(nextCoding("br", true)).toBe("identity");
    expect(nextCoding("deflate, br", true)).toBe("deflate");
    expect(nextCoding("gzip", false)).toBe("identity");
  });
});
