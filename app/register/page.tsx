import { RegisterForm } from "@/components/auth/register-form";

export const metadata = { title: "Create account" };

// GET /register — create an account.
export default function RegisterPage() {
  return (
    <div className="content-page narrow">
      <h1 className="page-title">Create account</h1>
      <p>
        With an account you can edit unprotected articles and propose changes to protected ones. After 4 days and 10
        edits your account can edit semi-protected articles; after 30 days and 500 edits, extended-protected ones.
      </p>
      <RegisterForm />
    </div>
  );
}
