import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser } from "./fixtures/db";
import { describeCluster } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";
import { createClusterWithDefaults } from "./fixtures/wizard";

// Global setup starts a real OpenID provider (e2e/fixtures/oidc-provider.mjs, the `oidc-provider`
// package) and Portside with PORTSIDE_OIDC_* pointing at it, role map
// "portside-admins=admin,ops=operator,*=viewer". The provider's login form takes any login: "ops-…"
// has groups ["ops"], "admin-…" ["portside-admins"], others ["staff"].

const FAILED = "Single sign-on did not complete. Try again; if it keeps failing, ask an administrator (the reason is in Portside's log).";
const EXPIRED = "The single sign-on attempt expired or was started in another browser. Try again.";
const CANCELLED = "Sign-in at your identity provider was cancelled or refused.";

const idpLogin = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Through the provider's own login (and, the first time, consent) pages. */
async function signInAtIdp(page: Page, loginName: string) {
  await page.getByPlaceholder("Enter any login").fill(loginName);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  // Consent is asked once per client; afterwards the provider sends the browser straight back.
  const idp = new URL(stack().oidcIssuer!).host;
  await expect.poll(async () => new URL(page.url()).host !== idp || (await consent.isVisible())).toBe(true);
  if (new URL(page.url()).host === idp) await consent.click();
}

async function ssoSignIn(page: Page, loginName: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with SSO" }).click();
  await signInAtIdp(page, loginName);
}

const userBySubject = async (sub: string) =>
  (await query<{ id: string; email: string; role: string }>(`SELECT id, email, role FROM "User" WHERE "oidcSubject" = $1`, [sub]))[0];

const auditOf = (target: string) =>
  query<{ action: string; detail: Record<string, unknown> }>(`SELECT action, detail FROM "AuditEvent" WHERE target = $1 ORDER BY seq`, [target]);

test("SSO sign-in with the ops group creates an operator, who runs an operator action", async ({ page }) => {
  const sub = idpLogin("ops");
  await ssoSignIn(page, sub);
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
  const user = await userBySubject(sub);
  expect(user).toMatchObject({ email: `${sub}@idp.e2e.test`, role: "operator" });
  // Just-in-time creation is in the audit history like an admin's.
  expect(await auditOf(user!.email)).toEqual([{ action: "user.create", detail: { role: "operator", via: "single sign-on", claim: "groups" } }]);

  // An operator action: create a cluster through plan, review, execute; AWS holds it after.
  const clusterName = `sso-${Date.now()}`;
  await createClusterWithDefaults(page, clusterName);
  await expect.poll(async () => (await runsFor(`ecs:cluster/${clusterName}`))[0]?.status, { timeout: 60_000 }).toBe("succeeded");
  expect((await runsFor(`ecs:cluster/${clusterName}`))[0]?.userId).toBe(user!.id);
  expect((await describeCluster(clusterName))?.status).toBe("ACTIVE");
  await page.screenshot({ path: "test-results/sso-operator-run.png", fullPage: true });
});

test("a user without a mapped group is a viewer; the role follows the IdP at every sign-in", async ({ page, browser }) => {
  const sub = idpLogin("staff");
  await ssoSignIn(page, sub);
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
  const user = await userBySubject(sub);
  expect(user?.role).toBe("viewer");
  await page.goto("/ecs/clusters/new");
  await expect(page).toHaveURL(/\/forbidden\?needed=operator/);

  // Promoted in Portside by hand: the next SSO sign-in puts the IdP's role back, audited.
  await query(`UPDATE "User" SET role = 'admin' WHERE id = $1`, [user!.id]);
  const again = await browser.newContext();
  const page2 = await again.newPage();
  await ssoSignIn(page2, sub);
  await expect(page2).toHaveURL(/^https?:\/\/[^/]+\/$/);
  expect((await userBySubject(sub))?.role).toBe("viewer");
  const events = await auditOf(user!.email);
  expect(events.at(-1)).toEqual({ action: "user.update", detail: { role: ["admin", "viewer"], via: "single sign-on", claim: "groups" } });
  await again.close();
});

test("a state that is not this attempt's is refused with a message and signs nobody in", async ({ page, browser }) => {
  const sub = idpLogin("ops");
  // This browser starts a sign-in (its sealed cookie holds state A; the IdP carries state A)…
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with SSO" }).click();
  await expect(page.getByPlaceholder("Enter any login")).toBeVisible();
  // …and gets another attempt's valid cookie (state B), as a login-CSRF or a tampered state would.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await otherPage.getByRole("link", { name: "Sign in with SSO" }).click();
  await expect(otherPage.getByPlaceholder("Enter any login")).toBeVisible();
  const theirs = (await other.cookies()).find((c) => c.name === "portside_oidc");
  expect(theirs).toBeDefined();
  await page.context().addCookies([theirs!]);
  await other.close();
  await signInAtIdp(page, sub);
  await expect(page).toHaveURL(/\/login\?sso=failed/);
  await expect(page.getByRole("alert").filter({ hasText: FAILED })).toBeVisible();
  await page.screenshot({ path: "test-results/sso-refused.png" });
  expect(await userBySubject(sub)).toBeUndefined();
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login/);
});

