export interface TocEntry {
  anchor: string;
  title: string;
  level: number;
}

/** Numbers entries as "1", "1.1", "2" … by heading level. */
export function numberToc(entries: TocEntry[]): Array<TocEntry & { number: string }> {
  const counters: number[] = [];
  const base = Math.min(...entries.map((entry) => entry.level), 2);
  return entries.map((entry) => {
    const depth = entry.level - base;
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    for (let i = 0; i < depth; i++) counters[i] ??= 1;
    return { ...entry, number: counters.join(".") };
  });
}

/**
 * The table of contents. The page carries it twice: a sticky sidebar shown on
 * wide screens, and a closed box after the lead shown on phones.
 */
export function TableOfContents({ entries, placement }: { entries: TocEntry[]; placement: "sidebar" | "inline" }) {
  if (entries.length < 2) return null;
  const headingId = `toc-heading-${placement}`;
  return (
    <nav className={`toc toc-${placement}`} aria-labelledby={headingId}>
      <details open={placement === "sidebar"}>
        <summary id={headingId}>Contents</summary>
        <ul>
          <li className="toc-level-1">
            <a href="#top">(Top)</a>
          </li>
          {numberToc(entries).map((entry) => (
            <li key={entry.anchor} className={`toc-level-${entry.level - 1}`}>
              <a href={`#${entry.anchor}`}>
                <span className="toc-number">{entry.number}</span> {entry.title}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
