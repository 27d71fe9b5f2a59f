import * as OTPAuth from "otpauth";
import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, seedUser, type SeededUser } from "./fixtures/db";

// Codes are computed here with the same library Portside uses, from the secret the page shows.
// Each test signs in several browsers and enrols first: on a busy machine that takes over a minute.
test.describe.configure({ timeout: 180_000 });

const WRONG = "This code is not right, or was used already. Enter the current code from your app, or a recovery code.";

const codeAt = (secret: string, ms: number) =>
  new OTPAuth.TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: ms });

/** Account → set up two-factor with the code of the current step; returns the secret and the recovery codes. */
async function enrol(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  await page.screenshot({ path: "test-results/totp-enrol.png", fullPage: true });
  const secret = (await page.getByLabel("Secret key").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from your app").fill(codeAt(secret, Date.now()));
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  return { secret, recoveryCodes: (await list.getByRole("listitem").allTextContents()).map((c) => c.trim()) };
}

/** Email and password in a new browser; returns the page, on the code step. */
async function passwordStep(browser: Browser, user: SeededUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/code$/);
  return page;
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

const home = /^https?:\/\/[^/]+\/$/;

test("enrol with the QR code's secret, sign in with a code, no replay, a recovery code once, turn it off", async ({ page, browser }) => {
  const user = await seedUser("viewer");
  await login(page, user.email, user.password);
  const { secret, recoveryCodes } = await enrol(page);
  await page.screenshot({ path: "test-results/totp-recovery-codes.png", fullPage: true });
  const [row] = await query<{ on: boolean; codes: number }>(
    `SELECT "totpEnabledAt" IS NOT NULL AS on, (SELECT count(*)::int FROM "RecoveryCode" r WHERE r."userId" = u.id AND r."codeHash" NOT IN (${recoveryCodes.map((_, i) => `$${i + 2}`).join(",")})) AS codes FROM "User" u WHERE id = $1`,
    [user.id, ...recoveryCodes],
  );
  // On, and the codes are stored only hashed.
  expect(row).toEqual({ on: true, codes: 10 });

  // The code of the next step (inside the ±1 window; the current one was used to enrol).
  const code = codeAt(secret, Date.now() + 30_000);
  const first = await passwordStep(browser, user);
  await first.screenshot({ path: "test-results/totp-code-step.png" });
  await enterCode(first, code);
  await expect(first).toHaveURL(home);

  // The same code again, still within its window: refused.
  const replay = await passwordStep(browser, user);
  await enterCode(replay, code);
  await expect(replay.locator("#code-error")).toHaveText(WRONG);
  await expect(replay).toHaveURL(/\/login\/code$/);
  // A recovery code works, once.
  await enterCode(replay, recoveryCodes[3]!);
  await expect(replay).toHaveURL(home);
  const again = await passwordStep(browser, user);
  await enterCode(again, recoveryCodes[3]!);
  await expect(again.locator("#code-error")).toHaveText(WRONG);

  // Turning it off (password entered lately: this session just signed in).
  await page.goto("/settings/account");
  await expect(page.getByText("9 of 10 recovery codes left.")).toBeVisible();
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
  const [after] = await query<{ secret: string | null }>(`SELECT "totpSecret" AS secret FROM "User" WHERE id = $1`, [user.id]);
  expect(after?.secret).toBeNull();
  const actions = await query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE target = $1 ORDER BY seq`, [user.email]);
  expect(actions.map((a) => a.action)).toEqual(["user.2fa.enable", "user.2fa.recovery", "user.2fa.disable"]);
});

test("wrong codes count toward the sign-in lockout; the code step needs a pending sign-in", async ({ page, browser }) => {
  const user = await seedUser("viewer");
  await login(page, user.email, user.password);
  await enrol(page);
  const step = await passwordStep(browser, user);
  // Hostile input is just a wrong code (bounded, never an error page).
  const wrong = ["<script>alert(1)</script>", "x".repeat(5_000), "' OR 1=1 --", "999 999 999", "abcde-fghij", "123450", "123451", "123452", "123453"];
  for (const code of wrong) {
    // Each attempt on a freshly loaded step, after the previous answer arrived: no submit races the form's reset.
    await step.goto("/login/code");
    await enterCode(step, code);
    await expect(step.locator("#code-error"), code.slice(0, 20)).toHaveText(WRONG);
  }
  await step.goto("/login/code");
  await enterCode(step, "123459");
  await expect(step.locator("form").getByRole("alert")).toHaveText("Too many attempts; try again in 15 minutes.");
  const anon = await (await browser.newContext()).newPage();
  await anon.goto("/login/code");
  await expect(anon).toHaveURL(/\/login$/);
});

test("admins see who has two-factor and reset it (audited); viewers and anonymous callers are refused", async ({ page, browser }) => {
  const user = await seedUser("operator");
  await login(page, user.email, user.password);
  await enrol(page);

  const admin = await seedUser("admin");
  const adminPage = await (await browser.newContext()).newPage();
  await login(adminPage, admin.email, admin.password);
  await adminPage.goto("/settings/users");
  const row = adminPage.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: user.email });
  await expect(row).toContainText("Password + 2FA");
  await adminPage.screenshot({ path: "test-results/totp-users.png", fullPage: true });
  const resetRequest = adminPage.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await row.getByRole("button", { name: `Reset two-factor sign-in of ${user.email}` }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Reset 2FA" }).click();
  const captured: Request = await resetRequest;
  // The row is rendered again without the button (nothing left to reset).
  await expect(row).toContainText("Password only");
  await expect(row.getByRole("button", { name: `Reset two-factor sign-in of ${user.email}` })).toHaveCount(0);
  const events = await query<{ action: string; actor: string }>(`SELECT action, "actorEmail" AS actor FROM "AuditEvent" WHERE target = $1 ORDER BY seq`, [user.email]);
  expect(events.at(-1)).toEqual({ action: "user.2fa.reset", actor: admin.email });
  // The password alone signs them in again.
  const after = await (await browser.newContext()).newPage();
  await login(after, user.email, user.password);

  // The reset request replayed by a viewer, an operator and nobody: refused before anything is read.
  const replay = (p: Page) =>
    p.request.post(captured.url(), {
      headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component" },
      data: captured.postDataBuffer()!,
    });
  for (const role of ["viewer", "operator"] as const) {
    const other = await seedUser(role);
    const otherPage = await (await browser.newContext()).newPage();
    await login(otherPage, other.email, other.password);
    expect(await (await replay(otherPage)).text()).toContain("Your role cannot manage users: it needs the admin role.");
  }
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/login");
  expect(await (await replay(anonymous)).text()).toContain("Your session has ended. Sign in again.");
});

test("enrolment actions refuse anonymous callers", async ({ page, browser }) => {
  const user = await seedUser("viewer");
  await login(page, user.email, user.password);
  await page.goto("/settings/account");
  const startRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const captured = await startRequest;
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/login");
  const response = await anonymous.request.post(captured.url(), {
    headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component" },
    data: captured.postDataBuffer() ?? "",
  });
  expect(await response.text()).toContain("Your session has ended. Sign in again.");
  const [row] = await query<{ secret: string | null }>(`SELECT "totpSecret" AS secret FROM "User" WHERE id = $1`, [user.id]);
  // Only the signed-in user's own request set a secret (not on until confirmed).
  expect(row?.secret).not.toBeNull();
});
