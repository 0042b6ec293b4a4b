import { UserRightsForm } from "@/components/admin/user-rights-form";
import { activeBlock, decide } from "@/lib/authz/policy";
import { getViewer } from "@/lib/auth/viewer";
import { formatDate } from "@/lib/document/format";
import { listUsers } from "@/lib/users/user-profile";

export const metadata = { title: "Manage users" };

// GET /admin/users — grant groups and block users (admins; others are told why not).
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await getViewer();
  const decision = decide(viewer, "grant");
  if (!decision.allowed) {
    return (
      <div className="content-page">
        <h1 className="page-title">Manage users</h1>
        <div className="notice" role="note">
          {decision.reason} {viewer ? null : <a href="/login?returnTo=/admin/users">Sign in</a>}
        </div>
      </div>
    );
  }
  const query = (await searchParams).q ?? "";
  const users = await listUsers({ query });
  return (
    <div className="content-page wide">
      <h1 className="page-title">Manage users</h1>
      <form className="search-form" action="/admin/users" method="get" role="search">
        <input type="search" name="q" defaultValue={query} placeholder="Find a user" aria-label="Find a user" />
        <button type="submit">Find</button>
      </form>
      <table className="data-table">
        <thead>
          <tr>
            <th>User</th>
            <th>Created</th>
            <th>Edits</th>
            <th>Granted groups</th>
            <th>Status</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const block = activeBlock(user);
            const granted = user.groups.map((row) => row.group);
            return (
              <tr key={user.id}>
                <td>
                  <a href={`/user/${encodeURIComponent(user.name)}`}>{user.name}</a>
                </td>
                <td>{formatDate(user.createdAt.toISOString().slice(0, 10))}</td>
                <td>{user.editCount.toLocaleString("en")}</td>
                <td>{granted.join(", ") || "—"}</td>
                <td>
                  {block
                    ? `blocked${block.until ? ` until ${formatDate(block.until.toISOString().slice(0, 10))}` : ""}`
                    : "active"}
                </td>
                <td>
                  <UserRightsForm name={user.name} granted={granted} blocked={Boolean(block)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
