import { afterEach, describe, expect, it, vi } from "vitest";
import { originProblem } from "./origin";

/*
 * mutation()'s own origin check, behind scripts/serve.mjs's Host check (which
 * `next dev` does not have): "this site" is the configured origin, never the
 * request's Host, so a DNS-rebinding page whose Host and Origin agree on the
 * attacker's name is refused.
 */

const post = (headers: Record<string, string>) => new Request("http://internal/api/articles/X/edits", { method: "POST", headers });

afterEach(() => vi.unstubAllEnvs());

describe("originProblem", () => {
  it("refuses a foreign Host with a matching Origin when the site's origin is configured", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://wiki.intranet.example");
    vi.stubEnv("WIKI_ALLOWED_ORIGINS", "https://wiki-alt.intranet.example");
    expect(originProblem(post({ host: "rebind.example", origin: "http://rebind.example" }))).toMatch(/does not answer for the host rebind\.example/);
    expect(originProblem(post({ host: "wiki.intranet.example", origin: "http://rebind.example" }))).toMatch(/cross-site Origin/);
    expect(originProblem(post({ host: "wiki.intranet.example", origin: "https://wiki.intranet.example" }))).toBeNull();
    expect(originProblem(post({ host: "wiki-alt.intranet.example", origin: "https://wiki-alt.intranet.example" }))).toBeNull();
  });

  it("without configuration, answers only loopback names", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("WIKI_ORIGIN", "");
    vi.stubEnv("WIKI_ALLOWED_ORIGINS", "");
    expect(originProblem(post({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBeNull();
    expect(originProblem(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(originProblem(post({ host: "rebind.example:3000", origin: "http://rebind.example:3000" }))).toMatch(/does not answer/);
    expect(originProblem(post({ host: "localhost:3000", origin: "http://localhost:4000" }))).toMatch(/cross-site Origin/);
  });
});
