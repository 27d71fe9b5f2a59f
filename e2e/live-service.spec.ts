import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type DesiredStatus,
} from "@aws-sdk/client-ecs";
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { setAgent } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { query, sandboxConnectionId, seedUser } from "./fixtures/db";
import { seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

const cluster = `live-${Date.now()}`;
const SHOTS = "/tmp/shots-service";
let taskDefinition = "";
let crashDefinition = "";
let network: Awaited<ReturnType<typeof fargateNetwork>>;

test.beforeAll(async () => {
  await sandbox.reset();
  fs.mkdirSync(SHOTS, { recursive: true });
  network = await fargateNetwork();
  taskDefinition = await seedClusterAndTaskDefinition(cluster, "liveweb");
  const crash = await ecs().send(
    new RegisterTaskDefinitionCommand({
      family: "crasher",
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "app", image: "public.ecr.aws/example/crash:1", memory: 512, essential: true }],
    }),
  );
  crashDefinition = `crasher:${crash.taskDefinition!.revision}`;
});

test.afterEach(async () => {
  await setAgent(stack().sandboxEndpoint, { paused: false });
});

// The service pages' shared pollers outlive their last viewer by a few seconds: let them stop so the
// next spec file counts only its own AWS calls.
test.afterAll(async () => {
  await sandbox.quiet();
});

async function createService(name: string, family: string, desiredCount: number) {
  await ecs().send(
    new CreateServiceCommand({
      cluster,
      serviceName: name,
      taskDefinition: family,
      desiredCount,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
    }),
  );
}

async function taskIds(service: string, desiredStatus: DesiredStatus) {
  const { taskArns } = await ecs().send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus }));
  return (taskArns ?? []).map((a) => a.split("/").pop()!).sort();
}

const appAutoScaling = () =>
  new ApplicationAutoScalingClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });

const rows = (page: Page, status: string) => page.locator(`[data-testid="task-row"][data-status="${status}"]`);
const idsOn = async (page: Page, status: string) =>
  (await rows(page, status).evaluateAll((els) => els.map((e) => e.getAttribute("data-task-id") ?? ""))).sort();

