import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { BlockNotice, SiteFooter, SiteHeader } from "@/components/ui/site-header";
import { SearchSuggestBox } from "@/components/ui/search-suggest";
import { STYLESHEET, THEME_STYLESHEET } from "@/components/ui/html-page";
import { readerOf } from "@/components/ui/reader";
import { getPageViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = {
  title: { default: "Wiki", template: "%s – Wiki" },
  description: "A collaborative encyclopedia for articles that need protection, citations and review.",
};

export const viewport: Viewport = { colorScheme: "light dark", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const reader = readerOf(await getPageViewer());
  return (
    <html lang="en">
      <head>
        <link rel="stylesheet" href={STYLESHEET} />
        <link rel="stylesheet" href={THEME_STYLESHEET} />
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
