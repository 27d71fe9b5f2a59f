import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { describeCluster, sandbox } from "./fixtures/sandbox";
import { createClusterWithDefaults, reviewClusterWithDefaults } from "./fixtures/wizard";

test.beforeAll(async () => {
  await sandbox.reset();
});

test("bad cluster names are rejected at the field with no AWS call", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/ecs/clusters/new");
  await sandbox.resetCalls();

  const name = page.getByLabel("Cluster name");
  for (const [value, message] of [
    ["has spaces", "Use only letters, digits, hyphens (-) and underscores (_); no spaces."],
    ["dots.are.bad", "Use only letters, digits, hyphens (-) and underscores (_); no spaces."],
    ["x".repeat(256), "Cluster names are at most 255 characters."],
    ["", "Enter a cluster name."],
  ]) {
    await name.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#clusterName-error")).toHaveText(message);
    await expect(name).toHaveAttribute("aria-invalid", "true");
  }
  // Still on the first step, and the sandbox saw nothing.
  await expect(page.getByRole("heading", { name: "Cluster configuration" })).toBeVisible();
  expect((await sandbox.calls()).total).toBe(0);
});

test("create a Fargate cluster through plan, review and execute", async ({ page }) => {
  const operator = await seedUser("operator");
  const clusterName = `web-${Date.now()}`;
  await login(page, operator.email, operator.password);
  await page.getByRole("link", { name: "Create cluster" }).first().click();

  await page.getByLabel("Cluster name").fill(clusterName);
  await page.getByLabel("Cluster name").press("Enter");
  // The default weights (FARGATE 1) are the Fargate preset, and it shows as picked.
  const presets = page.getByRole("group", { name: "Default capacity provider strategy" });
  await expect(page.getByLabel("FARGATE weight")).toHaveValue("1");
  await expect(presets.getByRole("radio", { name: /^Fargate On-demand/ })).toBeChecked();
  await page.getByText("Mixed", { exact: true }).click();
  await expect(page.getByLabel("FARGATE_SPOT weight")).toHaveValue("3");
  await expect(presets.getByRole("radio", { name: /^Mixed/ })).toBeChecked();
  // Weights set by hand are no preset.
  await page.getByLabel("FARGATE_SPOT weight").fill("2");
  await expect(presets.getByRole("radio", { checked: true })).toHaveCount(0);
  await page.getByText("Mixed", { exact: true }).click();
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Container Insights").selectOption("enabled");
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByLabel("Tag 1 key").fill("team");
  await page.getByLabel("Tag 1 value").fill("payments");
  await page.getByRole("button", { name: "Review" }).click();

  // Review: every request as JSON and as the AWS CLI command.
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("ecs:CreateCluster");
  await expect(steps.nth(0)).toContainText(`aws ecs create-cluster --region us-east-1 --cli-input-json`);
  await expect(steps.nth(1)).toContainText("ecs:PutClusterCapacityProviders");
  await expect(steps.nth(1)).toContainText('"capacityProvider": "FARGATE_SPOT"');

  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await expect(page.getByTestId("step-0")).toContainText("request id");
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByRole("heading", { name: clusterName })).toBeVisible();
  await expect(page.getByText("FARGATE_SPOT weight 3, base 0")).toBeVisible();

  // What AWS now holds is what was entered.
  const cluster = await describeCluster(clusterName);
  expect(cluster?.status).toBe("ACTIVE");
  expect(cluster?.capacityProviders).toEqual(["FARGATE", "FARGATE_SPOT"]);
  expect(cluster?.defaultCapacityProviderStrategy).toEqual([
    { capacityProvider: "FARGATE", weight: 1, base: 1 },
    { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
  ]);
  expect(cluster?.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
  expect(cluster?.tags).toEqual([{ key: "team", value: "payments" }]);

  // The history records the run with who ran it and each step.
  const [run] = await runsFor(`ecs:cluster/${clusterName}`);
  expect(run).toMatchObject({ status: "succeeded", userId: operator.id });
  await page.goto("/history");
  const row = page.getByRole("row", { name: new RegExp(`Create ECS cluster ${clusterName}`) });
  await expect(row).toContainText(operator.name);
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText("Local sandbox · us-east-1");
});

test("creating a cluster whose name is taken is refused before any change", async ({ page }) => {
  const operator = await seedUser("operator");
  const clusterName = `dup-${Date.now()}`;
  await login(page, operator.email, operator.password);
  await createClusterWithDefaults(page, clusterName);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await reviewClusterWithDefaults(page, clusterName);
  await expect(page.locator("#clusterName-error")).toHaveText(`A cluster named ${clusterName} already exists in us-east-1.`);
  expect(await runsFor(`ecs:cluster/${clusterName}`)).toHaveLength(1);
});
