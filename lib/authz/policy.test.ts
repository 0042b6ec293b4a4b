import { describe, expect, it, vi } from "vitest";
import { PROTECTION_LEVELS, type ProtectionLevel } from "./levels";
import { WikiError } from "../errors";
import { assertAllowed } from "./assert";
import { decide, decidePublication, effectiveGroups, type Action, type Actor, type Decision } from "./policy";
import { describeProtection } from "./rules";

const now = new Date("2026-01-01T00:00:00Z");
const DAY = 86_400_000;

function actor(ageDays: number, editCount: number, grantedGroups: string[] = [], block?: { expires?: Date }): Actor {
  return {
    id: 1,
    name: "someone",
    createdAt: new Date(now.getTime() - ageDays * DAY),
    editCount,
    grantedGroups,
    blockedAt: block ? now : null,
    blockExpiresAt: block?.expires ?? null,
    blockReason: block ? "vandalism" : null,
  };
}

const ROLES: Record<string, Actor | null> = {
  anonymous: null,
  user: actor(1, 0),
  autoconfirmed: actor(5, 10),
  extendedconfirmed: actor(30, 500),
  granted_extended: actor(1, 0, ["extendedconfirmed"]),
  reviewer: actor(1, 0, ["reviewer"]),
  admin: actor(1, 0, ["admin"]),
  blocked_admin: actor(100, 1000, ["admin"], {}),
};

describe("effectiveGroups", () => {
  it("computes implicit groups at the thresholds, not before", () => {
    expect([...effectiveGroups(actor(3.9, 100), now).all]).toEqual(["user"]);
    expect([...effectiveGroups(actor(4, 9), now).all]).toEqual(["user"]);
    expect([...effectiveGroups(actor(4, 10), now).all]).toEqual(["user", "autoconfirmed"]);
    expect([...effectiveGroups(actor(29, 5000), now).all]).toEqual(["user", "autoconfirmed"]);
    expect([...effectiveGroups(actor(30, 500), now).all]).toEqual(["user", "autoconfirmed", "extendedconfirmed"]);
  });

  it("ignores groups that cannot be granted", () => {
    expect(effectiveGroups(actor(0, 0, ["autoconfirmed", "superuser"]), now).granted).toEqual([]);
  });
});

describe("decide", () => {
  // Expected direct-edit rights per protection level (true = may edit).
  const EDIT: Record<string, [boolean, boolean, boolean, boolean]> = {
    user: [true, false, false, false],
    autoconfirmed: [true, true, false, false],
    extendedconfirmed: [true, true, true, false],
    granted_extended: [true, true, true, false],
    reviewer: [true, false, false, false],
    admin: [true, true, true, true],
  };

  it.each(Object.keys(EDIT))("edit matrix for %s", (role) => {
    PROTECTION_LEVELS.forEach((level, index) => {
      const decision = decide(ROLES[role], "edit", { protection: level, now });
      expect(decision.allowed, `${role} on ${level}`).toBe(EDIT[role][index]);
      if (!decision.allowed) {
        expect(decision.status).toBe(403);
        expect(decision.canPropose).toBe(true);
      }
    });
  });

  it("explains an extended-protected article in the user's terms", () => {
    const decision = decide(ROLES.autoconfirmed, "edit", { protection: "extended", now });
    expect(decision).toMatchObject({
      allowed: false,
      reason:
        "This article is extended-confirmed protected: accounts need 30 days and 500 edits to edit it directly. You can propose your change for review.",
    });
  });

  it.each(["protect", "grant", "block"] as Action[])("%s is for admins only", (action) => {
    for (const [role, who] of Object.entries(ROLES)) {
      const decision = decide(who, action, { now });
      expect(decision.allowed, role).toBe(role === "admin");
      if (!decision.allowed) expect(decision.status).toBe(role === "anonymous" ? 401 : 403);
    }
  });

  it("denies everything to a blocked user until the block expires", () => {
    for (const action of ["edit", "propose", "create", "protect"] as Action[]) {
      const decision = decide(ROLES.blocked_admin, action, { now, protection: "none" });
      expect(decision).toMatchObject({ allowed: false, status: 403 });
      if (!decision.allowed) expect(decision.reason).toMatch(/blocked indefinitely: vandalism/);
    }
    const expired = actor(100, 1000, [], { expires: new Date(now.getTime() - 1000) });
    expect(decide(expired, "edit", { now }).allowed).toBe(true);
    const later = actor(100, 1000, [], { expires: new Date(now.getTime() + DAY) });
    expect(decide(later, "edit", { now })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/blocked until 2 January 2026/),
    });
  });

  it("asks anonymous readers to sign in", () => {
    expect(decide(null, "edit", { now })).toMatchObject({ allowed: false, status: 401, code: "unauthorized" });
  });

  // Expected approval rights per protection level: an approval writes to the
  // article, so full protection needs an administrator, as a direct edit would.
  const APPROVE: Record<string, [boolean, boolean, boolean, boolean]> = {
    anonymous: [false, false, false, false],
    user: [false, false, false, false],
    extendedconfirmed: [false, false, false, false],
    reviewer: [true, true, true, false],
    admin: [true, true, true, true],
    blocked_admin: [false, false, false, false],
  };

  it.each(Object.keys(APPROVE))("approve matrix for %s", (role) => {
    PROTECTION_LEVELS.forEach((level, index) => {
      const decision = decide(ROLES[role], "approve", { protection: level, now, ownerId: 99 });
      expect(decision.allowed, `${role} approving on ${level}`).toBe(APPROVE[role][index]);
      // Rejecting or sending back publishes nothing: the reviewer right suffices at every level.
      expect(
        decide(ROLES[role], "review", { protection: level, now, ownerId: 99 }).allowed,
        `${role} reviewing on ${level}`,
      ).toBe(APPROVE[role][0]);
    });
    if (role === "reviewer")
      expect(decide(ROLES.reviewer, "approve", { protection: "full", now })).toMatchObject({
        reason: expect.stringMatching(/fully protected: only administrators can approve/),
      });
  });

  it("never approves one's own proposal, whatever the level", () => {
    for (const level of PROTECTION_LEVELS)
      expect(decide(ROLES.admin, "approve", { protection: level, now, ownerId: ROLES.admin!.id })).toMatchObject({
        allowed: false,
        reason: expect.stringMatching(/your own proposal/),
      });
  });
});

