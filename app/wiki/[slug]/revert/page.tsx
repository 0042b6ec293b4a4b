import { decodeParam } from "@/lib/http/params";
import { idFromText } from "@/lib/contracts/ids";
import { DiffView } from "@/components/diff/diff-view";
import { RevertButton } from "@/components/review/revert-button";
import { planRevert } from "@/lib/articles/revert-article";
import { effectiveProtection } from "@/lib/articles/protection";
import { decide } from "@/lib/authz/policy";
import { getViewer } from "@/lib/auth/viewer";
import { diffArticles } from "@/lib/diff/article-diff";
import { WikiError } from "@/lib/errors";

export const metadata = { title: "Undo or restore" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ revision?: string; mode?: string }> };

// GET /wiki/{slug}/revert?revision={id}&mode=undo|restore — preview an undo or restore, then confirm.
export default async function RevertPage({ params, searchParams }: Props) {
  const slug = decodeParam((await params).slug);
  const query = await searchParams;
  const mode = query.mode === "restore" ? "restore" : "undo";
  const revisionId = idFromText(query.revision);
  const viewer = await getViewer();
  const heading = mode === "undo" ? `Undo revision ${query.revision}` : `Restore revision ${query.revision}`;
  let plan: (Awaited<ReturnType<typeof planRevert>> & { revisionId: number }) | null = null;
  let problem: string | null = null;
  if (revisionId === null) problem = "Choose a revision from the history.";
  else {
    try {
      plan = { ...(await planRevert({ slug, revisionId, mode })), revisionId };
    } catch (error) {
      if (!(error instanceof WikiError)) throw error;
      problem = error.message;
    }
  }
  const decision = plan ? decide(viewer, "edit", { protection: effectiveProtection(plan.article).level }) : null;
  return (
    <div className="content-page wide">
      <h1 className="page-title">{heading}</h1>
      <p>
        <a href={`/wiki/${encodeURIComponent(slug)}/history`}>Back to the history</a>
      </p>
      {problem ? (
        <div className="notice notice-warning" role="alert">
          {problem}
        </div>
      ) : null}
      {plan ? (
        <>
          <p>
            This makes a new revision with the summary <i>“{plan.summary}”</i>. These are the changes it makes to the
            current revision:
          </p>
          <DiffView
            diff={diffArticles(plan.current, plan.content)}
            from={plan.current}
            to={plan.content}
            mode="inline"
          />
          {!viewer ? (
            <div className="notice">
              <a
                href={`/login?returnTo=${encodeURIComponent(`/wiki/${slug}/revert?revision=${revisionId}&mode=${mode}`)}`}
              >
                Sign in
              </a>{" "}
              to continue.
            </div>
          ) : decision && !decision.allowed && !decision.canPropose ? (
            <div className="notice">{decision.reason}</div>
          ) : (
            <>
              {decision && !decision.allowed ? (
                <div className="notice">{decision.reason} Confirming submits this as a proposal.</div>
              ) : null}
              <RevertButton
                slug={slug}
                revisionId={plan.revisionId}
                mode={mode}
                label={
                  decision?.allowed
                    ? mode === "undo"
                      ? "Undo this revision"
                      : "Restore this revision"
                    : "Propose this change"
                }
              />
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
