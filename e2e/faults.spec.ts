import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { describeCluster, sandbox } from "./fixtures/sandbox";
import { createClusterWithDefaults } from "./fixtures/wizard";

test.beforeAll(async () => {
  await sandbox.reset();
});

test.afterEach(async () => {
  await sandbox.clearFaults();
});

test("a throttled step fails the run clearly, and its cleanup plan removes what was created", async ({ page }) => {
  const operator = await seedUser("operator");
  const clusterName = `throttled-${Date.now()}`;
  await login(page, operator.email, operator.password);
  // Every attempt of the second step is throttled, so the SDK's retries give up.
  await sandbox.fault({ service: "ecs", operation: "PutClusterCapacityProviders", fault: "throttle", count: -1 });
  await createClusterWithDefaults(page, clusterName);

  await expect(page.getByTestId("run-status")).toHaveText(/failed/i, { timeout: 30_000 });
  await expect(page.getByRole("alert").filter({ hasText: "The run stopped at a failed request" })).toContainText(
    "AWS is rate limiting this account: ecs:PutClusterCapacityProviders was throttled even after retries.",
  );
  await expect(page.getByTestId("step-0")).toContainText("succeeded");
  await expect(page.getByTestId("step-1")).toContainText("ThrottlingException");
  await expect(page.getByTestId("step-1")).toContainText(/request id [\w-]+/);
  expect((await runsFor(`ecs:cluster/${clusterName}`))[0]?.status).toBe("failed");

  // What was created, and the plan that removes it.
  await expect(page.getByText("Created by this run")).toBeVisible();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("ecs:DeleteCluster");
  expect((await describeCluster(clusterName))?.status).toBe("ACTIVE");
  await sandbox.clearFaults();

  await page.getByRole("button", { name: "Run cleanup plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete these resources" }).click();
  await expect(page.getByText(`Clean up after: Create ECS cluster ${clusterName}`).first()).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  expect((await describeCluster(clusterName))?.status).toBe("INACTIVE");

  // The failed run stays in the history, filterable by status.
  await page.goto("/history?status=failed");
  await expect(page.getByRole("row", { name: new RegExp(`Create ECS cluster ${clusterName}`) })).toBeVisible();
  await expect(page.getByRole("row", { name: /Clean up after/ })).toHaveCount(0);
});

test("access denied names the missing permission and keeps AWS's request id", async ({ page }) => {
  const operator = await seedUser("operator");
  const clusterName = `denied-${Date.now()}`;
  await login(page, operator.email, operator.password);
  await sandbox.fault({ service: "ecs", operation: "CreateCluster", fault: "access_denied", count: -1 });
  await createClusterWithDefaults(page, clusterName);

  await expect(page.getByTestId("run-status")).toHaveText(/failed/i, { timeout: 20_000 });
  await expect(page.getByTestId("step-0")).toContainText('Permission missing: the connection\'s identity is not allowed to call ecs:CreateCluster. Grant "ecs:CreateCluster"');
  await expect(page.getByTestId("step-0")).toContainText(/request id [\w-]+/);
  await expect(page.getByTestId("step-1")).toContainText("skipped");
  // Nothing was created, so there is nothing to clean up.
  await expect(page.getByRole("button", { name: "Run cleanup plan" })).toHaveCount(0);
  expect(await describeCluster(clusterName)).toBeUndefined();
});
