import { redirect } from "next/navigation";
import { normalizeDomain } from "@/lib/sources/domains";
import { normalizeDoi, normalizeIsbn, sourceIdentity, sourceIdOf } from "@/lib/sources/identity";
import { readDomainSources } from "@/lib/sources/source-index";

export const metadata = { title: "Sources" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The source a lookup names: a DOI, an ISBN or a URL, as the index keys it. */
function lookup(text: string): string | null {
  const doi = normalizeDoi(text);
  if (doi) return sourceIdOf(`doi:${doi}`);
  const isbn = normalizeIsbn(text);
  if (isbn) return sourceIdOf(`isbn:${isbn}`);
  return sourceIdentity({ url: /^https?:\/\//i.test(text) ? text : `https://${text}` })?.id ?? null;
}

// GET /sources[?q={url|doi|isbn}][&domain={domain}] — find a source by its identifier, or list the sources cited on
// a domain (linked from the reliability list). Anyone reads.
export default async function SourcesPage({ searchParams }: Props) {
  const search = await searchParams;
  const q = typeof search.q === "string" ? search.q.trim().slice(0, 2048) : "";
  const found = q ? lookup(q) : null;
  if (found) redirect(`/sources/${found}`);
  const domain = typeof search.domain === "string" ? normalizeDomain(search.domain) : null;
  const sources = domain ? await readDomainSources({ domain }) : [];
  return (
    <div className="content-page wide">
      <h1 className="page-title">{domain ? `Sources on ${domain}` : "Sources"}</h1>
      <p className="page-intro">
        References are matched across articles by DOI, ISBN, or their address (without tracking parameters, and an
        archived copy counts as its original). <a href="/sources/reliability">Source reliability</a>.
      </p>
      <form className="form source-lookup" method="get" action="/sources" role="search">
        <label htmlFor="source-q">
          URL, DOI or ISBN <input id="source-q" name="q" defaultValue={q} maxLength={2048} required />
        </label>
        <button type="submit" className="button-primary">
          Find the source
        </button>
      </form>
      {q && !found ? <p className="form-error">“{q}” is not a URL, DOI or ISBN.</p> : null}
      {domain ? (
        sources.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Articles</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={source.sourceKey}>
                  <td>
                    <a href={`/sources/${sourceIdOf(source.sourceKey)}`}>{source.sourceKey.replace(/^url:/, "")}</a>
                  </td>
                  <td>{source.articles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No article cites a page on {domain}.</p>
        )
      ) : null}
    </div>
  );
}
