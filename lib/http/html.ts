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
  const html = `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
  return new Response(html, {
    status: init.status ?? 200,
    headers: { "content-type": "text/html; charset=utf-8", ...init.headers },
  });
}

/** Renders a server-only React tree to an HTML string (for fragments kept in a cache). */
export async function renderHtml(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup(element);
}
