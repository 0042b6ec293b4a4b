import { redirect } from "next/navigation";
import { ChangeRow } from "@/components/recent-changes/change-row";
import { NewerChanges } from "@/components/recent-changes/newer-changes";
import { PatrolButton } from "@/components/recent-changes/patrol-button";
import { RollbackButton } from "@/components/recent-changes/rollback-button";
import { REVISION_TAGS } from "@/lib/articles/revision-tags";
import { getViewer } from "@/lib/auth/viewer";
import { PROTECTION_LEVELS, type ProtectionLevel } from "@/lib/authz/levels";
import { decidePatrol, decideRollback } from "@/lib/authz/patrol";
import { ZRecentChangesQuery } from "@/lib/contracts/recent-changes";
import { WikiError } from "@/lib/errors";
import { RECENT_CHANGE_KINDS } from "@/lib/recent-changes/kinds";
import { readRecentChanges } from "@/lib/recent-changes/read-recent-changes";

export const metadata = { title: "Recent changes" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const GROUP_WORDS: Record<string, string> = {
  user: "new users",
  autoconfirmed: "autoconfirmed",
  extendedconfirmed: "extended confirmed",
  reviewer: "reviewers",
  admin: "administrators",
};

// GET /recent-changes — every change across the site, newest first, filters in the URL (a plain GET form), keyset
// paging (`cursor`); `?format=atom` is the same list as an Atom feed, served by /recent-changes/feed. Public.
export default async function RecentChangesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const given = Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  if (given.format === "atom") redirect(`/recent-changes/feed?${new URLSearchParams(given)}`);
  const parsed = ZRecentChangesQuery.safeParse(given);
  const viewer = await getViewer();
  const patroller = decidePatrol(viewer).allowed;
  let problem = parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join(" ");
  let page = null;
  if (parsed.success) {
    const { format: _format, ...filters } = parsed.data;
    page = await readRecentChanges({ ...filters, viewer }).catch((error: unknown) => {
      if (error instanceof WikiError && error.status < 500) {
        problem = error.message;
        return null;
      }
      throw error;
    });
  }
  const filterQuery = new URLSearchParams(
    Object.entries(given).filter(([key]) => key !== "cursor" && key !== "format"),
  ).toString();
  const value = (key: string) => given[key] ?? "";
  const feedQuery = new URLSearchParams(filterQuery);
  feedQuery.set("format", "atom");
  return (
    <div className="content-page wide">
      <link
        rel="alternate"
        type="application/atom+xml"
        title="Recent changes (Atom)"
        href={`/recent-changes?${feedQuery}`}
      />
      <h1 className="page-title">Recent changes</h1>
      <p className="page-intro">
        Every edit, proposal, decision, protection and rights change across the wiki, newest first.{" "}
        {patroller ? "Edits marked ! by new users to unprotected articles await patrol. " : null}
        <a href="/log">Log</a> · <a href={`/recent-changes?${feedQuery}`}>Atom feed</a>
      </p>
      <form className="filters" action="/recent-changes" method="get" aria-label="Filter recent changes">
        <label>
          Protection
          <select name="level" defaultValue={value("level")}>
            <option value="">any</option>
            {PROTECTION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </label>
        <label>
          Edits
          <select name="origin" defaultValue={value("origin")}>
            <option value="">direct and approved</option>
            <option value="direct">saved directly</option>
            <option value="approved">approved proposals</option>
          </select>
        </label>
        <label>
          By
          <select name="group" defaultValue={value("group")}>
            <option value="">anyone</option>
            {Object.entries(GROUP_WORDS).map(([group, words]) => (
              <option key={group} value={group}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <label>
          Change at least (bytes)
          <input name="minSize" inputMode="numeric" size={8} defaultValue={value("minSize")} placeholder="e.g. -500" />
        </label>
        <label>
          Change at most (bytes)
          <input name="maxSize" inputMode="numeric" size={8} defaultValue={value("maxSize")} placeholder="e.g. 1000" />
        </label>
        <label>
          Tag
          <select name="tag" defaultValue={value("tag")}>
            <option value="">any</option>
            {REVISION_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={value("kind")}>
            <option value="">all</option>
            {RECENT_CHANGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        {patroller ? (
          <label className="radio">
            <input type="checkbox" name="unpatrolled" value="1" defaultChecked={value("unpatrolled") === "1"} />{" "}
            Unpatrolled only
          </label>
        ) : null}
        <button type="submit">Filter</button>
      </form>
      {problem ? (
        <div className="notice form-error" role="alert">
          These filters cannot be applied: {problem}
        </div>
      ) : null}
      {page ? (
        <>
          {!given.cursor && page.changes[0] ? <NewerChanges since={page.changes[0].id} query={filterQuery} /> : null}
          {page.changes.length === 0 ? <p>No changes match these filters.</p> : null}
          <ul className="history-rows change-rows">
            {page.changes.map((row) => {
              const revision = row.kind === "edit" || row.kind === "create" || row.kind === "rollback";
              const slug = row.article?.slug;
              const canPatrol = patroller && row.patrolled === false && revision && slug && row.revisionId;
              const canRollback =
                revision &&
                row.isHead &&
                row.kind !== "create" &&
                slug &&
                row.revisionId &&
                row.actor &&
                decideRollback(viewer, row.protectionLevel as ProtectionLevel).allowed;
              return (
                <ChangeRow
                  key={row.id}
                  row={row}
                  actions={
                    <>
                      {canPatrol ? (
                        <PatrolButton slug={slug} revisionId={row.revisionId!} title={row.article!.title} />
                      ) : null}
                      {canRollback ? (
                        <RollbackButton
                          slug={slug}
                          title={row.article!.title}
                          headId={row.revisionId!}
                          editor={row.actor!}
                        />
                      ) : null}
                    </>
                  }
                />
              );
            })}
          </ul>
          <nav className="pager" aria-label="Recent changes pages">
            {given.cursor ? <a href={`/recent-changes${filterQuery ? `?${filterQuery}` : ""}`}>← newest</a> : null}{" "}
            {page.nextCursor ? (
              <a
                href={`/recent-changes?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(filterQuery)), cursor: String(page.nextCursor) })}`}
              >
                older changes →
              </a>
            ) : null}
          </nav>
        </>
      ) : null}
    </div>
  );
}
