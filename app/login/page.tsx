import { LoginForm } from "@/components/auth/login-form";

export const metadata = { title: "Sign in" };

/** Only same-site paths are followed after signing in. */
function safeReturnPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

// GET /login — sign in with username and password.
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ returnTo?: string | string[] }> }) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
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
