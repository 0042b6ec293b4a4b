import { formatReport, type ImportReport } from "./report";

/** What a dump import did with one page. */
export interface DumpPageReport {
  title: string;
  slug: string | null;
  status: "created" | "updated" | "unchanged" | "skipped";
  revisions: { imported: number; skipped: number };
  /** why revisions (or the whole page) were skipped, with counts */
  skipped: Record<string, number>;
  /** the element report of the page's newest imported revision (what the article now holds), if any */
  report: ImportReport | null;
}

/** What a dump import did: the site it came from, totals, and a report per page (the first MAX_PAGE_REPORTS). */
export interface DumpImportReport {
  sitename: string | null;
  pages: DumpPageReport[];
  /** pages beyond MAX_PAGE_REPORTS, counted in the totals but not listed */
  pagesNotListed: number;
  totals: {
    pages: number;
    pagesImported: number;
    pagesSkipped: number;
    revisionsImported: number;
    revisionsSkipped: number;
    mapped: number;
    approximated: number;
    opaque: number;
  };
  warnings: string[];
}

/** Pages listed one by one in a report (a CLI import of a large dump prints each as it goes instead). */
export const MAX_PAGE_REPORTS = 500;

/** A dump import's report as lines of text, for the command line: totals, then each page listed. */
export function formatDumpReport(report: DumpImportReport): string {
  const { totals } = report;
  return [
    `Dump${report.sitename ? ` from ${report.sitename}` : ""}: ${totals.pages} pages (${totals.pagesImported} imported, ${totals.pagesSkipped} skipped), ${totals.revisionsImported} revisions imported, ${totals.revisionsSkipped} skipped`,
    `Elements of the imported articles: ${totals.mapped} mapped, ${totals.approximated} approximated, ${totals.opaque} kept opaque`,
    ...(report.pagesNotListed ? [`(${report.pagesNotListed} more pages not listed)`] : []),
    ...report.warnings.map((warning) => `Warning: ${warning}`),
  ].join("\n");
}

/** One page's line (and its element report) for the command line, printed as the page is done. */
export function formatDumpPage(page: DumpPageReport): string {
  const skipped = Object.entries(page.skipped).map(([reason, n]) => `    skipped ${n}: ${reason}`);
  return [
    `${page.status.padEnd(9)} ${page.title}${page.slug ? ` (/wiki/${page.slug})` : ""}: ${page.revisions.imported} revisions imported, ${page.revisions.skipped} skipped`,
    ...skipped,
    ...(page.report ? [formatReport(page.report).replace(/^/gm, "    ")] : []),
  ].join("\n");
}
