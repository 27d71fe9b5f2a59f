import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.beforeAll(async () => {
  await sandbox.reset();
});

/** The credentials `npm start` printed on its first run, as a newcomer would read them. */
function printedAdmin() {
  const log = fs.readFileSync(stack().logFile, "utf8");
  const email = /Email:\s+(\S+)/.exec(log)?.[1];
  const password = /Password:\s+(\S+)/.exec(log)?.[1];
  if (!email || !password) throw new Error(`No first-run credentials in the server log:\n${log}`);
  return { email, password };
}

test("first run prints admin credentials once, and they sign in", async ({ page }) => {
  const admin = printedAdmin();
  expect(fs.readFileSync(stack().logFile, "utf8").match(/First run: created the Portside admin/g)).toHaveLength(1);

  await page.goto("/ecs/clusters");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await login(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByText(/No ECS clusters in /)).toBeVisible();
  // The sandbox connection exists from the first run and is the working context.
  await expect(page.getByLabel("Connection", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel("Connection", { exact: true }).locator("option:checked")).toHaveText("Local sandbox");

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "portside_session");
  expect(session?.httpOnly).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login/);
});
