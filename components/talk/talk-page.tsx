import type { ReactNode } from "react";
import { ArticleTabs } from "@/components/article/article-tabs";
import { postAnchor, talkPath } from "@/lib/contracts/talk";
import { formatTimestamp } from "@/lib/document/format";
import type { TalkPage, TalkPostView, TalkTopicView } from "@/lib/talk/read-talk-page";
import { HidePostButton } from "./hide-post-button";
import { TalkForm } from "./talk-form";
import { TalkText } from "./talk-text";

/** What the talk page needs to know of its reader. */
export interface TalkViewer {
  /** "post": forms; "anonymous": a sign-in link instead; "blocked": neither (the header shows the block) */
  mode: "post" | "anonymous" | "blocked";
  /** the article tabs' edit tab words, or null */
  editLabel: string | null;
  canProtect: boolean;
  /** administrators hide posts (kept for the record) */
  canHide?: boolean;
}

/** Replies nested deeper than this are listed flat under their ancestor at this depth, as long threads are on Wikipedia. */
const MAX_DEPTH = 8;

const userLink = (name: string) => `/user/${encodeURIComponent(name)}`;

/** One post: its text (or the note that it was hidden), its signature with a permanent link, and a reply form. */
function PostItem(props: { post: TalkPostView; slug: string; topicId: number; viewer: TalkViewer }) {
  const { post, viewer } = props;
  const anchor = postAnchor(post.id);
  const when = formatTimestamp(post.createdAt);
  return (
    <article className="talk-post" id={anchor} aria-label={`Post by ${post.author}, ${when}`}>
      <div className="talk-post-body">
        {post.hiddenAt ? (
          <p className="talk-hidden">
            (This post was hidden{post.hiddenBy ? ` by ${post.hiddenBy}` : ""} on {formatTimestamp(post.hiddenAt)}; it
            is kept for the record.)
          </p>
        ) : (
          <TalkText body={post.body} mentions={post.mentions} />
        )}
      </div>
      <p className="talk-signature">
        — <a href={userLink(post.author)}>{post.author}</a>{" "}
        <a className="talk-time" href={`#${anchor}`} title="Permanent link to this post">
          <time dateTime={post.createdAt.toISOString()}>{when} (UTC)</time>
        </a>
        {viewer.canHide ? (
          <>
            {" "}
            <HidePostButton slug={props.slug} postId={post.id} hidden={post.hiddenAt !== null} />
          </>
        ) : null}
      </p>
      {viewer.mode === "post" ? (
        <details className="talk-reply">
          <summary>Reply</summary>
          <TalkForm
            slug={props.slug}
            topicId={props.topicId}
            parentId={post.id}
            idPrefix={`reply-${post.id}`}
            submitLabel="Reply"
          />
        </details>
      ) : null}
    </article>
  );
}

/** The posts of a topic as a thread: each reply under the post it answers, indented. */
function Thread(props: { topic: TalkTopicView; slug: string; viewer: TalkViewer }) {
  const { topic } = props;
  const ids = new Set(topic.posts.map((post) => post.id));
  const children = new Map<number, TalkPostView[]>();
  const roots: TalkPostView[] = [];
  for (const post of topic.posts) {
    // A post whose parent is not shown (beyond the page's bound) is listed at the top level rather than lost.
    if (post.parentId === null || !ids.has(post.parentId)) roots.push(post);
    else children.set(post.parentId, [...(children.get(post.parentId) ?? []), post]);
  }
  const descendants = (post: TalkPostView): TalkPostView[] => {
    const all: TalkPostView[] = [];
    const stack = [...(children.get(post.id) ?? [])].reverse();
    while (stack.length) {
      const next = stack.pop()!;
      all.push(next);
      stack.push(...[...(children.get(next.id) ?? [])].reverse());
    }
    return all;
  };
  const item = (post: TalkPostView) => (
    <PostItem post={post} slug={props.slug} topicId={topic.id} viewer={props.viewer} />
  );
  const list = (posts: TalkPostView[], depth: number): ReactNode => (
    <ol className={depth === 0 ? "talk-thread" : "talk-replies"}>
      {posts.map((post) => {
        const replies = depth + 1 >= MAX_DEPTH ? descendants(post) : (children.get(post.id) ?? []);
        return (
          <li key={post.id}>
            {item(post)}
            {replies.length === 0 ? null : depth + 1 >= MAX_DEPTH ? (
              <ol className="talk-replies">
                {replies.map((reply) => (
                  <li key={reply.id}>{item(reply)}</li>
                ))}
              </ol>
            ) : (
              list(replies, depth + 1)
            )}
          </li>
        );
      })}
    </ol>
  );
  return list(roots, 0);
}

