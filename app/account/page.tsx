import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/auth/account-forms";
import { getViewer } from "@/lib/auth/viewer";

export const metadata = { title: "Your account" };

// GET /account — change one's password, end one's sessions on every device. Signed-in users.
export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <div className="content-page narrow">
        <h1 className="page-title">Your account</h1>
        <p>
          You are not signed in. <a href="/login?returnTo=/account">Sign in</a>
        </p>
      </div>
    );
  }
  return (
    <div className="content-page narrow">
      <h1 className="page-title">Your account</h1>
      <p>You are signed in as {viewer.name}.</p>
      <p>
        <a href="/notifications/preferences">Notification preferences</a> · <a href="/watchlist">Watchlist</a>
      </p>
      <h2>Change password</h2>
      <ChangePasswordForm />
      <h2>Sessions</h2>
      <p>Signed in somewhere you no longer control? This ends every session of your account, this one included.</p>
      <SignOutEverywhereButton />
    </div>
  );
}
