import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { ssoEnabled } from "@/lib/core/auth/oidc";
import { readSession } from "@/lib/core/auth/session";
import { ssoMessage } from "@/lib/core/auth/sso-messages";
import { safeRedirectPath } from "@/lib/core/security/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; sso?: string }> }) {
  const { next, sso } = await searchParams;
  const target = safeRedirectPath(next);
  if (await readSession()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-lg font-semibold tracking-tight">Portside</p>
          <p className="text-ink-muted">Sign in to deploy and run containers on AWS</p>
        </div>
        <LoginForm next={target === "/" ? undefined : target} sso={ssoEnabled()} ssoError={ssoMessage(sso)} />
      </div>
    </main>
  );
}