/** How a reader who may not post joins in: a sign-in link, or the reason they cannot. */
function JoinNote({ slug, viewer }: { slug: string; viewer: TalkViewer }) {
  if (viewer.mode === "anonymous")
    return (
      <p className="talk-join">
        <a href={`/login?returnTo=${encodeURIComponent(talkPath(slug))}`}>Sign in to join the discussion</a> or{" "}
        <a href="/register">create an account</a>.
      </p>
    );
  if (viewer.mode === "blocked")
    return <p className="talk-join">Your account is blocked: you can read this discussion but not post in it.</p>;
  return null;
}

/**
 * An article's talk page, as Wikipedia's: the article's tabs, a contents
 * list of the topics, the topics oldest first (a new one goes at the
 * bottom), each a thread of signed, timestamped posts with stable anchors
 * (#topic-ID, #post-ID), the proposals citing it, and the forms.
 */
export function TalkPageView({ page, viewer }: { page: TalkPage; viewer: TalkViewer }) {
  const { article, topics } = page;
  const slug = encodeURIComponent(article.slug);
  const protectedArticle = article.protection.level !== "none";
  return (
    <div className="content-page wide talk-page">
      <header className="article-header">
        <h1 className="article-title">Talk: {article.title}</h1>
        <ArticleTabs
          slug={article.slug}
          current="talk"
          talkTopicCount={article.talkTopicCount}
          editLabel={viewer.editLabel}
          canProtect={viewer.canProtect}
          protectionLevel={article.protection.level}
        />
      </header>
      <div className="notice talk-intro" role="note">
        <p>
          This is the talk page for discussing improvements to the article <a href={`/wiki/${slug}`}>{article.title}</a>
          . Each post is signed with its author's name and the time; new topics go at the bottom.
          {protectedArticle
            ? " The article is protected, but this page is open to every signed-in user: argue a change here, then propose it citing the topic."
            : null}
        </p>
      </div>
      <JoinNote slug={article.slug} viewer={viewer} />
      {topics.length ? (
        <nav className="toc talk-contents" aria-labelledby="talk-contents-title">
          <h2 id="talk-contents-title" className="toc-title">
            Contents
          </h2>
          <ol>
            {topics.map((topic) => (
              <li key={topic.id}>
                <a href={`#${topic.anchor}`}>{topic.title}</a>{" "}
                <span className="form-hint">
                  ({topic.posts.length} post{topic.posts.length === 1 ? "" : "s"})
                </span>
              </li>
            ))}
          </ol>
          {viewer.mode === "post" ? (
            <p>
              <a href="#new-topic">Start a new topic</a>
            </p>
          ) : null}
        </nav>
      ) : (
        <p>There are no topics on this talk page yet.</p>
      )}
      {topics.map((topic) => (
        <section key={topic.id} className="talk-topic" aria-labelledby={topic.anchor}>
          <h2 id={topic.anchor}>{topic.title}</h2>
          {topic.proposals.length ? (
            <p className="talk-proposals">
              Proposals citing this discussion:{" "}
              {topic.proposals.map((proposal, index) => (
                <span key={proposal.id}>
                  {index > 0 ? "; " : null}
                  <a href={`/proposals/${proposal.id}`}>#{proposal.id}</a>
                  {proposal.summary ? ` ${proposal.summary}` : null} ({proposal.status.replace("_", " ")})
                </span>
              ))}
            </p>
          ) : null}
          <Thread topic={topic} slug={article.slug} viewer={viewer} />
          {viewer.mode === "post" ? (
            <p className="talk-topic-actions">
              <a href={`/wiki/${slug}/edit?talkTopic=${topic.id}`}>Propose a change citing this discussion</a>
            </p>
          ) : null}
        </section>
      ))}
      {viewer.mode === "post" ? (
        <section className="talk-new-topic" aria-labelledby="new-topic">
          <h2 id="new-topic">Start a new topic</h2>
          <TalkForm slug={article.slug} idPrefix="new-topic" submitLabel="Start topic" />
        </section>
      ) : (
        <JoinNote slug={article.slug} viewer={viewer} />
      )}
    </div>
  );
}

/**
 * The talk page of a deleted article: what happened (the deletion message names who, when and why) and where
 * to read more, instead of a bare "not found". Its topics stay stored and come back with the article.
 */
export function DeletedTalkPage({ slug, message }: { slug: string; message: string }) {
  const title = slug.replace(/_/g, " ");
  return (
    <div className="content-page wide talk-page">
      <h1 className="article-title">Talk: {title}</h1>
      <div className="notice notice-warning" role="alert">
        <p>
          <b>{/[.!?]$/.test(message) ? message : `${message}.`}</b> Its talk page is closed while it is deleted, and
          comes back if an administrator restores it.
        </p>
        <ul>
          <li>
            <a href={`/log?type=deletion&article=${encodeURIComponent(slug)}`}>See the deletion log</a> for this
            article.
          </li>
          <li>
            <a href="/">Browse all articles</a>.
          </li>
        </ul>
      </div>
    </div>
  );
}
