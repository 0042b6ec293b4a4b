import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../db";
import { httpRequest, startAppServer, type AppServer } from "../../server";

describe("a real app server on a test database", () => {
  const database = useTestDatabase();
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({ databaseUrl: database.url });
  });
  afterAll(async () => server?.stop());

  it("answers the health check and refuses a cross-site mutation", async () => {
    expect((await httpRequest(server, "GET", "/api/health")).body).toEqual({ ok: true });
    const crossSite = await httpRequest(server, "POST", "/api/articles/Anything/edits", {
      body: {},
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
  });
});
