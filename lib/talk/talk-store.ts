import "server-only";
import { effectiveProtection } from "../articles/protection";
import { findArticle, missingArticle } from "../articles/read-article";
import { nameKeyOf } from "../auth/usernames";
import { assertAllowed } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { decideTalkAction, type TalkAction } from "../authz/talk";
import { MAX_MENTIONS_PER_POST } from "../contracts/talk";
import type { Db, Tx } from "../db/client";
import { WikiError } from "../errors";
import { invisibleCharacter } from "../text/lookalikes";
import { mentionedKeys } from "./markup";

/**
 * The article whose talk page `slug` names, after checking that `actor` may
 * do `action` there (401 signed out, 403 blocked; the article's protection
 * is passed but never closes its talk page), or 404. The rights come first,
 * so a refused caller learns nothing of which articles exist.
 */
export async function talkArticleFor(db: Db, actor: Actor | null, action: TalkAction, slug: string) {
  assertAllowed(decideTalkAction(actor, "post", { protection: "none" }));
  const article = await findArticle(db, slug);
  if (!article) throw await missingArticle(db, slug);
  assertAllowed(decideTalkAction(actor, action, { protection: effectiveProtection(article).level }));
  return { article, actor: actor as Actor };
}

/** A topic title as stored: one line, single spaces; invisible and text-direction characters refused (400 naming title). */
export function topicTitle(raw: string): string {
  const invisible = invisibleCharacter(raw);
  if (invisible)
    throw new WikiError(
      "bad_request",
      `title: must not contain invisible or text-direction characters (${invisible}).`,
      {
        field: "title",
      },
    );
  return raw.replace(/\s+/g, " ").trim();
}

/** A post's text as stored: line ends unified, trailing blanks dropped. */
export function postBody(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
}

/**
 * The users a post mentions, matched as usernames are everywhere (the
 * case-folded NFKC key, lib/auth/usernames.ts): `@Reviewer` and
 * `@ＲＥＶＩＥＷＥＲ` are the user reviewer; a look-alike spelling (a Cyrillic
 * letter) is no user, since registration refuses look-alike names, and stays
 * text. More than MAX_MENTIONS_PER_POST distinct names is a 400 naming body.
 */
export async function resolveMentions(db: Db | Tx, body: string): Promise<Array<{ id: number; name: string }>> {
  const keys = mentionedKeys(body);
  if (keys.length > MAX_MENTIONS_PER_POST)
    throw new WikiError(
      "bad_request",
      `body: a post may mention at most ${MAX_MENTIONS_PER_POST} people; it mentions ${keys.length}.`,
      { field: "body" },
    );
  if (!keys.length) return [];
  return db.user.findMany({ where: { nameKey: { in: keys } }, select: { id: true, name: true } });
}

/** Whether `name` is mentioned by `key` (the page links a mention to the user it was resolved to). */
export const mentionMatches = (key: string, name: string) => nameKeyOf(name) === key;
