import { getViewer } from "@/lib/auth/viewer";
import { decide } from "@/lib/authz/policy";

export const metadata = { title: "Administration" };

// GET /admin — where an administrator's tools are. Public: it only links to pages that say who may act.
export default async function AdminPage() {
  const viewer = await getViewer();
  const mayAdminister = decide(viewer, "grant").allowed;
  return (
    <div className="content-page">
      <h1 className="page-title">Administration</h1>
      {mayAdminister ? null : (
        <p className="notice" role="note">
          Only administrators change rights and blocks; the lists below are public.
        </p>
      )}
      <ul className="admin-tools">
        <li>
          <a href="/admin/users">Manage users</a>: find an account, grant or remove groups, block or unblock it.
        </li>
        <li>
          <a href="/admin/import">Import from MediaWiki</a>: paste an article&rsquo;s wikitext, read what was mapped,
          approximated and kept as a template, open the result.
        </li>
        <li>
          <a href="/admin/blocks">Block list</a>: every block in force, with its end and reason.
        </li>
        <li>
          <a href="/admin/review-requirements">Review requirements</a>: how many distinct reviewers must approve a
          proposal under each protection level, with the log of changes.
        </li>
        <li>
          <a href="/sources/reliability">Source reliability</a>: domains rated generally reliable, no consensus,
          deprecated or blacklisted (a blacklisted link cannot be added), with the log of changes.
        </li>
        <li>
          <a href="/review/pending">Pending changes</a>: articles whose readers still see an older accepted revision.
        </li>
        <li>
          <a href="/log/review">Review log</a>: every decision on a proposal.
        </li>
      </ul>
    </div>
  );
}