test("hostile callbacks: no attempt cookie, an IdP error, an oversized query, a forged cookie", async ({ page, context }) => {
  await page.goto("/api/auth/oidc/callback?code=abc&state=def");
  await expect(page).toHaveURL(/\/login\?sso=expired/);
  await expect(page.getByRole("alert").filter({ hasText: EXPIRED })).toBeVisible();

  await page.goto("/api/auth/oidc/callback?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  await expect(page).toHaveURL(/\/login\?sso=cancelled/);
  await expect(page.getByRole("alert").filter({ hasText: CANCELLED })).toBeVisible();
  await expect(page.getByText("<script>")).toHaveCount(0);

  await page.goto(`/api/auth/oidc/callback?code=${"a".repeat(5_000)}&state=x`);
  await expect(page).toHaveURL(/\/login\?sso=(failed|expired)/);

  const { hostname } = new URL(page.url());
  await context.addCookies([{ name: "portside_oidc", value: "v1.forged.cookie.value", domain: hostname, path: "/api/auth/oidc" }]);
  await page.goto("/api/auth/oidc/callback?code=abc&state=def");
  await expect(page).toHaveURL(/\/login\?sso=expired/);

  // An unknown ?sso= code says nothing; re-authentication needs a session.
  await page.goto("/login?sso=__proto__");
  await expect(page.locator("form").getByRole("alert")).toHaveCount(0);
  await page.goto("/api/auth/oidc/start?reauth=1");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login/);
});

test("local password sign-in still works beside SSO (break-glass)", async ({ page }) => {
  const admin = await seedUser("admin");
  await page.goto("/login");
  await expect(page.getByRole("link", { name: "Sign in with SSO" })).toBeVisible();
  await page.screenshot({ path: "test-results/sso-login.png" });
  await login(page, admin.email, admin.password);
  await page.goto("/settings/users");
  const settings = page.getByLabel("Single sign-on settings");
  await expect(settings).toContainText("portside-e2e");
  await expect(settings).toContainText("portside-admins=admin, ops=operator, *=viewer");
  // The client secret itself is never shown.
  await expect(page.locator("body")).not.toContainText("portside-e2e-client-secret");
  await page.screenshot({ path: "test-results/sso-settings.png", fullPage: true });
});

test("an SSO admin confirms a sensitive change at the IdP instead of with a password", async ({ page }) => {
  const sub = idpLogin("admin");
  await ssoSignIn(page, sub);
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
  const me = await userBySubject(sub);
  expect(me?.role).toBe("admin");
  const colleague = await seedUser("viewer");
  // The sign-in was long ago.
  await query(`UPDATE "Session" SET "verifiedAt" = now() - interval '1 hour' WHERE "userId" = $1`, [me!.id]);
  await page.goto("/settings/users");
  await page.getByLabel(`Role of ${colleague.email}`).selectOption("operator");
  await page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: colleague.email }).getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(dialog).toContainText("Sign in again at your identity provider");
  await dialog.getByRole("link", { name: "Sign in again with SSO" }).click();
  // prompt=login: the IdP asks for the login again even though its session is live.
  await signInAtIdp(page, sub);
  await expect(page).toHaveURL(/\/settings\/users$/);
  await page.getByLabel(`Role of ${colleague.email}`).selectOption("operator");
  await page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: colleague.email }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: colleague.email }).getByRole("status")).toHaveText("Saved.");
  expect((await query<{ role: string }>(`SELECT role FROM "User" WHERE id = $1`, [colleague.id]))[0]?.role).toBe("operator");
});