/** Marks the loaded document: if the page reloads or navigates, the mark is gone. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { __sameDocument: "yes" }));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: string }).__sameDocument);

test("tasks appear as the agent starts them and follow the desired count, without a reload", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  const name = `web${Date.now() % 100000}`;
  // Held back so the page is seen before and after the tasks start.
  await setAgent(stack().sandboxEndpoint, { paused: true });
  await createService(name, taskDefinition, 2);
  await page.goto(`/ecs/clusters/${cluster}/services/${name}`);
  await markDocument(page);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await expect(rows(page, "RUNNING")).toHaveCount(0);
  await expect(page.getByTestId("task-counts")).toHaveText("2 desired · 0 running · 0 pending");

  await setAgent(stack().sandboxEndpoint, { paused: false });
  await expect(rows(page, "RUNNING")).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId("task-counts")).toHaveText("2 desired · 2 running · 0 pending", { timeout: 15_000 });
  expect(await idsOn(page, "RUNNING")).toEqual(await taskIds(name, "RUNNING"));
  const primary = page.locator('[data-testid="deployment"][data-status="PRIMARY"]');
  await expect(primary.getByTestId("rollout-state")).toHaveText(/completed/i, { timeout: 15_000 });
  await expect(primary.getByTestId("deployment-progress")).toHaveText("2 / 2 running");
  await expect(page.getByText(/circuit breaker on, with rollback/i)).toBeVisible();
  await expect(page.getByTestId("auto-scaling")).toHaveText("Off");
  // Events newest first, as ECS holds them.
  const { services } = await ecs().send(new DescribeServicesCommand({ cluster, services: [name] }));
  await expect(page.getByTestId("service-event").first()).toContainText(services![0]!.events![0]!.message!);
  await page.screenshot({ path: `${SHOTS}/service-running.png`, fullPage: true });

  // Scale up through the SDK: the page follows.
  await ecs().send(new UpdateServiceCommand({ cluster, service: name, desiredCount: 3 }));
  await expect(rows(page, "RUNNING")).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId("task-counts")).toHaveText("3 desired · 3 running · 0 pending", { timeout: 15_000 });
  expect(await idsOn(page, "RUNNING")).toEqual(await taskIds(name, "RUNNING"));

  // Scale down: the stopped tasks stay listed, with why they stopped.
  await ecs().send(new UpdateServiceCommand({ cluster, service: name, desiredCount: 1 }));
  await expect(rows(page, "RUNNING")).toHaveCount(1, { timeout: 30_000 });
  await expect(rows(page, "STOPPED")).toHaveCount(2, { timeout: 30_000 });
  expect(await idsOn(page, "STOPPED")).toEqual(await taskIds(name, "STOPPED"));
  await expect(rows(page, "STOPPED").first().getByTestId("stop-details")).toContainText("ServiceSchedulerInitiated");
  await page.getByRole("button", { name: /^Stopped \(2\)$/ }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(2);
  await page.getByRole("button", { name: /^All \(3\)$/ }).click();

  // Pausing stops the stream; resuming picks up again.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paused" })).toBeVisible();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  expect(await sameDocument(page)).toBe("yes");
});

test("a crashing image: stopped tasks with exit code 1 and the reason, the deployment fails", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  const name = `crash${Date.now() % 100000}`;
  await createService(name, crashDefinition, 1);
  await page.goto(`/ecs/clusters/${cluster}/services/${name}`);
  await markDocument(page);

  const stopped = rows(page, "STOPPED");
  await expect(stopped.first()).toBeVisible({ timeout: 30_000 });
  await expect(stopped.first().getByTestId("stop-details")).toContainText("EssentialContainerExited");
  await expect(stopped.first().getByTestId("stop-details")).toContainText("exit code 1");
  const primary = page.locator('[data-testid="deployment"][data-status="PRIMARY"]');
  await expect(primary.getByTestId("rollout-state")).toHaveText(/failed/i, { timeout: 45_000 });
  await expect(primary.getByTestId("rollout-reason")).toContainText("circuit breaker");
  await expect(primary.getByTestId("deployment-progress")).toContainText("0 / 1 running");
  await expect(primary).toContainText(/[3-9] failed/);

  // What AWS holds: the failed deployment and the stopped tasks' reason and exit code.
  const { services } = await ecs().send(new DescribeServicesCommand({ cluster, services: [name] }));
  const deployment = services![0]!.deployments!.find((d) => d.status === "PRIMARY")!;
  expect(deployment.rolloutState).toBe("FAILED");
  await expect(primary.getByTestId("rollout-reason")).toHaveText(deployment.rolloutStateReason!);
  const stoppedIds = await taskIds(name, "STOPPED");
  expect(stoppedIds.length).toBeGreaterThanOrEqual(3);
  const { tasks } = await ecs().send(new DescribeTasksCommand({ cluster, tasks: stoppedIds }));
  for (const t of tasks!) expect(t.containers![0]!.exitCode).toBe(1);
  await expect(stopped.first().getByTestId("stop-details")).toContainText(tasks![0]!.stoppedReason!);
  expect(await sameDocument(page)).toBe("yes");
  await page.screenshot({ path: `${SHOTS}/service-crash.png`, fullPage: true });

  // A stopped task's own page: its container's exit code and why it stopped.
  await stopped.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/ecs/clusters/${cluster}/tasks/\\w+$`));
  const containers = page.getByRole("table", { name: "Containers" });
  await expect(containers.getByRole("row", { name: /app/ })).toContainText("public.ecr.aws/example/crash:1");
  await expect(containers.getByRole("row", { name: /app/ })).toContainText("1");
  await expect(page.getByTestId("task-stop")).toContainText("EssentialContainerExited");
  await expect(page.getByTestId("task-stop")).toContainText("exit code 1");
  await page.screenshot({ path: `${SHOTS}/task-crashed.png`, fullPage: true });
});

test("the task page shows containers, network and where the task came from, live", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  const name = `one${Date.now() % 100000}`;
  await createService(name, taskDefinition, 1);
  await expect.poll(() => taskIds(name, "RUNNING"), { timeout: 15_000 }).toHaveLength(1);
  const [id] = await taskIds(name, "RUNNING");
  const resourceId = `service/${cluster}/${name}`;
  await appAutoScaling().send(
    new RegisterScalableTargetCommand({ ServiceNamespace: "ecs", ResourceId: resourceId, ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 1, MaxCapacity: 4 }),
  );
  const { ScalableTargets } = await appAutoScaling().send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [resourceId] }));
  expect(ScalableTargets?.map((t) => [t.MinCapacity, t.MaxCapacity])).toEqual([[1, 4]]);
  await page.goto(`/ecs/clusters/${cluster}/services/${name}`);
  await expect(page.getByTestId("auto-scaling")).toHaveText("min 1 · max 4");
  await page.getByRole("link", { name: id! }).click();
  await expect(page).toHaveURL(`/ecs/clusters/${cluster}/tasks/${id}`);
  await expect(page.getByRole("heading", { name: `Task ${id}` })).toBeVisible();

  const { tasks } = await ecs().send(new DescribeTasksCommand({ cluster, tasks: [id!] }));
  const task = tasks![0]!;
  const detail = (n: string) => task.attachments![0]!.details!.find((d) => d.name === n)!.value!;
  await expect(page.getByTestId("task-status")).toHaveText(/running/i, { timeout: 15_000 });
  const containers = page.getByRole("table", { name: "Containers" });
  await expect(containers.getByRole("row", { name: /web/ })).toContainText("public.ecr.aws/docker/library/httpd:2.4");
  const networkCard = page.getByTestId("task-network");
  await expect(networkCard).toContainText(detail("networkInterfaceId"));
  await expect(networkCard).toContainText(detail("privateIPv4Address"));
  await expect(networkCard).toContainText(detail("subnetId"));
  await expect(page.getByRole("link", { name: taskDefinition })).toHaveAttribute("href", `/ecs/task-definitions/liveweb/${taskDefinition.split(":")[1]}`);
  await expect(page.locator("dd").getByRole("link", { name, exact: true })).toHaveAttribute("href", `/ecs/clusters/${cluster}/services/${name}`);
  await expect(page.getByRole("link", { name: "Logs" })).toHaveAttribute("href", `/ecs/clusters/${cluster}/tasks/${id}/logs`);
  await page.screenshot({ path: `${SHOTS}/task-running.png`, fullPage: true });

  // Scaled to zero through the SDK, the open page shows it stopping and then stopped.
  await markDocument(page);
  await ecs().send(new UpdateServiceCommand({ cluster, service: name, desiredCount: 0 }));
  await expect(page.getByTestId("task-status")).toHaveText(/stopped/i, { timeout: 30_000 });
  await expect(page.getByTestId("task-stop")).toContainText("ServiceSchedulerInitiated");
  expect(await sameDocument(page)).toBe("yes");

  // An unknown task id: said plainly, not an error page.
  await page.goto(`/ecs/clusters/${cluster}/tasks/0123456789abcdef0123456789abcdef`);
  await expect(page.getByText("ECS does not know this task")).toBeVisible();
});

test("the History tab lists this service's runs in this account and region only, newest first", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  const name = `hist${Date.now() % 100000}`;
  await createService(name, taskDefinition, 0);
  const connectionId = await sandboxConnectionId();
  const run = async (title: string, resources: string[], region: string, minutesAgo: number) => {
    const id = `run-${randomUUID().slice(0, 12)}`;
    await query(
      `INSERT INTO "PlanRun" (id, "userId", "connectionId", region, wizard, title, resources, input, plan, status, "createdAt")
       VALUES ($1, $2, $3, $4, 'ecs-service', $5, $6, '{}', '{"steps":[]}', 'succeeded', now() - make_interval(mins => $7::int))`,
      [id, viewer.id, connectionId, region, title, resources, minutesAgo],
    );
    return id;
  };
  const older = await run(`Create ${name}`, [`ecs:service/${cluster}/${name}`, `ecs:cluster/${cluster}`], "us-east-1", 30);
  const newer = await run(`Scale ${name}`, [`ecs:service/${cluster}/${name}`], "us-east-1", 5);
  await run(`Create ${name}-2`, [`ecs:service/${cluster}/${name}-2`], "us-east-1", 1);
  await run(`Create ${name} elsewhere`, [`ecs:service/${cluster}/${name}`], "eu-west-1", 2);

  await page.goto(`/ecs/clusters/${cluster}/services/${name}`);
  await page.getByRole("navigation", { name: "Service sections" }).getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(`/ecs/clusters/${cluster}/services/${name}/history`);
  const table = page.getByRole("table", { name: "Plan runs" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("link")).toHaveText([`Scale ${name}`, `Create ${name}`]);
  await expect(table.getByRole("link", { name: `Scale ${name}` })).toHaveAttribute("href", `/history/${newer}`);
  await table.getByRole("link", { name: `Create ${name}` }).click();
  await expect(page).toHaveURL(`/history/${older}`);
});
