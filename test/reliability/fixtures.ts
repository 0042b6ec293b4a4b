import { submitEdit } from "../../lib/editing/submit-edit";
import { ZEditRequestSchema, type TEditRequest } from "../../lib/contracts/articles";
import { saveRevision } from "../../lib/articles/save-revision";
import { slugOfTitle } from "../../lib/articles/titles";
import type { Db } from "../../lib/db/client";
import { docFromMarkup } from "../../lib/document/markup";
import type { ArticleContent, Section } from "../../lib/document/model";
import { decideProposal } from "../../lib/proposals/decide-proposal";
import type { Actor } from "../../lib/authz/policy";
import { loadActor } from "../../lib/users/load-actor";
import { seedDemo } from "../../prisma/seed/demo";
import type { Group } from "../../lib/authz/groups";
import { makeUser, type TestUser } from "../factories";

export type { TestUser };

/** A section whose text is short, so saves and approvals stay cheap under load. */
export const smallSection = (id: string, text: string): Section => ({
  id,
  title: id === "lead" ? "" : `Part ${id}`,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(text),
});

/** `content` with the sections named in `texts` rewritten to those one-line texts. */
export const withTexts = (content: ArticleContent, texts: Record<string, string>): ArticleContent => ({
  ...content,
  sections: content.sections.map((section) =>
    texts[section.id] ? smallSection(section.id, texts[section.id]) : section,
  ),
});

/** Moves an article on from `baseRevisionId` (a plain save by `authorId`), rewriting the sections in `texts`. */
export function moveOn(
  db: Db,
  change: {
    slug: string;
    baseRevisionId: number;
    content: ArticleContent;
    texts: Record<string, string>;
    authorId: number;
  },
) {
  const { texts, content, ...rest } = change;
  return saveRevision({ db, ...rest, content: withTexts(content, texts) });
}

/** An article of `sectionCount` one-line sections plus a lead citing one reference. */
export function smallArticle(title: string, sectionCount: number): ArticleContent {
  return {
    title,
    infobox: null,
    sections: [
      smallSection("lead", `${title}.[[ref:a]]`),
      ...Array.from({ length: sectionCount }, (_, i) => smallSection(`s${i}`, `Original text ${i}.`)),
    ],
    references: [{ key: "a", title: "Source A" }],
  };
}

/** Users for reliability tests: an admin, `reviewers` reviewers, and `proposers` new accounts that may only propose on protected articles. */
export async function createCast(
  db: Db,
  options: { reviewers?: number; proposers?: number; editors?: number; prefix: string },
) {
  const admin = await makeUser(db, { name: `${options.prefix}_admin`, role: "admin" });
  const make = (label: string, count: number, role: Group) =>
    Promise.all(
      Array.from({ length: count }, (_, i) => makeUser(db, { name: `${options.prefix}_${label}${i}`, role })),
    );
  const reviewers = await make("reviewer", options.reviewers ?? 1, "reviewer");
  const proposers = await make("proposer", options.proposers ?? 1, "user");
  const editors = await make("editor", options.editors ?? 1, "autoconfirmed");
  const plain = (user: { id: number; name: string }): TestUser => ({ id: user.id, name: user.name });
  const actor = async (user: { id: number }): Promise<Actor> => (await loadActor(db, user.id))!;
  const actors = (users: Array<{ id: number }>) => Promise.all(users.map(actor));
  return {
    admin: plain(admin),
    reviewers: reviewers.map(plain),
    proposers: proposers.map(plain),
    editors: editors.map(plain),
    /** The same users as the use cases see them (groups, block), for tests that call use cases directly. */
    actors: {
      admin: await actor(admin),
      reviewers: await actors(reviewers),
      proposers: await actors(proposers),
      editors: await actors(editors),
    },
  };
}

/** Creates an article (as `authorId`) and optionally protects it; returns its slug and first revision id. */
export async function createArticle(
  db: Db,
  options: { content: ArticleContent; authorId: number; protection?: "extended" | "none" },
): Promise<{ slug: string; revisionId: number }> {
  const slug = slugOfTitle(options.content.title);
  const saved = await saveRevision({
    db,
    slug,
    baseRevisionId: null,
    content: options.content,
    authorId: options.authorId,
  });
  if (options.protection === "extended")
    await db.article.update({
      where: { slug },
      data: { protectionLevel: "extended", protectionReason: "reliability test" },
    });
  return { slug, revisionId: saved.revisionId };
}

