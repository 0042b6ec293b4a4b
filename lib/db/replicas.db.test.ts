import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as articleRoute from "../../app/api/articles/[slug]/route";
import * as editsRoute from "../../app/api/articles/[slug]/edits/route";
import { saveRevision } from "../articles/save-revision";
import { docFromMarkup } from "../document/markup";
import { SOCKET_ADDRESS_ENV } from "../http/client-address";
import { makeUser, type TestUser } from "../../test/factories";
import { apiRequest, call, type RouteHandler } from "../../test/http/harness";
import { type ReplicatedDatabase, type StreamingReplica, startReplicatedDatabase } from "../../test/streaming-replica";
import { closeDb, createClient, type Db } from "./client";
import {
  closeReplicas,
  getReadDb,
  markAfterWrite,
  PRIMARY_MARK_COOKIE,
  replicaStatus,
  signPrimaryMark,
  withReadDb,
} from "./replicas";

/**
 * Read replicas for real, at small scale: an embedded primary, one streaming
 * standby made from it with pg_basebackup, and the wiki's own routes between
 * them. A read lands on the replica; the writer's own next read does not
 * until the replica has replayed the write (replay paused: lag injected at
 * will); the replica stopping costs no read, only one warning, and the probe
 * brings it back.
 */

let replicated: ReplicatedDatabase;
let replica: StreamingReplica;
let db: Db;
let alice: TestUser;
const warnings: string[] = [];

beforeAll(async () => {
  replicated = await startReplicatedDatabase();
  replica = replicated.replica;
  process.env.DATABASE_URL = replicated.url;
  process.env.DATABASE_REPLICA_URL = replicated.replicaUrl;
  process.env.NEXTAUTH_SECRET = "test-secret-for-route-handlers";
  process.env[SOCKET_ADDRESS_ENV] = "1";
  db = createClient(replicated.url);
  alice = await makeUser(db, { name: "alice", role: "autoconfirmed" });
  vi.spyOn(console, "warn").mockImplementation((...line: unknown[]) => void warnings.push(line.join(" ")));
  vi.spyOn(console, "info").mockImplementation(() => undefined);
}, 90_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await closeReplicas();
  await closeDb();
  await db?.$disconnect();
  await replicated?.stop();
});

/** Whether the read database of a request with this cookie is the standby. */
const readsFromStandby = (cookie?: string) =>
  withReadDb(cookie, async () => {
    const [row] = await getReadDb().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
    return row.standby;
  });

/** The current revision GET /api/articles/{slug} answers to a client with this cookie, as the server runs it. */
const currentRevisionSeen = (slug: string, cookie?: string) =>
  withReadDb(cookie, async () => {
    const request = new Request(`http://localhost:3000/api/articles/${slug}`, { headers: cookie ? { cookie } : {} });
    const response = await call(articleRoute.GET as RouteHandler, request, { slug });
    return response.status === 200 ? (response.body.article.currentRevisionId as number) : response.status;
  });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function newArticle(slug: string): Promise<number> {
  const saved = await saveRevision({
    db,
    slug,
    baseRevisionId: null,
    content: {
      title: slug,
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Lead text.") }],
      references: [],
    },
    authorId: alice.id,
  });
  // On the replica too before the test goes on.
  await eventually(
    () => currentRevisionSeen(slug),
    (id) => id === saved.revisionId,
  );
  return saved.revisionId;
}

async function editLead(slug: string, base: number, text: string) {
  const body = {
    baseRevisionId: base,
    summary: "edit lead",
    sectionEdit: { sectionId: "lead", sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(text) }] },
  };
  const request = await apiRequest("POST", `/api/articles/${slug}/edits`, { body, user: alice });
  return call(editsRoute.POST as RouteHandler, request, { slug });
}

const markOf = (headers: Headers) => {
  const cookie = headers.getSetCookie().find((line) => line.startsWith(`${PRIMARY_MARK_COOKIE}=`));
  return cookie?.split(";")[0];
};

