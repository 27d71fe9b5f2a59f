import { CreateClusterCommand } from "@aws-sdk/client-ecs";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

const iam = () => new IAMClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const trust = (service: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

test.beforeAll(async () => {
  await sandbox.reset();
});

test("counts agree with their words: one role here trusts ECS tasks", async ({ page }) => {
  await iam().send(new CreateRoleCommand({ RoleName: "wording-task-role", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") }));
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/ecs/task-definitions/new");
  await page.getByLabel("Task definition family").fill("wording");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("1 role here trusts ECS tasks.")).toBeVisible();
  await expect(page.getByText(/1 roles/)).toHaveCount(0);
});

test("a long role name wraps inside its card at 1440 px", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await ecs().send(new CreateClusterCommand({ clusterName: "wording" }));
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/ecs/clusters/wording/scheduled-tasks/new");
  await page.getByLabel("Schedule name").fill("wording-hourly");
  await page.getByRole("button", { name: "Next" }).click();
  const card = page.locator("label").filter({ has: page.getByRole("radio", { name: /Create PortsideSchedulerEcsRunTask/ }) });
  await expect(card).toBeVisible();
  const overflow = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/schedule-role-card-1440.png" });
});

test("every page has its icon: no request of a first visit answers 404", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/icon/);
  expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /");
});
