import { describe, expect, it } from "vitest";
import { decidePersonal, ownsNotification } from "./notifications";
import type { Actor } from "./policy";

const actor = (id: number, blocked = false): Actor => ({
  id,
  name: `u${id}`,
  createdAt: new Date("2020-01-01"),
  editCount: 0,
  grantedGroups: [],
  blockedAt: blocked ? new Date("2026-01-01") : null,
  blockExpiresAt: null,
  blockReason: blocked ? "vandalism" : null,
});

describe("personal rights (watchlist, inbox)", () => {
  it("refuses a signed-out caller with 401", () => {
    const decision = decidePersonal(null, "watch");
    expect(decision).toMatchObject({ allowed: false, status: 401, code: "unauthorized" });
  });
  it("lets a blocked user keep a watchlist and read notifications", () => {
    expect(decidePersonal(actor(1, true), "watch").allowed).toBe(true);
    expect(decidePersonal(actor(1, true), "read_notifications").allowed).toBe(true);
  });
  it("gives a notification only to its recipient", () => {
    expect(ownsNotification(actor(1), { recipientId: 1 })).toBe(true);
    expect(ownsNotification(actor(2), { recipientId: 1 })).toBe(false);
    expect(ownsNotification(null, { recipientId: 1 })).toBe(false);
  });
});
