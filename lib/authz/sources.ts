import { activeBlock, decide, effectiveGroups, type Actor, type Decision } from "./policy";

/**
 * Who keeps the source reliability list (issue 20): administrators who are
 * not blocked, as for the review requirements. Reading it is public. Pure;
 * lib/sources/set-source-reliability.ts calls it before any write.
 */
export function decideSourceList(actor: Actor | null, now = new Date()): Decision {
  if (!actor)
    return { allowed: false, status: 401, code: "unauthorized", reason: "You need to sign in to rate sources." };
  // decide() words a block (until when, why) as every other refusal does.
  if (activeBlock(actor, now)) return decide(actor, "configure_review", { now });
  if (!effectiveGroups(actor, now).all.has("admin"))
    return { allowed: false, status: 403, code: "forbidden", reason: "Only administrators can rate sources." };
  return { allowed: true };
}

/**
 * Who may correct a source once for every article citing it ("fix once",
 * lib/sources/fix-source.ts): any signed-in user who may propose, since each
 * article then gets an edit or a proposal as decide() rules for it (protection
 * is never bypassed). A blocked user is refused before anything is read.
 */
export function decideSourceFix(actor: Actor | null, now = new Date()): Decision {
  if (!actor)
    return { allowed: false, status: 401, code: "unauthorized", reason: "You need to sign in to correct a source." };
  return decide(actor, "propose", { now });
}

/**
 * How far a permitted fix reaches by itself. One form submission changes up to 50 articles, which makes it a
 * tool of bulk editing: as Wikipedia keeps semi-automated mass editing (AutoWikiBrowser) to experienced editors,
 * a fix by a user who is not extended-confirmed is a proposal on every article, reviewed before readers see it;
 * an extended-confirmed user's fix edits each article they may edit directly and proposes where protection
 * requires. Pure.
 */
export function sourceFixReach(actor: Actor, now = new Date()): "edit" | "propose" {
  return effectiveGroups(actor, now).all.has("extendedconfirmed") ? "edit" : "propose";
}
