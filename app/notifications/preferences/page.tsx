import { FeedTokenControl, NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { getViewer } from "@/lib/auth/viewer";
import { readNotificationPreferences } from "@/lib/notifications/preferences";

export const metadata = { title: "Notification preferences" };

// GET /notifications/preferences — which notifications one gets on the web and by email, the email address, and the
// private token of one's watchlist feed. Signed-in users.
export default async function NotificationPreferencesPage() {
  const viewer = await getViewer();
  if (!viewer)
    return (
      <div className="content-page narrow">
        <h1 className="page-title">Notification preferences</h1>
        <p>
          <a href="/login?returnTo=/notifications/preferences">Sign in</a> to choose your notifications.
        </p>
      </div>
    );
  const preferences = await readNotificationPreferences({ actor: viewer });
  return (
    <div className="content-page narrow">
      <h1 className="page-title">Notification preferences</h1>
      <p>
        <a href="/notifications">Back to your notifications</a>
      </p>
      <NotificationPreferencesForm
        types={preferences.types}
        email={preferences.email}
        emailAvailable={preferences.emailAvailable}
      />
      <h2>Watchlist feed token</h2>
      <p>
        A private token for reading your watchlist as a feed. Anyone with it can read your watchlist; make a new one if
        it leaks.
      </p>
      <FeedTokenControl token={preferences.feedToken} />
    </div>
  );
}
