import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { snapshotAllRows } from "../../db";
import { cspNonce, unsafeMarkup } from "../../security/html-safety";
import { HTML_PAYLOADS, URL_PAYLOADS } from "../../security/xss-payloads";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Talk pages over HTTP against the production server: who may post (protection
// never closes a talk page), threads that cannot cross topics or articles,
// bounded sizes, mentions, stored XSS, and proposals citing a topic.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let reviewer: TestUser;
let newbie: TestUser;
let blocked: TestUser;
let revisionOf: Record<string, number> = {};

const content = (title: string, text: string): ArticleContent => ({
  title,
  infobox: null,
  sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(text) }],
  references: [],
});

/** An article at `slug` with `protection` (an extended-protected one by default, like the demo article). */
async function article(slug: string, protection = "extended") {
  const title = slug.replace(/_/g, " ");
  const saved = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: null,
    content: content(title, "The lead."),
    authorId: admin.id,
  });
  revisionOf = { ...revisionOf, [slug]: saved.revisionId };
  await ctx.db.article.update({
    where: { slug },
    data: { protectionLevel: protection, protectionReason: "contested" },
  });
  return slug;
}

const startTopic = (slug: string, user: TestUser | null, body: object) =>
  httpRequest(server, "POST", `/api/articles/${slug}/talk`, { body, user });
const reply = (slug: string, topicId: number, user: TestUser | null, body: object) =>
  httpRequest(server, "POST", `/api/articles/${slug}/talk/topics/${topicId}/replies`, { body, user });
const talkHtml = async (slug: string, user: TestUser | null = null) => {
  const response = await httpRequest(server, "GET", `/wiki/${slug}/talk`, { user });
  expect(response.status, response.text.slice(0, 500)).toBe(200);
  return withoutTextSeparators(response.text);
};
/** The page's HTML without the empty comments React puts between adjacent text nodes. */
const withoutTextSeparators = (html: string) => html.replaceAll("<!-- -->", "");

