import { describe, expect, it } from "vitest";
import { decideArticleAdmin } from "./article-admin";
import type { Actor } from "./policy";

const now = new Date("2026-01-01T00:00:00Z");
const DAY = 86_400_000;
const actor = (
  options: { groups?: string[]; days?: number; edits?: number; blockedUntil?: Date | null } = {},
): Actor => ({
  id: 1,
  name: "someone",
  createdAt: new Date(now.getTime() - (options.days ?? 400) * DAY),
  editCount: options.edits ?? 5000,
  grantedGroups: options.groups ?? [],
  blockedAt: options.blockedUntil !== undefined ? new Date(now.getTime() - DAY) : null,
  blockExpiresAt: options.blockedUntil ?? null,
  blockReason: options.blockedUntil !== undefined ? "vandalism" : null,
});
const ACTIONS = ["delete", "restore", "move"] as const;

describe("who may delete, restore and move articles", () => {
  it("lets administrators (even new accounts) do all three", () => {
    for (const action of ACTIONS) {
      expect(decideArticleAdmin(actor({ groups: ["admin"] }), action, now)).toEqual({ allowed: true });
      expect(decideArticleAdmin(actor({ groups: ["admin"], days: 0, edits: 0 }), action, now).allowed).toBe(true);
    }
  });

  it("refuses reviewers, extended-confirmed and new users with 403 naming the action", () => {
    for (const groups of [["reviewer"], ["extendedconfirmed"], []]) {
      expect(decideArticleAdmin(actor({ groups }), "delete", now)).toEqual({
        allowed: false,
        status: 403,
        code: "forbidden",
        reason: "Only administrators can delete articles.",
      });
      expect(decideArticleAdmin(actor({ groups }), "move", now)).toMatchObject({
        status: 403,
        reason: "Only administrators can move (rename) articles.",
      });
      expect(decideArticleAdmin(actor({ groups }), "restore", now)).toMatchObject({ status: 403 });
    }
  });

  it("asks the signed-out to sign in (401)", () => {
    for (const action of ACTIONS)
      expect(decideArticleAdmin(null, action, now)).toMatchObject({
        allowed: false,
        status: 401,
        code: "unauthorized",
        reason: expect.stringMatching(/^You need to sign in to /),
      });
  });

  it("refuses a blocked administrator, saying so, and lets them act again once the block expired", () => {
    const blocked = actor({ groups: ["admin"], blockedUntil: new Date(now.getTime() + DAY) });
    for (const action of ACTIONS)
      expect(decideArticleAdmin(blocked, action, now)).toMatchObject({
        allowed: false,
        status: 403,
        reason: expect.stringMatching(/blocked.*vandalism/),
      });
    const indefinitely = actor({ groups: ["admin"], blockedUntil: null });
    expect(decideArticleAdmin(indefinitely, "delete", now)).toMatchObject({ status: 403, reason: /indefinitely/ });
    const expired = actor({ groups: ["admin"], blockedUntil: new Date(now.getTime() - 1) });
    expect(decideArticleAdmin(expired, "delete", now).allowed).toBe(true);
  });
});
