import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser } from "./fixtures/db";
import { describeCluster, sandbox } from "./fixtures/sandbox";
import { reviewClusterWithDefaults } from "./fixtures/wizard";

// Roles are read from the database on every request, not kept in the session: a page opened
// before a demotion loses its rights at its next action.
test("a demoted operator's open review cannot create the cluster; nothing reaches AWS", async ({ page, browser }) => {
  const operator = await seedUser("operator");
  const admin = await seedUser("admin");
  const clusterName = `demoted-${Date.now() % 1_000_000}`;
  await login(page, operator.email, operator.password);
  await reviewClusterWithDefaults(page, clusterName);
  await expect(page.getByRole("button", { name: "Create cluster" })).toBeEnabled();

  // Meanwhile an admin makes them a viewer, through the Users page.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin.email, admin.password);
  await adminPage.goto("/settings/users");
  await adminPage.getByLabel(`Role of ${operator.email}`).selectOption("viewer");
  await adminPage.getByRole("row").filter({ hasText: operator.email }).getByRole("button", { name: "Save" }).click();
  await expect(adminPage.getByRole("row").filter({ hasText: operator.email }).getByRole("status")).toBeVisible();
  await adminContext.close();
  const [row] = await query<{ role: string }>(`SELECT role FROM "User" WHERE email = $1`, [operator.email]);
  expect(row?.role).toBe("viewer");

  await sandbox.resetCalls();
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByText("Your role cannot create clusters: it needs the operator role.", { exact: false })).toBeVisible();
  expect(page.url()).not.toMatch(/\/history\//);
  expect((await sandbox.calls()).total).toBe(0);
  expect(await describeCluster(clusterName)).toBeUndefined();
  expect(await runsFor(`ecs:cluster/${clusterName}`)).toHaveLength(0);
});

test("your sessions: another browser is listed and signed out from here; someone else's cannot be; an idle one ends", async ({ page, browser }) => {
  const user = await seedUser("viewer");
  const bystander = await seedUser("viewer");
  const sessionsOf = (id: string) => query<{ id: string; lastSeenAt: Date }>(`SELECT id, "lastSeenAt" FROM "Session" WHERE "userId" = $1 ORDER BY "createdAt"`, [id]);
  await login(page, user.email, user.password);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, user.email, user.password);
  const bystanderContext = await browser.newContext();
  await login(await bystanderContext.newPage(), bystander.email, bystander.password);

  await page.goto("/settings/account");
  const sessions = page.getByRole("table", { name: "Your sessions" });
  await expect(sessions.getByRole("row")).toHaveCount(3); // header + two browsers
  await expect(sessions.getByRole("row").filter({ hasText: "This browser" })).toHaveCount(1);
  await expect(sessions).toContainText("Chrome");
  await expect(page.getByText(/ends after 30 minutes without use, and 12 hours after sign-in/)).toBeVisible();

  // A forged post naming another person's session ends nothing.
  const [theirs] = await sessionsOf(bystander.id);
  const signOut = sessions.getByRole("button", { name: /^Sign out Chrome/ });
  await signOut.locator("xpath=ancestor::form").locator('input[name="sessionId"]').evaluate((input: HTMLInputElement, id: string) => {
    input.value = id;
  }, theirs!.id);
  await signOut.click();
  await expect(page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: "That session had already ended." })).toBeVisible();
  expect(await sessionsOf(bystander.id)).toHaveLength(1);

  await page.reload();
  await sessions.getByRole("button", { name: /^Sign out Chrome/ }).click();
  await expect(page.getByText("Signed that session out.")).toBeVisible();
  await expect(sessions.getByRole("row")).toHaveCount(2);
  await otherPage.goto("/");
  await expect(otherPage).toHaveURL(/\/login/);
  expect(await sessionsOf(user.id)).toHaveLength(1);
  const [event] = await query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE target = $1 AND action = 'session.end'`, [user.email]);
  expect(event?.action).toBe("session.end");

  // Half an hour without a request: the session ends at the next one.
  await query(`UPDATE "Session" SET "lastSeenAt" = (now() AT TIME ZONE 'UTC') - interval '31 minutes' WHERE "userId" = $1`, [user.id]);
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/login/);
  expect(await sessionsOf(user.id)).toHaveLength(0);
  await other.close();
  await bystanderContext.close();
});

test("a role change more than 10 minutes after the password was entered asks for it again, then saves", async ({ page }) => {
  const admin = await seedUser("admin");
  const colleague = await seedUser("viewer");
  await login(page, admin.email, admin.password);
  await query(`UPDATE "Session" SET "verifiedAt" = (now() AT TIME ZONE 'UTC') - interval '11 minutes' WHERE "userId" = $1`, [admin.id]);
  const roleOf = async () => (await query<{ role: string }>(`SELECT role FROM "User" WHERE id = $1`, [colleague.id]))[0]?.role;

  await page.goto("/settings/users");
  await page.getByLabel(`Role of ${colleague.email}`).selectOption("operator");
  await page.getByRole("row").filter({ hasText: colleague.email }).getByRole("button", { name: "Save" }).click();
  const prompt = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText("Enter your password again to make this change");
  expect(await roleOf()).toBe("viewer");

  await prompt.getByLabel("Your password").fill("not-the-password");
  await prompt.getByRole("button", { name: "Confirm and save" }).click();
  await expect(prompt.getByText("This is not your password.")).toBeVisible();
  expect(await roleOf()).toBe("viewer");

  await prompt.getByLabel("Your password").fill(admin.password);
  await prompt.getByRole("button", { name: "Confirm and save" }).click();
  await expect(prompt).toBeHidden();
  await expect.poll(roleOf).toBe("operator");
  await expect(page.getByRole("row").filter({ hasText: colleague.email }).getByRole("status")).toBeVisible();
});
