import { CreateClusterCommand } from "@aws-sdk/client-ecs";
import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { describeCluster, ecs } from "./fixtures/sandbox";

// The dialog disables its button until the name is typed; the server must not trust that. What
// was typed is posted, and a confirm carrying anything else deletes nothing.
test("a teardown is refused by the server when what was typed is not the cluster's name", async ({ page }) => {
  const cluster = `typed-${Date.now() % 1_000_000}`;
  await ecs().send(new CreateClusterCommand({ clusterName: cluster }));
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}`);

  await page.getByRole("button", { name: "Tear down cluster" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Will be deleted" })).toContainText(cluster);
  const typed = dialog.getByLabel(`Type ${cluster} to confirm`);
  const confirm = dialog.getByRole("button", { name: "Tear down", exact: true });
  await expect(confirm).toBeDisabled();
  await typed.fill(cluster);
  await expect(confirm).toBeEnabled();
  // A scripted or forged post: the box now holds another text, without the page noticing.
  await typed.evaluate((input: HTMLInputElement) => {
    input.value = "someone-else";
  });
  await confirm.click();
  await expect(page.getByRole("alert").filter({ hasText: "Type the cluster name to confirm." })).toBeVisible();
  expect(page.url()).not.toMatch(/\/history\//);
  expect((await describeCluster(cluster))?.status).toBe("ACTIVE");

  // Typed as shown, the same dialog tears the cluster down.
  await page.getByRole("button", { name: "Tear down cluster" }).click();
  await expect(dialog.getByRole("list", { name: "Will be deleted" })).toContainText(cluster);
  await typed.fill(cluster);
  await confirm.click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  expect((await describeCluster(cluster))?.status).toBe("INACTIVE");
});
