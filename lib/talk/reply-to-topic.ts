import "server-only";
import type { Actor } from "../authz/policy";
import { postAnchor, talkPath, topicAnchor, type TReplyToTopicRequest, type TTalkPosted } from "../contracts/talk";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { afterTalkPost } from "./after-talk-post";
import { postBody, resolveMentions, talkArticleFor } from "./talk-store";

/**
 * Replies in a topic of an article's talk page, to one of its posts
 * (`parentId`; none: to the topic's first post), with the users it mentions,
 * in one transaction with the after-post hook. A topic of another article is
 * a 404; a parent post outside the topic (another topic, another article)
 * is a 400 naming parentId.
 */
export async function replyToTopic(options: {
  actor: Actor | null;
  slug: string;
  topicId: number;
  request: TReplyToTopicRequest;
  db?: Db;
}): Promise<TTalkPosted> {
  const db = options.db ?? getDb();
  const { article, actor } = await talkArticleFor(db, options.actor, "post", options.slug);
  const body = postBody(options.request.body);
  const topic = await db.talkTopic.findUnique({
    where: { id: options.topicId },
    select: { id: true, articleId: true, title: true },
  });
  if (!topic || topic.articleId !== article.id)
    throw new WikiError("not_found", `There is no topic #${options.topicId} on the talk page of "${article.title}".`);
  const parentId = options.request.parentId ?? null;
  const parent = parentId
    ? await db.talkPost.findUnique({ where: { id: parentId }, select: { id: true, topicId: true, authorId: true } })
    : await db.talkPost.findFirst({
        where: { topicId: topic.id },
        orderBy: { id: "asc" },
        select: { id: true, topicId: true, authorId: true },
      });
  if (!parent || parent.topicId !== topic.id)
    throw new WikiError("bad_request", `parentId: post #${parentId} is not in topic #${topic.id}.`, {
      field: "parentId",
    });
  const mentioned = await resolveMentions(db, body);
  return db.$transaction(async (tx) => {
    const post = await tx.talkPost.create({
      data: { topicId: topic.id, parentId: parent.id, authorId: actor.id, body },
    });
    if (mentioned.length)
      await tx.talkMention.createMany({ data: mentioned.map((user) => ({ postId: post.id, userId: user.id })) });
    await afterTalkPost(tx, {
      kind: "reply",
      articleId: article.id,
      topicId: topic.id,
      topicTitle: topic.title,
      postId: post.id,
      authorId: actor.id,
      parentAuthorId: parent.authorId,
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