describe("decidePublication", () => {
  it("publishes a proposer's text at every level while they may propose", () => {
    for (const level of PROTECTION_LEVELS) expect(decidePublication(ROLES.user, level, now).allowed).toBe(true);
  });

  it("never publishes the text of a proposer blocked since, nor of a deleted account", () => {
    for (const level of PROTECTION_LEVELS) {
      expect(
        decidePublication({ ...ROLES.user!, name: "vandal", blockedAt: now, blockReason: "sockpuppet" }, level, now),
      ).toMatchObject({
        allowed: false,
        status: 403,
        reason: expect.stringMatching(/^vandal is blocked \(sockpuppet\)/),
      });
      expect(decidePublication(null, level, now).allowed).toBe(false);
    }
    const expired = {
      ...ROLES.user!,
      blockedAt: new Date(now.getTime() - 2 * DAY),
      blockExpiresAt: new Date(now.getTime() - DAY),
    };
    expect(decidePublication(expired, "full", now).allowed).toBe(true);
  });
});

// The reason is what a refused user reads: each one is pinned word for word, so that a lost or
// swapped message (an empty string, another action's words) fails here and not in front of a user.
describe("the reasons a refused user reads", () => {
  const reason = (decision: Decision) => (decision.allowed ? "(allowed)" : decision.reason);

  it.each([
    ["edit", "edit this article"],
    ["propose", "propose changes"],
    ["create", "create articles"],
    ["protect", "change the protection of articles"],
    ["grant", "change user groups"],
    ["block", "block or unblock users"],
    ["review", "review proposals"],
    ["approve", "approve proposals"],
    ["comment", "comment on proposals"],
  ] as Array<[Action, string]>)("asks a signed-out reader to sign in to %s", (action, words) => {
    expect(reason(decide(null, action, { now }))).toBe(`You need to sign in to ${words}.`);
  });

  it("names each protection level and who may edit it", () => {
    const edit = (level: ProtectionLevel) => reason(decide(ROLES.user, "edit", { protection: level, now }));
    expect(edit("semi")).toBe(
      "This article is semi-protected: accounts need 4 days and 10 edits to edit it directly. You can propose your change for review.",
    );
    expect(edit("full")).toBe(
      "This article is fully protected: only administrators may edit it directly. You can propose your change for review.",
    );
    expect(describeProtection("none")).toEqual({ name: "not protected", whoMayEdit: "any signed-in user may edit it" });
  });

  it("says who may review, approve and administer", () => {
    expect(reason(decide(ROLES.user, "review", { now }))).toBe(
      "Only reviewers and administrators can review proposals.",
    );
    expect(reason(decide(ROLES.reviewer, "approve", { now, ownerId: ROLES.reviewer!.id }))).toBe(
      "You cannot review your own proposal; another reviewer must decide.",
    );
    expect(reason(decide(ROLES.reviewer, "approve", { protection: "full", now }))).toBe(
      "This article is fully protected: only administrators can approve changes to it. You can still reject the proposal or request changes.",
    );
    expect(reason(decide(ROLES.user, "grant", { now }))).toBe("Only administrators can change user groups.");
  });

  it("says how long a block lasts, with its reason when there is one", () => {
    const until = actor(100, 1000, [], { expires: new Date(now.getTime() + DAY) });
    expect(reason(decide(until, "edit", { now }))).toBe(
      "Your account is blocked until 2 January 2026: vandalism. You can still read everything.",
    );
    expect(reason(decide({ ...until, blockExpiresAt: null, blockReason: null }, "edit", { now }))).toBe(
      "Your account is blocked indefinitely. You can still read everything.",
    );
    expect(reason(decidePublication(null, "none", now))).toBe(
      "The author of this proposal no longer has an account; their text cannot be published. Reject the proposal instead.",
    );
    expect(reason(decidePublication({ ...ROLES.user!, name: "vandal", blockedAt: now }, "none", now))).toBe(
      "vandal is blocked; a blocked user's text is not published. Reject the proposal instead.",
    );
  });

  it("turns a refusal into the WikiError the routes send, and lets an allowed decision pass", () => {
    expect(() => assertAllowed({ allowed: true })).not.toThrow();
    const refused = (decision: Decision) => {
      try {
        assertAllowed(decision);
      } catch (error) {
        return error;
      }
      throw new Error("assertAllowed let a refusal pass");
    };
    expect(refused(decide(ROLES.user, "edit", { protection: "full", now }))).toMatchObject({
      code: "forbidden",
      status: 403,
      details: { canPropose: true },
    });
    const signIn = refused(decide(null, "grant", { now }));
    expect(signIn).toBeInstanceOf(WikiError);
    expect(signIn).toMatchObject({
      code: "unauthorized",
      status: 401,
      message: "You need to sign in to change user groups.",
      details: undefined,
    });
  });
});

