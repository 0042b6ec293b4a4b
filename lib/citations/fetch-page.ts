import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { WikiError } from "../errors";
import { ipLiteral, isPublicAddress } from "./public-address";

/** How far the citation fetcher goes for one page; the environment may tighten them (tests, small servers). */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** `host:port` pairs fetched even on a private address (a test's local server); never set in production */
  allow: ReadonlySet<string>;
}

export function fetchLimits(env: NodeJS.ProcessEnv = process.env): FetchLimits {
  const number = (value: string | undefined, fallback: number) =>
    value && /^\d+$/.test(value) ? Number(value) : fallback;
  return {
    timeoutMs: number(env.WIKI_CITATION_FETCH_TIMEOUT_MS, 5000),
    maxBytes: number(env.WIKI_CITATION_FETCH_MAX_BYTES, 2 * 1024 * 1024),
    maxRedirects: 3,
    allow: new Set(
      (env.WIKI_CITATION_FETCH_ALLOW ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  };
}

const refuse = (message: string) => new WikiError("bad_request", `url: ${message}`, { field: "url" });

/** The default port of a URL's scheme, for the allow list and the port rule. */
const portOf = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

/**
 * Checks a URL before any connection: http or https, no credentials, the web's
 * ports (80, 443) unless allow-listed, and a host that is a name or a public
 * IP literal. Names are checked again at connection time (guardedLookup).
 */
function assertFetchable(url: URL, limits: FetchLimits): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("only http and https pages can be cited.");
  if (url.username || url.password) throw refuse("a URL with a user name or password cannot be fetched.");
  const allowed = limits.allow.has(`${url.hostname}:${portOf(url)}`);
  if (!allowed && !["80", "443"].includes(portOf(url)))
    throw refuse(`port ${url.port} is not a web port; only pages on ports 80 and 443 are fetched.`);
  const literal = ipLiteral(url.hostname);
  if (literal && !allowed && !isPublicAddress(literal))
    throw refuse("it points at a private or reserved address; only public web pages can be cited.");
}

/**
 * A DNS lookup that refuses names resolving to any non-public address. The
 * connection uses the address checked here (no second lookup), so a name
 * cannot pass the check and then rebind to 127.0.0.1.
 */
function guardedLookup(allowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return (callback as (e: Error) => void)(error);
      const list = addresses as LookupAddress[];
      const bad = list.find((entry) => !allowed && !isPublicAddress(entry.address));
      if (bad || list.length === 0)
        return (callback as (e: Error) => void)(
          Object.assign(new Error(`${hostname} resolves to a private address`), { code: "EPRIVATE" }),
        );
      if ((options as { all?: boolean }).all) return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      (callback as (e: null, a: string, f: number) => void)(null, list[0].address, list[0].family);
    });
  };
}

/** One GET, no redirects followed, through the guarded lookup; resolves with the response head. */
function get(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const allowed = limits.allow.has(`${url.hostname}:${portOf(url)}`);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        lookup: guardedLookup(allowed),
        signal,
        headers: {
          "user-agent": "WikiCitationBot/1.0 (+fills citation fields from a page's own metadata)",
          accept: "text/html,application/xhtml+xml;q=0.9",
          "accept-encoding": "gzip, deflate, br",
        },
      },
      resolve,
    );
    request.on("error", reject);
  });
}

/** The body of a response, decompressed, refused past `maxBytes` (counted after decompression: no zip bombs). */
async function readBody(response: IncomingMessage, limits: FetchLimits): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    response.destroy();
    throw tooLarge(limits);
  }
  const encoding = String(response.headers["content-encoding"] ?? "identity").toLowerCase();
  const stream =
    encoding === "gzip" || encoding === "x-gzip"
      ? response.pipe(createGunzip())
      : encoding === "deflate"
        ? response.pipe(createInflate())
        : encoding === "br"
          ? response.pipe(createBrotliDecompress())
          : response;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limits.maxBytes) {
      response.destroy();
      throw tooLarge(limits);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limits: FetchLimits) =>
  refuse(`the page is larger than ${Math.round(limits.maxBytes / 1024)} KB; fill the citation by hand.`);

/** The page's text in its declared charset (Content-Type, else `<meta charset>`), UTF-8 when unknown. */
function decode(body: Buffer, contentType: string): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.subarray(0, 4096).toString("latin1"))?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

/**
 * Fetches a public web page for the citation filler, defended as a server
 * that fetches user-given URLs must be (SSRF): public addresses only, checked
 * at connection time and again at every redirect (at most three), web ports
 * only, one deadline for the whole exchange, a byte limit after
 * decompression, HTML only. Every refusal is a 400 naming `url`; a page that
 * cannot be had (timeout, error status, network) is a 400 that says so,
 * since the server is not at fault either.
 */
export async function fetchPublicPage(
  input: string,
  limits: FetchLimits = fetchLimits(),
): Promise<{ url: string; html: string }> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw refuse("not a URL; give a full address such as https://example.com/page.");
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      assertFetchable(url, limits);
      const response = await get(url, limits, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (redirects >= limits.maxRedirects)
          throw refuse(`the page redirects more than ${limits.maxRedirects} times.`);
        url = new URL(response.headers.location, url);
        continue;
      }
      if (status !== 200) {
        response.resume();
        throw refuse(`the page answered ${status}; check the address.`);
      }
      const type = String(response.headers["content-type"] ?? "");
      if (!/^\s*(text\/html|application\/xhtml\+xml)/i.test(type)) {
        response.destroy();
        throw refuse(`the page is not HTML (${type.split(";")[0] || "no type"}); fill the citation by hand.`);
      }
      return { url: url.href, html: decode(await readBody(response, limits), type) };
    }
  } catch (error) {
    if (error instanceof WikiError) throw error;
    if (controller.signal.aborted)
      throw refuse(`the page did not answer within ${limits.timeoutMs / 1000} s; try again or fill it by hand.`);
    if ((error as { code?: string }).code === "EPRIVATE")
      throw refuse("it points at a private or reserved address; only public web pages can be cited.");
    if ((error as { code?: string }).code === "ENOTFOUND") throw refuse(`no such host ${url.hostname}.`);
    throw refuse(`the page could not be fetched (${(error as Error).message}).`);
  } finally {
    clearTimeout(timer);
  }
}
