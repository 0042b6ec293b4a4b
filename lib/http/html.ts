import { contentSecurityPolicy, securityHeaders } from "./security-headers.mjs";
import type { ReactElement } from "react";

/**
 * A complete HTML document as a response, with the security headers of a
 * page that runs no script (these routes skip proxy.ts).
 */
export function htmlDocumentResponse(html: string | Uint8Array<ArrayBuffer>, init: HtmlDocumentInit = {}): Response {
  return new Response(html, { status: init.status ?? 200, headers: htmlDocumentHeaders(init) });
}

export interface HtmlDocumentInit {
  status?: number;
  headers?: Record<string, string>;
  /** whether the request came over https (Next's notion: `x-forwarded-proto`), for HSTS */
  https?: boolean;
}

/** The headers of a script-free HTML document (also replayed by the cached-view fast path). */
export function htmlDocumentHeaders(init: HtmlDocumentInit): Record<string, string> {
  return {
    "content-type": "text/html; charset=utf-8",
    ...securityHeaders(contentSecurityPolicy("none"), init.https ?? false),
    ...init.headers,
  };
}

/** React's synchronous static renderer, loaded on first use (for the many small parts of a page kept in a cache). */
export async function staticRenderer(): Promise<(element: ReactElement) => string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup;
}

/** Renders a server-only React tree to an HTML string (for fragments kept in a cache). */
export async function renderHtml(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup(element);
}

/**
 * The 500 page of a script-free view, with the security headers (these
 * routes skip proxy.ts, so Next's own 500 page would go out without them).
 * Plain HTML with nothing from the request in it.
 */
export function serverErrorResponse(https: boolean): Response {
  const page =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Something went wrong</title>` +
    `<link rel="stylesheet" href="/wiki.css"></head><body><main class="content-page"><h1>Something went wrong</h1>` +
    `<p>Something went wrong on our side. Nothing was changed; try again in a moment.</p>` +
    `<p><a href="/">Main page</a></p></main></body></html>`;
  return htmlDocumentResponse(page, { status: 500, headers: { "cache-control": "no-store" }, https });
}
