import { LoginForm } from "@/components/auth/login-form";
import { safeReturnPath } from "@/lib/http/return-path";

export const metadata = { title: "Sign in" };

// GET /login — sign in with username and password.
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ returnTo?: string | string[] }> }) {
  // Only same-site paths are followed after signing in.
  const requested = (await searchParams).returnTo;
  const returnTo = safeReturnPath(Array.isArray(requested) ? requested[0] : requested);
  return (
    <div className="content-page narrow">
      <h1 className="page-title">Sign in</h1>
      <LoginForm returnTo={returnTo} />
      <p className="form-aside">
        No account yet? <a href="/register">Create one</a>. Reading needs no account.
      </p>
    </div>
  );
}
