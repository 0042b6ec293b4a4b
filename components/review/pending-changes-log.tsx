import { formatTimestamp } from "@/lib/document/format";

/** One entry of an article's pending-changes log, as readProtectionLog returns it. */
interface PendingChangesLogEntry {
  id: number;
  action: string;
  revisionId: number | null;
  expiresAt: Date | null;
  reason: string;
  createdAt: Date;
  actor: { name: string } | null;
}

/** The public pending-changes log of an article: turned on or off, and every acceptance with its revision. */
export function PendingChangesLog({ slug, entries }: { slug: string; entries: PendingChangesLogEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="pending-changes-log">
      <h2 id="pending-changes-log">Pending changes log</h2>
      <ul className="history-list pending-changes-log">
        {entries.map((entry) => (
          <li key={entry.id}>
            {formatTimestamp(entry.createdAt)}{" "}
            {entry.actor ? <a href={`/user/${encodeURIComponent(entry.actor.name)}`}>{entry.actor.name}</a> : "system"}{" "}
            {entry.action === "accept" && entry.revisionId !== null ? (
              <>
                accepted the changes up to{" "}
                <a href={`/wiki/${encodeURIComponent(slug)}?oldid=${entry.revisionId}`}>revision {entry.revisionId}</a>
              </>
            ) : entry.action === "enable" ? (
              `turned pending changes on${entry.expiresAt ? ` until ${formatTimestamp(entry.expiresAt)}` : " (no expiry)"}`
            ) : (
              "turned pending changes off"
            )}
            {entry.reason ? <span className="summary"> ({entry.reason})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
