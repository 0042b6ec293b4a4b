import "server-only";
import type { Actor } from "../authz/policy";
import { postAnchor, talkPath, topicAnchor, type TStartTopicRequest, type TTalkPosted } from "../contracts/talk";
import { getDb, type Db } from "../db/client";
import { afterTalkPost } from "./after-talk-post";
import { postBody, resolveMentions, talkArticleFor, topicTitle } from "./talk-store";

/**
 * Starts a topic on an article's talk page: its title and first post, the
 * users it mentions, and the article's topic count (read with the article
 * row, so the Talk tab of the cached article page moves with it), in one
 * transaction with the after-post hook. Any signed-in user who is not
 * blocked, whatever the article's protection.
 */
export async function startTopic(options: {
  actor: Actor | null;
  slug: string;
  request: TStartTopicRequest;
  db?: Db;
}): Promise<TTalkPosted> {
  const db = options.db ?? getDb();
  const { article, actor } = await talkArticleFor(db, options.actor, "post", options.slug);
  const title = topicTitle(options.request.title);
  const body = postBody(options.request.body);
  const mentioned = await resolveMentions(db, body);
  return db.$transaction(async (tx) => {
    const topic = await tx.talkTopic.create({ data: { articleId: article.id, authorId: actor.id, title } });
    const post = await tx.talkPost.create({ data: { topicId: topic.id, authorId: actor.id, body } });
    if (mentioned.length)
      await tx.talkMention.createMany({ data: mentioned.map((user) => ({ postId: post.id, userId: user.id })) });
    await tx.article.update({ where: { id: article.id }, data: { talkTopicCount: { increment: 1 } } });
    await afterTalkPost(tx, {
      kind: "topic",
      articleId: article.id,
      topicId: topic.id,
      topicTitle: topic.title,
      postId: post.id,
      authorId: actor.id,
      parentAuthorId: null,
      mentionedUserIds: mentioned.map((user) => user.id),
      createdAt: post.createdAt,
    });
    const page = talkPath(article.slug);
    return {
      topic: { id: topic.id, url: `${page}#${topicAnchor(topic.id)}` },
      post: { id: post.id, url: `${page}#${postAnchor(post.id)}` },
      mentioned: mentioned.map((user) => user.name),
    };
  });
}
