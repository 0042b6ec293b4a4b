import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

/** A new Prisma client over `pg` for `connectionString` (tests and tools make their own). */
export function createClient(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the wiki with `npm start` (embedded PostgreSQL) or set DATABASE_URL.");
  }
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Password hashes are never read unless a query asks for them explicitly.
  const client = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * The `pg` pool under a client made by createClient. Only the article view's
 * row lookup uses it directly: Prisma's per-call overhead (about 0.4 ms here)
 * would otherwise be most of a cached view's cost (README, architecture).
 */
export function poolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}

type Client = ReturnType<typeof createClient>;
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

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
