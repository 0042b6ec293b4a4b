import { describe, expect, it } from "vitest";
import { decideImport, decideSiteExport } from "./import";
import type { Actor } from "./policy";

const now = new Date("2026-12-01T00:00:00Z");
const actor = (groups: string[], block?: { until: Date | null }): Actor => ({
  id: 1,
  name: "someone",
  createdAt: new Date("2020-01-01T00:00:00Z"),
  editCount: 5000,
  grantedGroups: groups,
  blockedAt: block ? new Date("2026-11-01T00:00:00Z") : null,
  blockExpiresAt: block?.until ?? null,
  blockReason: block ? "vandalism" : null,
});

describe("decideImport", () => {
  it("allows administrators only", () => {
    expect(decideImport(actor(["admin"]), now)).toEqual({ allowed: true });
    for (const groups of [[], ["reviewer"], ["extendedconfirmed"]])
      expect(decideImport(actor(groups), now)).toMatchObject({ allowed: false, status: 403, code: "forbidden" });
  });

  it("asks the signed-out to sign in", () => {
    expect(decideImport(null, now)).toMatchObject({ allowed: false, status: 401 });
  });

  it("refuses a blocked administrator until the block ends", () => {
    expect(decideImport(actor(["admin"], { until: null }), now)).toMatchObject({ allowed: false, status: 403 });
    expect(decideImport(actor(["admin"], { until: new Date("2026-11-15T00:00:00Z") }), now)).toEqual({ allowed: true });
  });

  it("words a refused site export as an export", () => {
    expect(decideSiteExport(null, now)).toMatchObject({
      status: 401,
      reason: "You need to sign in to export the whole wiki.",
    });
    expect(decideSiteExport(actor([]), now)).toMatchObject({
      status: 403,
      reason: "Only administrators can export the whole wiki.",
    });
    expect(decideSiteExport(actor(["admin"]), now)).toEqual({ allowed: true });
  });
});
