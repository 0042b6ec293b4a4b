import { MarkReadButton } from "@/components/notifications/inbox-actions";
import { getViewer } from "@/lib/auth/viewer";
import { formatTimestamp } from "@/lib/document/format";
import { readNotifications } from "@/lib/notifications/read-notifications";

export const metadata = { title: "Notifications" };

// GET /notifications — one's notifications, unread first; following one marks it read (/notifications/{id}).
// Signed-in users.
export default async function NotificationsPage() {
  const viewer = await getViewer();
  if (!viewer)
    return (
      <div className="content-page">
        <h1 className="page-title">Notifications</h1>
        <p>
          <a href="/login?returnTo=/notifications">Sign in</a> to read your notifications.
        </p>
      </div>
    );
  const items = await readNotifications({ actor: viewer });
  const unread = items.filter((item) => !item.read).length;
  return (
    <div className="content-page">
      <h1 className="page-title">Notifications</h1>
      <p className="inbox-tools">
        {unread ? `${unread} unread.` : "Nothing unread."} <a href="/notifications/preferences">Preferences</a> ·{" "}
        <a href="/watchlist">Watchlist</a>{" "}
        {unread ? <MarkReadButton request={{ all: true }} label="Mark all as read" /> : null}
      </p>
      {items.length ? (
        <ul className="inbox">
          {items.map((item) => (
            <li key={item.id} className={item.read ? "inbox-read" : "inbox-unread"}>
              {item.read ? null : <b className="new-badge">unread</b>}{" "}
              <a href={`/notifications/${item.id}`}>{item.text}</a>{" "}
              <time dateTime={item.createdAt.toISOString()}>{formatTimestamp(item.createdAt)}</time>
              {item.read ? null : (
                <>
                  {" "}
                  <MarkReadButton request={{ ids: [item.id] }} label="Mark read" />
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          You have no notifications yet. You are told here when your proposals are decided, when someone comments on
          them, when your edit is undone, and (reviewers) when someone proposes a change to an article you watch.
        </p>
      )}
    </div>
  );
}
