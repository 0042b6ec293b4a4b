import { describe, expect, it } from "vitest";
import type { Actor } from "./policy";
import { decideThreadAction, type ThreadAction } from "./threads";

const now = new Date("2026-01-01T00:00:00Z");

function person(id: number, grantedGroups: string[] = [], blocked = false): Actor {
  return {
    id,
    name: `p${id}`,
    createdAt: new Date(now.getTime() - 86_400_000),
    editCount: 0,
    grantedGroups,
    blockedAt: blocked ? now : null,
    blockExpiresAt: null,
    blockReason: blocked ? "vandalism" : null,
  };
}

// Proposal by 1, thread started by 2; 3 is anyone else, 4 a reviewer, 5 an admin.
const people = { proposalAuthorId: 1, threadAuthorId: 2 };
const WHO: Record<string, Actor | null> = {
  anonymous: null,
  author: person(1),
  starter: person(2),
  stranger: person(3),
  reviewer: person(4, ["reviewer"]),
  admin: person(5, ["admin"]),
  blocked_author: person(1, [], true),
  blocked_reviewer: person(4, ["reviewer"], true),
};

const EXPECTED: Record<ThreadAction, string[]> = {
  resolve: ["author", "starter", "reviewer", "admin"],
  reopen: ["author", "starter", "reviewer", "admin"],
  suggest: ["reviewer", "admin"],
  apply: ["author"],
};

describe("decideThreadAction", () => {
  for (const [action, allowed] of Object.entries(EXPECTED) as Array<[ThreadAction, string[]]>) {
    it(`lets exactly ${allowed.join(", ")} ${action}; anonymous is 401, the rest 403`, () => {
      for (const [who, actor] of Object.entries(WHO)) {
        const decision = decideThreadAction(actor, action, people, now);
        expect(decision.allowed, `${who} ${action}`).toBe(allowed.includes(who));
        if (!decision.allowed) expect(decision.status, who).toBe(actor ? 403 : 401);
      }
    });
  }
});
