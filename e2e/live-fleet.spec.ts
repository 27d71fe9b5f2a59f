import fs from "node:fs";
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { expect, test, type Page } from "@playwright/test";
import { setAgent } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { describeService } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

const SHOTS = "/tmp/shots-fleet";
const tag = Date.now().toString(36);
const busy = `lf-${tag}-busy`;
const calm = `lf-${tag}-calm`;
let network: Awaited<ReturnType<typeof fargateNetwork>>;

async function taskDefinition(family: string, image: string) {
  const out = await ecs().send(
    new RegisterTaskDefinitionCommand({
      family,
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "app", image, memory: 512, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }],
    }),
  );
  return `${family}:${out.taskDefinition!.revision}`;
}

async function createService(cluster: string, serviceName: string, td: string, desiredCount: number) {
  await ecs().send(
    new CreateServiceCommand({
      cluster,
      serviceName,
      taskDefinition: td,
      desiredCount,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "ENABLED" } },
      // The circuit breaker fails a rollout whose tasks keep crashing, as the console's default does.
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false }, minimumHealthyPercent: 100, maximumPercent: 200 },
    }),
  );
}

const scale = (cluster: string, service: string, desiredCount: number) => ecs().send(new UpdateServiceCommand({ cluster, service, desiredCount }));

/** Marks the document so a reload (which would lose the mark) is detected. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __fleetMark: number }).__fleetMark = 42));
}
async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __fleetMark?: number }).__fleetMark)).toBe(42);
}

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await sandbox.reset();
  // A quick agent: tasks start in 0.2 s and a crashing image exits 0.3 s after it runs.
  await setAgent(stack().sandboxEndpoint, { paceMs: 200, crashAfterMs: 300 });
  network = await fargateNetwork();
  await ecs().send(new CreateClusterCommand({ clusterName: busy }));
  await ecs().send(new CreateClusterCommand({ clusterName: calm }));
  const web = await taskDefinition(`lf-${tag}-web`, "public.ecr.aws/docker/library/httpd:2.4");
  const crash = await taskDefinition(`lf-${tag}-crash`, "example.com/crash-loop:1");
  await createService(busy, "api", web, 2);
  await createService(busy, "worker", web, 1);
  await createService(busy, "broken", crash, 1);
  await createService(calm, "solo", web, 1);
});

test("the overview lists clusters worst first and follows AWS without a reload", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // The crashing service's rollout fails (circuit breaker), so its cluster sorts first.
  await expect.poll(async () => (await describeService(busy, "broken"))?.deployments?.[0]?.rolloutState, { timeout: 30_000 }).toBe("FAILED");
  const rows = page.getByRole("table", { name: "Clusters" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute("data-cluster", busy, { timeout: 25_000 });
  // Before the breaker trips the row reads "Tasks failing"; the overview polls every 10 s.
  await expect(rows.first()).toContainText("Deployment failed", { timeout: 25_000 });
  await expect(rows.first()).toContainText("1 failed");
  await expect(page.getByTestId("summary-failing")).toContainText("1 failed · 0 with failing tasks");
  await expect(page.getByTestId("summary-clusters")).toContainText("2");

  const calmRow = page.locator(`tr[data-cluster="${calm}"]`);
  await expect(calmRow.getByTestId("cluster-tasks")).toHaveText("1 / 1", { timeout: 20_000 });
  await markDocument(page);
  await scale(calm, "solo", 3);
  await expect(calmRow.getByTestId("cluster-tasks")).toHaveText("3 / 3", { timeout: 30_000 });
  await expectNoReload(page);
  expect(await describeService(calm, "solo")).toMatchObject({ desiredCount: 3, runningCount: 3 });
  await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });

  await calmRow.getByRole("link", { name: calm }).click();
  await expect(page).toHaveURL(new RegExp(`/ecs/clusters/${calm}$`));
});

test("the cluster page shows each service's rollout, sorts a failed deployment first and follows scaling live", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.goto(`/ecs/clusters/${busy}`);
  const table = page.getByRole("table", { name: "Services" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute("data-service", "broken", { timeout: 30_000 });
  await expect(rows.first()).toContainText("Deployment failed");
  await expect(rows.first()).toContainText(`lf-${tag}-crash:1`);
  await expect(rows.first().getByTestId("service-rollout")).toHaveText("failed");
  await expect(rows.first().getByTestId("service-rollout")).toHaveAttribute("title", /circuit breaker/);

  const api = page.locator('tr[data-service="api"]');
  await expect(api.getByTestId("service-tasks")).toHaveText("2 / 2", { timeout: 20_000 });
  await expect(api.getByTestId("service-rollout")).toHaveText("complete");
  await expect(api).toContainText(`lf-${tag}-web:1`);
  await markDocument(page);
  await scale(busy, "api", 4);
  // While the new tasks start the row shows the rollout, then the counts settle at 4.
  await expect(api.getByTestId("service-tasks")).toHaveText("4 / 4", { timeout: 30_000 });
  await expectNoReload(page);
  expect(await describeService(busy, "api")).toMatchObject({ desiredCount: 4, runningCount: 4 });
  await page.screenshot({ path: `${SHOTS}/cluster.png`, fullPage: true });

  await api.getByRole("link", { name: "api" }).click();
  await expect(page).toHaveURL(new RegExp(`/ecs/clusters/${busy}/services/api$`));
});

test("a cluster with many services renders only the rows in view", async ({ page }) => {
  const wide = `lf-${tag}-wide`;
  await ecs().send(new CreateClusterCommand({ clusterName: wide }));
  const td = await taskDefinition(`lf-${tag}-idle`, "public.ecr.aws/docker/library/httpd:2.4");
  for (let i = 0; i < 60; i++) await createService(wide, `svc-${String(i).padStart(2, "0")}`, td, 0);
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.goto(`/ecs/clusters/${wide}`);
  await expect(page.getByText("60 in this cluster")).toBeVisible();
  const table = page.getByRole("table", { name: "Services" });
  await expect(table).toHaveAttribute("aria-rowcount", "61");
  const shown = await table.locator("tbody tr[data-service]").count();
  expect(shown).toBeGreaterThan(5);
  expect(shown).toBeLessThan(60);
  await expect(page.locator('tr[data-service="svc-59"]')).toHaveCount(0);
  await table.evaluate((el) => el.parentElement!.scrollTo(0, el.parentElement!.scrollHeight));
  await expect(page.locator('tr[data-service="svc-59"]')).toBeVisible();
  await expect(page.locator('tr[data-service="svc-00"]')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/cluster-wide.png`, fullPage: true });
});

test("an empty region says how to start", async ({ page }) => {
  await sandbox.reset();
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/");
  await expect(page.getByText("No ECS clusters in us-east-1")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Create cluster" })).toHaveAttribute("href", "/ecs/clusters/new");
  await page.screenshot({ path: `${SHOTS}/overview-empty.png`, fullPage: true });
});
