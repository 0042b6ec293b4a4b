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
 * that takes brotli: returns false (the request is someone else's) or
 * answers it, handing it to `fallback` when there is no such file.
 */
export function staticBrotli({ distDir }) {
  const chunksDir = path.join(distDir, "static", "chunks");
  const kept = new Map();
  let keptBytes = 0;
  const compressed = (file) => {
    const known = kept.get(file);
    if (known) return known;
    const pending = readFile(path.join(chunksDir, file)).then(
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
    );
    kept.set(file, pending);
    pending.then(
      (body) => {
        keptBytes += body.byteLength;
        if (keptBytes > KEEP_BYTES) kept.delete(file);
      },
      () => kept.delete(file),
    );
    return pending;
  };

  return function serve(req, res, fallback) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (!acceptsBrotli(req.headers["accept-encoding"])) return false;
    const match = CHUNK_PATH.exec(req.url ?? "");
    if (!match) return false;
    compressed(match[1]).then(
      (body) => {
        res.writeHead(200, {
          "content-type": "application/javascript; charset=UTF-8",
          "cache-control": "public, max-age=31536000, immutable",
          "content-encoding": "br",
          vary: "Accept-Encoding",
          "content-length": body.byteLength,
        });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      // No such script (or it cannot be read): Next answers, with its 404.
      () => fallback(),
    );
    return true;
  };
}
