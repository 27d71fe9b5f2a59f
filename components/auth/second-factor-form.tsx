"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { initialState } from "@/lib/core/actions/state";
import { secondFactorAction } from "@/lib/core/auth/login-action";

const HINT = "Lost your phone? Enter one of your recovery codes instead; each works once.";

export function SecondFactorForm() {
  const [state, action, pending] = useActionState(secondFactorAction, initialState);
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardBody>
        <form action={action} className="space-y-4" noValidate>
          {state.message && <Alert tone="error">{state.message}</Alert>}
          <Field label="Code" htmlFor="code" error={errors.code} hint={HINT}>
            <Input id="code" name="code" autoComplete="one-time-code" inputMode="text" autoFocus required {...fieldAria("code", errors.code, HINT)} />
          </Field>
          <Button type="submit" className="w-full" pending={pending}>Verify</Button>
          <p className="text-center text-xs"><Link href="/login" className="text-accent-700 hover:underline">Start again</Link></p>
        </form>
      </CardBody>
    </Card>
  );
}
