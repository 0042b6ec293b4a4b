import type { ReactNode } from "react";
import { BlockNotice, type Reader, SiteFooter, SiteHeader } from "./site-header";

/**
 * public/wiki.css and public/editor.css, named by the first 10 hex digits of
 * their SHA-256: the versioned URLs are cached for a year without
 * revalidation (next.config.js), so that a page's render-blocking
 * stylesheets cost no round trip once seen. A change to either file must
 * change its version: components/ui/stylesheet-versions.test.ts says which.
 */
export const STYLESHEET = "/wiki.css?v=488e620c5f";
export const EDITOR_STYLESHEET = "/editor.css?v=8ec0358308";

/** The reader's colour scheme, answered per reader (lib/preferences/theme.ts); after the stylesheet, so it wins. */
export const THEME_STYLESHEET = "/theme.css";

export type { Reader };

/**
 * A complete HTML document for pages served by route handlers (the article
 * views), with the same header and stylesheet as the App Router pages.
 */
export function HtmlPage({ title, reader, children }: { title: string; reader?: Reader | null; children: ReactNode }) {
  return (
    <html lang="en">
      {/* biome-ignore lint/style/noHeadElement: a whole document rendered by react-dom/server for route handlers, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} – Wiki`}</title>
        <link rel="stylesheet" href={STYLESHEET} />
        <link rel="stylesheet" href={THEME_STYLESHEET} />
      </head>
      <body>
        <SiteHeader reader={reader ?? null} />
        <main className="page" id="content">
          <BlockNotice reader={reader ?? null} />
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
