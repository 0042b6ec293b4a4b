import { describe, expect, it } from "vitest";
import type { Actor } from "./policy";
import { decideSourceFix, decideSourceList, sourceFixReach } from "./sources";

const actor = (groups: string[], blocked = false): Actor => ({
  id: 1,
  name: "a",
  createdAt: new Date("2020-01-01"),
  editCount: 5000,
  grantedGroups: groups,
  blockedAt: blocked ? new Date("2026-01-01") : null,
  blockExpiresAt: null,
  blockReason: blocked ? "vandalism" : null,
});

describe("decideSourceList", () => {
  it("lets administrators who are not blocked rate sources, and no one else", () => {
    expect(decideSourceList(actor(["admin"]))).toEqual({ allowed: true });
    expect(decideSourceList(null)).toMatchObject({ allowed: false, status: 401 });
    expect(decideSourceList(actor(["reviewer"]))).toMatchObject({
      allowed: false,
      status: 403,
      reason: "Only administrators can rate sources.",
    });
    expect(decideSourceList(actor([]))).toMatchObject({ allowed: false, status: 403 });
    expect(decideSourceList(actor(["admin"], true))).toMatchObject({ allowed: false, status: 403, reason: /blocked/ });
  });
});

describe("decideSourceFix", () => {
  it("lets any signed-in user who is not blocked correct a source (each article then decides edit or proposal)", () => {
    expect(decideSourceFix(actor([]))).toEqual({ allowed: true });
    expect(decideSourceFix(null)).toMatchObject({ allowed: false, status: 401 });
    expect(decideSourceFix(actor(["admin"], true))).toMatchObject({ allowed: false, status: 403, reason: /blocked/ });
  });
});

describe("sourceFixReach", () => {
  it("lets extended-confirmed users and above edit through a fix, and sends everyone else's to review", () => {
    expect(sourceFixReach(actor([]))).toBe("edit"); // 5,000 edits since 2020: extended-confirmed by experience
    expect(sourceFixReach(actor(["admin"]))).toBe("edit");
    expect(sourceFixReach({ ...actor([]), editCount: 10 })).toBe("propose");
    expect(sourceFixReach({ ...actor([]), createdAt: new Date() })).toBe("propose");
    expect(sourceFixReach({ ...actor(["reviewer"]), editCount: 10 })).toBe("propose");
  });
});
