import "server-only";
import { saveRevision } from "../../lib/articles/save-revision";
import { hashPassword } from "../../lib/auth/password";
import { nameSkeletonOf } from "../../lib/auth/usernames";
import type { Db } from "../../lib/db/client";
import { articleFromSource } from "../../lib/document/markup";
import type { ArticleContent } from "../../lib/document/model";
import { pruneUncitedReferences } from "../../lib/document/prune";
import { recordChange } from "../../lib/recent-changes/record-change";
import { demoArticle } from "./demo-article";
import { demoCity } from "./demo-city";

/** Password of every demo account (DESIGN.md). */
export const DEMO_PASSWORD = "wiki-demo-password";
export const DEMO_SLUG = "2024_Hama_offensive";

const DAY = 86_400_000;

/** The demo accounts, aged and with edit counts so that their implicit groups hold. */
export const DEMO_ACCOUNTS = [
  { name: "newbie", ageDays: 1, edits: 0, granted: [] as string[] },
  { name: "regular", ageDays: 12, edits: 40, granted: [] },
  { name: "veteran", ageDays: 400, edits: 1200, granted: [] },
  { name: "reviewer", ageDays: 200, edits: 650, granted: ["reviewer"] },
  { name: "admin", ageDays: 900, edits: 3000, granted: ["admin"] },
] as const;

type Stage = { author: string; at: string; summary: string; content: ArticleContent };

function withSections(content: ArticleContent, ids: string[]): ArticleContent {
  return pruneUncitedReferences({
    ...content,
    sections: content.sections.filter((section) => ids.includes(section.id)),
  });
}

/** The demo article's history: five revisions by different accounts, growing to the final text. */
export function demoHistory(): Stage[] {
  const final = articleFromSource(demoArticle);
  const ids = final.sections.map((section) => section.id);
  const upTo = (id: string) => ids.slice(0, ids.indexOf(id) + 1);
  const firstRows = final.infobox ? { ...final.infobox, rows: final.infobox.rows.slice(0, 3) } : null;
  const ongoingStatus = final.infobox
    ? {
        ...final.infobox,
        rows: final.infobox.rows.map((row) =>
          row.kind === "field" && row.label === "Status"
            ? {
                ...row,
                value: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Ongoing" }] }] },
              }
            : row,
        ),
      }
    : null;
  const withoutAccessDate = (content: ArticleContent) => ({
    ...content,
    references: content.references.map((reference, index) =>
      index === 0 ? { ...reference, accessDate: undefined } : reference,
    ),
  });
  return [
    {
      author: "regular",
      at: "2024-11-30T14:05:00Z",
      summary: "New article on the offensive towards Hama",
      content: withSections({ ...final, infobox: firstRows }, upTo(ids[1])),
    },
    {
      author: "veteran",
      at: "2024-12-02T09:40:00Z",
      summary: "Battle: opening advances and the fighting on the outskirts",
      content: withoutAccessDate(withSections({ ...final, infobox: ongoingStatus }, upTo(ids[4]))),
    },
    {
      author: "reviewer",
      at: "2024-12-05T18:22:00Z",
      summary: "Fall of Hama and the advances that followed",
      content: withoutAccessDate(withSections({ ...final, infobox: ongoingStatus }, upTo(ids[6]))),
    },
    {
      author: "admin",
      at: "2024-12-07T11:03:00Z",
      summary: "Aftermath and analysis; see also",
      content: withoutAccessDate(withSections({ ...final, infobox: ongoingStatus }, ids)),
    },
    {
      author: "veteran",
      at: "2024-12-21T16:48:00Z",
      summary: "Status: opposition victory, with source; retrieval dates",
      content: final,
    },
  ];
}

/**
 * Seeds the demo accounts and the demo article with its history. Idempotent:
 * accounts and the article are created only when missing.
 */
export async function seedDemo(db: Db, log: (line: string) => void = () => undefined): Promise<void> {
  const now = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, number>();
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { nameKey: account.name } });
    const user =
      existing ??
      (await db.user.create({
        data: {
          name: account.name,
          nameKey: account.name,
          nameSkeleton: nameSkeletonOf(account.name),
          passwordHash,
          editCount: account.edits,
          createdAt: new Date(now - account.ageDays * DAY),
        },
      }));
    if (!existing) log(`created demo account ${account.name}`);
    userIds.set(account.name, user.id);
    for (const group of account.granted) {
      await db.userGroup.upsert({
        where: { userId_group: { userId: user.id, group } },
        create: { userId: user.id, group, reason: "demo account" },
        update: {},
      });
    }
  }

  if (!(await db.article.findUnique({ where: { slug: "Hama" } }))) {
    await saveRevision({
      db,
      slug: "Hama",
      baseRevisionId: null,
      content: articleFromSource(demoCity),
      authorId: userIds.get("regular")!,
      summary: "New article on the city",
      createdAt: new Date("2024-12-06T08:15:00Z"),
    });
    log("created demo article Hama");
  }
  if (await db.article.findUnique({ where: { slug: DEMO_SLUG } })) return;
  let base: number | null = null;
  for (const stage of demoHistory()) {
    const result = await saveRevision({
      db,
      slug: DEMO_SLUG,
      baseRevisionId: base,
      content: stage.content,
      authorId: userIds.get(stage.author)!,
      summary: stage.summary,
      createdAt: new Date(stage.at),
    });
    base = result.revisionId;
  }
  const adminId = userIds.get("admin")!;
  const reason = "Persistent disruptive editing during a fast-moving conflict";
  const article = await db.article.update({
    where: { slug: DEMO_SLUG },
    data: { protectionLevel: "extended", protectionReason: reason },
  });
  await db.protectionLog.create({
    data: {
      articleId: article.id,
      actorId: adminId,
      level: "extended",
      reason,
      createdAt: new Date("2024-12-07T11:05:00Z"),
    },
  });
  await recordChange(db, {
    kind: "protection",
    action: "protect",
    actorId: adminId,
    articleId: article.id,
    summary: reason,
    details: { level: "extended", expiresAt: null },
    createdAt: new Date("2024-12-07T11:05:00Z"),
  });
  log(`created demo article ${DEMO_SLUG}`);
}
