import "server-only";
import type { HistoryPage } from "../articles/history";
import type { TRecentChangesPage } from "../contracts/recent-changes";
import { type AtomFeed, tagUri } from "../http/atom";
import { changePath, describeChange, formatSizeDelta } from "./describe";

/**
 * The site's two public feeds as lib/http/atom.ts values: recent changes (the same filters as the page)
 * and an article's history. `origin` is the configured site origin, `host` its host (for tag URIs);
 * `query` the page's own query string, so the feed links back to the same filtered page.
 */
export function recentChangesFeed(
  page: TRecentChangesPage,
  site: { origin: string; host: string; query: string },
): AtomFeed {
  const query = site.query ? `?${site.query}` : "";
  const self = new URLSearchParams(site.query);
  self.set("format", "atom");
  return {
    id: tagUri(site.host, `recent-changes${query}`),
    title: "Recent changes",
    subtitle: "Every change across the wiki, newest first",
    self: `${site.origin}/recent-changes?${self}`,
    link: `${site.origin}/recent-changes${query}`,
    updated: page.changes[0] ? new Date(page.changes[0].createdAt) : new Date(0),
    entries: page.changes.map((row) => ({
      id: tagUri(site.host, `recent-change/${row.id}`),
      title: `${describeChange(row)}${row.sizeDelta !== null ? ` (${formatSizeDelta(row.sizeDelta)})` : ""}`,
      updated: new Date(row.createdAt),
      link: `${site.origin}${changePath(row)}`,
      author: row.actor,
      summary: row.summary || undefined,
      categories: [row.kind, ...row.tags],
    })),
  };
}

/** An article's history as a feed: its newest revisions, each linked to its diff. */
export function historyFeed(page: HistoryPage, site: { origin: string; host: string }): AtomFeed {
  const slug = encodeURIComponent(page.article.slug);
  return {
    id: tagUri(site.host, `history/${page.article.id}`),
    title: `${page.article.title}: revision history`,
    self: `${site.origin}/wiki/${slug}/history?format=atom`,
    link: `${site.origin}/wiki/${slug}/history`,
    updated: page.revisions[0]?.createdAt ?? new Date(0),
    entries: page.revisions.map((revision) => ({
      id: tagUri(site.host, `revision/${revision.id}`),
      title: `Revision ${revision.id} by ${revision.author} (${formatSizeDelta(revision.sizeChange)})`,
      updated: revision.createdAt,
      link: revision.parentId
        ? `${site.origin}/wiki/${slug}/diff?from=${revision.parentId}&to=${revision.id}`
        : `${site.origin}/wiki/${slug}?oldid=${revision.id}`,
      author: revision.author,
      summary: revision.summary || undefined,
      categories: revision.tags,
    })),
  };
}
