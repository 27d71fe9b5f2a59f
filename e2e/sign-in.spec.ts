import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";

// Every test here uses freshly seeded accounts, so no lock reaches another spec file's users.
// All of them sign in from 127.0.0.1: this file makes about 25 failed attempts in total,
// well below the address limit (50 in 10 minutes); successful sign-ins do not count.
const INCORRECT = "Email or password is incorrect.";
const LOCKED = "Too many attempts; try again in 15 minutes.";

async function attempt(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The form's own message (Next's route announcer is an alert region too).
  return page.locator("form").getByRole("alert");
}

async function expectSignedOut(page: Page) {
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login/);
}

function accountChange(page: Page, what: string, account: string) {
  return page.getByRole("table", { name: "Account changes" }).getByRole("row").filter({ hasText: what }).filter({ hasText: account });
}

test("ten wrong passwords in a minute lock the account for 15 minutes, even for the right password", async ({ page, browser }) => {
  const user = await seedUser("viewer");
  for (let i = 1; i <= 9; i++) await expect(await attempt(page, user.email, `wrong-${i}`)).toHaveText(INCORRECT);
  // The 10th failure locks the account and says so.
  await expect(await attempt(page, user.email, "wrong-10")).toHaveText(LOCKED);
  await expect(await attempt(page, user.email, "wrong-11")).toHaveText(LOCKED);
  // The right password is refused as well, and the e-mail as typed in capitals counts as the same account.
  await expect(await attempt(page, user.email.toUpperCase(), user.password)).toHaveText(LOCKED);
  await expect(page).toHaveURL(/\/login/);
  const [row] = await query<{ failures: number; locked: boolean }>(
    `SELECT failures, "lockedUntil" > now() AT TIME ZONE 'UTC' + interval '14 minutes' AS locked FROM "LoginThrottle" WHERE key = $1`,
    [`account:${user.email}`],
  );
  expect(row).toEqual({ failures: 10, locked: true });

  // Another account from the same address is not affected, and an admin sees the lockout.
  const admin = await seedUser("admin");
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin.email, admin.password);
  await adminPage.goto("/settings/users");
  await expect(accountChange(adminPage, "sign-in locked for", user.email)).toContainText("account, 15 min");
  await adminContext.close();
});

test("an unknown e-mail gets the same answer as a wrong password", async ({ page }) => {
  const user = await seedUser("viewer");
  await expect(await attempt(page, user.email, "not-the-password")).toHaveText(INCORRECT);
  await expect(await attempt(page, `nobody-${user.id}@e2e.test`, "not-the-password")).toHaveText(INCORRECT);
  await expect(page.getByLabel("Email")).toHaveValue(`nobody-${user.id}@e2e.test`);
});

test("changing your password signs you out elsewhere; only the new password signs in", async ({ page, browser }) => {
  const user = await seedUser("viewer");
  const elsewhere = await browser.newContext();
  const otherPage = await elsewhere.newPage();
  await login(otherPage, user.email, user.password);
  await login(page, user.email, user.password);

  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  const current = page.getByLabel("Current password");
  const fresh = page.getByLabel("New password", { exact: true });
  const again = page.getByLabel("New password again");

  // Weak choices are refused at the field, in zxcvbn's words.
  await current.fill(user.password);
  await fresh.fill("password12345");
  await again.fill("password12345");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/commonly used password/);
  await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("portside-admin");
  await page.getByLabel("New password again").fill("portside-admin");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/personal or page related data/);

  const chosen = `harbor tulip ${user.id} gravel`;
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("New password again").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("This is not your current password.");

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("New password again").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("form").getByRole("status")).toHaveText("Your password is changed. Signed out 1 other session.");

  // This browser stays signed in; the other one is signed out.
  await page.goto("/history");
  await expect(page).toHaveURL(/\/history/);
  await expectSignedOut(otherPage);
  await elsewhere.close();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(await attempt(page, user.email, user.password)).toHaveText(INCORRECT);
  await login(page, user.email, chosen);
});

