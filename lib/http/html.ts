import { contentSecurityPolicy, securityHeaders } from "./security-headers";
import type { ReactElement } from "react";

/**
 * Renders a server-only React tree to a complete HTML response. Article pages
 * are served this way rather than as App Router pages so that the article body
 * is sent once, as HTML, and not a second time as the RSC payload.
 */
export async function htmlResponse(element: ReactElement, init: { status?: number; headers?: Record<string, string> } = {}): Promise<Response> {
  // react-dom/server is loaded lazily: route handlers are bundled for the
  // React Server Components layer, where a static import is refused.
  const { renderToStaticMarkup } = await import("react-dom/server");
  return htmlDocumentResponse(`<!DOCTYPE html>${renderToStaticMarkup(element)}`, init);
}

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
  return { "content-type": "text/html; charset=utf-8", ...securityHeaders(contentSecurityPolicy("none"), init.https ?? false), ...init.headers };
}

/** Renders a server-only React tree to an HTML string (for fragments kept in a cache). */
export async function renderHtml(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup(element);
}
