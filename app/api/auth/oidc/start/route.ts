import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { newAttempt, authorizationUrl, oidcConfig } from "@/lib/core/auth/oidc";
import { encodeAttempt, OIDC_ATTEMPT_MS, OIDC_COOKIE } from "@/lib/core/auth/oidc-cookie";
import { readSession } from "@/lib/core/auth/session";
import { safeRedirectPath } from "@/lib/core/security/redirect";
import { requestIsHttps } from "@/lib/core/security/request-info";
import { seal } from "@/lib/core/security/secret-box";

export const dynamic = "force-dynamic";

/**
 * Starts a single sign-on: a fresh state, nonce and PKCE verifier go into a sealed, HttpOnly,
 * SameSite=Lax cookie for 10 minutes, and the browser goes to the IdP. `?reauth=1` (signed in
 * already) asks the IdP for a fresh login before a sensitive change.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  let config;
  try {
    config = oidcConfig();
  } catch (error) {
    console.error("[sso] the OIDC settings are wrong:", (error as Error).message);
    config = null;
  }
  if (!config) redirect("/login?sso=off");
  const reauth = url.searchParams.get("reauth") === "1";
  // recheck=1: a signed-in SSO session confirmed silently (prompt=none) every PORTSIDE_OIDC_RECHECK_MINUTES.
  const recheck = !reauth && url.searchParams.get("recheck") === "1";
  if ((reauth || recheck) && !(await readSession())) redirect("/login");
  const next = safeRedirectPath(url.searchParams.get("next"));
  const https = await requestIsHttps();
  const redirectUri = config.redirectUrl ?? new URL("/api/auth/oidc/callback", `${https ? "https" : "http"}://${request.headers.get("host") ?? url.host}`).toString();
  const attempt = { ...(await newAttempt(redirectUri, next, reauth, Date.now(), OIDC_ATTEMPT_MS)), ...(recheck ? { recheck: true } : {}) };
  let target: URL;
  try {
    target = await authorizationUrl(config, attempt);
  } catch (error) {
    console.error("[sso] discovery at the issuer failed:", error);
    redirect("/login?sso=failed");
  }
  (await cookies()).set(OIDC_COOKIE, seal(encodeAttempt(attempt)), {
    httpOnly: true,
    sameSite: "lax",
    secure: https,
    path: "/api/auth/oidc",
    maxAge: OIDC_ATTEMPT_MS / 1000,
  });
  redirect(target.toString());
}
