import { notFound } from "next/navigation";
import { SourceFixForm, SourceFixReport, SourceView } from "@/components/sources/source-view";
import { getViewer } from "@/lib/auth/viewer";
import { decideSourceFix, sourceFixReach } from "@/lib/authz/sources";
import { sourceKeyOf, sourceLabel, type SourceKind } from "@/lib/sources/identity";
import { readSourceFix } from "@/lib/sources/fix-source";
import { readSourcePage } from "@/lib/sources/source-index";

export const metadata = { title: "Source" };
export const dynamic = "force-dynamic";

const KIND_NAMES: Record<SourceKind, string> = { doi: "DOI", isbn: "ISBN", url: "Web page" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// GET /sources/{id}[?fix={fixId}] — one source, every article citing it, the variants of its metadata, and the
// "fix once" form for signed-in users (with the report of the fix just made). Anyone reads.
export default async function SourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  const sourceKey = sourceKeyOf(id);
  if (!sourceKey) notFound();
  const [kind, ...rest] = sourceKey.split(":") as [SourceKind, ...string[]];
  const label = kind === "url" ? rest.join(":") : sourceLabel({ kind, value: rest.join(":") }).replace(/^\S+ /, "");
  const search = await searchParams;
  const fixParam = search.fix;
  const pageParam = typeof search.page === "string" && /^\d{1,4}$/.test(search.page) ? Number(search.page) : 1;
  const fixId = typeof fixParam === "string" && /^\d{1,9}$/.test(fixParam) ? Number(fixParam) : null;
  const [viewer, page, fix] = await Promise.all([
    getViewer(),
    readSourcePage({ sourceKey }),
    fixId ? readSourceFix({ sourceId: id, fixId }) : null,
  ]);
  if (page.total === 0 && !fix) notFound();
  const decision = decideSourceFix(viewer);
  const articles = new Set(page.citations.map((citation) => citation.articleId)).size;
  return (
    <div className="content-page wide">
      {fix ? <SourceFixReport rows={fix.rows} createdAt={fix.createdAt} /> : null}
      <SourceView label={label} kindName={KIND_NAMES[kind]} href={`/sources/${id}`} page={pageParam} {...page} />
      {decision.allowed ? (
        <SourceFixForm
          sourceId={id}
          variants={page.variants}
          articles={articles}
          reach={viewer ? sourceFixReach(viewer) : undefined}
        />
      ) : viewer ? (
        <p className="muted">{decision.reason}</p>
      ) : (
        <p className="muted">
          <a href={`/login?returnTo=${encodeURIComponent(`/sources/${id}`)}`}>Sign in</a> to correct this source once
          for every article citing it.
        </p>
      )}
    </div>
  );
}
