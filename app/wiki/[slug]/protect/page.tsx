import { decodeParam } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { ProtectionForm } from "@/components/admin/protection-form";
import { readProtectionLog } from "@/lib/articles/protect-article";
import { effectiveProtection } from "@/lib/articles/protection";
import { pendingChangesInForce } from "@/lib/articles/pending-changes";
import { PendingChangesForm } from "@/components/review/pending-changes-form";
import { decide } from "@/lib/authz/policy";
import { getViewer } from "@/lib/auth/viewer";
import { WikiError } from "@/lib/errors";

export const metadata = { title: "Change protection" };

// GET /wiki/{slug}/protect — the protection form (admins; others are told why not).
export default async function ProtectPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeParam((await params).slug);
  const { article } = await readProtectionLog({ slug }).catch((error) => {
    if (error instanceof WikiError && error.code === "not_found") notFound();
    throw error;
  });
  const viewer = await getViewer();
  const decision = decide(viewer, "protect");
  return (
    <div className="content-page narrow">
      <h1 className="page-title">Change protection of “{article.title}”</h1>
      {decision.allowed ? (
        <>
          <ProtectionForm slug={article.slug} level={effectiveProtection(article).level} />
          <PendingChangesForm slug={article.slug} enabled={pendingChangesInForce(article)} />
        </>
      ) : (
        <div className="notice" role="note">
          {decision.reason}{" "}
          {viewer ? null : (
            <a href={`/login?returnTo=${encodeURIComponent(`/wiki/${article.slug}/protect`)}`}>Sign in</a>
          )}
        </div>
      )}
      <p>
        <a href={`/wiki/${encodeURIComponent(article.slug)}/log`}>View the protection log</a> ·{" "}
        <a href={`/wiki/${encodeURIComponent(article.slug)}`}>Back to the article</a>
      </p>
    </div>
  );
}
