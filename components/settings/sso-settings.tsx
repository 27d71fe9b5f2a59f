import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { oidcConfig } from "@/lib/core/auth/oidc";
import { publicOidcConfig } from "@/lib/core/auth/oidc-config";

const LABELS: Record<keyof ReturnType<typeof publicOidcConfig>, string> = {
  issuer: "Issuer",
  clientId: "Client id",
  clientSecret: "Client secret",
  redirectUrl: "Redirect URL",
  scopes: "Scopes",
  roleClaim: "Role claim",
  roleMap: "Role map",
  requireVerifiedEmail: "Verified email",
  localLogin: "Password sign-in",
};

/** Settings → Users: the single sign-on settings in force, read-only (they come from the environment). */
export function SsoSettings() {
  let config;
  let problem: string | null = null;
  try {
    config = oidcConfig();
  } catch (error) {
    problem = (error as Error).message;
  }
  return (
    <Card>
      <CardHeader title="Single sign-on" description="Read from PORTSIDE_OIDC_* in Portside's environment; see the README to change them." />
      <CardBody>
        {problem ? (
          <p className="text-sm text-red-700">The settings are wrong, so single sign-on is off: {problem}</p>
        ) : !config ? (
          <p className="text-sm text-ink-muted">Not set up. Set PORTSIDE_OIDC_ISSUER, PORTSIDE_OIDC_CLIENT_ID and PORTSIDE_OIDC_CLIENT_SECRET to offer “Sign in with SSO”.</p>
        ) : (
          <dl aria-label="Single sign-on settings" className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            {Object.entries(publicOidcConfig(config, process.env)).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-ink-muted">{LABELS[k as keyof typeof LABELS]}</dt>
                <dd className="font-mono break-all">{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
