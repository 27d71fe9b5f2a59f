import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { readSession } from "@/lib/core/auth/session";
import { safeRedirectPath } from "@/lib/core/security/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = safeRedirectPath(next);
  if (await readSession()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-lg font-semibold tracking-tight">Portside</p>
          <p className="text-ink-muted">Sign in to deploy and run containers on AWS</p>
        </div>
        <LoginForm next={target === "/" ? undefined : target} />
      </div>
    </main>
  );
}
