import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { sessionCookieFor } from "../lib/auth/session";
import { freePort } from "../lib/db/embedded";

export { freePort };

/** The session secret every test server and test-made cookie share. */
export const TEST_SESSION_SECRET = "test-secret-for-app-servers";

/** A production server of this checkout (scripts/serve.mjs, as `npm start` runs it) on a port of its own. */
export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** everything the server printed so far */
  output(): string;
  /** SIGTERM and wait */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash, not a shutdown */
  kill(): Promise<void>;
}

/**
 * Starts the built app (test/global-setup.ts builds it) against `databaseUrl`
 * and waits until it answers /api/health. Each call is a separate instance:
 * two of them on one database is the scale-out test.
 */
/** `WIKI_SERVER_CPU_PROFILE_DIR=dir` runs every spawned server under `--cpu-prof` (Node refuses it in NODE_OPTIONS): a profile per server in dir when it stops. */
const cpuProfileFlags = () =>
  process.env.WIKI_SERVER_CPU_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.WIKI_SERVER_CPU_PROFILE_DIR}`]
    : [];

export async function startAppServer(options: {
  databaseUrl: string;
  env?: Record<string, string>;
  port?: number;
}): Promise<AppServer> {
  const root = process.cwd();
  if (!existsSync(path.join(root, ".next/BUILD_ID")))
    throw new Error("No Next.js build: run `npm run build` (vitest's global setup does).");
  process.env.NEXTAUTH_SECRET ??= TEST_SESSION_SECRET;
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...cpuProfileFlags(), path.join(root, "scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
        NEXTAUTH_URL: url,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await signal("SIGKILL");
      throw new Error(`The app server did not become ready in 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
}

/**
 * An HTTP request to a test server as the browser would send it: same-origin
 * by default, signed in as `user` when given. Header overrides with null
 * remove a header.
 */
export async function httpRequest(
  server: { url: string },
  method: string,
  pathname: string,
  options: {
    body?: unknown;
    rawBody?: string;
    user?: { id: number; name: string } | null;
    headers?: Record<string, string | null>;
  } = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = { origin: server.url };
  if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] = "application/json";
  if (options.user) headers.cookie = await sessionCookieFor(options.user);
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const response = await fetch(`${server.url}${pathname}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    redirect: "manual",
  });
  const text = await response.text();
  let body: any = null;
  if ((response.headers.get("content-type") ?? "").includes("json") && text) body = JSON.parse(text);
  return { status: response.status, body, text, headers: response.headers };
}
