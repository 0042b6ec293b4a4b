import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { BlockNotice, SiteFooter, SiteHeader } from "@/components/ui/site-header";
import { SearchSuggestBox } from "@/components/ui/search-suggest";
import { STYLESHEET } from "@/components/ui/html-page";
import { readerOf } from "@/components/ui/reader";
import { getPageViewer } from "@/lib/auth/viewer";
import { themeFromCookies } from "@/lib/preferences/theme";

export const metadata: Metadata = {
  title: { default: "Wiki", template: "%s – Wiki" },
  description: "A collaborative encyclopedia for articles that need protection, citations and review.",
};

export const viewport: Viewport = { colorScheme: "light dark", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const reader = readerOf(await getPageViewer());
  // These pages are rendered per reader anyway: the chosen colour scheme goes on the root element, where
  // /theme.css would put it, without the render-blocking request the shared cached pages need.
  const theme = themeFromCookies((await headers()).get("cookie"));
  return (
    <html lang="en" style={theme === "auto" ? undefined : { colorScheme: theme }}>
      <head>
        <link rel="stylesheet" href={STYLESHEET} />
      </head>
      <body>
        <SiteHeader reader={reader} searchBox={<SearchSuggestBox />} />
        <main className="page" id="content">
          <BlockNotice reader={reader ?? null} />
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