describe("read replicas (DATABASE_REPLICA_URL)", () => {
  it("sends a request's reads to the replica, and reads outside a request's read context to the primary", async () => {
    expect(await readsFromStandby()).toBe(true);
    const [row] = await getReadDb().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
    expect(row.standby).toBe(false);
  });

  it("gives a writer its own write at once, through a replica that lags behind it", async () => {
    const slug = "Read_your_writes";
    const first = await newArticle(slug);
    await replica.pauseReplay();
    let mark: string | undefined;
    try {
      const saved = await editLead(slug, first, "Edited while the replica lags.");
      expect(saved.status).toBe(201);
      mark = markOf(saved.headers);
      expect(mark).toBeDefined();
      expect(saved.headers.getSetCookie().join()).toMatch(/HttpOnly/);
      // The writer sees its save; everyone else the replica's older state (which is what proves the lag).
      expect(await currentRevisionSeen(slug, `theme=dark; ${mark}`)).toBe(saved.body.revision.id);
      expect(await currentRevisionSeen(slug)).toBe(first);
      // A mark that is not signed by the wiki counts as none: nobody pins reads to the primary by forging one.
      const lsn = mark!.split("=")[1].split(".")[0];
      expect(await readsFromStandby(`${PRIMARY_MARK_COOKIE}=FFFFFFFF/FFFFFFFF.${"A".repeat(22)}`)).toBe(true);
      expect(await readsFromStandby(`${PRIMARY_MARK_COOKIE}=${lsn}.${"A".repeat(22)}`)).toBe(true);
      expect(await readsFromStandby(`${PRIMARY_MARK_COOKIE}=${signPrimaryMark("0/1")}`)).toBe(true);
      expect(await readsFromStandby(mark)).toBe(false);
    } finally {
      await replica.resumeReplay();
    }
    // Once the replica has replayed the write, the writer reads from it again.
    expect(
      await eventually(
        () => readsFromStandby(mark),
        (standby) => standby,
      ),
    ).toBe(true);
  });

  it("gives a writer its own write through a replica that applies each commit late", async () => {
    // recovery_min_apply_delay: the replica applies a transaction's other records at once and waits at its commit
    // record, a few bytes short of the writer's mark: short is not enough.
    const slug = "Delayed_commits";
    let base = await newArticle(slug);
    await db.$executeRawUnsafe("CREATE TABLE replica_writes (n int)");
    await replica.stop();
    await replica.start({ applyDelayMs: 1000 });
    const upToNow = async () => `${PRIMARY_MARK_COOKIE}=${await markAfterWrite()}`;
    try {
      // One-statement writes, nothing after them in the WAL: the mark is the commit record's very end.
      for (let n = 1; n <= 2; n++) {
        // The replica has applied everything before, so it stops right at this write's commit.
        const before = await upToNow();
        await eventually(
          () => readsFromStandby(before),
          (standby) => standby,
        );
        await db.$executeRaw`INSERT INTO replica_writes VALUES (${n})`;
        const mark = await upToNow();
        // Let the replica apply the insert (its commit waits) and the probe see how far it got.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await readsFromStandby(mark);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const seen = await withReadDb(mark, async () => {
          const [row] = await getReadDb().$queryRaw<{ n: number }[]>`SELECT max(n) AS n FROM replica_writes`;
          return row.n;
        });
        expect(seen).toBe(n);
      }
      // And through the routes, a save's own read.
      for (let i = 0; i < 2; i++) {
        const saved = await editLead(slug, base, `Save ${i} while commits wait.`);
        expect(saved.status).toBe(201);
        base = saved.body.revision.id;
        expect(await currentRevisionSeen(slug, markOf(saved.headers))).toBe(base);
        expect(await currentRevisionSeen(slug)).not.toBe(base);
      }
    } finally {
      await replica.stop();
      await replica.start({ applyDelayMs: 0 });
    }
    expect(
      await eventually(
        () => readsFromStandby(),
        (standby) => standby,
      ),
    ).toBe(true);
  });

  it("a failed write gives no mark", async () => {
    const refused = await editLead("Read_your_writes", 1, "A stale base.");
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(markOf(refused.headers)).toBeUndefined();
  });

  it("reads go to the primary, with one warning, while the replica is down, and back once it answers", async () => {
    const slug = "Replica_down";
    const first = await newArticle(slug);
    warnings.length = 0;
    // A read under way on the replica when it stops is answered by the primary.
    const underWay = withReadDb(undefined, async () => {
      const [row] = await getReadDb().$queryRaw<{ standby: boolean }[]>`
        SELECT pg_is_in_recovery() AS standby FROM (SELECT pg_sleep(1)) AS pause`;
      return row.standby;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await replica.stop();
    expect(await underWay).toBe(false);
    // And the next ones: no read fails.
    for (let i = 0; i < 5; i++) expect(await currentRevisionSeen(slug)).toBe(first);
    expect(await readsFromStandby()).toBe(false);
    const replicaWarnings = warnings.filter((line) => line.includes("[replicas]"));
    expect(replicaWarnings).toHaveLength(1);
    expect(replicaWarnings[0]).toMatch(/reads go to the primary/);
    expect(replicaStatus()[0].up).toBe(false);
    await replica.start();
    expect(
      await eventually(
        () => readsFromStandby(),
        (standby) => standby,
      ),
    ).toBe(true);
    expect(replicaStatus()[0].up).toBe(true);
  });
});
