"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * After "Sign in again with SSO" the IdP sends the browser back to the page it came from; when the
 * confirmation failed there, the callback adds `?sso=failed`. Say so on that page: the change was
 * not made. Only that code is read; anything else in the parameter says nothing.
 */
export function SsoFailureNotice() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  if (params.get("sso") !== "failed") return null;
  const dismiss = () => {
    const rest = new URLSearchParams(params);
    rest.delete("sso");
    router.replace(rest.size ? `${pathname}?${rest}` : pathname);
  };
  return (
    <Alert tone="error" title="Single sign-on did not confirm it was you" className="mb-4" data-testid="sso-reauth-failed">
      <p>Your change was not made. Make it again and confirm at your identity provider when asked; if it keeps failing, ask an administrator (the reason is in Portside&apos;s log).</p>
      <Button type="button" size="sm" variant="secondary" className="mt-2" onClick={dismiss}>Dismiss</Button>
    </Alert>
  );
}
