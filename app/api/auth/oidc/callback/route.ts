import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { finishAttempt, oidcConfig } from "@/lib/core/auth/oidc";
import { OIDC_COOKIE, parseAttempt, type OidcAttempt } from "@/lib/core/auth/oidc-cookie";
import { userFromClaims } from "@/lib/core/auth/oidc-users";
import { createSession, destroySession, markIdpChecked, markSessionVerified, readSession } from "@/lib/core/auth/session";
import type { SsoProblem } from "@/lib/core/auth/sso-messages";
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
  let attempt: OidcAttempt | null = null;
  try {
    if (!sealed) throw new Error("no attempt cookie");
    attempt = parseAttempt(open(sealed), Date.now());
  } catch (error) {
    console.warn("[sso] callback without a valid attempt:", (error as Error).message);
  }
  if (url.searchParams.has("error")) {
    // A silent recheck the IdP refused (login_required …): the person must sign in there again.
    if (attempt?.recheck) await endAndRedirect("ended");
    redirect("/login?sso=cancelled");
  }
  if (!attempt) redirect("/login?sso=expired");
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
    if (attempt.recheck) await endAndRedirect("failed");
    redirect(attempt.reauth ? `${attempt.next}${attempt.next.includes("?") ? "&" : "?"}sso=failed` : "/login?sso=failed");
  }
  if (attempt.recheck) {
    const user = await readSession();
    if (!user) redirect("/login");
    const account = await db().user.findUnique({ where: { id: user.id } });
    if (!account?.oidcSubject || account.oidcSubject !== claims.sub) await endAndRedirect("mismatch");
    // The role claim read again: a demotion or removal at the IdP applies now, audited.
    const outcome = await userFromClaims(config, claims);
    if (!outcome.ok) await endAndRedirect(outcome.message);
    await markIdpChecked();
    redirect(attempt.next);
  }
  if (attempt.reauth) {
    const user = await readSession();
    if (!user) redirect("/login");
    const account = await db().user.findUnique({ where: { id: user.id } });
    if (!account?.oidcSubject || account.oidcSubject !== claims.sub) redirect("/login?sso=mismatch");
    await markSessionVerified();
    await markIdpChecked();
    redirect(attempt.next);
  }
  const outcome = await userFromClaims(config, claims);
  if (!outcome.ok) redirect(`/login?sso=${outcome.message}`);
  await createSession(outcome.userId, { sso: true });
  redirect(attempt.next);
}

/** Ends this browser's Portside session and shows why on the login page. */
async function endAndRedirect(problem: SsoProblem): Promise<never> {
  await destroySession();
  redirect(`/login?sso=${problem}`);
}
