import { expect } from "vitest";
import { saveRevision } from "../lib/articles/save-revision";
import type { Db } from "../lib/db/client";
import type { ArticleContent, Reference, } from "../lib/document/model";
import { makeUser, type TestUser } from "./factories";
import { sectionOf } from "./sections";
import { httpRequest, startAppServer, type AppServer } from "./server";

/*
 * Proposal fixtures shared by the HTTP tests of the review workflow: an
 * extended-protected article to propose against, and a proposal sent the way
 * a user sends one.
 */

export { sectionOf };

/** The content with the sections named in `changes` rewritten (and, optionally, other references). */
export const withSections = (
  content: ArticleContent,
  changes: Record<string, string>,
  references: Reference[] = content.references,
): ArticleContent => ({
  ...content,
  sections: content.sections.map((s) => (changes[s.id] !== undefined ? sectionOf(s.id, s.title, changes[s.id]) : s)),
  references,
});

/** Saves `content` as a new article under `slug` and protects it (extended unless said), so a newcomer may only propose. */
export async function protectedArticle(
  db: Db,
  options: { slug: string; content: ArticleContent; authorId: number; level?: "extended" | "full" },
): Promise<{ slug: string; base: number; content: ArticleContent }> {
  const { slug, content } = options;
  const saved = await saveRevision({ db, slug, baseRevisionId: null, content, authorId: options.authorId });
  await db.article.update({
    where: { slug },
    data: { protectionLevel: options.level ?? "extended", protectionReason: "contested" },
  });
  return { slug, base: saved.revisionId, content };
}

/** The review tests' usual article, protected: a lead, Background and Events (`events` markup), citing reference "a". */
export function proposalArticle(
  db: Db,
  options: { slug: string; authorId: number; level?: "extended" | "full"; events?: string },
): Promise<{ slug: string; base: number; content: ArticleContent }> {
  const content: ArticleContent = {
    title: options.slug.replace(/_/g, " "),
    infobox: null,
    sections: [
      sectionOf("lead", "", "Lead.[[ref:a]]"),
      sectionOf("bg", "Background", "Background text."),
      sectionOf("ev", "Events", options.events ?? "Events text.[[ref:a]]"),
    ],
    references: [{ key: "a", title: "Source A" }],
  };
  return protectedArticle(db, { ...options, content });
}

/** `user` proposes `content` over HTTP (POST /api/articles/{slug}/edits, answered 202); returns the proposal's id. */
export async function proposeOverHttp(
  server: AppServer,
  user: TestUser,
  proposal: { slug: string; base: number; content: ArticleContent },
): Promise<number> {
  const response = await httpRequest(server, "POST", `/api/articles/${proposal.slug}/edits`, {
    body: { baseRevisionId: proposal.base, summary: "proposal", rationale: "sourced", content: proposal.content },
    user,
  });
  expect(response.status, response.text).toBe(202);
  return response.body.proposal.id;
}

/** The people of a review (an admin who writes the article, a reviewer, a newcomer who proposes) and a production server on `databaseUrl`. */
export async function startReviewServer(
  db: Db,
  databaseUrl: string,
  prefix: string,
): Promise<{ admin: TestUser; reviewer: TestUser; proposer: TestUser; server: AppServer }> {
  const admin = await makeUser(db, { name: `${prefix}_admin`, role: "admin" });
  const reviewer = await makeUser(db, { name: `${prefix}_reviewer`, role: "reviewer" });
  const proposer = await makeUser(db, { name: `${prefix}_newbie` });
  const server = await startAppServer({ databaseUrl, env: { WIKI_RATE_LIMITS: "off" } });
  return { admin, reviewer, proposer, server };
}
