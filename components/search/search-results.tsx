import type { ReactNode } from "react";
import { MATCH_END, MATCH_START, type SearchResult } from "@/lib/search/search-articles";

/**
 * A snippet from ts_headline as React elements: the text between the match
 * markers becomes <mark>, everything else plain text, so React escapes all
 * of it (article text such as "<script>" stays text; no raw HTML).
 */
export function Snippet({ text }: { text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  for (;;) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) break;
    const end = rest.indexOf(MATCH_END, start);
    if (end < 0) break;
    if (start > 0) parts.push(rest.slice(0, start));
    parts.push(<mark key={key++}>{rest.slice(start + 1, end)}</mark>);
    rest = rest.slice(end + 1);
  }
  parts.push(rest.replaceAll(MATCH_START, "").replaceAll(MATCH_END, ""));
  return <>{parts}</>;
}

/** The results list of the search page. */
export function SearchResults({ results }: { results: SearchResult[] }) {
  return (
    <ul className="search-results">
      {results.map((result) => (
        <li key={result.slug}>
          <a className="search-result-title" href={`/wiki/${encodeURIComponent(result.slug)}`}>
            {result.title}
          </a>
          {result.snippet ? (
            <p className="search-snippet">
              <Snippet text={result.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
