// The wiki's production server: Next.js's request handler behind a plain
// Node HTTP server, so that a signed-out reader's view of a cached current
// article is answered before Next routes the request (about a millisecond of
// CPU per request here, which capped such views below the machine's limit).
// The answer, when there is one, comes from the article route's own code and
// caches (lib/views/cached-view.ts); everything else goes to Next as it
// would under `next start`.
//
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]     (NODE_ENV=production)
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import { contentSecurityPolicy, securityHeaders } from "../lib/http/security-headers.mjs";
import { addressProblem } from "../lib/http/address-problem.mjs";
import { hostProblem } from "../lib/http/site-origin.mjs";
import { staticBrotli } from "./static-brotli.mjs";

function argument(flag, fallback) {
  const index = process.argv.indexOf(flag);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const port = Number(argument("-p", process.env.PORT ?? "3000"));
// Only -H: HOSTNAME is often the machine's own name (Docker sets it), which would bind one interface.
const hostname = argument("-H", undefined);
// As Next's own `next start` sets them, before Next is loaded.
process.env.NODE_ENV = "production";
process.env.NEXT_RUNTIME = "nodejs";
process.title = "wiki-server";
// The app reads the client's socket address only from the header set below, and only when this says it is ours.
process.env.WIKI_SOCKET_ADDRESS_HEADER = "1";
const { default: next } = await import("next");

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const fastPath = Symbol.for("wiki.cachedCurrentView");
// Next's scripts in brotli where Next compresses at all (scripts/static-brotli.mjs).
const brotliScripts = process.env.WIKI_COMPRESS === "0" ? null : staticBrotli({ distDir: `${process.cwd()}/.next` });

/**
 * Answers 421 to a request for a host name this site is not (DNS rebinding
 * of an intranet deployment: the attacker's name resolving to this server),
 * before anything else runs; the health check stays open to load balancers,
 * which probe by address. Returns whether it answered.
 */
function refusedForeignHost(req, res) {
  if (req.url === "/api/health") return false;
  const problem = hostProblem(req.headers.host, { port });
  if (!problem) return false;
  const body = JSON.stringify({ error: { code: "misdirected_request", message: `Refused: ${problem}.` } });
  res.writeHead(421, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
  return true;
}

/**
 * The security headers, script-free, on every response to begin with: what
 * Next, the proxy or a route sets replaces them, and what Next answers
 * without either (its 404 for a missing /_next/static file, say, which the
 * proxy skips) still carries them.
 */
function setBaselineSecurityHeaders(req, res) {
  const forwardedProto = req.headers["x-forwarded-proto"];
  const https =
    Boolean(req.socket.encrypted) || (typeof forwardedProto === "string" && forwardedProto.includes("https"));
  for (const [name, value] of Object.entries(securityHeaders(contentSecurityPolicy("none"), https)))
    res.setHeader(name, value);
}

// Every GET and HEAD runs in a read context (lib/db/replicas.ts), the cached view and Next's routes and pages alike:
// their reads may then go to a replica (DATABASE_REPLICA_URL), unless the request's primary mark says it has not
// replayed this client's last write yet. Anything else (a write) has none, so all its reads are the primary's. The
// context ends with its response: work it started that outlives it (a timer, a shared promise) reads the primary.
// Without replicas every read is the primary's anyway, and no context is opened.
const readContext = process.env.DATABASE_REPLICA_URL
  ? (globalThis[Symbol.for("wiki.readContext")] ??= new AsyncLocalStorage())
  : null;

const server = createServer((req, res) => {
  if (!readContext || (req.method !== "GET" && req.method !== "HEAD")) return answer(req, res);
  const context = { cookie: req.headers.cookie, ended: false };
  res.once("close", () => {
    context.ended = true;
  });
  readContext.run(context, answer, req, res);
});

/** Answers one request: the checks every path shares, then the cached view or Next. */
function answer(req, res) {
  // Every request, whatever path it takes: the socket's peer replaces any copy the client sent
  // (lib/http/client-address.ts; X-Forwarded-For is read only from trusted proxies).
  req.headers["x-wiki-client-address"] = req.socket.remoteAddress ?? "";
  setBaselineSecurityHeaders(req, res);
  if (refusedForeignHost(req, res)) return;
  // A malformed %-escape (Next's bare 500) or a NUL no query can carry: refused for every path, the JSON API's
  // included, which skips proxy.ts (see its matcher).
  let problem;
  try {
    problem = addressProblem(new URL(req.url ?? "/", "http://wiki.invalid"));
  } catch {
    problem = "The address cannot be read.";
  }
  if (problem) {
    res.writeHead(400, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code: "bad_request", message: problem } }));
    return;
  }
  if (brotliScripts?.(req, res)) return;
  const cachedCurrentView = globalThis[fastPath];
  if (!cachedCurrentView || req.method !== "GET" || !req.url?.startsWith("/wiki/")) return void handle(req, res);
  const forwardedProto = req.headers["x-forwarded-proto"];
  const https =
    Boolean(req.socket.encrypted) || (typeof forwardedProto === "string" && forwardedProto.includes("https"));
  cachedCurrentView({
    method: req.method,
    url: req.url,
    cookie: req.headers.cookie,
    acceptEncoding: req.headers["accept-encoding"],
    ifNoneMatch: req.headers["if-none-match"],
    https,
  }).then(
    (view) => {
      if (!view) return void handle(req, res);
      // A 304 has no body, and no Content-Length (it would describe the page the client already has).
      if (!view.body) return void res.writeHead(view.status, view.headers).end();
      res.writeHead(view.status, { ...view.headers, "content-length": view.body.byteLength });
      res.end(view.body);
    },
    // A failed lookup (the database away, say) is Next's to answer, with its error page.
    () => void handle(req, res),
  );
}

server.listen(port, hostname, () => {
  console.log(`▲ wiki server ready on http://${hostname ?? "localhost"}:${port}`);
});

// Stop like `next start`: finish the requests in flight, close Next, exit with the signal's code.
for (const [signal, code] of [
  ["SIGTERM", 143],
  ["SIGINT", 130],
]) {
  process.once(signal, () => {
    setTimeout(() => process.exit(code), 10_000).unref();
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    void Promise.all([closed, app.close().catch(console.error)]).finally(() => process.exit(code));
  });
}
