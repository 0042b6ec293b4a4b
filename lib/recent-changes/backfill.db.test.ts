import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { makeUser } from "../../test/factories";
import { setProtection } from "../articles/protect-article";
import { readArticleRevision } from "../articles/read-article";
import { saveRevision } from "../articles/save-revision";
import { setPendingChanges } from "../articles/set-pending-changes";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent } from "../document/model";
import { submitProposal } from "../proposals/submit-proposal";
import { blockUser, grantGroup } from "../users/change-rights";
import { loadActor } from "../users/load-actor";

/*
 * The migration's backfill (prisma/migrations/20261203110000_recent_changes): run on a database that
 * has revisions, a proposal, protection, rights, a block and pending changes, it writes one row per
 * source row, of the right kind, ids in time order, and the same facts a live change records.
 */

const ctx = useTestDatabase();
const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261203110000_recent_changes/migration.sql");

const content = (text: string): ArticleContent => ({
  title: "Backfilled",
  infobox: null,
  sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(text) }],
  references: [],
});

describe("the recent changes backfill", () => {
  it("writes a row for every revision, proposal and log entry that existed", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const newbie = await makeUser(ctx.db, { role: "user" });
    const actor = await loadActor(ctx.db, admin.id);
    const first = await saveRevision({
      db: ctx.db,
      slug: "Backfilled",
      baseRevisionId: null,
      content: content("One."),
      authorId: admin.id,
    });
    await saveRevision({
      db: ctx.db,
      slug: "Backfilled",
      baseRevisionId: first.revisionId,
      content: content("One. Two."),
      authorId: newbie.id,
    });
    const view = await readArticleRevision({ db: ctx.db, slug: "Backfilled" });
    await submitProposal({
      db: ctx.db,
      actor: await loadActor(ctx.db, newbie.id),
      articleId: view.article.id,
      baseRevisionId: view.revision.id,
      base: view.content,
      content: content("Proposed."),
      summary: "p",
      rationale: "",
    });
    await setProtection({ db: ctx.db, actor, slug: "Backfilled", level: "semi", expiresAt: null, reason: "r" });
    await grantGroup({ db: ctx.db, actor, targetName: newbie.name, group: "extendedconfirmed", reason: "g" });
    await blockUser({ db: ctx.db, actor, targetName: newbie.name, expiresAt: null, reason: "b" });
    await setPendingChanges({ db: ctx.db, actor, slug: "Backfilled", enabled: true, expiresAt: null, reason: "pc" });
    const live = await ctx.db.recentChange.findMany({ orderBy: { id: "asc" } });

    // As if the table had just been created: empty it and run the migration's backfill statement alone.
    await ctx.db.$executeRawUnsafe(`DELETE FROM "RecentChange"`);
    const sql = readFileSync(MIGRATION, "utf8");
    await ctx.db.$executeRawUnsafe(sql.slice(sql.indexOf("WITH groups AS")));
    const backfilled = await ctx.db.recentChange.findMany({ orderBy: { id: "asc" } });

    const shape = (row: (typeof live)[number]) => [
      row.kind,
      row.action,
      row.articleId,
      row.actorId,
      row.revisionId,
      row.summary,
    ];
    expect(backfilled.map(shape).sort()).toEqual(live.map(shape).sort());
    expect(backfilled.map((row) => row.kind).sort()).toEqual(
      ["block", "create", "edit", "pending-changes", "proposal", "protection", "rights"].sort(),
    );
    const times = backfilled.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const edit = backfilled.find((row) => row.kind === "edit")!;
    const liveEdit = live.find((row) => row.kind === "edit")!;
    expect(edit.sizeDelta).toBe(liveEdit.sizeDelta);
    expect(edit.parentRevisionId).toBe(first.revisionId);
  });
});
