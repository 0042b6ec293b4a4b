import { getReadDb } from "@/lib/db/replicas";
import { parseWorklistCursor, worklistCursor, ZWorklistQuery } from "@/lib/contracts/worklists";
import { formatDate } from "@/lib/document/format";
import { readArticleRevision } from "@/lib/articles/read-article";
import { WikiError } from "@/lib/errors";
import { readSiteWorklist, type SiteWorkItem } from "@/lib/worklists/read-worklist";
import { WORK_ITEM_KINDS, workItems, type WorkItem, type WorkItemKind } from "@/lib/worklists/work-items";

export const metadata = { title: "Worklists" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const KINDS = Object.keys(WORK_ITEM_KINDS) as WorkItemKind[];

const editLink = (slug: string, sectionId: string | null) =>
  `/wiki/${encodeURIComponent(slug)}/edit${sectionId ? `?section=${encodeURIComponent(sectionId)}` : ""}`;

/** What one item asks for, in words (the same for one article's list and the site's). */
function ItemText({ item }: { item: Pick<SiteWorkItem, "kind" | "label" | "date" | "excerpt"> }) {
  switch (item.kind) {
    case "tag":
      return (
        <>
          <span className="worklist-tag">[{item.label}]</span>
          {item.date ? <span className="worklist-date"> since {formatDate(item.date)}</span> : null}
          {item.excerpt ? <> on “{item.excerpt}”</> : null}
        </>
      );
    case "uncited-paragraph":
      return <>“{item.excerpt}”</>;
    default:
      return <>“{item.label}”</>;
  }
}

function asRow(item: WorkItem): Pick<SiteWorkItem, "kind" | "label" | "date" | "excerpt" | "sectionId"> {
  switch (item.kind) {
    case "tag":
      return { kind: item.kind, label: item.tag, date: item.date, excerpt: item.claim, sectionId: item.sectionId };
    case "uncited-paragraph":
      return { kind: item.kind, label: "", date: null, excerpt: item.excerpt, sectionId: item.sectionId };
    default:
      return { kind: item.kind, label: item.title, date: null, excerpt: "", sectionId: item.sectionId };
  }
}

/** One article's worklist, from its current revision: every kind, each row leading to the section's editor. */
async function ArticleWorklist({ slug }: { slug: string }) {
  const view = await readArticleRevision({ slug });
  const items = workItems(view.content);
  const sectionTitle = (id: string | null) =>
    view.content.sections.find((section) => section.id === id)?.title || (id ? "lead" : "");
  return (
    <>
      <h1 className="page-title">Worklist: {view.article.title}</h1>
      <p className="page-intro">
        The maintenance work <a href={`/wiki/${encodeURIComponent(view.article.slug)}`}>{view.article.title}</a> leaves
        to do in its current revision. Each item disappears with the save that resolves it.{" "}
        <a href="/worklists">The whole site's worklist</a>.
      </p>
      {items.length === 0 ? (
        <p className="notice">Nothing to do: no tags, no uncited paragraphs, no weak references.</p>
      ) : null}
      {KINDS.map((kind) => {
        const rows = items.filter((item) => item.kind === kind).map(asRow);
        if (rows.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`work-${kind}`}>
            <h2 id={`work-${kind}`}>
              {WORK_ITEM_KINDS[kind]} ({rows.length})
            </h2>
            <ul className="worklist">
              {rows.map((row, index) => (
                <li key={index}>
                  <ItemText item={row} /> <span className="worklist-where">in {sectionTitle(row.sectionId)}</span>{" "}
                  <a href={editLink(view.article.slug, row.sectionId)}>edit section</a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** One kind of work across the site, oldest tags first, keyset-paged. */
async function SiteWorklist({ kind, after }: { kind: WorkItemKind; after: string | undefined }) {
  const page = await readSiteWorklist({ kind, after: parseWorklistCursor(after), db: getReadDb() });
  return (
    <>
      <h1 className="page-title">Worklists</h1>
      <p className="page-intro">
        Maintenance work across the wiki, from each article's current revision: tagged claims (oldest first), paragraphs
        without a citation, and references that need work. Each row leads to the section's editor; an item disappears
        with the save that resolves it.
      </p>
      <nav className="worklist-kinds" aria-label="Kinds of work">
        {KINDS.map((each, index) => (
          <span key={each}>
            {index ? " · " : null}
            {each === kind ? (
              <b aria-current="page">{WORK_ITEM_KINDS[each]}</b>
            ) : (
              <a href={`/worklists?kind=${each}`}>{WORK_ITEM_KINDS[each]}</a>
            )}
          </span>
        ))}
      </nav>
      {page.items.length === 0 ? <p className="notice">Nothing here{after ? " past this point" : ""}.</p> : null}
      <ul className="worklist">
        {page.items.map((item) => (
          <li key={item.id}>
            <a href={`/worklists?article=${encodeURIComponent(item.slug)}`}>{item.title}</a>: <ItemText item={item} />{" "}
            <a href={editLink(item.slug, item.sectionId)}>edit section</a>
          </li>
        ))}
      </ul>
      {page.next ? (
        <p className="pager">
          <a href={`/worklists?kind=${kind}&after=${encodeURIComponent(worklistCursor(page.next))}`}>
            Next {page.items.length} →
          </a>
        </p>
      ) : null}
    </>
  );
}

// GET /worklists[?kind=…&after=…] — the site's maintenance work by kind; ?article={slug} — one article's. Public.
export default async function WorklistsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const given = Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const parsed = ZWorklistQuery.safeParse(given);
  if (!parsed.success)
    return (
      <div className="content-page wide">
        <h1 className="page-title">Worklists</h1>
        <p className="form-error" role="alert">
          {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      </div>
    );
  const { article, kind, after } = parsed.data;
  let body: React.ReactNode;
  try {
    body = article ? await ArticleWorklist({ slug: article }) : await SiteWorklist({ kind: kind ?? "tag", after });
  } catch (error) {
    if (!(error instanceof WikiError) || error.status >= 500) throw error;
    body = (
      <>
        <h1 className="page-title">Worklists</h1>
        <p className="form-error" role="alert">
          {error.message}
        </p>
      </>
    );
  }
  return <div className="content-page wide">{body}</div>;
}
