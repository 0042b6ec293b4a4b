import { describe, expect, it } from "vitest";
import { PROTECTION_LEVELS } from "./levels";
import type { Actor } from "./policy";
import { decideTalkAction } from "./talk";

const now = new Date("2026-01-01T00:00:00Z");

function person(id: number, grantedGroups: string[] = [], block?: { until?: Date }): Actor {
  return {
    id,
    name: `p${id}`,
    // a day-old account with no edits: a plain "user", below every protection level
    createdAt: new Date(now.getTime() - 86_400_000),
    editCount: 0,
    grantedGroups,
    blockedAt: block ? new Date(now.getTime() - 1000) : null,
    blockExpiresAt: block?.until ?? null,
    blockReason: block ? "spam" : null,
  };
}

describe("decideTalkAction", () => {
  it("lets every signed-in user who is not blocked post, at every protection level", () => {
    for (const protection of PROTECTION_LEVELS) {
      for (const actor of [person(1), person(2, ["reviewer"]), person(3, ["admin"])]) {
        expect(decideTalkAction(actor, "post", { protection, now }), `${actor.grantedGroups} on ${protection}`).toEqual(
          {
            allowed: true,
          },
        );
      }
    }
  });

  it("refuses anonymous readers with 401 and an invitation to sign in", () => {
    const decision = decideTalkAction(null, "post", { protection: "none", now });
    expect(decision).toMatchObject({ allowed: false, status: 401, code: "unauthorized" });
    expect(decision.allowed === false && decision.reason).toMatch(/sign in to join the discussion/);
  });

  it("refuses a blocked user with 403 naming the block, even an admin", () => {
    for (const actor of [person(1, [], {}), person(3, ["admin"], {})]) {
      const decision = decideTalkAction(actor, "post", { protection: "none", now });
      expect(decision).toMatchObject({ allowed: false, status: 403, code: "forbidden" });
      expect(decision.allowed === false && decision.reason).toMatch(/blocked.*spam/);
    }
  });

  it("lets a user whose block has expired post again", () => {
    const expired = person(1, [], { until: new Date(now.getTime() - 1) });
    expect(decideTalkAction(expired, "post", { protection: "full", now }).allowed).toBe(true);
  });

  it("lets only administrators hide posts", () => {
    expect(decideTalkAction(person(3, ["admin"]), "hide", { protection: "none", now }).allowed).toBe(true);
    for (const actor of [person(1), person(2, ["reviewer"])]) {
      expect(decideTalkAction(actor, "hide", { protection: "none", now })).toMatchObject({
        allowed: false,
        status: 403,
      });
    }
    expect(decideTalkAction(null, "hide", { protection: "none", now })).toMatchObject({ status: 401 });
  });
});
