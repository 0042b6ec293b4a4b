import { describe, expect, it } from "vitest";
import type { Actor } from "./policy";
import { decideAcceptance } from "./pending-changes";

const now = new Date("2026-01-01T00:00:00Z");
const actor = (grantedGroups: string[], blocked = false): Actor => ({
  id: 1,
  name: "someone",
  createdAt: new Date(now.getTime() - 40 * 86_400_000),
  editCount: 600,
  grantedGroups,
  blockedAt: blocked ? now : null,
  blockExpiresAt: null,
  blockReason: blocked ? "vandalism" : null,
});

describe("who may accept pending changes", () => {
  it("lets reviewers and admins accept, only admins under full protection", () => {
    expect(decideAcceptance(actor(["reviewer"]), "none", now).allowed).toBe(true);
    expect(decideAcceptance(actor(["admin"]), "full", now).allowed).toBe(true);
    expect(decideAcceptance(actor(["reviewer"]), "full", now)).toMatchObject({
      allowed: false,
      status: 403,
      reason: expect.stringMatching(/only administrators can accept/),
    });
  });

  it("refuses editors, the signed-out and blocked reviewers, each with its reason", () => {
    expect(decideAcceptance(actor([]), "none", now)).toMatchObject({
      status: 403,
      reason: "Only reviewers and administrators can accept pending changes.",
    });
    expect(decideAcceptance(null, "none", now)).toMatchObject({
      status: 401,
      reason: expect.stringMatching(/sign in/),
    });
    expect(decideAcceptance(actor(["reviewer"], true), "none", now)).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/blocked/),
    });
  });
});