/** Runs the edit use-case as `userId` (a proposal when the user may only propose). */
export async function edit(db: Db, userId: number, slug: string, request: TEditRequest) {
  return submitEdit({ db, actor: await loadActor(db, userId), slug, request: ZEditRequestSchema.parse(request) });
}

/**
 * A database with a bit of everything: the demo seed (accounts, two
 * articles with history), direct edits, and proposals approved, partially
 * approved, rejected, sent back and still open.
 */
export async function seedMixedData(db: Db, prefix: string) {
  await seedDemo(db);
  const cast = await createCast(db, { prefix, reviewers: 2, proposers: 2, editors: 2 });
  const created = await createArticle(db, {
    content: smallArticle(`${prefix} Protected`, 8),
    authorId: cast.admin.id,
    protection: "extended",
  });
  const slug = created.slug;
  let head = created.revisionId;
  const createdOpen = await createArticle(db, {
    content: smallArticle(`${prefix} Open`, 4),
    authorId: cast.editors[0].id,
  });
  const plainSlug = createdOpen.slug;
  let plainHead = createdOpen.revisionId;
  for (let i = 0; i < 3; i++) {
    const outcome = await edit(db, cast.editors[i % 2].id, plainSlug, {
      baseRevisionId: plainHead,
      sectionEdit: { sectionId: `s${i}`, sections: [smallSection(`s${i}`, `Edited ${i}.`)] },
      summary: `edit ${i}`,
    });
    if (outcome.status !== "saved") throw new Error(`seed edit ${i}: ${outcome.status}`);
    plainHead = outcome.revisionId;
  }
  const proposals: number[] = [];
  for (let i = 0; i < 6; i++) {
    const outcome = await edit(db, cast.proposers[i % 2].id, slug, {
      baseRevisionId: head,
      sectionEdit: { sectionId: `s${i}`, sections: [smallSection(`s${i}`, `Proposed ${i}.`)] },
      summary: `proposal ${i}`,
      rationale: "sourced",
    });
    if (outcome.status !== "proposed") throw new Error(`seed proposal ${i}: ${outcome.status}`);
    proposals.push(outcome.proposalId);
  }
  const reviewer = await loadActor(db, cast.reviewers[0].id);
  await decideProposal({
    db,
    actor: reviewer,
    proposalId: proposals[0],
    action: "approve",
    version: 1,
    comment: "good",
  });
  await decideProposal({
    db,
    actor: reviewer,
    proposalId: proposals[1],
    action: "approve",
    version: 1,
    comment: "good",
  });
  await decideProposal({
    db,
    actor: reviewer,
    proposalId: proposals[2],
    action: "reject",
    version: 1,
    comment: "unsourced",
  });
  await decideProposal({
    db,
    actor: reviewer,
    proposalId: proposals[3],
    action: "request_changes",
    version: 1,
    comment: "cite it",
  });
  // A two-section proposal approved in part: s6 accepted, s7 declined.
  const twoSections = smallArticle(`${prefix} Protected`, 8);
  twoSections.sections = twoSections.sections.map((section) =>
    section.id === "s6" || section.id === "s7" ? smallSection(section.id, `Both ${section.id}.`) : section,
  );
  const partial = await edit(db, cast.proposers[0].id, slug, {
    baseRevisionId: head,
    content: twoSections,
    summary: "two sections",
    rationale: "sourced",
  });
  if (partial.status !== "proposed") throw new Error(`seed partial proposal: ${partial.status}`);
  proposals.push(partial.proposalId);
  await decideProposal({
    db,
    actor: reviewer,
    proposalId: partial.proposalId,
    action: "approve",
    version: 1,
    comment: "half",
    declined: [{ kind: "section", id: "s7", reason: "unsourced" }],
  });
  head = (await db.article.findUniqueOrThrow({ where: { slug } })).currentRevisionId!;
  return { cast, slug, plainSlug, proposals, head };
}
