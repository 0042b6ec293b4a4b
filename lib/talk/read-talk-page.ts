import "server-only";
import { effectiveProtection } from "../articles/protection";
import { findArticle, missingArticle } from "../articles/read-article";
import { postAnchor, talkPath, topicAnchor } from "../contracts/talk";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";

/** Most topics one talk page shows (the newest ones; Wikipedia archives older ones). */
export const TALK_PAGE_TOPICS = 200;
/** Most posts one talk page shows across its topics, so a huge page costs a bounded read. */
export const TALK_PAGE_POSTS = 5_000;

/** One post as the talk page shows it. */
export interface TalkPostView {
  id: number;
  parentId: number | null;
  author: string;
  createdAt: Date;
  body: string;
  hiddenAt: Date | null;
  hiddenBy: string | null;
  /** the users this post's mentions were resolved to when it was written */
  mentions: Array<{ name: string }>;
}

/** One topic as the talk page shows it. */
export interface TalkTopicView {
  id: number;
  title: string;
  author: string;
  createdAt: Date;
  anchor: string;
  posts: TalkPostView[];
  /** proposals citing this topic as where consensus was reached */
  proposals: Array<{ id: number; status: string; summary: string }>;
}

/**
 * An article's talk page: its topics oldest first (the newest
 * TALK_PAGE_TOPICS), each with its posts in the order written, their
 * mentions, and the proposals citing it. Public; a missing article is a 404.
 */
export async function readTalkPage(options: { slug: string; db?: Db }) {
  const db = options.db ?? getReadDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw await missingArticle(db, options.slug);
  const newestFirst = await db.talkTopic.findMany({
    where: { articleId: article.id },
    orderBy: { id: "desc" },
    take: TALK_PAGE_TOPICS,
    select: { id: true, title: true, createdAt: true, author: { select: { name: true } } },
  });
  const topicIds = newestFirst.map((topic) => topic.id);
  const [posts, proposals] = topicIds.length
    ? await Promise.all([
        db.talkPost.findMany({
          where: { topicId: { in: topicIds } },
          orderBy: { id: "asc" },
          take: TALK_PAGE_POSTS,
          select: {
            id: true,
            topicId: true,
            parentId: true,
            body: true,
            createdAt: true,
            hiddenAt: true,
            author: { select: { name: true } },
            hiddenBy: { select: { name: true } },
            mentions: { select: { user: { select: { name: true } } } },
          },
        }),
        db.proposal.findMany({
          where: { talkTopicId: { in: topicIds } },
          orderBy: { id: "asc" },
          select: { id: true, status: true, summary: true, talkTopicId: true },
        }),
      ])
    : [[], []];
  const topics: TalkTopicView[] = newestFirst.reverse().map((topic) => ({
    id: topic.id,
    title: topic.title,
    author: topic.author.name,
    createdAt: topic.createdAt,
    anchor: topicAnchor(topic.id),
    posts: [],
    proposals: [],
  }));
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  for (const post of posts)
    byId.get(post.topicId)?.posts.push({
      id: post.id,
      parentId: post.parentId,
      author: post.author.name,
      createdAt: post.createdAt,
      body: post.body,
      hiddenAt: post.hiddenAt,
      hiddenBy: post.hiddenBy?.name ?? null,
      mentions: post.mentions.map((mention) => mention.user),
    });
  for (const { talkTopicId, ...proposal } of proposals) byId.get(talkTopicId!)?.proposals.push(proposal);
  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      protection: effectiveProtection(article),
      talkTopicCount: article.talkTopicCount,
    },
    topics,
  };
}

export type TalkPage = Awaited<ReturnType<typeof readTalkPage>>;

/** The talk page as the JSON API answers it: hidden posts without their text. */
export function talkPageJson(page: TalkPage) {
  const base = talkPath(page.article.slug);
  return {
    article: { slug: page.article.slug, title: page.article.title, topicCount: page.article.talkTopicCount },
    topics: page.topics.map((topic) => ({
      id: topic.id,
      title: topic.title,
      author: topic.author,
      createdAt: topic.createdAt.toISOString(),
      url: `${base}#${topic.anchor}`,
      proposals: topic.proposals,
      posts: topic.posts.map((post) => ({
        id: post.id,
        parentId: post.parentId,
        author: post.author,
        createdAt: post.createdAt.toISOString(),
        url: `${base}#${postAnchor(post.id)}`,
        hidden: post.hiddenAt !== null,
        body: post.hiddenAt ? null : post.body,
        mentions: post.hiddenAt ? [] : post.mentions.map((user) => user.name),
      })),
    })),
  };
}
