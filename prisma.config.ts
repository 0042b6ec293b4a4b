import { defineConfig } from "prisma/config";

// The URL is only needed by CLI commands that talk to a database; the app
// itself connects through @prisma/adapter-pg (lib/db/client.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
