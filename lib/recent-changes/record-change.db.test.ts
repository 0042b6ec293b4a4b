import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { makeUser } from "../../test/factories";
import { setProtection } from "../articles/protect-article";
import { readArticleRevision } from "../articles/read-article";
import { saveRevision } from "../articles/save-revision";
import { effectiveGroups } from "../authz/policy";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent } from "../document/model";
import { submitProposal } from "../proposals/submit-proposal";
import { blockUser, grantGroup } from "../users/change-rights";
import { loadActor } from "../users/load-actor";
import { patrolRevision } from "./patrol-revision";
import { readLog } from "./read-log";
import { readRecentChanges } from "./read-recent-changes";
import { recordChange } from "./record-change";
import { rollbackArticle } from "./rollback-article";

const ctx = useTestDatabase();

const content = (slug: string, text: string): ArticleContent => ({
  title: slug.replace(/_/g, " "),
  infobox: null,
  sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(text) }],
  references: [],
});

async function create(slug: string, authorId: number, text = "First text.") {
  return (await saveRevision({ db: ctx.db, slug, baseRevisionId: null, content: content(slug, text), authorId }))
    .revisionId;
}

async function edit(slug: string, authorId: number, text: string, summary = "") {
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug } });
  const saved = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: article.currentRevisionId!,
    content: content(slug, text),
    authorId,
    summary,
  });
  if (saved.status !== "saved") throw new Error("unchanged");
  return saved.revisionId;
}

const rowOf = (revisionId: number) =>
  ctx.db.recentChange.findFirstOrThrow({ where: { revisionId, kind: { in: ["edit", "create", "rollback"] } } });

describe("every change is recorded with the facts of its time", () => {
  it("records a creation and an edit in the save's own statement, with size change and group", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const newbie = await makeUser(ctx.db, { role: "user" });
    const first = await create("Rc_one", admin.id, "Short.");
    const second = await edit("Rc_one", newbie.id, "Short. And a longer second sentence.", "expand <b>");
    const created = await rowOf(first);
    expect(created).toMatchObject({ kind: "create", actorId: admin.id, actorGroup: "admin", patrolled: true });
    const edited = await rowOf(second);
    const [a, b] = await Promise.all([first, second].map((id) => ctx.db.revision.findUniqueOrThrow({ where: { id } })));
    expect(edited).toMatchObject({
      kind: "edit",
      actorGroup: "user",
      protectionLevel: "none",
      approved: false,
      patrolled: false,
      parentRevisionId: first,
      summary: "expand <b>",
      sizeDelta: b.sizeBytes - a.sizeBytes,
    });
    expect(edited.sizeDelta).toBeGreaterThan(0);
  });

  it("keeps the protection in force and the actor's group as they were, and patrols all but new users' direct edits", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const regular = await makeUser(ctx.db, { role: "autoconfirmed" });
    await create("Rc_semi", admin.id);
    await setProtection({
      db: ctx.db,
      actor: await loadActor(ctx.db, admin.id),
      slug: "Rc_semi",
      level: "semi",
      expiresAt: null,
      reason: "vandalism <script>",
    });
    const revision = await edit("Rc_semi", regular.id, "Changed by a regular.");
    expect(await rowOf(revision)).toMatchObject({
      protectionLevel: "semi",
      actorGroup: "autoconfirmed",
      patrolled: true,
    });
    const protection = await ctx.db.recentChange.findFirstOrThrow({
      where: { kind: "protection", articleId: { not: null } },
    });
    expect(protection).toMatchObject({
      action: "protect",
      protectionLevel: "semi",
      actorId: admin.id,
      summary: "vandalism <script>",
    });
    // An expired protection is no protection: the change is recorded as on an unprotected article.
    await ctx.db.article.update({
      where: { slug: "Rc_semi" },
      data: { protectionExpiresAt: new Date(Date.now() - 1000) },
    });
    const newbie = await makeUser(ctx.db, { role: "user" });
    const later = await edit("Rc_semi", newbie.id, "Changed after expiry.");
    expect(await rowOf(later)).toMatchObject({ protectionLevel: "none", actorGroup: "user", patrolled: false });
  });

  it("records proposals, rights changes and blocks, each in its own kind", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const newbie = await makeUser(ctx.db, { role: "user" });
    const actor = await loadActor(ctx.db, admin.id);
    await create("Rc_props", admin.id);
    const view = await readArticleRevision({ db: ctx.db, slug: "Rc_props" });
    const { proposalId } = await submitProposal({
      db: ctx.db,
      actor: await loadActor(ctx.db, newbie.id),
      articleId: view.article.id,
      baseRevisionId: view.revision.id,
      base: view.content,
      content: content("Rc_props", "Proposed text."),
      summary: "please",
      rationale: "",
    });
    expect(await ctx.db.recentChange.findFirstOrThrow({ where: { proposalId, kind: "proposal" } })).toMatchObject({
      actorId: newbie.id,
      articleId: view.article.id,
      summary: "please",
    });
    await grantGroup({ db: ctx.db, actor, targetName: newbie.name, group: "reviewer", reason: "trusted" });
    await blockUser({ db: ctx.db, actor, targetName: newbie.name, expiresAt: null, reason: "oops" });
    const log = await readLog({ db: ctx.db, user: admin.name });
    expect(log.changes.map((row) => [row.kind, row.action, row.target])).toEqual([
      ["block", "block", newbie.name],
      ["rights", "grant", newbie.name],
    ]);
  });

  it("reads each actor's group as lib/authz's effectiveGroups does", async () => {
    const highest = ["admin", "reviewer", "extendedconfirmed", "autoconfirmed", "user"] as const;
    for (const role of ["user", "autoconfirmed", "extendedconfirmed", "reviewer", "admin"] as const) {
      const user = await makeUser(ctx.db, { role });
      const id = await recordChange(ctx.db, { kind: "patrol", actorId: user.id });
      const row = await ctx.db.recentChange.findUniqueOrThrow({ where: { id } });
      const groups = effectiveGroups((await loadActor(ctx.db, user.id))!).all;
      expect(row.actorGroup, role).toBe(highest.find((group) => groups.has(group)));
    }
  });
});

