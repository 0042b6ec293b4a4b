import { QueueKeys } from "@/components/review/approvals-keys";
import { ProposalTable } from "@/components/review/proposal-table";
import { PROTECTION_LEVELS } from "@/lib/authz/levels";
import { decide } from "@/lib/authz/policy";
import { getViewer } from "@/lib/auth/viewer";
import { QUEUE_PAGE_SIZE, type QueueSort, ZReviewQueueFilters } from "@/lib/contracts/review";
import { readReviewQueue } from "@/lib/proposals/review-queue";

export const metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_WORDS: Record<QueueSort, string> = {
  oldest: "oldest first",
  newest: "newest first",
  largest: "largest change first",
  smallest: "smallest change first",
};

// GET /review — open proposals with filters and sorting in the URL (a plain GET form: works without script). Anyone may look; reviewers decide.
export default async function ReviewPage({ searchParams }: Props) {
  const raw = await searchParams;
  const given = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = ZReviewQueueFilters.safeParse(given);
  const viewer = await getViewer();
  const canReview = decide(viewer, "review").allowed;
  const filters = parsed.success ? parsed.data : null;
  const queue = filters
    ? await readReviewQueue({
        ...filters,
        unresolvedThreads: filters.threads,
        needsReviewBy: filters.mine ? viewer : undefined,
        limit: QUEUE_PAGE_SIZE,
      })
    : null;
  const value = (key: string) => (typeof given[key] === "string" ? (given[key] as string) : "");
  const pageLink = (page: number) => {
    const params = new URLSearchParams(
      Object.entries(given).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
      ),
    );
    params.set("page", String(page));
    return `/review?${params}`;
  };
  const pages = queue ? Math.max(1, Math.ceil(queue.total / queue.pageSize)) : 1;
  return (
    <div className="content-page wide">
      <h1 className="page-title">Review queue</h1>
      <p className="page-intro">
        {queue ? `${queue.total} proposal${queue.total === 1 ? "" : "s"}, ${SORT_WORDS[filters!.sort]}. ` : null}
        {canReview
          ? "Open one to read its diff and decide; on a proposal, press j / k for the next or previous one."
          : "Reviewers and administrators decide on proposals; anyone can read and discuss them."}{" "}
        <a href="/log/review">Review log</a> · <a href="/review/pending">Pending changes</a> ·{" "}
        <a href="/admin/review-requirements">Approvals required</a>
      </p>
      <form className="filters" action="/review" method="get" aria-label="Filter the queue">
        <label>
          Article <input name="article" defaultValue={value("article")} placeholder="e.g. 2024_Hama_offensive" />
        </label>
        <label>
          Author <input name="author" defaultValue={value("author")} />
        </label>
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
        <EitherFilter label="Applies cleanly" name="clean" value={value("clean")} no="no, conflicts" />
        <EitherFilter label="Overlaps another" name="overlap" value={value("overlap")} />
        <EitherFilter label="Unresolved threads" name="threads" value={value("threads")} />
        {canReview ? (
          <label className="radio">
            <input type="checkbox" name="mine" value="yes" defaultChecked={value("mine") === "yes"} /> Needs my review
          </label>
        ) : null}
        <label>
          Sort
          <select name="sort" defaultValue={value("sort") || "oldest"}>
            {Object.entries(SORT_WORDS).map(([sort, words]) => (
              <option key={sort} value={sort}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      {parsed.success ? null : (
        <div className="notice form-error" role="alert">
          These filters cannot be applied: {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </div>
      )}
      {queue ? (
        <>
          <QueueKeys />
          <ProposalTable proposals={queue.rows} />
          {pages > 1 ? (
            <nav className="pager" aria-label="Queue pages">
              {queue.page > 1 ? <a href={pageLink(queue.page - 1)}>← previous page</a> : null} page {queue.page} of{" "}
              {pages} {queue.page < pages ? <a href={pageLink(queue.page + 1)}>next page →</a> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** A yes / no filter of the queue's GET form, empty for either. */
function EitherFilter(props: { label: string; name: string; value: string; no?: string }) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value}>
        <option value="">either</option>
        <option value="yes">yes</option>
        <option value="no">{props.no ?? "no"}</option>
      </select>
    </label>
  );
}
