import { decodeParam } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { readProtectionLog } from "@/lib/articles/protect-article";
import { describeProtection } from "@/lib/authz/rules";
import type { ProtectionLevel } from "@/lib/authz/levels";
import { formatTimestamp } from "@/lib/document/format";
import { WikiError } from "@/lib/errors";
import { PendingChangesLog } from "@/components/review/pending-changes-log";

export const metadata = { title: "Protection log" };

// GET /wiki/{slug}/log — the public protection log of an article.
export default async function ProtectionLogPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeParam((await params).slug);
  const { article, entries, pendingChangesEntries } = await readProtectionLog({ slug }).catch((error) => {
    if (error instanceof WikiError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="content-page">
      <h1 className="page-title">Protection log: {article.title}</h1>
      {entries.length === 0 ? (
        <p>This article’s protection has never been changed.</p>
      ) : (
        <ul className="history-list protection-log">
          {entries.map((entry) => (
            <li key={entry.id}>
              {formatTimestamp(entry.createdAt)}{" "}
              {entry.actor ? (
                <a href={`/user/${encodeURIComponent(entry.actor.name)}`}>{entry.actor.name}</a>
              ) : (
                "system"
              )}{" "}
              {entry.level === "none"
                ? "removed protection"
                : `set the article to ${describeProtection(entry.level as ProtectionLevel).name}`}
              {entry.expiresAt
                ? ` until ${formatTimestamp(entry.expiresAt)}`
                : entry.level === "none"
                  ? ""
                  : " (no expiry)"}{" "}
              <span className="summary">({entry.reason})</span>
            </li>
          ))}
        </ul>
      )}
      <PendingChangesLog slug={article.slug} entries={pendingChangesEntries} />
      <p>
        <a href={`/wiki/${encodeURIComponent(article.slug)}`}>Back to the article</a>
      </p>
    </div>
  );
}
