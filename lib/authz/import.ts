import { activeBlock, decide, effectiveGroups, type Actor, type Decision } from "./policy";

/**
 * Importing articles from MediaWiki (issue 21) is an administrator's action:
 * an import writes a whole article at once, under any protection, so it is
 * kept to the people who may set protection. Pure; lib/articles/import-article.ts
 * calls it before any write.
 */
export function decideImport(actor: Actor | null, now = new Date(), what = "import articles"): Decision {
  if (!actor) return { allowed: false, status: 401, code: "unauthorized", reason: `You need to sign in to ${what}.` };
  // decide() words a block (until when, why) as every other refusal does.
  if (activeBlock(actor, now)) return decide(actor, "protect", { now });
  if (!effectiveGroups(actor, now).all.has("admin"))
    return { allowed: false, status: 403, code: "forbidden", reason: `Only administrators can ${what}.` };
  return { allowed: true };
}

/**
 * Exporting the whole site (every revision of every article) is kept to the same people, and says so in its
 * own words.
 */
export function decideSiteExport(actor: Actor | null, now = new Date()): Decision {
  return decideImport(actor, now, "export the whole wiki");
}
