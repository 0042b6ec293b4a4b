import { RollbackButton } from "@/components/recent-changes/rollback-button";
import { effectiveProtection } from "@/lib/articles/protection";
import { findArticle } from "@/lib/articles/read-article";
import { getViewer } from "@/lib/auth/viewer";
import { decideRollback } from "@/lib/authz/patrol";
import { idFromText } from "@/lib/contracts/ids";
import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { decodeParam } from "@/lib/http/params";
import { findRollbackTarget, rollbackSummary } from "@/lib/recent-changes/rollback-article";

export const metadata = { title: "Rollback" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ head?: string }> };

// GET /wiki/{slug}/rollback?head={id} — what a rollback of the last editor's edits would do, and the button that does
// it (a POST naming this head; this page changes nothing). Linked from the history's current revision, which runs no script.
export default async function RollbackPage({ params, searchParams }: Props) {
  const slug = decodeParam((await params).slug);
  const headId = idFromText((await searchParams).head);
  const viewer = await getViewer();
  const db = getDb();
  const article = await findArticle(db, slug);
  let problem: string | null = null;
  let target: Awaited<ReturnType<typeof findRollbackTarget>> | null = null;
  if (!article) problem = `There is no article "${slug.replace(/_/g, " ")}".`;
  else if (headId === null) problem = "head: choose the current revision from the history.";
  else if (headId !== article.currentRevisionId)
    problem = `Revision ${headId} is no longer the current revision; someone edited the article since. Look at its history again.`;
  else {
    try {
      target = await findRollbackTarget(db, article.id, headId);
    } catch (error) {
      if (!(error instanceof WikiError)) throw error;
      problem = error.message;
    }
  }
  const decision = article ? decideRollback(viewer, effectiveProtection(article).level) : null;
  const history = `/wiki/${encodeURIComponent(slug)}/history`;
  return (
    <div className="content-page">
      <h1 className="page-title">Rollback{article ? `: ${article.title}` : ""}</h1>
      <p>
        <a href={history}>Back to the history</a>
      </p>
      {problem ? (
        <div className="notice notice-warning" role="alert">
          {problem}
        </div>
      ) : null}
      {article && target ? (
        <>
          <p>
            This undoes the last {target.edits === 1 ? "edit" : `${target.edits} edits`} by{" "}
            <a href={`/user/${encodeURIComponent(target.head.authorName)}`}>{target.head.authorName}</a> and restores{" "}
            <a href={`/wiki/${encodeURIComponent(slug)}?oldid=${target.restored.id}`}>revision {target.restored.id}</a>{" "}
            by {target.restored.authorName} (
            <a href={`/wiki/${encodeURIComponent(slug)}/diff?from=${target.restored.id}&to=${headId}`}>
              what it undoes
            </a>
            ), as a new revision with the summary{" "}
            <i>“{rollbackSummary(target.head.authorName, target.restored.authorName)}”</i>.
          </p>
          {decision?.allowed ? (
            <RollbackButton slug={slug} title={article.title} headId={headId!} editor={target.head.authorName} big />
          ) : (
            <div className="notice" role="status">
              {decision?.allowed === false ? decision.reason : null}
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
