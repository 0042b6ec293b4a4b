import { renderToStaticMarkup } from "react-dom/server";
import { brotliCompressSync, gzipSync, constants as z } from "node:zlib";
import { readFileSync } from "node:fs";
const html = readFileSync(process.argv[2]);
const t = (f: () => Buffer) => { const s = performance.now(); let b!: Buffer; for (let i = 0; i < 3; i++) b = f(); return [b.length, (performance.now() - s) / 3] as const; };
const [g, gt] = t(() => gzipSync(html));
console.log("plain", html.length, "gzip", g, gt.toFixed(1), "ms");
for (const q of [6, 8, 9, 10, 11]) for (const w of [22, 24]) {
  const [b, bt] = t(() => brotliCompressSync(html, { params: { [z.BROTLI_PARAM_QUALITY]: q, [z.BROTLI_PARAM_LGWIN]: w, [z.BROTLI_PARAM_MODE]: z.BROTLI_MODE_TEXT, [z.BROTLI_PARAM_SIZE_HINT]: html.length } }));
  console.log("br q" + q, "w" + w, b, (b / g).toFixed(3), bt.toFixed(1), "ms");
}
