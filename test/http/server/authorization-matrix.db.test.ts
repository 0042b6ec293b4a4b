import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as editsRoute from "../../../app/api/articles/[slug]/edits/route";
import * as revertRoute from "../../../app/api/articles/[slug]/revert/route";
import * as versionsRoute from "../../../app/api/proposals/[id]/versions/route";
import * as protectionRoute from "../../../app/api/articles/[slug]/protection/route";
import * as blockRoute from "../../../app/api/users/[name]/block/route";
import * as groupRoute from "../../../app/api/users/[name]/groups/[group]/route";
import * as groupsRoute from "../../../app/api/users/[name]/groups/route";
import * as approveRoute from "../../../app/api/proposals/[id]/approve/route";
import * as commentsRoute from "../../../app/api/proposals/[id]/comments/route";
import * as rejectRoute from "../../../app/api/proposals/[id]/reject/route";
import * as requestChangesRoute from "../../../app/api/proposals/[id]/request-changes/route";
import * as withdrawRoute from "../../../app/api/proposals/[id]/withdraw/route";
import { loadActor } from "../../../lib/users/load-actor";
import { submitProposal } from "../../../lib/proposals/submit-proposal";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import { makeUser, type TestUser } from "../../factories";
import { snapshotAllRows } from "../../db";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { apiRequest, call, type RouteHandler, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
// The matrix goes through HTTP to the real built app; the handler is kept in each case for the in-process edge tests.
let server: AppServer;
beforeAll(async () => {
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());
const roles: Record<string, TestUser | null> = { anonymous: null };
let target: TestUser;
let proposer: TestUser;

beforeAll(async () => {
  roles.user = await makeUser(ctx.db, { name: "m_user" });
  roles.autoconfirmed = await makeUser(ctx.db, { name: "m_auto", role: "autoconfirmed" });
  roles.extendedconfirmed = await makeUser(ctx.db, { name: "m_ext", role: "extendedconfirmed" });
  // A reviewer whose account is new: the group alone grants no edit rights on protected articles.
  roles.reviewer = await makeUser(ctx.db, { name: "m_reviewer", role: "reviewer", standing: "user" });
  roles.admin = await makeUser(ctx.db, { name: "m_admin", role: "admin" });
  // A blocked administrator: the block must win over the group.
  roles.blocked = await makeUser(ctx.db, { name: "m_blocked", role: "admin", blocked: "compromised account" });
  target = await makeUser(ctx.db, { name: "m_target", role: "autoconfirmed" });
  proposer = await makeUser(ctx.db, { name: "m_proposer" });
  const author = roles.admin!;
  await saveRevision({
    db: ctx.db,
    slug: "Matrix",
    baseRevisionId: null,
    content: {
      title: "Matrix",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Text.") }],
      references: [],
    },
    authorId: author.id,
  });
});

/** Every row of every table, to prove a denial changed nothing. */
const snapshot = () => snapshotAllRows(ctx.db);

interface MutationCase {
  name: string;
  handler: RouteHandler;
  method: string;
  path: string;
  params: Record<string, string>;
  body: unknown | (() => Promise<unknown>);
  okStatus: number;
  /** who may do it at a protection level; by default admins only */
  allowed?: (role: string, level: (typeof LEVELS)[number]) => boolean;
  /** the exact status when not allowed, for signed-in users who are not blocked (default 403) */
  deniedStatus?: number;
  /** sets up what the request acts on (e.g. a fresh open proposal) and returns the route params */
  prepare?: () => Promise<Record<string, string>>;
  /** undoes an allowed change so the next case starts from the same state */
  undo: () => Promise<unknown>;
}

const LEVELS = ["none", "semi", "extended", "full"] as const;
const EDIT_RIGHTS: Record<string, Array<(typeof LEVELS)[number]>> = {
  user: ["none"],
  autoconfirmed: ["none", "semi"],
  extendedconfirmed: ["none", "semi", "extended"],
  reviewer: ["none"],
  admin: ["none", "semi", "extended", "full"],
};
let editCounter = 0;
let revertTarget = 0;

/** An open proposal on the Matrix article by `author`, made through the service. */
async function freshProposal(author: TestUser): Promise<Record<string, string>> {
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Matrix" } });
  const view = await readArticleRevision({ db: ctx.db, slug: "Matrix" });
  editCounter += 1;
  const content = {
    ...view.content,
    sections: [{ id: "lead", title: "", level: 0 as const, body: docFromMarkup(`Proposed ${editCounter}.`) }],
  };
  const { proposalId } = await submitProposal({
    db: ctx.db,
    actor: await loadActor(ctx.db, author.id),
    articleId: article.id,
    baseRevisionId: article.currentRevisionId!,
    base: view.content,
    content,
    summary: "matrix proposal",
    rationale: "",
  });
  return { id: String(proposalId) };
}

const MUTATIONS: MutationCase[] = [
  {
    name: "edit",
    handler: editsRoute.POST as RouteHandler,
    method: "POST",
    path: "/api/articles/Matrix/edits",
    params: { slug: "Matrix" },
    body: async () => {
      const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Matrix" } });
      editCounter += 1;
      return {
        baseRevisionId: article.currentRevisionId,
        summary: "matrix",
        sectionEdit: {
          sectionId: "lead",
          sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(`Text ${editCounter}.`) }],
        },
      };
    },
    okStatus: 201,
    allowed: (role, level) => EDIT_RIGHTS[role]?.includes(level) ?? false,
    // Everyone else who is signed in and not blocked gets a proposal instead.
    deniedStatus: 202,
    undo: async () => undefined,
  },
  ...(
    [
      ["approve", approveRoute.POST, { version: 1, comment: "ok" }],
      ["reject", rejectRoute.POST, { version: 1, reason: "not neutral" }],
      ["request changes", requestChangesRoute.POST, { version: 1, comment: "add a source" }],
    ] as const
  ).map(
    ([name, handler, body]): MutationCase => ({
      name,
      handler: handler as RouteHandler,
      method: "POST",
      path: `/api/proposals/:id/${name === "request changes" ? "request-changes" : name}`,
      params: {},
      body,
      okStatus: 200,
      // Approving writes to the article: at full protection only an administrator may (lib/authz/rules.ts).
      allowed: (role, level) => role === "admin" || (role === "reviewer" && (name !== "approve" || level !== "full")),
      prepare: () => freshProposal(proposer),
      undo: async () => undefined,
    }),
  ),
  {
    name: "comment",
    handler: commentsRoute.POST as RouteHandler,
    method: "POST",
    path: "/api/proposals/:id/comments",
    params: {},
    body: { body: "A comment." },
    okStatus: 201,
    allowed: () => true,
    prepare: () => freshProposal(proposer),
    undo: async () => undefined,
  },
  {
    name: "withdraw",
    handler: withdrawRoute.POST as RouteHandler,
    method: "POST",
    path: "/api/proposals/:id/withdraw",
    params: {},
    body: {},
    okStatus: 200,
    // Only the proposal's author, here the plain "user".
    allowed: (role) => role === "user",
    prepare: () => freshProposal(roles.user!),
    undo: async () => undefined,
  },
  {
    name: "revert",
    handler: revertRoute.POST as RouteHandler,
    method: "POST",
    path: "/api/articles/Matrix/revert",
    params: { slug: "Matrix" },
    // Undo a fresh head revision, so the undo always applies.
    body: async () => ({ revisionId: revertTarget, mode: "undo", reason: "matrix" }),
    okStatus: 201,
    allowed: (role, level) => EDIT_RIGHTS[role]?.includes(level) ?? false,
    deniedStatus: 202,
    prepare: async () => {
      const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Matrix" } });
      const view = await readArticleRevision({ db: ctx.db, slug: "Matrix" });
      editCounter += 1;
      const content = {
        ...view.content,
        sections: [{ id: "lead", title: "", level: 0 as const, body: docFromMarkup(`To undo ${editCounter}.`) }],
      };
      revertTarget = (
        await saveRevision({
          db: ctx.db,
          slug: "Matrix",
          baseRevisionId: article.currentRevisionId,
          content,
          authorId: roles.admin!.id,
        })
      ).revisionId;
      return { slug: "Matrix" };
    },
    undo: async () => undefined,
  },
  {
    name: "revise proposal",
    handler: versionsRoute.POST as RouteHandler,
    method: "POST",
    path: "/api/proposals/:id/versions",
    params: {},
    body: async () => {
      const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Matrix" } });
      editCounter += 1;
      return {
        baseRevisionId: article.currentRevisionId,
        summary: "revised",
        sectionEdit: {
          sectionId: "lead",
          sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(`Revised ${editCounter}.`) }],
        },
      };
    },
    okStatus: 201,
    // Only the proposal's author, here the plain "user": object-level, whatever the groups.
    allowed: (role) => role === "user",
    prepare: () => freshProposal(roles.user!),
    undo: async () => undefined,
  },
  {
    name: "create article",
    handler: editsRoute.POST as RouteHandler,
    method: "POST",
    path: "/api/articles/:slug/edits",
    params: {},
    body: () =>
      Promise.resolve({
        baseRevisionId: null,
        summary: "new",
        sectionEdit: {
          sectionId: "lead",
          sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("A new article.") }],
        },
      }),
    okStatus: 201,
    // Every signed-in user who is not blocked may start an article; the protection of others is irrelevant.
    allowed: () => true,
    prepare: async () => ({ slug: `Matrix_new_${++editCounter}` }),
    undo: async () => undefined,
  },
  {
    name: "protect",
    handler: protectionRoute.PUT as RouteHandler,
    method: "PUT",
    path: "/api/articles/Matrix/protection",
    params: { slug: "Matrix" },
    body: { level: "full", reason: "matrix" },
    okStatus: 200,
    undo: () => ctx.db.protectionLog.deleteMany({ where: { reason: "matrix" } }),
  },
  {
    name: "grant",
    handler: groupsRoute.POST as RouteHandler,
    method: "POST",
    path: "/api/users/m_target/groups",
    params: { name: "m_target" },
    body: { group: "reviewer", reason: "matrix" },
    okStatus: 201,
    undo: async () => {
      await ctx.db.userGroup.deleteMany({ where: { userId: target.id } });
      await ctx.db.rightsLog.deleteMany({ where: { reason: "matrix" } });
    },
  },
  {
    name: "revoke",
    handler: groupRoute.DELETE as RouteHandler,
    method: "DELETE",
    path: "/api/users/m_target/groups/extendedconfirmed",
    params: { name: "m_target", group: "extendedconfirmed" },
    body: { reason: "matrix" },
    okStatus: 200,
    undo: async () => {
      await ctx.db.userGroup.create({ data: { userId: target.id, group: "extendedconfirmed" } });
      await ctx.db.rightsLog.deleteMany({ where: { reason: "matrix" } });
    },
  },
  {
    name: "block",
    handler: blockRoute.PUT as RouteHandler,
    method: "PUT",
    path: "/api/users/m_target/block",
    params: { name: "m_target" },
    body: { reason: "matrix", expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    okStatus: 200,
    undo: async () => {
      await ctx.db.user.update({
        where: { id: target.id },
        data: { blockedAt: null, blockExpiresAt: null, blockReason: null },
      });
      await ctx.db.rightsLog.deleteMany({ where: { reason: "matrix" } });
    },
  },
  {
    name: "unblock",
    handler: blockRoute.DELETE as RouteHandler,
    method: "DELETE",
    path: "/api/users/m_target/block",
    params: { name: "m_target" },
    body: { reason: "matrix" },
    okStatus: 200,
    undo: async () => {
      await ctx.db.user.update({ where: { id: target.id }, data: { blockedAt: new Date(), blockReason: "set up" } });
      await ctx.db.rightsLog.deleteMany({ where: { reason: "matrix" } });
    },
  },
];