test("an admin's reset ends the user's sessions, and the generated password signs in", async ({ page, browser }) => {
  const [admin, user] = [await seedUser("admin"), await seedUser("operator")];
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await login(userPage, user.email, user.password);

  await login(page, admin.email, admin.password);
  await page.goto("/settings/users");
  const row = page.getByRole("row").filter({ hasText: user.email });

  // A typed password goes through the same policy.
  await row.getByRole("button", { name: `Reset password of ${user.email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Reset the password of ${user.email}?` });
  await dialog.getByLabel(`New password for ${user.email}`).fill(user.email);
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByRole("alert")).toContainText(`The password of ${user.email} is unchanged.`);
  await expect(row.getByRole("alert")).toContainText("personal or page related data");
  await userPage.goto("/history");
  await expect(userPage).toHaveURL(/\/history/);

  // Left empty: Portside generates one and shows it once.
  await row.getByRole("button", { name: `Reset password of ${user.email}` }).click();
  await dialog.getByLabel(`New password for ${user.email}`).fill("");
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByRole("status")).toContainText(`Reset the password of ${user.email} and signed them out everywhere.`);
  const generated = (await row.getByLabel(`Generated password for ${user.email}`).textContent())!;
  expect(generated).toMatch(/^[\w-]{16}$/);

  await expectSignedOut(userPage);
  await expect(await attempt(userPage, user.email, user.password)).toHaveText(INCORRECT);
  await login(userPage, user.email, generated);
  await userContext.close();

  // The list shows who did what to whom, newest first; the generated password itself is nowhere in it.
  await page.reload();
  const changes = page.getByRole("table", { name: "Account changes" });
  await expect(accountChange(page, "reset the password of", user.email)).toContainText(admin.email);
  await expect(accountChange(page, "reset the password of", user.email)).toContainText("generated password");
  await expect(changes).not.toContainText(generated);
  await expect(page.getByRole("row").filter({ hasText: admin.email }).getByRole("button", { name: /Reset password/ })).toHaveCount(0);
});

test("creating a user applies the password policy and is recorded", async ({ page }) => {
  const admin = await seedUser("admin");
  await login(page, admin.email, admin.password);
  await page.goto("/settings/users");
  const email = `new-${admin.id}@e2e.test`;
  await page.getByLabel("Name").fill("New Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill("password12345");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("This is similar to a commonly used password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Initial password").fill(`quiet lantern ${admin.id} meadow`);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${email} as viewer.` })).toBeVisible();
  await expect(accountChange(page, "created user", email)).toContainText("as viewer");
});

test("guessing the current password on the Account page counts toward the same lockout", async ({ page }) => {
  const user = await seedUser("viewer");
  await login(page, user.email, user.password);
  await page.goto("/settings/account");
  const current = page.getByLabel("Current password");
  for (let i = 1; i <= 10; i++) {
    await current.fill(`wrong-guess-${i}`);
    await page.getByLabel("New password", { exact: true }).fill("lantern-orbit-cobalt-meadow");
    await page.getByLabel("New password again").fill("lantern-orbit-cobalt-meadow");
    await page.getByRole("button", { name: "Change password" }).click();
    // The form empties its password fields once the answer is in; only then read it.
    await expect(current).toHaveValue("");
    await expect(current).toHaveAccessibleDescription(i < 10 ? "This is not your current password." : LOCKED);
  }
  // Locked now: the right current password is refused too, and so is signing in.
  await current.fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("lantern-orbit-cobalt-meadow");
  await page.getByLabel("New password again").fill("lantern-orbit-cobalt-meadow");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(current).toHaveAccessibleDescription(LOCKED);
  await page.context().clearCookies();
  await expect(await attempt(page, user.email, user.password)).toHaveText(LOCKED);
});
