import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.beforeAll(async () => {
  await sandbox.reset();
});

test.afterEach(async () => {
  await sandbox.clearFaults();
});

test("test the sandbox connection: account and ARN from STS", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.goto("/settings/connections");
  const card = page.getByLabel("Connection Local sandbox", { exact: true });
  await card.getByRole("button", { name: "Test connection Local sandbox" }).click();
  await expect(card.getByRole("status").or(card.getByRole("alert"))).toContainText("Account 123456789012 · arn:aws:sts::123456789012:user/moto");
  expect((await sandbox.calls()).calls["sts:GetCallerIdentity"]).toBeGreaterThanOrEqual(1);
});

test("add an access-key connection: the secret is stored encrypted and never sent back", async ({ page }) => {
  const admin = await seedUser("admin");
  const secret = `wJalrXUtnFEMI/K7MDENG/${Date.now()}`;
  const name = `Keys ${Date.now()}`;
  await login(page, admin.email, admin.password);
  await page.goto("/settings/connections");
  await page.getByRole("link", { name: "Add connection" }).click();

  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByText("Access keys", { exact: true }).click();
  await page.getByLabel("Access key id").fill("bad key");
  await page.getByLabel("Secret access key").fill(secret);
  await page.getByLabel("Custom endpoint (optional)").fill(stack().sandboxEndpoint);
  await page.getByLabel("Default region").selectOption("eu-west-1");
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page.locator("#accessKeyId-error")).toContainText("Access key ids start with AKIA");
  expect(await page.content()).not.toContain(secret);

  await page.getByLabel("Access key id").fill("AKIAIOSFODNN7EXAMPLE");
  await page.getByLabel("Secret access key").fill(secret);
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page).toHaveURL(/\/settings\/connections$/);
  const card = page.getByLabel(`Connection ${name}`, { exact: true });
  await expect(card).toContainText("AKIAIOSFODNN7EXAMPLE · secret stored encrypted");
  expect(await page.content()).not.toContain(secret);

  const [row] = await query<{ secretCipher: string; regions: string[] }>(`SELECT "secretCipher", regions FROM "Connection" WHERE name = $1`, [name]);
  expect(row?.secretCipher).toMatch(/^v1\./);
  expect(row?.secretCipher).not.toContain(secret);
  expect(row?.regions).toEqual(["eu-west-1"]);

  await card.getByRole("button", { name: `Test connection ${name}` }).click();
  await expect(card).toContainText("Account 123456789012");
});

test("a refused identity check says which permission is missing, with the request id", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await sandbox.fault({ service: "sts", operation: "GetCallerIdentity", fault: "access_denied", count: -1 });
  await page.goto("/settings/connections");
  const card = page.getByLabel("Connection Local sandbox", { exact: true });
  await card.getByRole("button", { name: "Test connection Local sandbox" }).click();
  const alert = card.getByRole("alert");
  await expect(alert).toContainText("Connection failed");
  await expect(alert).toContainText('Grant "sts:GetCallerIdentity" in its IAM policy.');
  await expect(alert).toContainText(/Request id: [\w-]+/);
  await expect(card).toContainText("Failed");
});
