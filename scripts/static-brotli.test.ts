import { createServer, request, type Server } from "node:http";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, staticBrotli } from "./static-brotli.mjs";

describe("acceptsBrotli", () => {
  it("takes a br token, with or without a weight, and refuses q=0 or its absence", () => {
    expect(acceptsBrotli("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsBrotli("br;q=0.5, gzip")).toBe(true);
    expect(acceptsBrotli("gzip, br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip, deflate")).toBe(false);
    expect(acceptsBrotli("brotli")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});

describe("staticBrotli", () => {
  const script = `console.log(${JSON.stringify("the chunk ".repeat(200))});`;
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "static-brotli-"));
    await mkdir(path.join(dir, "static", "chunks"), { recursive: true });
    await writeFile(path.join(dir, "static", "chunks", "0abc_def.js"), script);
    await writeFile(path.join(dir, "secret.js"), "secret");
    const serve = staticBrotli({ distDir: dir });
    server = createServer((req, res) => {
      if (serve(req, res)) return;
      res.end("next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  // Raw http: fetch would decode the body and hide the encoding.
  const get = (url: string, headers: Record<string, string>, method = "GET") =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      // The path as written (a URL would resolve the dot segments before sending).
      const req = request(base, { method, headers, path: url }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part) => parts.push(part));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on("error", reject);
      req.end();
    });

  it("sends a built script in brotli, cacheable for good, once compressed; Next answers until then", async () => {
    // The first request does not wait for the compression it starts.
    const first = await get("/_next/static/chunks/0abc_def.js", { "accept-encoding": "gzip, br" });
    expect(first.body.toString()).toBe("next");
    let response = first;
    for (let i = 0; i < 100 && response.headers["content-encoding"] !== "br"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      response = await get("/_next/static/chunks/0abc_def.js", { "accept-encoding": "gzip, br" });
    }
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers.vary).toBe("Accept-Encoding");
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
    expect(response.body.byteLength).toBeLessThan(script.length / 4);
    // Kept: the next answer is the same bytes.
    const again = await get("/_next/static/chunks/0abc_def.js", { "accept-encoding": "br" });
    expect(again.body.equals(response.body)).toBe(true);
    const head = await get("/_next/static/chunks/0abc_def.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.headers["content-length"]).toBe(String(response.body.byteLength));
  });

  it("leaves to Next what it does not answer: no brotli, other paths, missing files, escapes", async () => {
    for (const [url, encoding] of [
      ["/_next/static/chunks/0abc_def.js", "gzip"],
      ["/_next/static/chunks/0abc_def.js?v=1", "br"],
      ["/_next/static/chunks/missing.js", "br"],
      ["/_next/static/chunks/../../secret.js", "br"],
      ["/_next/static/chunks/%2e%2e/%2e%2e/secret.js", "br"],
      ["/_next/static/css/site.css", "br"],
    ]) {
      const response = await get(url, { "accept-encoding": encoding });
      expect(response.headers["content-encoding"], url).toBeUndefined();
      expect(response.body.toString(), url).toBe("next");
    }
  });
});
