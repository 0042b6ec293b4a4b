import { describe, expect, it } from "vitest";
import { decidePatrol, decideRollback, needsPatrol } from "./patrol";
import type { Actor } from "./policy";

const now = new Date("2026-01-01T00:00:00Z");
const DAY = 86_400_000;
const actor = (options: { groups?: string[]; days?: number; edits?: number; blocked?: boolean } = {}): Actor => ({
  id: 1,
  name: "someone",
  createdAt: new Date(now.getTime() - (options.days ?? 40) * DAY),
  editCount: options.edits ?? 600,
  grantedGroups: options.groups ?? [],
  blockedAt: options.blocked ? now : null,
  blockExpiresAt: null,
  blockReason: options.blocked ? "vandalism" : null,
});
const newbie = actor({ days: 1, edits: 0 });
const regular = actor({ days: 10, edits: 20 });
const veteran = actor();
const reviewer = actor({ groups: ["reviewer"], days: 10, edits: 20 });
const admin = actor({ groups: ["admin"], days: 1, edits: 0 });

describe("which edits wait for patrol", () => {
  it("is a direct edit of an unprotected article by a new user, nothing else", () => {
    const edit = { revision: true, approved: false, level: "none" as const, newUser: true };
    expect(needsPatrol(edit)).toBe(true);
    expect(needsPatrol({ ...edit, revision: false })).toBe(false);
    expect(needsPatrol({ ...edit, approved: true })).toBe(false);
    expect(needsPatrol({ ...edit, level: "semi" })).toBe(false);
    expect(needsPatrol({ ...edit, newUser: false })).toBe(false);
  });
});

describe("who may patrol", () => {
  it("lets reviewers and admins patrol", () => {
    expect(decidePatrol(reviewer, now).allowed).toBe(true);
    expect(decidePatrol(admin, now).allowed).toBe(true);
  });

  it("refuses editors without the right, the signed-out and blocked reviewers", () => {
    for (const editor of [newbie, regular, veteran])
      expect(decidePatrol(editor, now)).toMatchObject({
        allowed: false,
        status: 403,
        reason: "Only reviewers and administrators can mark edits as patrolled.",
      });
    expect(decidePatrol(null, now)).toMatchObject({ status: 401, reason: expect.stringMatching(/sign in/) });
    expect(decidePatrol(actor({ groups: ["reviewer"], blocked: true }), now)).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/blocked/),
    });
  });
});

describe("who may roll back", () => {
  it("lets reviewers and admins roll back where they may edit directly", () => {
    expect(decideRollback(reviewer, "none", now).allowed).toBe(true);
    expect(decideRollback(reviewer, "semi", now).allowed).toBe(true);
    expect(decideRollback(admin, "full", now).allowed).toBe(true);
    expect(decideRollback(actor({ groups: ["reviewer"] }), "extended", now).allowed).toBe(true);
  });

  it("refuses a reviewer where they could not edit directly", () => {
    expect(decideRollback(reviewer, "extended", now)).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/may not edit this article directly/),
    });
    expect(decideRollback(actor({ groups: ["reviewer"] }), "full", now).allowed).toBe(false);
  });

  it("refuses editors without the right, the signed-out and blocked admins", () => {
    for (const editor of [newbie, regular, veteran])
      expect(decideRollback(editor, "none", now)).toMatchObject({
        status: 403,
        reason: "Only reviewers and administrators can roll back edits.",
      });
    expect(decideRollback(null, "none", now)).toMatchObject({ status: 401 });
    expect(decideRollback(actor({ groups: ["admin"], blocked: true }), "none", now)).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/blocked/),
    });
  });
});