test("an SSO account has no Change password in the sidebar but its provider; a local account keeps it", async ({ page, browser }) => {
  const sub = idpLogin("ops");
  await ssoSignIn(page, sub);
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
  const sidebar = page.getByRole("complementary");
  await expect(sidebar.getByTestId("sso-provider")).toHaveText(`Signs in with SSO · ${new URL(stack().oidcIssuer!).host}`);
  await expect(sidebar.getByRole("link", { name: "Change password" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByRole("heading", { name: "Change password" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/sso-sidebar.png", fullPage: true });

  const local = await seedUser("viewer");
  const other = await browser.newContext();
  const localPage = await other.newPage();
  await login(localPage, local.email, local.password);
  await expect(localPage.getByRole("complementary").getByRole("link", { name: "Change password" })).toBeVisible();
  await expect(localPage.getByTestId("sso-provider")).toHaveCount(0);
  await other.close();
});

test("a failed SSO re-authentication is shown on the page it returns to, and nothing changes", async ({ page }) => {
  const sub = idpLogin("admin");
  await ssoSignIn(page, sub);
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
  const me = await userBySubject(sub);
  const colleague = await seedUser("viewer");
  await query(`UPDATE "Session" SET "verifiedAt" = now() - interval '1 hour' WHERE "userId" = $1`, [me!.id]);
  await page.goto("/settings/users");
  const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: colleague.email });
  await page.getByLabel(`Role of ${colleague.email}`).selectOption("operator");
  await row.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  // The IdP sends the browser back with a code Portside cannot redeem (as after a replay): the
  // callback's token exchange fails and the browser goes back to the page with ?sso=failed. The
  // IdP's redirects are followed here (Playwright routes only the first request of a redirect
  // chain) and the last one, to Portside's callback, gets the bad code.
  const idp = new URL(stack().oidcIssuer!).origin;
  await page.route(`${idp}/**`, async (route) => {
    let response = await route.fetch({ maxRedirects: 0 });
    for (let hop = 0; hop < 5; hop++) {
      const location = response.headers()["location"];
      if (!location) break;
      const next = new URL(location, route.request().url());
      if (next.pathname === "/api/auth/oidc/callback") {
        next.searchParams.set("code", "not-a-code-the-idp-issued");
        return route.fulfill({ status: 303, headers: { location: next.toString() } });
      }
      if (next.origin !== idp) break;
      response = await page.request.get(next.toString(), { maxRedirects: 0 });
    }
    return route.fulfill({ response });
  });
  await dialog.getByRole("link", { name: "Sign in again with SSO" }).click();
  await signInAtIdp(page, sub);
  await expect(page).toHaveURL(/\/settings\/users\?sso=failed$/);
  const notice = page.getByTestId("sso-reauth-failed");
  await expect(notice).toContainText("Single sign-on did not confirm it was you");
  await expect(notice).toContainText("Your change was not made.");
  await expect(notice).toHaveAttribute("role", "alert");
  await page.screenshot({ path: "test-results/sso-reauth-failed.png", fullPage: true });
  // Nor does the users table offer an SSO account a password of its own.
  const mine = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: me!.email });
  await expect(mine).toContainText("None (SSO)");
  await expect(mine.getByRole("link", { name: "Change yours in Account" })).toHaveCount(0);
  expect((await query<{ role: string }>(`SELECT role FROM "User" WHERE id = $1`, [colleague.id]))[0]?.role).toBe("viewer");
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(notice).toHaveCount(0);
  // Another ?sso= value on a panel page says nothing.
  await page.unrouteAll();
  await page.goto("/settings/users?sso=<b>x</b>");
  await expect(page.getByTestId("sso-reauth-failed")).toHaveCount(0);
});

test("an IdP demotion reaches an open session at its next recheck; an ended IdP session ends the Portside one", async ({ page, context }) => {
  const sub = idpLogin("ops");
  await ssoSignIn(page, sub);
  await expect(page).toHaveURL(/^https?:\/\/[^/]+\/$/);
  const user = await userBySubject(sub);
  expect(user?.role).toBe("operator");
  const [session] = await query<{ idpCheckedAt: Date | null }>(`SELECT "idpCheckedAt" FROM "Session" WHERE "userId" = $1`, [user!.id]);
  expect(session?.idpCheckedAt).not.toBeNull();
  await page.goto("/ecs/clusters/new");
  await expect(page.getByRole("heading", { name: "Create cluster" })).toBeVisible();

  // At the IdP, the person leaves the ops group. Within the recheck interval nothing changes yet…
  const set = await fetch(`${stack().oidcIssuer}/_test/groups`, { method: "POST", body: JSON.stringify({ sub, groups: ["staff"] }) });
  expect(set.status).toBe(204);
  // …then the interval (15 min by default) passes: the next page goes through the IdP silently.
  await page.getByLabel("Cluster name").fill(`sso-recheck-${Date.now()}`);
  await query(`UPDATE "Session" SET "idpCheckedAt" = now() - interval '2 hours' WHERE "userId" = $1`, [user!.id]);
  // A server action from the page already open is refused, not run with the old role.
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByText("Your single sign-on must be confirmed with your identity provider. Reload the page.")).toBeVisible();
  const toIdp = page.waitForRequest((r) => r.url().startsWith(stack().oidcIssuer!) && new URL(r.url()).searchParams.get("prompt") === "none");
  await page.goto("/ecs/clusters/new");
  await toIdp;
  await expect(page).toHaveURL(/\/forbidden\?needed=operator/);
  expect((await userBySubject(sub))?.role).toBe("viewer");
  expect((await auditOf(user!.email)).at(-1)).toEqual({ action: "user.update", detail: { role: ["operator", "viewer"], via: "single sign-on", claim: "groups" } });
  const [rechecked] = await query<{ age: number }>(`SELECT extract(epoch from now() - "idpCheckedAt")::int AS age FROM "Session" WHERE "userId" = $1`, [user!.id]);
  expect(rechecked!.age).toBeLessThan(60);

  // The session at the IdP ends (its cookies gone): the next recheck gets login_required and
  // Portside's session ends with a message.
  await context.clearCookies({ name: /^_session/ });
  await query(`UPDATE "Session" SET "idpCheckedAt" = now() - interval '2 hours' WHERE "userId" = $1`, [user!.id]);
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login\?sso=ended/);
  await expect(page.getByRole("alert").filter({ hasText: "Your identity provider asked you to sign in again" })).toBeVisible();
  expect(await query(`SELECT id FROM "Session" WHERE "userId" = $1`, [user!.id])).toHaveLength(0);
});
