import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Filling a citation from a URL (issue 20) over HTTP against the production server, with a local web
// server standing in for the web (the one allow-listed host:port; every other private address refused):
// the page's own metadata comes back, and every way to make the server fetch what it must not, or wait
// or read without end, is a 400 naming `url`.

const ctx = useRouteTestDatabase();
let server: AppServer;
let web: Server;
let webUrl: string;
let user: TestUser;

const ARTICLE = `<!doctype html><html lang="en"><head>
  <title>Rebels enter Hama | Daily Example</title>
  <meta property="og:site_name" content="Daily Example">
  <script type="application/ld+json">${JSON.stringify({
    "@type": "NewsArticle",
    headline: "Rebels enter Hama",
    datePublished: "2024-12-05T18:30:00Z",
    author: { "@type": "Person", name: "Rana Haddad" },
    publisher: { "@type": "Organization", name: "Example Media" },
  })}</script></head><body><p>Story.</p></body></html>`;

// 50 MB of zeros in about 50 KB, built once.
const BOMB = gzipSync(Buffer.alloc(50_000_000, 0));

function startWeb(): Promise<void> {
  web = createServer((request, response) => {
    const html = (body: string | Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
      response.end(body);
    };
    switch (request.url) {
      case "/article":
        return html(ARTICLE);
      case "/latin1":
        response.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
        return response.end(Buffer.from("<html><head><title>Caf\u00e9 M\u00fcller</title></head></html>", "latin1"));
      case "/redirect":
        response.writeHead(302, { location: "/article" });
        return response.end();
      case "/redirect-private":
        response.writeHead(302, { location: "http://10.0.0.1/admin" });
        return response.end();
      case "/redirect-loop":
        response.writeHead(302, { location: "/redirect-loop" });
        return response.end();
      case "/slow":
        return void setTimeout(() => html(ARTICLE), 5000);
      case "/trickle": {
        response.writeHead(200, { "content-type": "text/html" });
        const timer = setInterval(() => response.write("<p>x</p>"), 100);
        response.on("close", () => clearInterval(timer));
        return;
      }
      case "/huge":
        return html(Buffer.alloc(3_000_000, "a"));
      case "/huge-undeclared": {
        response.writeHead(200, { "content-type": "text/html" });
        for (let i = 0; i < 30; i++) response.write(Buffer.alloc(100_000, "b"));
        return response.end();
      }
      case "/bomb":
        return html(BOMB, { "content-encoding": "gzip" });
      case "/pdf":
        response.writeHead(200, { "content-type": "application/pdf" });
        return response.end("%PDF-1.4");
      default:
        response.writeHead(404, { "content-type": "text/html" });
        return response.end("<h1>Not found</h1>");
    }
  });
  return new Promise((resolve) =>
    web.listen(0, "127.0.0.1", () => {
      webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

const fill = (url: string, as: TestUser | null = user) =>
  httpRequest(server, "POST", "/api/citations/from-url", { body: { url }, user: as });

beforeAll(async () => {
  await startWeb();
  user = await makeUser(ctx.db, { name: "cite_user" });
  server = await startAppServer({
    databaseUrl: ctx.url,
    env: {
      WIKI_RATE_LIMITS: "off",
      WIKI_CITATION_FETCH_ALLOW: new URL(webUrl).host,
      WIKI_CITATION_FETCH_TIMEOUT_MS: "1500",
      WIKI_CITATION_FETCH_MAX_BYTES: "1000000",
    },
  });
});
afterAll(async () => {
  await server?.stop();
  web?.closeAllConnections();
  await new Promise((resolve) => web?.close(resolve));
});

describe("POST /api/citations/from-url", () => {
  it("fills title, work, publisher, authors, date, language and access date from the page's own metadata", async () => {
    const response = await fill(`${webUrl}/redirect`);
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({
      reference: {
        title: "Rebels enter Hama",
        work: "Daily Example",
        publisher: "Example Media",
        authors: ["Rana Haddad"],
        date: "2024-12-05",
        language: "en",
        url: `${webUrl}/article`,
        accessDate: new Date().toISOString().slice(0, 10),
      },
      found: ["title", "work", "publisher", "authors", "date", "language"],
    });
    expect((await fill(`${webUrl}/latin1`)).body.reference.title).toBe("Café Müller");
  });

  it("is for signed-in users", async () => {
    expect((await fill(`${webUrl}/article`, null)).status).toBe(401);
  });

  it.each([
    ["not a url", /^url: not a URL/],
    ["ftp://example.com/file", /^url: only http and https/],
    ["javascript:alert(1)", /^url: only http and https/],
    ["file:///etc/passwd", /^url: only http and https/],
    ["http://user:secret@example.com/", /^url: a URL with a user name or password/],
    ["http://example.com:22/", /^url: port 22 is not a web port/],
    ["http://127.0.0.1/", /^url: it points at a private or reserved address/],
    ["http://2130706433/", /^url: it points at a private or reserved address/],
    ["http://[::1]/", /^url: it points at a private or reserved address/],
    ["http://[::ffff:7f00:1]/", /^url: it points at a private or reserved address/],
    ["http://169.254.169.254/latest/meta-data/", /^url: it points at a private or reserved address/],
    ["http://10.1.2.3/", /^url: it points at a private or reserved address/],
    ["http://localhost/", /^url: it points at a private or reserved address/],
  ])("refuses %s before fetching anything", async (url, message) => {
    const response = await fill(url);
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it("refuses the app's own port on the allowed host, and a redirect to a private address", async () => {
    const own = await fill(`http://127.0.0.1:${new URL(server.url).port}/api/health`);
    expect(own.status).toBe(400);
    expect(own.body.error.message).toMatch(/^url: port \d+ is not a web port/);
    const redirected = await fill(`${webUrl}/redirect-private`);
    expect(redirected.status).toBe(400);
    expect(redirected.body.error.message).toMatch(/^url: it points at a private or reserved address/);
    expect((await fill(`${webUrl}/redirect-loop`)).body.error.message).toBe(
      "url: the page redirects more than 3 times.",
    );
  });

  it.each([
    ["/slow", /^url: the page did not answer within 1.5 s/],
    ["/trickle", /^url: the page did not answer within 1.5 s/],
    ["/huge", /^url: the page is larger than 977 KB/],
    ["/huge-undeclared", /^url: the page is larger than 977 KB/],
    ["/bomb", /^url: the page is larger than 977 KB/],
    ["/pdf", /^url: the page is not HTML \(application\/pdf\)/],
    ["/missing", /^url: the page answered 404/],
  ])("gives up on %s with a 400 that says why", async (path, message) => {
    const started = Date.now();
    const response = await fill(`${webUrl}${path}`);
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
