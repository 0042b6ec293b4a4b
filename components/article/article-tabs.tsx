import type { ProtectionLevel } from "@/lib/authz/levels";

/** Which tab of an article's pages is open (none: a page of its own, such as an old revision). */
export type ArticleTab = "article" | "talk" | null;

/**
 * The tabs above an article and its sibling pages (talk page): Article and
 * Talk (with its topic count, as the reader's way into the discussion), then
 * the views of the article. Shared so every page of an article draws them
 * the same way.
 */
export function ArticleTabs(props: {
  slug: string;
  current: ArticleTab;
  /** topics on the talk page; undefined where the count is not at hand (the editor's preview) */
  talkTopicCount?: number;
  /** the edit tab's words ("Edit", "Propose changes"); null: no edit tab (blocked, or not the current revision) */
  editLabel: string | null;
  /** an administrator's tabs: protect, move, delete (all admin-only rules in lib/authz) */
  canProtect: boolean;
  protectionLevel: ProtectionLevel;
}) {
  const slug = encodeURIComponent(props.slug);
  const count = props.talkTopicCount;
  return (
    <nav className="article-tabs" aria-label="Page views">
      <a href={`/wiki/${slug}`} aria-current={props.current === "article" ? "page" : undefined}>
        Article
      </a>
      <a
        href={`/wiki/${slug}/talk`}
        aria-current={props.current === "talk" ? "page" : undefined}
        rel="discussion"
        title={
          count === undefined ? undefined : `Discussion about this article: ${count} topic${count === 1 ? "" : "s"}`
        }
      >
        Talk
        {count !== undefined ? <span className="tab-count">{` (${count})`}</span> : null}
      </a>
      {props.editLabel !== null ? <a href={`/wiki/${slug}/edit`}>{props.editLabel}</a> : null}
      <a href={`/wiki/${slug}/history`}>History</a>
      <a href={`/wiki/${slug}/proposals`}>Proposals</a>
      <a href={`/wiki/${slug}/log`}>Protection log</a>
      <a href={`/wiki/${slug}/links`}>What links here</a>
      {props.canProtect ? (
        <a href={`/wiki/${slug}/protect`}>{props.protectionLevel === "none" ? "Protect" : "Change protection"}</a>
      ) : null}
      {/* Moving and deleting are administrators' work, as protecting is (lib/authz/article-admin.ts). */}
      {props.canProtect ? <a href={`/wiki/${slug}/move`}>Move</a> : null}
      {props.canProtect ? <a href={`/wiki/${slug}/delete`}>Delete</a> : null}
    </nav>
  );
}