/** The route params a case acts on, set up fresh when the case needs it. */
const paramsFor = (mutation: MutationCase) =>
  mutation.prepare ? mutation.prepare() : Promise.resolve(mutation.params);

/** Sends a case's request as `user`, with header overrides. */
async function send(
  mutation: MutationCase,
  params: Record<string, string>,
  user: TestUser | null | undefined,
  headers: Record<string, string | null> = {},
) {
  const body = typeof mutation.body === "function" ? await (mutation.body as () => Promise<unknown>)() : mutation.body;
  const path = mutation.path.replace(":id", params.id ?? "").replace(":slug", params.slug ?? "");
  return httpRequest(server, mutation.method, path, { body, user, headers });
}

const ROLES = ["anonymous", "user", "autoconfirmed", "extendedconfirmed", "reviewer", "admin", "blocked"];
const expectedStatus = (mutation: MutationCase, role: string, level: (typeof LEVELS)[number]): number | "ok" => {
  if (role === "anonymous") return 401;
  if (role === "blocked") return 403;
  return (mutation.allowed ?? ((who) => who === "admin"))(role, level) ? "ok" : (mutation.deniedStatus ?? 403);
};

describe("authorization matrix: every role x protection level x mutation", () => {
  for (const level of LEVELS) {
    for (const mutation of MUTATIONS) {
      it(`${mutation.name} on a ${level}-protected article`, async () => {
        for (const role of ROLES) {
          const expected = expectedStatus(mutation, role, level);
          // Preconditions each mutation needs to be meaningful when allowed.
          await ctx.db.article.update({
            where: { slug: "Matrix" },
            data: {
              protectionLevel: level,
              protectionExpiresAt: null,
              protectionReason: level === "none" ? null : "set up",
            },
          });
          await ctx.db.userGroup.deleteMany({ where: { userId: target.id } });
          if (mutation.name === "revoke")
            await ctx.db.userGroup.create({ data: { userId: target.id, group: "extendedconfirmed" } });
          await ctx.db.user.update({
            where: { id: target.id },
            data:
              mutation.name === "unblock"
                ? { blockedAt: new Date(), blockReason: "set up" }
                : { blockedAt: null, blockExpiresAt: null, blockReason: null },
          });

          const params = await paramsFor(mutation);
          const before = await snapshot();
          const response = await send(mutation, params, roles[role]);
          if (expected === 202) {
            // Not allowed to edit directly: the change becomes a proposal, the article stays.
            expect(response.status, `${role} ${mutation.name} on ${level}`).toBe(202);
            expect(await ctx.db.proposal.findUnique({ where: { id: response.body.proposal.id } })).toMatchObject({
              status: "open",
            });
          } else if (expected === "ok") {
            expect(response.status, `${role} ${mutation.name} on ${level}: ${JSON.stringify(response.body)}`).toBe(
              mutation.okStatus,
            );
            expect(await snapshot()).not.toBe(before);
            await mutation.undo();
          } else {
            expect(response.status, `${role} ${mutation.name} on ${level}`).toBe(expected);
            expect(response.body.error.code).toBe(expected === 401 ? "unauthorized" : "forbidden");
            expect(await snapshot(), `${role} ${mutation.name} changed rows`).toBe(before);
          }
        }
      });
    }
  }
});

