import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { readPendingLogin } from "@/lib/core/auth/pending-login";
import { readSession } from "@/lib/core/auth/session";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/** The second step of a sign-in with two-factor on; without a pending sign-in, back to the start. */
export default async function SecondFactorPage() {
  if (await readSession()) redirect("/");
  if (!(await readPendingLogin())) redirect("/login");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-lg font-semibold tracking-tight">Portside</p>
          <p className="text-ink-muted">Enter the code from your authenticator app</p>
        </div>
        <SecondFactorForm />
      </div>
    </main>
  );
}
