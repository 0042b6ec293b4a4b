/**
 * What an import did with each kind of element: mapped onto a node of the
 * model, approximated (kept, with something lost, e.g. a cite template's
 * `isbn=` or a level-5 heading shown at level 4), or kept opaque (shown as a
 * template box and exported unchanged). Nothing goes uncounted.
 */
export interface ImportReport {
  title: string;
  mapped: Record<string, number>;
  approximated: Record<string, number>;
  opaque: Record<string, number>;
  /** non-empty infobox parameters, and how many of them became part of the typed infobox */
  infoboxParams: { total: number; mapped: number };
  /** `<ref>` tags read, citation nodes written, references after named reuse collapsed, and refs that became notes */
  refs: { tags: number; citations: number; references: number; notes: number };
  warnings: string[];
}

/** An empty report for one article. */
export function newReport(title: string): ImportReport {
  return {
    title,
    mapped: {},
    approximated: {},
    opaque: {},
    infoboxParams: { total: 0, mapped: 0 },
    refs: { tags: 0, citations: 0, references: 0, notes: 0 },
    warnings: [],
  };
}

/** Counts one element under `kind` in one of the report's three columns. */
export function count(report: ImportReport, column: "mapped" | "approximated" | "opaque", kind: string, by = 1): void {
  report[column][kind] = (report[column][kind] ?? 0) + by;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** The report as lines of text, for the command line and logs. */
export function formatReport(report: ImportReport): string {
  const column = (name: string, counts: Record<string, number>) => {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return [
      `${name}: ${total(counts)}`,
      ...entries.map(([kind, n]) => `  ${kind.padEnd(32)} ${String(n).padStart(6)}`),
    ];
  };
  return [
    `Import report: ${report.title}`,
    ...column("Mapped", report.mapped),
    ...column("Approximated", report.approximated),
    ...column("Kept opaque", report.opaque),
    `Refs: ${report.refs.tags} <ref> tags -> ${report.refs.citations} citations of ${report.refs.references} references, ${report.refs.notes} notes`,
    `Infobox parameters: ${report.infoboxParams.mapped} of ${report.infoboxParams.total} mapped`,
    ...report.warnings.map((warning) => `Warning: ${warning}`),
  ].join("\n");
}
