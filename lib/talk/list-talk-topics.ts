import "server-only";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";

/** The newest topics of an article's talk page (id and title), for the editor's "consensus" choice when proposing. */
export async function listTalkTopics(options: { articleId: number; limit?: number; db?: Db }) {
  const db = options.db ?? getReadDb();
  return db.talkTopic.findMany({
    where: { articleId: options.articleId },
    orderBy: { id: "desc" },
    take: Math.min(options.limit ?? 50, 200),
    select: { id: true, title: true },
  });
}
