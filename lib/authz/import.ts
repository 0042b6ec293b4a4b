import { activeBlock, decide, effectiveGroups, type Actor, type Decision } from "./policy";

/**
 * Importing articles from MediaWiki (issue 21) is an administrator's action:
 * an import writes a whole article at once, under any protection, so it is
 * kept to the people who may set protection. Pure; lib/articles/import-article.ts
 * calls it before any write.
 */
export function decideImport(actor: Actor | null, now = new Date()): Decision {
  if (!actor)
    return { allowed: false, status: 401, code: "unauthorized", reason: "You need to sign in to import articles." };
  // decide() words a block (until when, why) as every other refusal does.
  if (activeBlock(actor, now)) return decide(actor, "protect", { now });
  if (!effectiveGroups(actor, now).all.has("admin"))
    return { allowed: false, status: 403, code: "forbidden", reason: "Only administrators can import articles." };
  return { allowed: true };
}
