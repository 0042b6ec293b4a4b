import { PatrolButton } from "@/components/recent-changes/patrol-button";
import { findArticle, findRevisionRow } from "@/lib/articles/read-article";
import { getViewer } from "@/lib/auth/viewer";
import { decidePatrol } from "@/lib/authz/patrol";
import { idFromText } from "@/lib/contracts/ids";
import { getDb } from "@/lib/db/client";
import { decodeParam } from "@/lib/http/params";
import { awaitsPatrol } from "@/lib/recent-changes/patrol-state";

export const metadata = { title: "Patrol" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ revision?: string }> };

// GET /wiki/{slug}/patrol?revision={id} — mark an edit patrolled (the button POSTs; this page changes nothing). Linked
// from the diff page of an unpatrolled edit, which runs no script.
export default async function PatrolPage({ params, searchParams }: Props) {
  const slug = decodeParam((await params).slug);
  const revisionId = idFromText((await searchParams).revision);
  const viewer = await getViewer();
  const db = getDb();
  const article = await findArticle(db, slug);
  const revision = revisionId === null ? undefined : await findRevisionRow(db, revisionId);
  const found = article && revision && revision.articleId === article.id ? revision : null;
  const decision = decidePatrol(viewer);
  const pending = found ? await awaitsPatrol(db, found.id) : false;
  const diff = found
    ? found.parentId
      ? `/wiki/${encodeURIComponent(slug)}/diff?from=${found.parentId}&to=${found.id}`
      : `/wiki/${encodeURIComponent(slug)}?oldid=${found.id}`
    : null;
  return (
    <div className="content-page">
      <h1 className="page-title">Patrol{article ? `: ${article.title}` : ""}</h1>
      {!found ? (
        <div className="notice notice-warning" role="alert">
          revision: there is no such revision of this article.
        </div>
      ) : (
        <>
          <p>
            <a href={diff!}>Revision {found.id}</a> by {found.author.name}.{" "}
            {pending ? "It awaits patrol." : "It is patrolled."}
          </p>
          {!decision.allowed ? (
            <div className="notice" role="status">
              {decision.reason}
            </div>
          ) : pending ? (
            <PatrolButton slug={slug} revisionId={found.id} title={article!.title} />
          ) : null}
        </>
      )}
    </div>
  );
}
