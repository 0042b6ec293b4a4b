import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { createArticle, createCast, smallArticle } from "../../test/reliability/fixtures";
import { deleteArticle } from "../articles/delete-article";
import { setProtection } from "../articles/protect-article";
import { restoreArticle } from "../articles/restore-article";
import type { Actor } from "../authz/policy";
import { readWatchlist } from "./read-watchlist";
import { watchArticle } from "./watch-article";
import { watchlistEntryPath, watchlistEntryText } from "./watchlist-feed";

/**
 * The watchlist lists what administrators do to a watched article beside its edits, as MediaWiki's lists log
 * actions: a deletion, a restoration, a protection change, each with who, why and a link to the log.
 */

const ctx = useTestDatabase();
let admin: Actor;
let watcher: Actor;

beforeAll(async () => {
  const cast = await createCast(ctx.db, { prefix: "wlog", editors: 1 });
  admin = cast.actors.admin;
  [watcher] = cast.actors.editors;
});

describe("log entries on the watchlist", () => {
  it("shows a watched article's protection, deletion and restoration, newest first, with reasons and log links", async () => {
    const { slug } = await createArticle(ctx.db, { content: smallArticle("Wlog watched", 1), authorId: admin.id });
    const other = await createArticle(ctx.db, { content: smallArticle("Wlog unwatched", 1), authorId: admin.id });
    await watchArticle({ actor: watcher, slug, expiry: "permanent", db: ctx.db });
    await setProtection({ actor: admin, slug, level: "extended", expiresAt: null, reason: "edit war", db: ctx.db });
    await deleteArticle({ actor: admin, slug, reason: "copyright", db: ctx.db });
    await restoreArticle({ actor: admin, slug, reason: "permission received", db: ctx.db });
    await deleteArticle({ actor: admin, slug: other.slug, reason: "not watched", db: ctx.db });

    const { entries } = await readWatchlist({ actor: watcher, db: ctx.db });
    const logged = entries.filter((entry) => entry.kind === "log");
    expect(logged.map(watchlistEntryText)).toEqual([
      "wlog_admin restored “Wlog watched” (permission received)",
      "wlog_admin deleted “Wlog watched” (copyright)",
      "wlog_admin protected “Wlog watched” (edit war)",
    ]);
    expect(logged.map(watchlistEntryPath)).toEqual([
      "/log?type=restore&article=Wlog_watched",
      "/log?type=deletion&article=Wlog_watched",
      "/log?type=protection&article=Wlog_watched",
    ]);
    // The creation is still there, after them: the log entries sit among the edits by time.
    expect(entries.at(-1)).toMatchObject({ kind: "edit", articleSlug: slug });
  });
});
