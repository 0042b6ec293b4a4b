import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import pg from "pg";
import { clientOverPool, type Db, getDb, poolOf, poolSize } from "./client";

/**
 * Read replicas (DATABASE_REPLICA_URL, a comma-separated list of streaming
 * standbys of DATABASE_URL's primary). Reads of a request in a read context
 * (every GET and HEAD the wiki's server answers, scripts/serve.mjs) go to a
 * replica through `getReadDb()`; everything else, every write and every read
 * outside such a context, goes to the primary (`getDb()`).
 *
 * Read-your-writes, by LSN rather than by a time window: a successful
 * mutation (lib/http/primary-mark.ts) gives its client a signed `wiki-primary`
 * cookie naming the primary's WAL position after its commit, and that
 * client's reads go to a replica only once the replica has replayed past it
 * (`pg_last_wal_replay_lsn()`, probed at most every REFRESH_GAP_MS while such
 * reads wait). A time window (say 5 s on the primary) is wrong both ways: too
 * long for the usual millisecond lag, too short for a replica that falls
 * behind under load; the LSN is exact, costs the writer the primary only until
 * the replica caught up, and means the same on every instance behind a
 * balancer. A forged or tampered cookie fails its HMAC and counts as none; a
 * genuine one replayed later names a position the replicas have long passed.
 * Either way a cookie only ever moves its own client's reads to the primary.
 *
 * A replica that refuses connections or fails a statement for its own reasons
 * (shutdown, recovery conflict, connection lost) is marked down with one
 * warning in the log; the statement is retried on the primary (a read is safe
 * to run twice), later reads go to the primary, and a probe every PROBE_MS
 * brings the replica back once it answers again.
 */

/** How often each replica's health and replay position are probed. */
const PROBE_MS = 1000;
/** Least time between two on-demand probes of one replica (a writer waiting for it to catch up). */
const REFRESH_GAP_MS = 10;
/** How long a read waits for a replica's connection before the replica counts as down. */
const CONNECT_TIMEOUT_MS = 2000;

/** The primary-mark cookie: the WAL position a client's own next reads must see. */
export const PRIMARY_MARK_COOKIE = "wiki-primary";
/** Its lifetime: a bound on how far behind a replica may be and still be waited for, not a window on the primary. */
export const PRIMARY_MARK_MAX_AGE = 300;

/** One replica: its client, and what the last probe learnt. */
interface Replica {
  name: string;
  db: Db;
  pool: FallbackPool;
  up: boolean;
  /** the WAL position it had replayed at the last probe (null: not known yet) */
  replayed: bigint | null;
  probing: Promise<void> | null;
  probedAt: number;
}

interface ReadContext {
  /** the request's Cookie header, read for the primary mark only when a read is made */
  cookie: string | undefined;
  /** set when the response is done: work the request started that outlives it reads the primary */
  ended?: boolean;
  db?: Db;
}

/** Shared with scripts/serve.mjs through a process-wide symbol: it opens a context around every GET. */
const READ_CONTEXT = Symbol.for("wiki.readContext");
const store = globalThis as unknown as Record<symbol, AsyncLocalStorage<ReadContext> | undefined>;
const readContext = (store[READ_CONTEXT] ??= new AsyncLocalStorage<ReadContext>());

const state = globalThis as unknown as { wikiReplicas?: { replicas: Replica[]; next: number; timer?: NodeJS.Timeout } };

