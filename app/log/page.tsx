import { ChangeRow } from "@/components/recent-changes/change-row";
import { getViewer } from "@/lib/auth/viewer";
import { ZLogQuery } from "@/lib/contracts/recent-changes";
import { LOG_KIND_NAMES, LOG_KINDS } from "@/lib/recent-changes/kinds";
import { readLog } from "@/lib/recent-changes/read-log";

export const metadata = { title: "Log" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// GET /log?type=&user=&article=&cursor= — every logged action in one list (protection, rights, blocks, review
// decisions, pending changes, patrol, rollback), newest first, keyset paging. Public.
export default async function LogPage({ searchParams }: Props) {
  const raw = await searchParams;
  const given = Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = ZLogQuery.safeParse(given);
  const viewer = await getViewer();
  const page = parsed.success ? await readLog({ ...parsed.data, viewer }) : null;
  const filterQuery = new URLSearchParams(Object.entries(given).filter(([key]) => key !== "cursor"));
  const value = (key: string) => given[key] ?? "";
  const heading = parsed.success && parsed.data.type ? LOG_KIND_NAMES[parsed.data.type] : "Log";
  return (
    <div className="content-page wide">
      <h1 className="page-title">{heading}</h1>
      <p className="page-intro">
        Every logged action: protection, user rights, blocks, review decisions, pending changes, patrol, rollback,
        deletions, restorations and moves. <a href="/recent-changes">Recent changes</a>
      </p>
      <form className="filters" action="/log" method="get" aria-label="Filter the log">
        <label>
          Type
          <select name="type" defaultValue={value("type")}>
            <option value="">all logs</option>
            {LOG_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {LOG_KIND_NAMES[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Performer <input name="user" defaultValue={value("user")} />
        </label>
        <label>
          Article <input name="article" defaultValue={value("article")} placeholder="e.g. 2024_Hama_offensive" />
        </label>
        <button type="submit">Show</button>
      </form>
      {parsed.success ? null : (
        <div className="notice form-error" role="alert">
          These filters cannot be applied: {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </div>
      )}
      {page ? (
        <>
          {page.changes.length === 0 ? <p>No log entries match.</p> : null}
          <ul className="history-rows change-rows">
            {page.changes.map((row) => (
              <ChangeRow key={row.id} row={row} log />
            ))}
          </ul>
          <nav className="pager" aria-label="Log pages">
            {given.cursor ? <a href={`/log${filterQuery.size ? `?${filterQuery}` : ""}`}>← newest</a> : null}{" "}
            {page.nextCursor ? (
              <a
                href={`/log?${new URLSearchParams({ ...Object.fromEntries(filterQuery), cursor: String(page.nextCursor) })}`}
              >
                older entries →
              </a>
            ) : null}
          </nav>
        </>
      ) : null}
    </div>
  );
}
