import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "@/components/ui/site-header";
import { STYLESHEET } from "@/components/ui/html-page";
import { getViewer } from "@/lib/auth/viewer";
import { decide } from "@/lib/authz/policy";
import { countOpenProposals } from "@/lib/proposals/review-queue";

export const metadata: Metadata = {
  title: { default: "Wiki", template: "%s – Wiki" },
  description: "A collaborative encyclopedia for articles that need protection, citations and review.",
};

export const viewport: Viewport = { colorScheme: "light dark", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const reviewCount = decide(viewer, "review").allowed ? await countOpenProposals() : null;
  return (
    <html lang="en">
      <head>
        <link rel="stylesheet" href={STYLESHEET} />
      </head>
      <body>
        <SiteHeader userName={viewer?.name} reviewCount={reviewCount} />
        <main className="page">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