beforeAll(async () => {
  admin = await makeUser(ctx.db, { name: "k_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "k_Reviewer", role: "reviewer" });
  newbie = await makeUser(ctx.db, { name: "k_newbie" });
  blocked = await makeUser(ctx.db, { name: "k_blocked", blocked: "spamming talk pages" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("who may post", () => {
  it("lets anyone read, refuses anonymous posters with 401 and blocked ones with 403, changing nothing", async () => {
    const slug = await article("Talk_who");
    const topic = await startTopic(slug, newbie, { title: "Sources", body: "Which sources?" });
    expect(topic.status, topic.text).toBe(201);
    const before = await snapshotAllRows(ctx.db);
    const anonymous = await startTopic(slug, null, { title: "Anon", body: "Hi" });
    expect(anonymous.status).toBe(401);
    expect((await reply(slug, topic.body.topic.id, null, { body: "Hi" })).status).toBe(401);
    const refused = await startTopic(slug, blocked, { title: "Blocked", body: "Hi" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/blocked.*spamming talk pages/);
    expect((await reply(slug, topic.body.topic.id, blocked, { body: "Hi" })).status).toBe(403);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    const api = await httpRequest(server, "GET", `/api/articles/${slug}/talk`);
    expect(api.status).toBe(200);
    expect(api.body.topics.map((t: any) => [t.title, t.posts[0].body, t.posts[0].author])).toEqual([
      ["Sources", "Which sources?", "k_newbie"],
    ]);
    // Anonymous readers get a way in instead of forms; blocked users neither.
    const anonymousPage = await talkHtml(slug);
    expect(anonymousPage).toMatch(/Sign in to join the discussion/);
    expect(anonymousPage).not.toMatch(/<textarea/);
    const blockedPage = await talkHtml(slug, blocked);
    expect(blockedPage).toMatch(/Your account is blocked/);
    expect(blockedPage).not.toMatch(/<textarea/);
    expect(await talkHtml(slug, newbie)).toMatch(/<textarea[^>]*name="body"/);
  });

  it("lets a brand-new user post on extended- and fully protected articles, where they cannot edit", async () => {
    for (const level of ["extended", "full"]) {
      const slug = await article(`Talk_protected_${level}`, level);
      const started = await startTopic(slug, newbie, { title: "Protected", body: "Please change X." });
      expect(started.status, started.text).toBe(201);
      const answered = await reply(slug, started.body.topic.id, reviewer, { body: "Agreed." });
      expect(answered.status, answered.text).toBe(201);
      expect(answered.body.post.url).toBe(`/wiki/${slug}/talk#post-${answered.body.post.id}`);
    }
  });

  it("answers 404 for the talk page of an article that does not exist", async () => {
    expect((await httpRequest(server, "GET", "/wiki/No_such_talk/talk")).status).toBe(404);
    expect((await httpRequest(server, "GET", "/api/articles/No_such_talk/talk")).status).toBe(404);
    const post = await startTopic("No_such_talk", newbie, { title: "T", body: "B" });
    expect(post.status).toBe(404);
    expect(await ctx.db.talkTopic.count({ where: { title: "T" } })).toBe(0);
  });

  it("lets only administrators hide a post, which is kept but no longer shown", async () => {
    const slug = await article("Talk_hide", "none");
    const started = await startTopic(slug, newbie, { title: "Rude", body: "Something rude." });
    const hide = (user: TestUser) =>
      httpRequest(server, "POST", `/api/articles/${slug}/talk/posts/${started.body.post.id}/hide`, {
        body: { hidden: true },
        user,
      });
    expect((await hide(reviewer)).status).toBe(403);
    expect((await hide(admin)).status).toBe(200);
    const page = await talkHtml(slug);
    expect(page).not.toMatch(/Something rude/);
    expect(page).toMatch(/hidden by k_admin/);
    expect((await ctx.db.talkPost.findUniqueOrThrow({ where: { id: started.body.post.id } })).body).toBe(
      "Something rude.",
    );
    expect((await httpRequest(server, "GET", `/api/articles/${slug}/talk`)).body.topics[0].posts[0].body).toBeNull();
  });
});

describe("threads", () => {
  it("nests replies and refuses a parent of another topic or article with 400 naming parentId", async () => {
    const slug = await article("Talk_threads", "none");
    const other = await article("Talk_threads_other", "none");
    const first = (await startTopic(slug, newbie, { title: "One", body: "First." })).body;
    const second = (await startTopic(slug, newbie, { title: "Two", body: "Second." })).body;
    const elsewhere = (await startTopic(other, newbie, { title: "Else", body: "Elsewhere." })).body;
    const answer = await reply(slug, first.topic.id, reviewer, { parentId: first.post.id, body: "Answer." });
    expect(answer.status).toBe(201);
    const nested = await reply(slug, first.topic.id, newbie, { parentId: answer.body.post.id, body: "Nested." });
    expect(nested.status).toBe(201);
    const toTopic = await reply(slug, first.topic.id, newbie, { body: "To the topic." });
    expect(toTopic.status).toBe(201);
    const before = await snapshotAllRows(ctx.db);
    for (const parentId of [second.post.id, elsewhere.post.id, 2_000_000_000]) {
      const refused = await reply(slug, first.topic.id, newbie, { parentId, body: "Crossing." });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.error.message).toMatch(/^parentId:/);
    }
    // A topic of another article is not on this talk page at all.
    expect((await reply(slug, elsewhere.topic.id, newbie, { body: "Crossing." })).status).toBe(404);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    const { topics } = (await httpRequest(server, "GET", `/api/articles/${slug}/talk`)).body;
    expect(topics.map((topic: any) => topic.title)).toEqual(["One", "Two"]);
    expect(topics[0].posts.map((post: any) => [post.body, post.parentId])).toEqual([
      ["First.", null],
      ["Answer.", first.post.id],
      ["Nested.", answer.body.post.id],
      ["To the topic.", first.post.id],
    ]);
    // Stable anchors, the contents list, and the nesting on the page.
    const page = await talkHtml(slug);
    expect(page).toMatch(new RegExp(`<h2 id="topic-${first.topic.id}">One</h2>`));
    expect(page).toMatch(new RegExp(`href="#topic-${second.topic.id}"`));
    expect(page).toMatch(
      new RegExp(
        `id="post-${answer.body.post.id}"[\\s\\S]*?<ol class="talk-replies"><li><article class="talk-post" id="post-${nested.body.post.id}"`,
      ),
    );
    expect(page.indexOf(`id="topic-${first.topic.id}"`)).toBeLessThan(page.indexOf(`id="topic-${second.topic.id}"`));
  });

  it("puts every topic and reply in recent changes, with the topic's title and a link to the post", async () => {
    const slug = await article("Talk_recent_changes", "extended");
    const started = (await startTopic(slug, newbie, { title: "Sources for the casualty figures", body: "Which?" }))
      .body;
    const answered = (await reply(slug, started.topic.id, reviewer, { body: "These." })).body;
    const listed = await httpRequest(server, "GET", "/api/recent-changes?kind=talk&limit=50");
    expect(listed.status, listed.text).toBe(200);
    const mine = listed.body.changes.filter((row: any) => row.article?.slug === slug);
    expect(mine.map((row: any) => [row.action, row.actor, row.details.postId, row.details.topicTitle])).toEqual([
      ["reply", "k_Reviewer", answered.post.id, "Sources for the casualty figures"],
      ["topic", "k_newbie", started.post.id, "Sources for the casualty figures"],
    ]);
    const page = (await httpRequest(server, "GET", "/recent-changes?kind=talk")).text;
    expect(page).toContain(`/wiki/${slug}/talk#post-${answered.post.id}`);
    expect(page).toContain("replied in “Sources for the casualty figures” on the talk page of");
  });

  it("refuses an empty or too long title or body with 400 naming the field", async () => {
    const slug = await article("Talk_sizes", "none");
    const cases: Array<[object, string]> = [
      [{ title: "x".repeat(201), body: "ok" }, "title"],
      [{ title: "   ", body: "ok" }, "title"],
      [{ title: "Two\nlines", body: "ok" }, "title"],
      [{ title: "Invisible\u200b", body: "ok" }, "title"],
      [{ title: "ok", body: "x".repeat(10_001) }, "body"],
      [{ title: "ok", body: " \n " }, "body"],
      [{ title: "ok", body: Array.from({ length: 21 }, (_, i) => `@user${i}`).join(" ") }, "body"],
    ];
    const before = await snapshotAllRows(ctx.db);
    for (const [body, field] of cases) {
      const refused = await startTopic(slug, newbie, body);
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.body.error.message).toMatch(new RegExp(`\\b${field}\\b`));
    }
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    expect((await startTopic(slug, newbie, { title: "x".repeat(200), body: "x".repeat(10_000) })).status).toBe(201);
  });

  it("notifies the users a post mentions and the author of the post replied to, never the poster", async () => {
    const slug = await article("Talk_notifications", "extended");
    const started = (await startTopic(slug, newbie, { title: "Ask", body: "@k_Reviewer, @k_newbie: which source?" }))
      .body;
    const answered = (await reply(slug, started.topic.id, reviewer, { parentId: started.post.id, body: "This one." }))
      .body;
    const rows = await ctx.db.notification.findMany({
      where: { talkTopicId: started.topic.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.type, row.recipientId, row.actorId, row.talkPostId])).toEqual([
      ["talk_mention", reviewer.id, newbie.id, started.post.id],
      ["talk_reply", newbie.id, reviewer.id, answered.post.id],
    ]);
    const inbox = (await httpRequest(server, "GET", "/notifications", { user: reviewer })).text;
    expect(inbox).toContain("mentioned you on the talk page of");
  });

  it("moves the Talk tab's count on the cached article page as topics are started", async () => {
    const slug = await article("Talk_count", "none");
    const tab = async () =>
      /Talk<span class="tab-count"> \((\d+)\)/.exec(
        withoutTextSeparators((await httpRequest(server, "GET", `/wiki/${slug}`)).text),
      )?.[1];
    expect(await tab()).toBe("0");
    expect(await tab()).toBe("0");
    await startTopic(slug, newbie, { title: "A", body: "a" });
    expect(await tab()).toBe("1");
    await startTopic(slug, newbie, { title: "B", body: "b" });
    expect(await tab()).toBe("2");
  });
});

describe("post text", () => {
  it("resolves @mentions case-insensitively to existing users, stores them and links them", async () => {
    const slug = await article("Talk_mentions", "none");
    const started = await startTopic(slug, newbie, {
      title: "Ping",
      body: "@K_REVIEWER and @k_reviewer, also @nobody_here and @k_аdmin (Cyrillic а). Mail a@k_admin.",
    });
    expect(started.status, started.text).toBe(201);
    expect(started.body.mentioned).toEqual(["k_Reviewer"]);
    const rows = await ctx.db.talkMention.findMany({ where: { postId: started.body.post.id } });
    expect(rows.map((row) => row.userId)).toEqual([reviewer.id]);
    const page = await talkHtml(slug);
    expect(page).toMatch(
      /<a class="talk-mention" href="\/user\/k_Reviewer">@k_Reviewer<\/a> and <a class="talk-mention"/,
    );
    expect(page).toMatch(/@nobody_here/);
    expect(page).not.toMatch(/href="\/user\/k_admin"/);
  });

  it("renders stored XSS attempts as text, and [[links]] as article links", async () => {
    const slug = await article("Talk_xss", "none");
    const attack = `<script>alert(1)</script><img src=x onerror="alert(2)"> [[javascript:alert(3)|click]] [[Talk xss|the article]]`;
    const started = await startTopic(slug, newbie, { title: `<b onmouseover="alert(4)">bold</b>`, body: attack });
    expect(started.status, started.text).toBe(201);
    await reply(slug, started.body.topic.id, newbie, { body: `"><svg onload=alert(5)>` });
    const page = await talkHtml(slug);
    expect(page).not.toMatch(/<script>alert|<img src=x|<svg onload|<b onmouseover|href="javascript:/i);
    expect(page).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    expect(page).toMatch(/&lt;b onmouseover=&quot;alert\(4\)&quot;&gt;bold&lt;\/b&gt;/);
    expect(page).toMatch(/<a href="\/wiki\/Talk_xss">the article<\/a>/);
  });
});

describe("the stored-XSS corpus (test/security/xss-payloads.ts)", () => {
  it("renders every payload as text in titles, posts, mentions and [[links]]: no script, handler or unsafe URL", async () => {
    const slug = await article("Talk_corpus", "none");
    const texts = [...HTML_PAYLOADS, ...URL_PAYLOADS.map((url) => `[[${url}|x]] [[${url}]] @${url}`)];
    let stored = 0;
    let topicId = 0;
    for (let start = 0; start < texts.length; start += 40) {
      const body = texts
        .slice(start, start + 40)
        .join("\n\n")
        .slice(0, 10_000);
      const title = texts[start].replace(/[\r\n]/g, " ").slice(0, 200);
      const response = topicId
        ? await reply(slug, topicId, newbie, { body })
        : await startTopic(slug, newbie, { title, body });
      expect(response.status, response.text.slice(0, 200)).toBeLessThan(500);
      if (response.status === 201) {
        stored++;
        topicId ||= response.body.topic.id;
      } else expect(response.body.error.message).toMatch(/^Invalid request|^title|^body/);
    }
    for (const payload of HTML_PAYLOADS.slice(0, 60)) {
      const response = await startTopic(slug, newbie, {
        title: payload.replace(/[\r\n]/g, " ").slice(0, 200),
        body: "x",
      });
      expect(response.status).toBeLessThan(500);
      if (response.status === 201) stored++;
    }
    expect(stored).toBeGreaterThan(10);
    const page = await httpRequest(server, "GET", `/wiki/${slug}/talk`);
    expect(page.status).toBe(200);
    expect(unsafeMarkup(page.text, { nonce: cspNonce(page.headers.get("content-security-policy")) })).toEqual([]);
  });
});

describe("the no-script form", () => {
  it("answers a refused form with an HTML page that keeps the text", async () => {
    const slug = await article("Talk_form", "none");
    const response = await httpRequest(server, "POST", `/wiki/${slug}/talk/post`, {
      rawBody: new URLSearchParams({ title: "x".repeat(201), body: "My <careful> text." }).toString(),
      user: newbie,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(withoutTextSeparators(response.text)).toMatch(/title: must have at most 200 characters/);
    expect(response.text).toMatch(/<textarea[^>]*name="body"[^>]*>My &lt;careful&gt; text\.<\/textarea>/);
  });
});

describe("proposals citing a talk topic", () => {
  it("accepts a topic of the same article, shows it on the proposal and the topic, and refuses another article's with 400 naming talkTopicId", async () => {
    const slug = await article("Talk_consensus");
    const other = await article("Talk_consensus_other");
    const here = (await startTopic(slug, newbie, { title: "Rename the battle", body: "Consensus?" })).body;
    const there = (await startTopic(other, newbie, { title: "Elsewhere", body: "No." })).body;
    const propose = (talkTopicId: number) =>
      httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
        user: newbie,
        body: {
          baseRevisionId: revisionOf[slug],
          summary: "rename",
          content: content("Talk consensus", "The renamed lead."),
          talkTopicId,
        },
      });
    const before = await snapshotAllRows(ctx.db);
    const refused = await propose(there.topic.id);
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.message).toMatch(/^talkTopicId:/);
    expect((await propose(2_000_000_000)).status).toBe(400);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    const proposed = await propose(here.topic.id);
    expect(proposed.status, proposed.text).toBe(202);
    const id = proposed.body.proposal.id;
    const page = await httpRequest(server, "GET", `/proposals/${id}`);
    expect(withoutTextSeparators(page.text)).toMatch(
      new RegExp(`Consensus:.*?<a href="/wiki/${slug}/talk#topic-${here.topic.id}">Rename the battle</a>`),
    );
    const queue = await httpRequest(server, "GET", "/review", { user: reviewer });
    expect(queue.text).toMatch(new RegExp(`href="/wiki/${slug}/talk#topic-${here.topic.id}"`));
    expect(await talkHtml(slug)).toMatch(
      new RegExp(`Proposals citing this discussion:.*?<a href="/proposals/${id}">#${id}</a>`),
    );
  });
});