/** The configured replicas, connected on first use; none without DATABASE_REPLICA_URL. */
function replicaSet(): Replica[] {
  if (state.wikiReplicas) return state.wikiReplicas.replicas;
  const urls = (process.env.DATABASE_REPLICA_URL ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
  const replicas = urls.map((url, index) => connectReplica(url, index));
  state.wikiReplicas = { replicas, next: 0 };
  if (replicas.length) {
    state.wikiReplicas.timer = setInterval(() => {
      for (const replica of replicas) void probe(replica);
    }, PROBE_MS);
    state.wikiReplicas.timer.unref();
    for (const replica of replicas) void probe(replica);
  }
  return replicas;
}

/** Whether reads may go to replicas at all (DATABASE_REPLICA_URL is set). */
export const replicasConfigured = (): boolean => replicaSet().length > 0;

function connectReplica(url: string, index: number): Replica {
  let name = `replica ${index + 1}`;
  try {
    const parsed = new URL(url);
    name = `replica ${index + 1} (${parsed.host}${parsed.pathname})`;
  } catch {}
  const replica = { name, up: true, replayed: null, probing: null, probedAt: 0 } as Omit<Replica, "db" | "pool"> &
    Partial<Replica>;
  const pool = new FallbackPool(
    { connectionString: url, max: poolSize(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
    (error) => markDown(replica as Replica, error),
  );
  // An idle connection the replica closed (it stopped) must not crash the process.
  pool.on("error", (error) => markDown(replica as Replica, error));
  replica.pool = pool;
  replica.db = clientOverPool(pool);
  return replica as Replica;
}

/**
 * A replica's pool whose statements, when the replica fails them for its own
 * reasons, run again on the primary's pool: a read already under way when
 * its replica stops still answers.
 */
class FallbackPool extends pg.Pool {
  readonly #failed: (error: unknown) => void;

  constructor(config: pg.PoolConfig, failed: (error: unknown) => void) {
    super(config);
    this.#failed = failed;
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads; the promise forms are the ones Prisma and queryPrepared use
  override query(...args: any[]): any {
    const direct = (pg.Pool.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (typeof args[args.length - 1] === "function") return direct;
    return (direct as Promise<unknown>).catch((error: unknown) => {
      if (!replicaFault(error)) throw error;
      this.#failed(error);
      const primary = primaryPool();
      return (primary.query as (...a: unknown[]) => unknown).apply(primary, args);
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above
  override connect(...args: any[]): any {
    const direct = (pg.Pool.prototype.connect as (...a: unknown[]) => unknown).apply(this, args);
    if (args.length) return direct;
    return (direct as Promise<pg.PoolClient>).catch((error: unknown) => {
      if (!replicaFault(error)) throw error;
      this.#failed(error);
      return primaryPool().connect();
    });
  }

  /** A statement on the replica itself, never the primary (the probe's). */
  direct<Row extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<Row>> {
    return (pg.Pool.prototype.query as (text: string) => Promise<pg.QueryResult<Row>>).call(this, text);
  }
}

function primaryPool(): pg.Pool {
  const pool = poolOf(getDb());
  if (!pool) throw new Error("the primary's client has no pool");
  return pool;
}

/**
 * Whether an error is the replica's rather than the statement's: no
 * connection, a lost one, the server shutting down or not accepting yet,
 * too many connections, a recovery conflict. A statement's own error (bad
 * data, a constraint) would fail the same way on the primary and is thrown.
 */
export function replicaFault(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return /^(08|53|57|58|XX)/.test(code) || code === "40001";
  // No SQLSTATE: a socket's error (ECONNREFUSED, ECONNRESET, ...) or pg's own about its connection.
  if (typeof code === "string" && code.startsWith("E")) return true;
  return typeof message === "string" && /connect|terminated|timeout|socket|not queryable/i.test(message);
}

function markDown(replica: Replica, error: unknown): void {
  if (!replica.up) return;
  replica.up = false;
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(
    `[replicas] ${replica.name} failed (${reason.slice(0, 200)}): reads go to the primary until it answers again`,
  );
}

/** Asks a replica whether it answers and how far it has replayed; brings it back up when it answers. */
function probe(replica: Replica): Promise<void> {
  replica.probing ??= (async () => {
    try {
      const { rows } = await replica.pool.direct<{ lsn: string | null }>(
        "SELECT pg_last_wal_replay_lsn()::text AS lsn",
      );
      // A server that replays nothing is not a standby: it has all it will ever have, so it counts as caught up.
      replica.replayed = rows[0]?.lsn ? lsnValue(rows[0].lsn) : BigInt(Number.MAX_SAFE_INTEGER) ** 2n;
      if (!replica.up) console.info(`[replicas] ${replica.name} answers again: reads go to it`);
      replica.up = true;
    } catch (error) {
      markDown(replica, error);
    } finally {
      replica.probedAt = Date.now();
      replica.probing = null;
    }
  })();
  return replica.probing;
}

/** A WAL position ("16/B374D848") as a number. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** PostgreSQL's WAL page size (XLOG_BLCKSZ, 8 kB unless built otherwise). */
const WAL_PAGE = 8192n;

/**
 * The WAL position a replica must have replayed to hold everything before a
 * mark. The mark is the primary's insert position, which points past the
 * next page's header (24 bytes, 40 at a segment's start) when the last
 * record ended at a page's end; a replica reports the record's end, the page
 * boundary, and would otherwise never seem to reach the mark while nothing
 * else is written. No record ends inside a page's first 40 bytes that
 * started on that page (a record has a 24-byte header of its own), so the
 * boundary is exact. Not a slack below the mark: with replay delayed
 * (recovery_min_apply_delay) a replica applies a transaction's other records
 * at once and waits at its commit record, so being a few bytes short of the
 * mark can mean the commit is not applied.
 */
export function replayTarget(mark: bigint): bigint {
  const offset = mark % WAL_PAGE;
  return offset === 24n || offset === 40n ? mark - offset : mark;
}

/**
 * Where a read with this primary mark goes: a replica that is up and has
 * replayed past the mark (round robin), else the primary. A mark no replica
 * has passed yet asks for a fresh probe (at most one per REFRESH_GAP_MS per
 * replica, however many reads wait), so the writer is back on a replica
 * milliseconds after it caught up.
 */
export function readDbFor(mark: bigint | null): Db {
  const replicas = replicaSet();
  if (!replicas.length) return getDb();
  const target = mark === null ? null : replayTarget(mark);
  const ready = replicas.filter((r) => r.up && (target === null || (r.replayed !== null && r.replayed >= target)));
  if (!ready.length) {
    const now = Date.now();
    for (const replica of replicas)
      if (replica.up && mark !== null && now - replica.probedAt >= REFRESH_GAP_MS) void probe(replica);
    return getDb();
  }
  const pool = state.wikiReplicas!;
  pool.next = (pool.next + 1) % ready.length;
  return ready[pool.next].db;
}

/**
 * The database the current read goes to: a replica inside a read context
 * (decided once per request, by its primary mark), the primary outside one.
 * Read-only use cases default to it; writes use `getDb()`.
 */
export function getReadDb(): Db {
  const context = readContext.getStore();
  if (!context || context.ended) return getDb();
  context.db ??= readDbFor(primaryMarkOf(context.cookie));
  return context.db;
}

/**
 * Runs `read` in a read context for a request with this Cookie header, ended
 * when `read` settles (scripts/serve.mjs opens its own around every GET and
 * ends it with the response; tests, benches and tools use this).
 */
export async function withReadDb<T>(cookie: string | undefined, read: () => Promise<T>): Promise<T> {
  const context: ReadContext = { cookie };
  try {
    return await readContext.run(context, read);
  } finally {
    context.ended = true;
  }
}

// ---- the primary mark

function markSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) return `wiki-primary:${secret}`;
  // Without the session secret (a tool, a test) marks hold on this process only.
  (state as { wikiMarkSecret?: string }).wikiMarkSecret ??= randomBytes(32).toString("base64url");
  return (state as { wikiMarkSecret?: string }).wikiMarkSecret!;
}

const signatureOf = (lsn: string) => createHmac("sha256", markSecret()).update(lsn).digest("base64url").slice(0, 22);

/** The mark a client is given after a write: the WAL position, signed. */
export function signPrimaryMark(lsn: string): string {
  return `${lsn}.${signatureOf(lsn)}`;
}

/** The WAL position a Cookie header's mark names, or null when there is none or it is not ours. */
export function primaryMarkOf(cookie: string | undefined | null): bigint | null {
  if (!cookie?.includes(PRIMARY_MARK_COOKIE)) return null;
  let value: string | null = null;
  for (const part of cookie.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === PRIMARY_MARK_COOKIE) value = part.slice(index + 1).trim();
  }
  const match = value ? /^([0-9A-F]{1,8}\/[0-9A-F]{1,8})\.([\w-]{22})$/.exec(value) : null;
  if (!match) return null;
  const expected = Buffer.from(signatureOf(match[1]));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return lsnValue(match[1]);
}

/**
 * The primary's WAL position now, signed, for the client whose write just
 * committed: every record of that write lies before it. The insert position,
 * not the flushed one: with asynchronous commit a commit record may not be
 * flushed yet when the write is acknowledged.
 */
export async function markAfterWrite(): Promise<string> {
  const { rows } = await primaryPool().query<{ lsn: string }>({
    name: "wiki-primary-mark",
    text: "SELECT pg_current_wal_insert_lsn()::text AS lsn",
  });
  return signPrimaryMark(rows[0].lsn);
}

/** Closes the replicas' pools and stops their probe (scripts and tests). */
export async function closeReplicas(): Promise<void> {
  const current = state.wikiReplicas;
  state.wikiReplicas = undefined;
  if (!current) return;
  clearInterval(current.timer);
  await Promise.all(
    current.replicas.map(async (replica) => {
      await replica.probing;
      await replica.db.$disconnect();
    }),
  );
}

/** What each replica looks like now (the health check, tests). */
export function replicaStatus(): { name: string; up: boolean; replayed: string | null }[] {
  return replicaSet().map((r) => ({ name: r.name, up: r.up, replayed: r.replayed?.toString() ?? null }));
}
