import { SourceReliabilityForm } from "@/components/sources/source-reliability-form";
import { getViewer } from "@/lib/auth/viewer";
import { decideSourceList } from "@/lib/authz/sources";
import { formatTimestamp } from "@/lib/document/format";
import { SOURCE_STATUS_NAMES, SOURCE_STATUSES, type ListedStatus } from "@/lib/sources/domains";
import { listSourceReliability } from "@/lib/sources/reliability";

export const metadata = { title: "Source reliability" };

const LISTED = SOURCE_STATUSES.filter((status): status is ListedStatus => status !== "unlisted");

const WHAT_IT_MEANS: Record<ListedStatus, string> = {
  reliable: "cite freely for facts within its expertise",
  no_consensus: "cite with care; attribute contested claims",
  deprecated: "avoid: the editor flags its URL as it is entered, and a proposal citing it anew alerts its reviewer",
  blacklisted: "cannot be linked: a save or proposal that adds a link is refused",
};

// GET /sources/reliability[?saved={domain}] — the source reliability list and its log. Anyone reads; admins change.
export default async function SourceReliabilityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await getViewer();
  const canChange = decideSourceList(viewer).allowed;
  const { current, changes } = await listSourceReliability();
  const saved = (await searchParams).saved;
  const savedEntry = typeof saved === "string" ? current.find((entry) => entry.domain === saved) : undefined;
  return (
    <div className="content-page wide">
      <h1 className="page-title">Source reliability</h1>
      <p className="page-intro">
        How this wiki rates sources, by domain (a rating covers every subdomain; the most specific listed domain wins).
        Administrators keep the list; every change is logged below with its reason.
      </p>
      {typeof saved === "string" ? (
        <p className="notice" role="status">
          Saved: {saved} is {savedEntry ? SOURCE_STATUS_NAMES[savedEntry.status] : "no longer listed"}.
        </p>
      ) : null}
      {canChange ? <SourceReliabilityForm /> : null}
      {LISTED.map((status) => {
        const entries = current.filter((entry) => entry.status === status);
        return (
          <section key={status} aria-labelledby={`sources-${status}`}>
            <h2 id={`sources-${status}`}>
              {SOURCE_STATUS_NAMES[status][0].toUpperCase() + SOURCE_STATUS_NAMES[status].slice(1)} ({entries.length})
            </h2>
            <p className="page-intro">{WHAT_IT_MEANS[status][0].toUpperCase() + WHAT_IT_MEANS[status].slice(1)}.</p>
            {entries.length ? (
              <table className="data-table sources-table">
                <thead>
                  <tr>
                    <th scope="col">Domain</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Since</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.domain} data-domain={entry.domain}>
                      <td>
                        {entry.domain}{" "}
                        <a
                          className="source-link"
                          href={`/sources?domain=${encodeURIComponent(entry.domain)}`}
                          aria-label={`cited sources on ${entry.domain}`}
                        >
                          cited sources
                        </a>
                      </td>
                      <td>{entry.reason}</td>
                      <td>{formatTimestamp(entry.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">None.</p>
            )}
          </section>
        );
      })}
      <h2>Log</h2>
      {changes.length ? (
        <ul className="history-list">
          {changes.map((change) => (
            <li key={change.id}>
              {formatTimestamp(change.createdAt)}{" "}
              {change.actor ? <a href={`/user/${encodeURIComponent(change.actor)}`}>{change.actor}</a> : "(unknown)"}{" "}
              {change.status === "unlisted" ? "took" : "rated"} <b>{change.domain}</b>{" "}
              {change.status === "unlisted" ? "off the list" : SOURCE_STATUS_NAMES[change.status]}
              <span className="summary"> ({change.reason})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No changes yet.</p>
      )}
    </div>
  );
}
