import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { talkArticleFor } from "./talk-store";

/**
 * Hides a talk post from readers, or shows it again (administrators only).
 * Nothing is deleted: the text stays in the database for the record, and
 * the page shows who hid it and when in its place.
 */
export async function hideTalkPost(options: {
  actor: Actor | null;
  slug: string;
  postId: number;
  hidden: boolean;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const { article, actor } = await talkArticleFor(db, options.actor, "hide", options.slug);
  const post = await db.talkPost.findUnique({
    where: { id: options.postId },
    select: { id: true, topic: { select: { articleId: true } } },
  });
  if (!post || post.topic.articleId !== article.id)
    throw new WikiError("not_found", `There is no post #${options.postId} on the talk page of "${article.title}".`);
  const updated = await db.talkPost.update({
    where: { id: post.id },
    data: options.hidden ? { hiddenAt: new Date(), hiddenById: actor.id } : { hiddenAt: null, hiddenById: null },
    select: { id: true, hiddenAt: true },
  });
  return { id: updated.id, hidden: updated.hiddenAt !== null };
}