describe("edges of every mutation", () => {
  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))(
    "%s refuses cross-site, null-origin and origin-less requests, changing nothing",
    async (_name, mutation) => {
      const attacks: Array<Record<string, string | null>> = [
        { origin: "https://evil.example" },
        { origin: "null" },
        { origin: null },
        { "sec-fetch-site": "cross-site" },
      ];
      for (const headers of attacks) {
        const params = await paramsFor(mutation);
        const before = await snapshot();
        const response = await send(mutation, params, roles.admin, headers);
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(response.body.error.message).toMatch(/Refused/);
        expect(await snapshot()).toBe(before);
      }
    },
  );

  it("refuses unknown fields, bad JSON and oversize bodies before touching anything", async () => {
    const before = await snapshot();
    const extra = await call(
      protectionRoute.PUT as RouteHandler,
      await apiRequest("PUT", "/api/articles/Matrix/protection", {
        body: { level: "full", reason: "x", protectionLevel: "none" },
        user: roles.admin,
      }),
      { slug: "Matrix" },
    );
    expect(extra.status).toBe(400);
    const badLevel = await call(
      protectionRoute.PUT as RouteHandler,
      await apiRequest("PUT", "/api/articles/Matrix/protection", {
        body: { level: "total", reason: "x" },
        user: roles.admin,
      }),
      { slug: "Matrix" },
    );
    expect(badLevel.status).toBe(400);
    const noReason = await call(
      protectionRoute.PUT as RouteHandler,
      await apiRequest("PUT", "/api/articles/Matrix/protection", {
        body: { level: "full", reason: "  " },
        user: roles.admin,
      }),
      { slug: "Matrix" },
    );
    expect(noReason).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringMatching(/reason is required/) } },
    });
    const big = await call(
      protectionRoute.PUT as RouteHandler,
      await apiRequest("PUT", "/api/articles/Matrix/protection", {
        body: { level: "full", reason: "x".repeat(70_000) },
        user: roles.admin,
      }),
      { slug: "Matrix" },
    );
    expect(big.status).toBe(413);
    const notJson = await apiRequest("PUT", "/api/articles/Matrix/protection", { user: roles.admin });
    const request = new Request(notJson.url, { method: "PUT", headers: notJson.headers, body: "{not json" });
    expect((await call(protectionRoute.PUT as RouteHandler, request, { slug: "Matrix" })).status).toBe(400);
    // The same as text/plain (what a cross-site form sends) is refused before it is read.
    const plain = new Request(notJson.url, {
      method: "PUT",
      headers: { ...Object.fromEntries(notJson.headers), "content-type": "text/plain" },
      body: "{not json",
    });
    expect((await call(protectionRoute.PUT as RouteHandler, plain, { slug: "Matrix" })).status).toBe(415);
    expect(await snapshot()).toBe(before);
  });

  it("applies a revoked right on the very next request of the same session", async () => {
    const deputy = await makeUser(ctx.db, { name: "m_deputy", role: "autoconfirmed" });
    await ctx.db.userGroup.create({ data: { userId: deputy.id, group: "admin" } });
    const protect = async () =>
      call(
        protectionRoute.PUT as RouteHandler,
        await apiRequest("PUT", "/api/articles/Matrix/protection", {
          body: { level: "semi", reason: "deputy" },
          user: deputy,
        }),
        { slug: "Matrix" },
      );
    expect((await protect()).status).toBe(200);
    const revoke = await call(
      groupRoute.DELETE as RouteHandler,
      await apiRequest("DELETE", "/api/users/m_deputy/groups/admin", {
        body: { reason: "no longer needed" },
        user: roles.admin,
      }),
      {
        name: "m_deputy",
        group: "admin",
      },
    );
    expect(revoke.status).toBe(200);
    const before = await snapshot();
    expect((await protect()).status).toBe(403);
    expect(await snapshot()).toBe(before);
    // Blocking works the same way: the session survives, its rights do not.
    await ctx.db.userGroup.create({ data: { userId: deputy.id, group: "admin" } });
    expect((await protect()).status).toBe(200);
    await call(
      blockRoute.PUT as RouteHandler,
      await apiRequest("PUT", "/api/users/m_deputy/block", { body: { reason: "test" }, user: roles.admin }),
      { name: "m_deputy" },
    );
    const blocked = await protect();
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/blocked indefinitely: test/);
  });

  it("lets protection expire without any job", async () => {
    const set = await call(
      protectionRoute.PUT as RouteHandler,
      await apiRequest("PUT", "/api/articles/Matrix/protection", {
        body: { level: "extended", reason: "short", expiresAt: new Date(Date.now() + 1500).toISOString() },
        user: roles.admin,
      }),
      { slug: "Matrix" },
    );
    expect(set.status).toBe(200);
    expect((await readArticleRevision({ db: ctx.db, slug: "Matrix" })).protection.level).toBe("extended");
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await readArticleRevision({ db: ctx.db, slug: "Matrix" })).protection).toEqual({
      level: "none",
      expiresAt: null,
      reason: null,
    });
  });
});

