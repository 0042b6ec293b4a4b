import { SignOutButton } from "@/components/auth/sign-out-button";
import { getViewer } from "@/lib/auth/viewer";

export const metadata = { title: "Sign out" };

// GET /logout — confirm signing out (a GET never signs anyone out by itself).
export default async function LogoutPage() {
  const viewer = await getViewer();
  return (
    <div className="content-page narrow">
      <h1 className="page-title">Sign out</h1>
      {viewer ? (
        <>
          <p>You are signed in as {viewer.name}.</p>
          <SignOutButton />
          <p className="form-aside">
            <a href="/account">Sign out everywhere or change your password</a>
          </p>
        </>
      ) : (
        <p>
          You are not signed in. <a href="/login">Sign in</a>
        </p>
      )}
    </div>
  );
}