describe("what every signed-in user may do, and how a signed-in user is refused", () => {
  it.each(["propose", "create", "comment"] as Action[])(
    "lets any signed-in user %s, at every protection level",
    (action) => {
      for (const level of PROTECTION_LEVELS)
        expect(decide(ROLES.user, action, { protection: level, now })).toEqual({ allowed: true });
    },
  );

  it("refuses a signed-in user with 403 forbidden, never 401", () => {
    const refusals = [
      decide(ROLES.blocked_admin, "edit", { now }),
      decide(ROLES.user, "review", { now }),
      decide(ROLES.reviewer, "approve", { now, ownerId: ROLES.reviewer!.id }),
      decide(ROLES.reviewer, "approve", { protection: "full", now }),
      decide(ROLES.user, "block", { now }),
      decidePublication(null, "none", now),
    ];
    for (const decision of refusals) expect(decision).toMatchObject({ allowed: false, status: 403, code: "forbidden" });
  });
});

describe("the edges of rights", () => {
  it("ends a block at its expiry instant, not a moment later", () => {
    expect(decide(actor(100, 1000, [], { expires: now }), "edit", { now }).allowed).toBe(true);
  });

  it("needs both the age and the edits for extended-confirmed", () => {
    expect(effectiveGroups(actor(30, 499), now).all.has("extendedconfirmed")).toBe(false);
  });

  it("gives an administrator every group", () => {
    expect([...effectiveGroups(ROLES.admin!, now).all].sort()).toEqual([
      "admin",
      "autoconfirmed",
      "extendedconfirmed",
      "reviewer",
      "user",
    ]);
  });

  it("lets a reviewer decide on their own proposal only where self-review is switched on", () => {
    vi.stubEnv("WIKI_ALLOW_SELF_REVIEW", "1");
    try {
      expect(decide(ROLES.reviewer, "approve", { now, ownerId: ROLES.reviewer!.id }).allowed).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv("WIKI_ALLOW_SELF_REVIEW", "true");
    try {
      expect(decide(ROLES.reviewer, "approve", { now, ownerId: ROLES.reviewer!.id }).allowed).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
