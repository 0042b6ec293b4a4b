// Next's scripts in brotli (issue 19). Next compresses what it sends with gzip only; browsers
// take brotli, which makes the editor's script about a sixth smaller than gzip does. Built
// scripts never change under their hashed names, so each is compressed once, at brotli's
// highest quality, off the event loop, and kept. Used by scripts/serve.mjs when Next compresses
// (not with WIKI_COMPRESS=0, where the proxy in front compresses).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { constants, brotliCompress } from "node:zlib";

const CHUNK_PATH =
  /^\/_next\/static\/chunks\/((?:[A-Za-z0-9_~-][A-Za-z0-9_.~-]*\/)*[A-Za-z0-9_~-][A-Za-z0-9_.~-]*\.js)$/;
/** Past this many compressed bytes kept, further scripts are compressed per request (a build holds about 1 MB). */
const KEEP_BYTES = 32 * 1024 * 1024;

/** Whether an Accept-Encoding header accepts brotli (a `br` token without q=0). */
export function acceptsBrotli(header) {
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [name, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (name !== "br") return false;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * A handler for GET and HEAD of `/_next/static/chunks/*.js` from a client
 * that takes brotli: returns false (the request is Next's, which gzips) or
 * answers it. No request waits for brotli's highest quality (about a second
 * for the editor's largest script on a busy machine): a script not yet
 * compressed goes to Next this time and is compressed meanwhile, off the
 * event loop (not at start: every test file starts servers).
 */
export function staticBrotli({ distDir }) {
  const chunksDir = path.join(distDir, "static", "chunks");
  /** compressed scripts by path under chunks/ */
  const kept = new Map();
  /** compressions under way (or failed: no such file), by path */
  const started = new Map();
  let keptBytes = 0;
  const compress = (file) => {
    const known = started.get(file);
    if (known) return known;
    const pending = readFile(path.join(chunksDir, file))
      .then(
        (source) =>
          new Promise((resolve, reject) =>
            brotliCompress(
              source,
              {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                  [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
                },
              },
              (error, result) => (error ? reject(error) : resolve(result)),
            ),
          ),
      )
      .then(
        (body) => {
          // Past the budget, a script is compressed again for the next request that wants it.
          if (keptBytes + body.byteLength <= KEEP_BYTES) {
            kept.set(file, body);
            keptBytes += body.byteLength;
          } else started.delete(file);
        },
        // No such script: it stays Next's to answer (a 404); not retried.
        () => undefined,
      );
    started.set(file, pending);
    return pending;
  };

  function serve(req, res) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (!acceptsBrotli(req.headers["accept-encoding"])) return false;
    const match = CHUNK_PATH.exec(req.url ?? "");
    if (!match) return false;
    const body = kept.get(match[1]);
    if (!body) {
      void compress(match[1]);
      return false;
    }
    res.writeHead(200, {
      "content-type": "application/javascript; charset=UTF-8",
      "cache-control": "public, max-age=31536000, immutable",
      "content-encoding": "br",
      vary: "Accept-Encoding",
      "content-length": body.byteLength,
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }
  return serve;
}
