"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { loginAction } from "@/lib/core/auth/login-action";

/**
 * Password sign-in, and "Sign in with SSO" when single sign-on is set up (`sso`). `ssoError` is
 * the message of a failed SSO attempt (from the callback's `?sso=` code).
 */
export function LoginForm({ next, sso, ssoError }: { next?: string; sso?: boolean; ssoError?: string | null }) {
  const [state, action, pending] = useActionState(loginAction, initialState);
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardBody>
        <form action={action} className="space-y-4" noValidate>
          {state.message ? <Alert tone="error">{state.message}</Alert> : ssoError && <Alert tone="error">{ssoError}</Alert>}
          <input type="hidden" name="next" value={next ?? ""} />
          <Field label="Email" htmlFor="email" error={errors.email}>
            <Input id="email" name="email" type="email" autoComplete="username" autoFocus required
              defaultValue={String(state.values?.email ?? "")} {...fieldAria("email", errors.email)} />
          </Field>
          <Field label="Password" htmlFor="password" error={errors.password}>
            <Input id="password" name="password" type="password" autoComplete="current-password" required {...fieldAria("password", errors.password)} />
          </Field>
          <Button type="submit" className="w-full" pending={pending}>Sign in</Button>
        </form>
        {sso && (
          <div className="mt-4 border-t border-line pt-4">
            {/* A full navigation to the route that sends the browser to the identity provider. */}
            <a
              href={`/api/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ""}`}
              className="inline-flex h-8 w-full items-center justify-center rounded-md border border-line bg-surface text-sm font-medium text-ink shadow-xs hover:bg-canvas"
            >
              Sign in with SSO
            </a>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
