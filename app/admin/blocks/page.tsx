import { formatTimestamp } from "@/lib/document/format";
import { listActiveBlocks } from "@/lib/users/block-list";

export const metadata = { title: "Block list" };

// GET /admin/blocks — every block in force, newest first (Special:BlockList). Public, like the rights log.
export default async function BlockListPage() {
  const blocks = await listActiveBlocks();
  return (
    <div className="content-page wide">
      <h1 className="page-title">Block list</h1>
      <p className="form-hint">
        Accounts blocked now, newest first. A block ends by itself at its expiry; administrators change or lift blocks
        from <a href="/admin/users">Manage users</a> or the user’s page.
      </p>
      {blocks.length === 0 ? (
        <p>No account is blocked.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>User</th>
              <th>Blocked</th>
              <th>Until</th>
              <th>By</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {blocks.map((block) => (
              <tr key={block.name}>
                <td>
                  <a href={`/user/${encodeURIComponent(block.name)}`}>{block.name}</a>
                </td>
                <td>{formatTimestamp(block.blockedAt)}</td>
                <td>{block.until ? formatTimestamp(block.until) : "indefinite"}</td>
                <td>{block.blockedBy ?? "system"}</td>
                <td>{block.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