describe("patrol", () => {
  it("marks an edit once, logs it once, and refuses those without the right", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const reviewer = await loadActor(ctx.db, (await makeUser(ctx.db, { role: "reviewer" })).id);
    const newbie = await makeUser(ctx.db, { role: "user" });
    await create("Rc_patrol", admin.id);
    const revision = await edit("Rc_patrol", newbie.id, "Vandal text.");
    await expect(
      patrolRevision({
        db: ctx.db,
        actor: await loadActor(ctx.db, newbie.id),
        slug: "Rc_patrol",
        revisionId: revision,
      }),
    ).rejects.toMatchObject({ status: 403 });
    const first = await patrolRevision({ db: ctx.db, actor: reviewer, slug: "Rc_patrol", revisionId: revision });
    const again = await patrolRevision({ db: ctx.db, actor: reviewer, slug: "Rc_patrol", revisionId: revision });
    expect([first.marked, again.marked]).toEqual([true, false]);
    expect((await rowOf(revision)).patrolled).toBe(true);
    expect(await ctx.db.recentChange.count({ where: { kind: "patrol", revisionId: revision } })).toBe(1);
    await expect(
      patrolRevision({ db: ctx.db, actor: reviewer, slug: "Rc_one", revisionId: revision }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("shows patrol state and the unpatrolled filter to patrollers only", async () => {
    const reviewer = await loadActor(ctx.db, (await makeUser(ctx.db, { role: "reviewer" })).id);
    const page = await readRecentChanges({ db: ctx.db, viewer: reviewer, unpatrolled: "1" });
    expect(page.changes.length).toBeGreaterThan(0);
    expect(page.changes.every((row) => row.patrolled === false)).toBe(true);
    const anonymous = await readRecentChanges({ db: ctx.db, viewer: null });
    expect(anonymous.changes.every((row) => row.patrolled === null)).toBe(true);
    await expect(readRecentChanges({ db: ctx.db, viewer: null, unpatrolled: "1" })).rejects.toMatchObject({
      status: 401,
    });
  });
});

describe("rollback", () => {
  it("undoes all the last editor's consecutive edits, restoring the last revision by someone else", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const reviewer = await loadActor(ctx.db, (await makeUser(ctx.db, { role: "reviewer" })).id);
    const vandal = await makeUser(ctx.db, { role: "user" });
    await create("Rc_roll", admin.id, "Good text.");
    const good = await edit("Rc_roll", admin.id, "Good text, improved.");
    await edit("Rc_roll", vandal.id, "Bad.");
    const head = await edit("Rc_roll", vandal.id, "Worse.");
    const result = await rollbackArticle({ db: ctx.db, actor: reviewer, slug: "Rc_roll", expectedHeadId: head });
    expect(result).toMatchObject({ restoredRevisionId: good, editsRolledBack: 2, rolledBackUser: vandal.name });
    const now = await readArticleRevision({ db: ctx.db, slug: "Rc_roll" });
    expect(now.revision).toMatchObject({
      id: result.revisionId,
      summary: `Reverted edits by ${vandal.name} (talk) to last revision by ${admin.name}`,
      tags: ["rollback"],
    });
    expect(JSON.stringify(now.content.sections)).toContain("Good text, improved.");
    expect(await rowOf(result.revisionId)).toMatchObject({
      kind: "rollback",
      targetUserId: vandal.id,
      parentRevisionId: head,
    });
    const tagged = await readRecentChanges({ db: ctx.db, viewer: null, tag: "rollback" });
    expect(tagged.changes.map((row) => row.revisionId)).toEqual([result.revisionId]);
    // The vandal's edits need no patrol any more.
    expect(await ctx.db.recentChange.count({ where: { articleId: now.article.id, patrolled: false } })).toBe(0);
    // The head moved: a second rollback of the old head is refused, nothing written.
    await expect(
      rollbackArticle({ db: ctx.db, actor: reviewer, slug: "Rc_roll", expectedHeadId: head }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("refuses an article with one editor only, and a reviewer where they may not edit", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const reviewer = await loadActor(ctx.db, (await makeUser(ctx.db, { role: "reviewer" })).id);
    await create("Rc_single", admin.id);
    const head = await edit("Rc_single", admin.id, "Still the admin.");
    await expect(
      rollbackArticle({ db: ctx.db, actor: reviewer, slug: "Rc_single", expectedHeadId: head }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/only editor/) });
    await ctx.db.article.update({ where: { slug: "Rc_single" }, data: { protectionLevel: "full" } });
    await expect(
      rollbackArticle({ db: ctx.db, actor: reviewer, slug: "Rc_single", expectedHeadId: head }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
