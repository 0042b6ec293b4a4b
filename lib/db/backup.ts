import { spawn } from "node:child_process";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { withDatabase } from "./admin";

/**
 * Backups are PostgreSQL's own custom-format dumps (`pg_dump -Fc`), restored
 * with `pg_restore` in one transaction into a fresh database: a restore
 * either produces the whole database or nothing. The client tools must be
 * at least the server's major version (Debian's postgresql-client-15 for the
 * embedded PostgreSQL 15).
 */

/** A refused or failed backup or restore, with a message for the operator. */
export class BackupError extends Error {}

async function run(command: string, args: string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${command} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client-15).`,
            )
          : error,
      ),
    );
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** Writes a custom-format dump of the database at `url` to `file`. */
export async function backupDatabase(options: {
  url: string;
  file: string;
}): Promise<{ file: string; bytes: number; ms: number }> {
  const started = performance.now();
  await mkdir(path.dirname(path.resolve(options.file)), { recursive: true });
  await run(process.env.PG_DUMP ?? "pg_dump", [
    "--format=custom",
    "--no-password",
    `--file=${options.file}`,
    `--dbname=${options.url}`,
  ]);
  return { file: options.file, bytes: (await stat(options.file)).size, ms: performance.now() - started };
}

/** Whether `database` exists on the server, and if so whether it holds any table, view or sequence of its own. */
async function databaseState(adminUrl: string, database: string): Promise<"missing" | "empty" | "in use"> {
  const exists = await withClient(
    adminUrl,
    async (client) => (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount! > 0,
  );
  if (!exists) return "missing";
  const relations = await withClient(withDatabase(adminUrl, database), async (client) => {
    const { rows } = await client.query(`
      SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`);
    return rows[0].n as number;
  });
  return relations === 0 ? "empty" : "in use";
}

export interface RestoreResult {
  database: string;
  ms: number;
  /** where the database that was replaced now lives (only with `replace`) */
  previous: string | null;
}

/**
 * Restores `file` into the database of `targetUrl` in one transaction
 * (`pg_restore --single-transaction --exit-on-error`). A missing target is
 * created; an empty one is filled; one with tables is refused unless
 * `replace`, in which case the dump is restored into a fresh database first
 * and only then swapped in by renaming, so the old data is kept (as
 * `<name>_before_restore_<time>`) and a failed restore changes nothing.
 * `adminUrl` names the server's maintenance database.
 */
export async function restoreDatabase(options: {
  file: string;
  targetUrl: string;
  adminUrl: string;
  replace?: boolean;
}): Promise<RestoreResult> {
  const started = performance.now();
  await stat(options.file).catch(() => {
    throw new BackupError(`There is no backup file ${options.file}.`);
  });
  const target = databaseName(options.targetUrl);
  const state = await databaseState(options.adminUrl, target);
  if (state === "in use" && !options.replace) {
    throw new BackupError(
      `The database "${target}" is not empty; restore into a new database, or pass --replace to swap the restored one in (the current one is kept under another name).`,
    );
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const into = state === "in use" ? `${target}_restoring_${stamp}` : target;
  const created = state !== "empty";
  if (created)
    await withClient(options.adminUrl, (client) => client.query(`CREATE DATABASE ${ident(into)} TEMPLATE template0`));
  try {
    await run(process.env.PG_RESTORE ?? "pg_restore", [
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      "--no-password",
      `--dbname=${withDatabase(options.targetUrl, into)}`,
      options.file,
    ]);
  } catch (error) {
    if (created) await withClient(options.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${ident(into)}`));
    throw error;
  }
  let previous: string | null = null;
  if (into !== target) {
    previous = `${target}_before_restore_${stamp}`;
    try {
      await withClient(options.adminUrl, async (client) => {
        await client.query(`ALTER DATABASE ${ident(target)} RENAME TO ${ident(previous!)}`);
        await client.query(`ALTER DATABASE ${ident(into)} RENAME TO ${ident(target)}`);
      });
    } catch (error) {
      throw new BackupError(
        `The backup was restored into "${into}", but it could not replace "${target}" (stop the app first): ${(error as Error).message}`,
      );
    }
  }
  return { database: target, ms: performance.now() - started, previous };
}

/** One table's row count and a hash of its rows in a fixed order. */
export interface TableFingerprint {
  rows: number;
  md5: string;
}

/**
 * Row count and an MD5 of the ordered rows of every table in the public
 * schema, plus each sequence's position: equal fingerprints mean equal data.
 */
export async function databaseFingerprint(
  url: string,
): Promise<{ tables: Record<string, TableFingerprint>; sequences: Record<string, string> }> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const result: Record<string, TableFingerprint> = {};
    for (const { name } of tables) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM public.${ident(name)} t`,
      );
      result[name] = { rows: rows[0].rows, md5: rows[0].md5 };
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename",
    );
    const positions: Record<string, string> = {};
    for (const { name } of sequences) {
      const { rows } = await client.query(
        `SELECT last_value::text || CASE WHEN is_called THEN '' ELSE ' (unused)' END AS position FROM public.${ident(name)}`,
      );
      positions[name] = rows[0].position;
    }
    return { tables: result, sequences: positions };
  });
}
