import "server-only";
import * as client from "openid-client";
import { isLoopback, oidcConfigFrom, type OidcConfig } from "./oidc-config";
import { DEFAULT_RECHECK_MINUTES, recheckIntervalMs } from "./oidc-recheck";
import type { OidcAttempt } from "./oidc-cookie";

/**
 * OpenID Connect through openid-client (discovery, authorization code + PKCE, state, nonce,
 * ID token signature/issuer/audience/expiry/nonce/auth_time checks). Nothing here verifies a
 * JWT by hand.
 */

/** The SSO settings in force (env), or null when SSO is off. A bad setting throws. */
export function oidcConfig(): OidcConfig | null {
  return oidcConfigFrom(process.env);
}

/** Whether SSO is configured, without throwing: the login page asks. */
export function ssoEnabled(): boolean {
  try {
    return oidcConfig() !== null;
  } catch (error) {
    console.error("[sso] the OIDC settings are wrong; single sign-on is off:", (error as Error).message);
    return false;
  }
}

/**
 * How often SSO sessions pass through the IdP again (oidc-recheck.ts), or null when SSO is off or
 * rechecks are. A wrong setting keeps the default rather than switching rechecks off.
 */
export function oidcRecheckMs(): number | null {
  if (!ssoEnabled()) return null;
  try {
    return recheckIntervalMs(process.env.PORTSIDE_OIDC_RECHECK_MINUTES);
  } catch (error) {
    console.error(`[sso] ${(error as Error).message}; using ${DEFAULT_RECHECK_MINUTES} minutes`);
    return DEFAULT_RECHECK_MINUTES * 60_000;
  }
}

/**
 * How the sidebar names the identity provider of an SSO account: PORTSIDE_OIDC_NAME, else the
 * issuer's host; "single sign-on" when SSO is now off or misconfigured.
 */
export function ssoProviderName(): string {
  const named = process.env.PORTSIDE_OIDC_NAME?.trim().slice(0, 60);
  if (named) return named;
  try {
    const config = oidcConfig();
    return config ? new URL(config.issuer).host : "single sign-on";
  } catch {
    return "single sign-on";
  }
}

function tokenEndpointAuth(config: OidcConfig): client.ClientAuth {
  if (!config.clientSecret) return client.None();
  return process.env.PORTSIDE_OIDC_TOKEN_AUTH === "post" ? client.ClientSecretPost(config.clientSecret) : client.ClientSecretBasic(config.clientSecret);
}

let discovered: { issuer: string; config: Promise<client.Configuration> } | null = null;

/** The issuer's metadata, discovered once per process (again after a failure). */
function clientConfiguration(config: OidcConfig): Promise<client.Configuration> {
  if (discovered?.issuer === config.issuer) return discovered.config;
  const url = new URL(config.issuer);
  const pending = client
    // client_secret_basic: the default of the OIDC spec and of most IdPs (PORTSIDE_OIDC_TOKEN_AUTH=post for the other).
    .discovery(url, config.clientId, undefined, tokenEndpointAuth(config), {
      // Plain http is accepted for an issuer on this machine only (tests); oidcConfigFrom refuses others.
      execute: isLoopback(url) && url.protocol === "http:" ? [client.allowInsecureRequests] : [],
      timeout: 10,
    })
    .catch((error: unknown) => {
      discovered = null;
      throw error;
    });
  discovered = { issuer: config.issuer, config: pending };
  return pending;
}

export async function newAttempt(redirectUri: string, next: string, reauth: boolean, now: number, ttlMs: number): Promise<OidcAttempt> {
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectUri,
    next,
    reauth,
    expires: now + ttlMs,
  };
}

/** The IdP's authorization URL for this attempt. Re-authentication forces a fresh login there. */
export async function authorizationUrl(config: OidcConfig, attempt: OidcAttempt): Promise<URL> {
  const params: Record<string, string> = {
    redirect_uri: attempt.redirectUri,
    scope: config.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(attempt.verifier),
    code_challenge_method: "S256",
    state: attempt.state,
    nonce: attempt.nonce,
  };
  if (attempt.reauth) Object.assign(params, { prompt: "login", max_age: "0" });
  // A recheck asks the IdP not to show anything: it answers with a code, or login_required.
  else if (attempt.recheck) params.prompt = "none";
  return client.buildAuthorizationUrl(await clientConfiguration(config), params);
}

/** REAUTH_MAX_AGE_S: a re-authentication must have happened at the IdP within this many seconds. */
const REAUTH_MAX_AGE_S = 300;

/**
 * Exchanges the code (checking state, PKCE and the ID token's nonce) and returns the claims of
 * the ID token, completed by the UserInfo endpoint when the IdP has one.
 */
export async function finishAttempt(config: OidcConfig, callbackUrl: URL, attempt: OidcAttempt): Promise<Record<string, unknown>> {
  const configuration = await clientConfiguration(config);
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: attempt.verifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
    ...(attempt.reauth ? { maxAge: REAUTH_MAX_AGE_S } : {}),
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("no ID token");
  let claims: Record<string, unknown> = { ...idClaims };
  if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
    const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    // The ID token's own claims win where both have one.
    claims = { ...info, ...idClaims };
  }
  return claims;
}
