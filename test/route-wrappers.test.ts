import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Every route handler is built with one of the three wrappers, so none can
 * forget the origin check, the body cap, the parameter checks, the error
 * shape, the error page or the security headers: `mutation()` for writes,
 * `query()` for JSON reads, `readerView()` for HTML, `feed()` for Atom. Read from the source
 * (no server, no database), as the layer rules are.
 */

const APP = path.join(import.meta.dirname, "..", "app");

/** The wrappers, each imported from its one module (a local function of the same name does not count). */
const WRAPPERS: Record<string, string> = {
  mutation: "@/lib/http/mutation",
  query: "@/lib/http/query",
  readerView: "@/components/ui/reader-view",
  // A plain HTML form (the talk page's, which works without script): the same checks, a redirect or an HTML page.
  formAction: "@/components/ui/form-action",
  feed: "@/lib/http/feed",
  // A file (an article exported as wikitext or MediaWiki XML): the same address checks, served as an attachment.
  download: "@/lib/http/download",
};

/**
 * Routes that may not use a wrapper, and why. next-auth's catch-all is
 * next-auth's own handler: it reads its own body (the sign-in form), and its
 * POST checks the origin itself (app/api/auth/[...nextauth]/route.ts).
 */
const EXCEPTIONS: Record<string, string> = {
  "api/auth/[...nextauth]/route.ts": "next-auth's own handler (session, CSRF token, sign-in and sign-out)",
  // The footer's scheme switch works without script, so its body is a form, which mutation() refuses by
  // design (a JSON API must not read what a cross-site form can send). It checks the origin itself and
  // touches no row; test/http/server/csrf.db.test.ts forges it like every mutation.
  "api/preferences/theme/route.ts": "a no-script HTML form that only sets a cookie (origin-checked itself)",
  // A stylesheet, neither JSON nor HTML: private to the reader, it varies with their theme cookie.
  "theme.css/route.ts": "the reader's colour-scheme stylesheet (text/css, private)",
};

const METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";

function routeFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Whether `source` imports `name` from `module` by name. */
function importedFrom(source: string, name: string, module: string): boolean {
  const escaped = module.replace(/[/@.]/g, "\\$&");
  return new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*"${escaped}"`).test(source);
}

/** What is wrong with a route file's handlers, one line per handler; empty when each is wrapped. */
function unwrappedHandlers(source: string): string[] {
  const problems: string[] = [];
  let count = 0;
  for (const match of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${METHODS})\\b`, "g"))) {
    problems.push(`${match[1]} is a bare function`);
    count++;
  }
  // `export const GET = callee<…>(` : the method, the callee and whether it is a call.
  const assignment = `export\\s+(?:const|let|var)\\s+(${METHODS})\\b\\s*(?::[^=]*)?=`;
  const constant = new RegExp(`${assignment}\\s*([\\w$.]*)\\s*(<[^(]*>)?\\s*(\\()?`, "g");
  for (const match of source.matchAll(constant)) {
    count++;
    const [, method, callee, , call] = match;
    const module = WRAPPERS[callee];
    if (!module || !call) problems.push(`${method} is not built with ${Object.keys(WRAPPERS).join("(), ")}()`);
    else if (!importedFrom(source, callee, module)) {
      problems.push(`${method} uses a ${callee}() that is not imported from ${module}`);
    }
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1].split(",").map(
      (part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
    )) {
      if (new RegExp(`^(${METHODS})$`).test(name)) {
        problems.push(`${name} is re-exported, not built with a wrapper`);
        count++;
      }
    }
  }
  if (count === 0) problems.push("exports no handler this test can read");
  return problems;
}

describe("every route is built with mutation(), query() or readerView()", () => {
  const files = routeFiles(APP).map((file) => path.relative(APP, file).split(path.sep).join("/"));

  it("finds the routes", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const exception of Object.keys(EXCEPTIONS)) {
      expect(files, `exception ${exception} no longer exists`).toContain(exception);
    }
  });

  it.each(files.filter((file) => !(file in EXCEPTIONS)))("app/%s", (file) => {
    expect(unwrappedHandlers(readFileSync(path.join(APP, file), "utf8"))).toEqual([]);
  });

  it("tells a bare handler, a foreign wrapper and a re-export from wrapped ones", () => {
    const bare = `export async function GET() { return new Response("x"); }`;
    expect(unwrappedHandlers(bare)).toEqual(["GET is a bare function"]);
    expect(unwrappedHandlers(`export const GET = async () => new Response("x");`)).toHaveLength(1);
    expect(unwrappedHandlers(`const query = (x) => x;\nexport const GET = query({});`)).toEqual([
      "GET uses a query() that is not imported from @/lib/http/query",
    ]);
    expect(unwrappedHandlers(`export { handler as POST };`)).toEqual(["POST is re-exported, not built with a wrapper"]);
    const wrapped = `import { query } from "@/lib/http/query";\nexport const GET = query({ cache: "none" });`;
    expect(unwrappedHandlers(wrapped)).toEqual([]);
  });
});
