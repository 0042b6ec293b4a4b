import { afterEach, describe, expect, it, vi } from "vitest";
import { originProblem } from "./origin";

/*
 * mutation()'s own origin check, behind scripts/serve.mjs's Host check (which
 * `next dev` does not have): "this site" is the configured origin, never the
 * request's Host, so a DNS-rebinding page whose Host and Origin agree on the
 * attacker's name is refused.
 */

const post = (headers: Record<string, string>) =>
  new Request("http://internal/api/articles/X/edits", { method: "POST", headers });

afterEach(() => vi.unstubAllEnvs());

describe("originProblem", () => {
  it("refuses a foreign Host with a matching Origin when the site's origin is configured", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://wiki.intranet.example");
    vi.stubEnv("WIKI_ALLOWED_ORIGINS", "https://wiki-alt.intranet.example");
    expect(originProblem(post({ host: "rebind.example", origin: "http://rebind.example" }))).toMatch(
      /does not answer for the host rebind\.example/,
    );
    expect(originProblem(post({ host: "wiki.intranet.example", origin: "http://rebind.example" }))).toMatch(
      /cross-site Origin/,
    );
    expect(originProblem(post({ host: "wiki.intranet.example", origin: "https://wiki.intranet.example" }))).toBeNull();
    expect(
      originProblem(post({ host: "wiki-alt.intranet.example", origin: "https://wiki-alt.intranet.example" })),
    ).toBeNull();
  });

  it("without configuration, answers only loopback names", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("WIKI_ORIGIN", "");
    vi.stubEnv("WIKI_ALLOWED_ORIGINS", "");
    expect(originProblem(post({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBeNull();
    expect(originProblem(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(originProblem(post({ host: "rebind.example:3000", origin: "http://rebind.example:3000" }))).toMatch(
      /does not answer/,
    );
    expect(originProblem(post({ host: "localhost:3000", origin: "http://localhost:4000" }))).toMatch(
      /cross-site Origin/,
    );
  });

  // What a browser's own headers say outranks a matching Origin: a cross-site form or fetch is
  // refused even when Origin was rewritten (an extension, a proxy) to look like the site's.
  it("refuses a request the browser marks as cross-site or same-site, whatever its Origin", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://wiki.intranet.example");
    const own = { host: "wiki.intranet.example", origin: "https://wiki.intranet.example" };
    expect(originProblem(post({ ...own, "sec-fetch-site": "cross-site" }))).toBe(
      "cross-site request (Sec-Fetch-Site: cross-site)",
    );
    expect(originProblem(post({ ...own, "sec-fetch-site": "same-site" }))).toBe(
      "cross-site request (Sec-Fetch-Site: same-site)",
    );
    expect(originProblem(post({ ...own, "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(originProblem(post({ ...own, "sec-fetch-site": "none" }))).toBeNull();
  });

  it("refuses a missing or opaque Origin, and the site's name under another scheme", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://wiki.intranet.example/wiki");
    const host = "wiki.intranet.example";
    expect(originProblem(post({ host }))).toBe("missing Origin header");
    expect(originProblem(post({ host, origin: "null" }))).toBe("opaque Origin (null)");
    expect(originProblem(post({ host, origin: "http://wiki.intranet.example" }))).toBe(
      "cross-site Origin http://wiki.intranet.example",
    );
    expect(originProblem(post({ host, origin: "https://wiki.intranet.example/wiki" }))).toBe(
      "cross-site Origin https://wiki.intranet.example/wiki",
    );
    expect(originProblem(post({ origin: "https://wiki.intranet.example" }))).toBe("the request has no Host header");
  });

  it("without configuration, takes a loopback Host's own name under either scheme, and only that", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("WIKI_ORIGIN", "");
    vi.stubEnv("WIKI_ALLOWED_ORIGINS", "");
    expect(originProblem(post({ host: "localhost:3000", origin: "https://localhost:3000" }))).toBeNull();
    expect(originProblem(post({ host: "localhost:3000", origin: "http://127.0.0.1:3000" }))).toBe(
      "cross-site Origin http://127.0.0.1:3000",
    );
  });

  it("takes WIKI_ORIGIN as the site's origin", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("WIKI_ALLOWED_ORIGINS", "");
    vi.stubEnv("WIKI_ORIGIN", "https://wiki.example.org");
    expect(originProblem(post({ host: "wiki.example.org", origin: "https://wiki.example.org" }))).toBeNull();
    expect(originProblem(post({ host: "localhost:3000", origin: "http://localhost:3000" }))).toMatch(
      /does not answer for the host localhost:3000/,
    );
  });
});
