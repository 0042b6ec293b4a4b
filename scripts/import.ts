/**
 * `npm run import -- article.wiki [--title "Title"] [--as admin-name] [--summary "…"]`: imports one
 * article's wikitext (issue 21), or `npm run import -- dump.xml`: a MediaWiki XML dump with history, into DATABASE_URL or the embedded database, as an administrator, and
 * prints the import report. A new article is created; an existing one gets a new revision (never an
 * overwrite), through the same use case and checks as every other import.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importArticle } from "../lib/articles/import-article";
import { nameKeyOf } from "../lib/auth/usernames";
import { closeDb, getDb } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/setup";
import { formatReport } from "../lib/import/report";
import { importDump } from "../lib/articles/import-dump";
import { DUMP_CLI_LIMITS } from "../lib/contracts/import";
import { formatDumpPage, formatDumpReport } from "../lib/import/dump-report";
import { loadActor } from "../lib/users/load-actor";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { title: { type: "string" }, as: { type: "string" }, summary: { type: "string" } },
});
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error(
    'usage: npm run import -- <article.wiki | dump.xml> [--title "Title"] [--as <admin name>] [--summary "…"]',
  );
  process.exit(2);
}
const isDump = /\.xml$/i.test(file);
// The corpus names files after their titles, with hyphens or underscores for spaces.
const title =
  values.title ??
  path
    .basename(file)
    .replace(/\.(wiki|txt|wikitext)$/i, "")
    .replace(/[-_]/g, " ");

const database = await prepareDatabase();
process.env.DATABASE_URL = database.url;
try {
  const db = getDb();
  // The acting administrator: the one named, or else the first admin of the wiki.
  const user = values.as
    ? await db.user.findUnique({ where: { nameKey: nameKeyOf(values.as) }, select: { id: true } })
    : await db.user.findFirst({
        where: { groups: { some: { group: "admin" } } },
        orderBy: { id: "asc" },
        select: { id: true },
      });
  if (!user)
    throw new Error(
      values.as ? `There is no user "${values.as}".` : "There is no administrator; grant one with npm run user:grant.",
    );
  const actor = await loadActor(db, user.id);
  const started = performance.now();
  if (isDump) {
    // Streamed: the file is read in chunks and each page is printed as it is done, so a dump of any size fits.
    const dump = await importDump({
      actor,
      source: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
      limits: DUMP_CLI_LIMITS,
      db,
      onPage: (page) => console.log(formatDumpPage(page)),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(formatDumpReport(dump));
    console.log(
      `Imported as ${actor?.name} in ${seconds.toFixed(1)} s (${(dump.totals.revisionsImported / Math.max(seconds, 0.001)).toFixed(1)} revisions/s).`,
    );
  } else {
    const wikitext = fs.readFileSync(file, "utf8");
    const result = await importArticle({ actor, title, wikitext, summary: values.summary, db });
    console.log(formatReport(result.report));
    const what =
      result.status === "created" ? "Created" : result.status === "saved" ? "Added a revision to" : "No change to";
    console.log(
      `${what} /wiki/${result.slug} (revision ${result.revisionId}) as ${actor?.name} in ${Math.round(performance.now() - started)} ms.`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
  await database.stop();
}
