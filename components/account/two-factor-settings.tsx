"use client";

import { useActionState, useRef } from "react";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "@/lib/core/auth/two-factor-actions";

/**
 * Account → Two-factor sign-in: set up (QR code + the secret as text, a confirming code), the
 * recovery codes shown once, and turning it off (password entered lately).
 */
export function TwoFactorSettings({ enabled, codesLeft, sso }: { enabled: boolean; codesLeft: number; sso: boolean }) {
  const [started, start, starting] = useActionState(startTotpAction, initialState);
  const [confirmed, confirm, confirming] = useActionState(confirmTotpAction, initialState);
  const [disabled, disable] = useActionState(disableTotpAction, initialState);
  const startRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLFormElement>(null);

  if (sso) return <p className="text-sm text-ink-muted">You sign in with single sign-on: your identity provider asks for the second factor.</p>;

  const recoveryCodes = Array.isArray(confirmed.data?.recoveryCodes) ? (confirmed.data.recoveryCodes as string[]) : null;
  if (confirmed.ok && recoveryCodes) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{confirmed.message}</Alert>
        <p className="text-sm">
          Your recovery codes, shown only now. Keep them somewhere safe: each signs you in once if you lose your phone.
        </p>
        <ul aria-label="Recovery codes" className="grid max-w-sm grid-cols-2 gap-1 font-mono text-sm select-all">
          {recoveryCodes.map((c) => <li key={c}>{c}</li>)}
        </ul>
      </div>
    );
  }

  if (enabled) {
    return (
      <div className="space-y-3">
        <p className="text-sm">
          Two-factor sign-in is <strong>on</strong>: after your password, Portside asks for the code from your authenticator app.{" "}
          {codesLeft} of 10 recovery codes left.
        </p>
        {disabled.message && <Alert tone={disabled.ok ? "success" : "error"}>{disabled.message}</Alert>}
        <ReauthPrompt state={disabled} />
        <ConfirmDialog
          triggerLabel="Turn off two-factor sign-in"
          triggerProps={{ size: "sm", variant: "secondary" }}
          title="Turn off two-factor sign-in?"
          description="Your password alone will sign you in again, and your recovery codes stop working."
          confirmLabel="Turn off"
          tone="danger"
          formAction={disable}
        />
      </div>
    );
  }

  const secret = started.ok && typeof started.data?.secret === "string" ? started.data.secret : null;
  const qr = started.ok && typeof started.data?.qr === "string" ? started.data.qr : null;
  const codeError = confirmed.fieldErrors?.code;
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Two-factor sign-in is <strong>off</strong>. Turn it on so that a stolen password alone does not sign anyone in as you.
      </p>
      {started.message && !started.ok && <Alert tone="error">{started.message}</Alert>}
      <ReauthPrompt state={started} retry={() => startRef.current?.requestSubmit()} />
      <ReauthPrompt state={confirmed} retry={() => confirmRef.current?.requestSubmit()} />
      {!secret || !qr ? (
        <form ref={startRef} action={start}>
          <Button type="submit" pending={starting}>Set up two-factor sign-in</Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-start gap-6">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server, nothing to optimise */}
          <img src={qr} width={192} height={192} alt="QR code to scan with your authenticator app" className="rounded border border-line" />
          <div className="max-w-sm space-y-3">
            <p className="text-sm">
              Scan the code with your authenticator app, or enter this key by hand:{" "}
              <code aria-label="Secret key" className="rounded bg-line-subtle px-1 font-mono break-all select-all">{secret}</code>
            </p>
            <form ref={confirmRef} action={confirm} className="space-y-3" noValidate>
              {confirmed.message && !confirmed.ok && !codeError && <Alert tone="error">{confirmed.message}</Alert>}
              <Field label="Code from your app" htmlFor="totp-code" error={codeError}>
                <Input id="totp-code" name="code" autoComplete="one-time-code" inputMode="numeric" className="w-32" {...fieldAria("totp-code", codeError)} />
              </Field>
              <Button type="submit" pending={confirming}>Turn on</Button>
            </form>
          </div>
        </div>
      )}
    </div>
  );
}
