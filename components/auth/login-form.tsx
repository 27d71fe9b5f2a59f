"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { loginAction } from "@/lib/core/auth/login-action";

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(loginAction, initialState);
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardBody>
        <form action={action} className="space-y-4" noValidate>
          {state.message && <Alert tone="error">{state.message}</Alert>}
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
      </CardBody>
    </Card>
  );
}