describe("object-level rights on proposals, over HTTP", () => {
  const revision = async () => ({
    baseRevisionId: (await ctx.db.article.findUniqueOrThrow({ where: { slug: "Matrix" } })).currentRevisionId,
    summary: "hijack",
    sectionEdit: {
      sectionId: "lead",
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Someone else's words.") }],
    },
  });

  it("lets no one but the author revise or withdraw a proposal, whatever their groups", async () => {
    await ctx.db.article.update({
      where: { slug: "Matrix" },
      data: { protectionLevel: "extended", protectionReason: "set up" },
    });
    const { id } = await freshProposal(roles.user!);
    for (const role of ["autoconfirmed", "extendedconfirmed", "reviewer", "admin"]) {
      for (const [action, body] of [
        ["versions", await revision()],
        ["withdraw", {}],
      ] as const) {
        const before = await snapshot();
        const response = await httpRequest(server, "POST", `/api/proposals/${id}/${action}`, {
          body,
          user: roles[role],
        });
        expect(response.status, `${role} ${action}`).toBe(403);
        expect(response.body.error.message).toMatch(/Only the author of a proposal can (revise|withdraw) it/);
        expect(await snapshot(), `${role} ${action} changed rows`).toBe(before);
      }
    }
    // Another plain user, the closest to the author, is refused the same way.
    const stranger = await makeUser(ctx.db, { name: "m_stranger" });
    const before = await snapshot();
    expect(
      (await httpRequest(server, "POST", `/api/proposals/${id}/versions`, { body: await revision(), user: stranger }))
        .status,
    ).toBe(403);
    expect(
      (await httpRequest(server, "POST", `/api/proposals/${id}/withdraw`, { body: {}, user: stranger })).status,
    ).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("answers 404 for a proposal that does not exist, changing nothing", async () => {
    const before = await snapshot();
    for (const [action, body] of [
      ["versions", await revision()],
      ["withdraw", {}],
      ["comments", { body: "hello" }],
      ["approve", { version: 1 }],
      ["reject", { version: 1, reason: "no" }],
    ] as const) {
      const response = await httpRequest(server, "POST", `/api/proposals/999999/${action}`, {
        body,
        user: roles.admin,
      });
      expect(response.status, action).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });

  it("keeps a withdrawn proposal and its discussion readable to anyone, and closed to every change but comments", async () => {
    const { id } = await freshProposal(roles.user!);
    expect(
      (
        await httpRequest(server, "POST", `/api/proposals/${id}/comments`, {
          body: { body: "Before withdrawing." },
          user: roles.reviewer,
        })
      ).status,
    ).toBe(201);
    expect(
      (await httpRequest(server, "POST", `/api/proposals/${id}/withdraw`, { body: {}, user: roles.user })).status,
    ).toBe(200);

    // lib/proposals/read-proposal.ts: a withdrawn (like a rejected) proposal stays public, with
    // its diff and discussion; the full article contents stay server-side.
    const read = await httpRequest(server, "GET", `/api/proposals/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.proposal).toMatchObject({ id: Number(id), status: "withdrawn", author: "m_user" });
    expect(
      read.body.comments.map((comment: { author: string; body: string }) => [comment.author, comment.body]),
    ).toEqual([["m_reviewer", "Before withdrawing."]]);
    expect(JSON.stringify(read.body.diffAgainstBase)).toContain("Proposed");
    expect(read.body).not.toHaveProperty("content");
    // Not in the review queue any more, but listed under its status.
    const open = await httpRequest(server, "GET", "/api/proposals?status=open");
    expect(open.body.proposals.map((proposal: { id: number }) => proposal.id)).not.toContain(Number(id));
    const withdrawn = await httpRequest(server, "GET", "/api/proposals?status=withdrawn");
    expect(withdrawn.body.proposals.map((proposal: { id: number }) => proposal.id)).toContain(Number(id));

    // Nobody can revive it: not the author, not a reviewer.
    const before = await snapshot();
    const attempts = [
      ["versions", roles.user, await revision()],
      ["withdraw", roles.user, {}],
      ["approve", roles.reviewer, { version: 1 }],
      ["reject", roles.reviewer, { version: 1, reason: "late" }],
      ["request-changes", roles.reviewer, { version: 1, comment: "late" }],
    ] as const;
    for (const [action, user, body] of attempts) {
      const response = await httpRequest(server, "POST", `/api/proposals/${id}/${action}`, { body, user });
      expect(response.status, action).toBe(409);
      expect(response.body.error.code).toBe("conflict");
    }
    expect(await snapshot()).toBe(before);
    // The discussion stays open (commentOnProposal checks no status): a comment is still accepted.
    expect(
      (
        await httpRequest(server, "POST", `/api/proposals/${id}/comments`, {
          body: { body: "After." },
          user: roles.admin,
        })
      ).status,
    ).toBe(201);
  });
});
