import type { IncomingMessage, ServerResponse } from "node:http";

/** Whether an Accept-Encoding header accepts brotli (a `br` token without q=0). */
export function acceptsBrotli(header: string | string[] | undefined): boolean;

/** A handler for Next's scripts in brotli; false when the request is not one it answers (yet). */
export function staticBrotli(options: { distDir: string }): (req: IncomingMessage, res: ServerResponse) => boolean;
