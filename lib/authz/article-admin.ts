import { activeBlock, decide, effectiveGroups, type Actor, type Decision } from "./policy";

/**
 * Deleting, restoring and moving articles (issue 19): administrators' work, as on Wikipedia (where moving is
 * wider, but a move here also retitles history and leaves a redirect, so it stays with the admins). Pure; the
 * use cases (lib/articles/delete-article.ts, restore-article.ts, move-article.ts) call it before any write.
 */
export type ArticleAdminAction = "delete" | "restore" | "move";

const WORDS: Record<ArticleAdminAction, string> = {
  delete: "delete articles",
  restore: "restore deleted articles",
  move: "move (rename) articles",
};

/** May `actor` delete, restore or move an article? Administrators who are not blocked; the denial says why. */
export function decideArticleAdmin(actor: Actor | null, action: ArticleAdminAction, now = new Date()): Decision {
  if (!actor)
    return { allowed: false, status: 401, code: "unauthorized", reason: `You need to sign in to ${WORDS[action]}.` };
  // decide() words a block (until when, why) as every other refusal does.
  if (activeBlock(actor, now)) return decide(actor, "protect", { now });
  if (!effectiveGroups(actor, now).all.has("admin"))
    return { allowed: false, status: 403, code: "forbidden", reason: `Only administrators can ${WORDS[action]}.` };
  return { allowed: true };
}
