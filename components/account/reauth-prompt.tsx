"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/wizard/submit-button";
import { initialState, type ActionState } from "@/lib/core/actions/state";
import { confirmPasswordAction } from "@/lib/core/auth/password-actions";

/**
 * When a sensitive change answers "enter your password again" (state.reauth), asks for it in a
 * dialog and, once confirmed, makes the change again (`retry`, e.g. resubmitting the form).
 * Rendered in document.body so it never nests a form inside the form that asked.
 */
export function ReauthPrompt({ state, retry }: { state: ActionState; retry?: () => void }) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [confirmed, confirm] = useActionState(confirmPasswordAction, initialState);
  const [asked, setAsked] = useState<ActionState | null>(null);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  // Each refusal opens the dialog once.
  useEffect(() => {
    if (state.reauth && state !== asked) {
      setAsked(state);
      dialogRef.current?.showModal();
    }
  }, [state, asked]);

  // Confirmed: close and make the change again.
  useEffect(() => {
    if (confirmed.ok && dialogRef.current?.open) {
      dialogRef.current.close();
      retry?.();
    }
  }, [confirmed, retry]);

  if (!mounted) return null;
  const error = confirmed.fieldErrors?.password;
  return createPortal(
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-lg border border-line bg-surface text-ink shadow-xl backdrop:bg-ink/40"
    >
      {state.reauthSso ? (
        <div className="flex flex-col gap-4 p-5">
          <div>
            <h2 id={`${id}-title`} className="text-base font-semibold">Confirm it is you</h2>
            <p className="mt-1 text-sm text-ink-muted">{state.message} Then make the change again.</p>
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" onClick={() => dialogRef.current?.close()}>Cancel</Button>
            {/* A full navigation: the IdP asks for a fresh login (prompt=login, max_age=0) and sends the browser back here. */}
            <a
              className="inline-flex items-center rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
              href={`/api/auth/oidc/start?reauth=1&next=${encodeURIComponent(typeof window === "undefined" ? "/" : window.location.pathname + window.location.search)}`}
            >
              Sign in again with SSO
            </a>
          </div>
        </div>
      ) : (
      <form action={confirm} className="flex flex-col gap-4 p-5" noValidate>
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold">Confirm it is you</h2>
          <p className="mt-1 text-sm text-ink-muted">{state.message}</p>
        </div>
        <Field label="Your password" htmlFor={`${id}-password`} error={error}>
          <Input id={`${id}-password`} name="password" type="password" autoComplete="current-password" autoFocus {...fieldAria(`${id}-password`, error)} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => dialogRef.current?.close()}>Cancel</Button>
          <SubmitButton>{retry ? "Confirm and save" : "Confirm"}</SubmitButton>
        </div>
      </form>
      )}
    </dialog>,
    document.body,
  );
}
