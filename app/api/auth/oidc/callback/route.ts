import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { finishAttempt, oidcConfig } from "@/lib/core/auth/oidc";
import { OIDC_COOKIE, parseAttempt, type OidcAttempt } from "@/lib/core/auth/oidc-cookie";
import { userFromClaims } from "@/lib/core/auth/oidc-users";
import { createSession, markSessionVerified, readSession } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { open } from "@/lib/core/security/secret-box";

export const dynamic = "force-dynamic";

const MAX_QUERY_CHARS = 4_000;

/**
 * The IdP sends the browser back here. The attempt cookie is read once and deleted whatever
 * happens; openid-client checks state, PKCE and the ID token. Every failure goes to the login
 * page with a short code (sso-messages.ts); the detail stays in the server log.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const jar = await cookies();
  const sealed = jar.get(OIDC_COOKIE)?.value;
  jar.delete({ name: OIDC_COOKIE, path: "/api/auth/oidc" });
  if (url.search.length > MAX_QUERY_CHARS) redirect("/login?sso=failed");
  if (url.searchParams.has("error")) redirect("/login?sso=cancelled");
  let attempt: OidcAttempt;
  try {
    if (!sealed) throw new Error("no attempt cookie");
    attempt = parseAttempt(open(sealed), Date.now());
  } catch (error) {
    console.warn("[sso] callback without a valid attempt:", (error as Error).message);
    redirect("/login?sso=expired");
  }
  const config = oidcConfig();
  if (!config) redirect("/login?sso=off");
  // The URL the IdP redirected to, as registered, with the parameters it added.
  const callbackUrl = new URL(attempt.redirectUri);
  callbackUrl.search = url.search;
  let claims: Record<string, unknown>;
  try {
    claims = await finishAttempt(config, callbackUrl, attempt);
  } catch (error) {
    console.warn("[sso] the sign-in was refused:", error instanceof Error ? `${error.name}: ${error.message}` : error);
    redirect(attempt.reauth ? `${attempt.next}${attempt.next.includes("?") ? "&" : "?"}sso=failed` : "/login?sso=failed");
  }
  if (attempt.reauth) {
    const user = await readSession();
    if (!user) redirect("/login");
    const account = await db().user.findUnique({ where: { id: user.id } });
    if (!account?.oidcSubject || account.oidcSubject !== claims.sub) redirect("/login?sso=mismatch");
    await markSessionVerified();
    redirect(attempt.next);
  }
  const outcome = await userFromClaims(config, claims);
  if (!outcome.ok) redirect(`/login?sso=${outcome.message}`);
  await createSession(outcome.userId);
  redirect(attempt.next);
}
