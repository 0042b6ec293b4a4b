import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

/** A new Prisma client over `pg` for `connectionString` (tests and tools make their own). */
export function createClient(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the wiki with `npm start` (embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return clientOverPool(new pg.Pool({ connectionString, max: poolSize() }));
}

/** How many connections each pool (the primary's, each replica's) may hold. */
export const poolSize = () => Number(process.env.DATABASE_POOL_SIZE ?? 10);

/** A Prisma client over a `pg` pool of the caller's (lib/db/replicas.ts hands one that falls back to the primary). */
export function clientOverPool(pool: pg.Pool) {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Password hashes are never read unless a query asks for them explicitly.
  const client = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<object, pg.Pool>();

/** The `pg` pool under a client made here (undefined for a transaction). */
export const poolOf = (db: object): pg.Pool | undefined => pools.get(db);

/**
 * Rows of one of the hottest statements (the article row, the acting user, a
 * revision row, a save's write), as a named prepared statement on the client's own `pg` pool:
 * Prisma's per-call overhead (about 0.4 ms here) would otherwise be most of
 * their cost (README, architecture). Inside a transaction, which has no pool
 * of its own, the same SQL runs through it. Columns must come back the same
 * either way: numbers, text, booleans and text arrays (times as epoch text).
 */
export async function queryPrepared<Row>(
  db: object,
  statement: { name: string; text: string; values: unknown[] },
): Promise<Row[]> {
  const pool = pools.get(db);
  if (pool)
    return (await pool.query({ name: statement.name, text: statement.text, values: statement.values })).rows as Row[];
  return (db as Tx).$queryRawUnsafe<Row[]>(statement.text, ...statement.values);
}

type Client = ReturnType<typeof clientOverPool>;
const globalForPrisma = globalThis as unknown as { wikiPrisma?: Client };

/** The one Prisma client of the process, built on first use. */
export function getDb(): Client {
  globalForPrisma.wikiPrisma ??= createClient();
  return globalForPrisma.wikiPrisma;
}

/** Closes the process's client (scripts and tests). */
export async function closeDb(): Promise<void> {
  await globalForPrisma.wikiPrisma?.$disconnect();
  globalForPrisma.wikiPrisma = undefined;
}

/**
 * How code is handed the database (one convention, README "Use cases"): a use
 * case (lib/articles, lib/proposals, lib/users, lib/editing: an exported
 * function a route calls) takes one options object whose `db?: Db` defaults to
 * `getDb()` (`getReadDb()` for a read-only one, lib/db/replicas.ts), so routes
 * pass none and tests pass their own; a building block
 * that runs inside a caller's transaction or does one read takes `db: Db | Tx`
 * (or `tx: Tx`) as its first parameter.
 */
export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
