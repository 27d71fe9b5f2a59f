import fs from "node:fs";
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateClusterCommand, CreateServiceCommand, DescribeTasksCommand, ListTasksCommand, RegisterTaskDefinitionCommand, StopTaskCommand } from "@aws-sdk/client-ecs";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

const SHOTS = "/tmp/shots-logs";
const cluster = `logs-${Date.now()}`;
const service = "shop";
const group = `/ecs/${cluster}-shop`;
let taskId = "";

const logs = () => new CloudWatchLogsClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });

/** Writes lines to a stream (created if needed) as a container's awslogs driver would. */
async function write(stream: string, messages: string[], at = Date.now()) {
  try {
    await logs().send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceAlreadyExistsException") throw error;
  }
  for (let i = 0; i < messages.length; i += 10_000) {
    await logs().send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: messages.slice(i, i + 10_000).map((message, j) => ({ timestamp: at + i + j, message })) }));
  }
}

async function runningTask(): Promise<string> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const { taskArns } = await ecs().send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus: "RUNNING" }));
    if (taskArns?.length) {
      const { tasks } = await ecs().send(new DescribeTasksCommand({ cluster, tasks: taskArns }));
      const running = tasks?.find((t) => t.lastStatus === "RUNNING");
      if (running) return running.taskArn!.split("/").pop()!;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the service never ran a task");
}

const lines = (page: Page) => page.getByTestId("log-lines");

test.beforeAll(async () => {
  await sandbox.reset();
  const network = await fargateNetwork();
  await ecs().send(new CreateClusterCommand({ clusterName: cluster, capacityProviders: ["FARGATE"] }));
  await logs().send(new CreateLogGroupCommand({ logGroupName: group }));
  const awslogs = { logDriver: "awslogs" as const, options: { "awslogs-group": group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } };
  const { taskDefinition } = await ecs().send(
    new RegisterTaskDefinitionCommand({
      family: `${cluster}-shop`,
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      containerDefinitions: [
        { name: "web", image: "public.ecr.aws/docker/library/httpd:2.4", memory: 256, essential: true, portMappings: [{ containerPort: 8080 }], logConfiguration: awslogs },
        { name: "worker", image: "public.ecr.aws/docker/library/busybox:latest", memory: 256, essential: false, logConfiguration: awslogs },
      ],
    }),
  );
  await ecs().send(
    new CreateServiceCommand({
      cluster,
      serviceName: service,
      taskDefinition: `${taskDefinition!.family}:${taskDefinition!.revision}`,
      desiredCount: 1,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "ENABLED" } },
    }),
  );
  taskId = await runningTask();
});

test("the Logs tab shows a service's lines, follows new ones, filters, highlights and downloads", async ({ page }) => {
  const viewer = await seedUser("viewer");
  const token = `t${Date.now() % 1_000_000}`;
  // The task's own stream, and the worker container's, which the web view must leave out.
  await write(`ecs/web/${taskId}`, [`GET /api/orders 200 ${token}-first`, `ERROR payment declined ${token}-err`, ...Array.from({ length: 3000 }, (_, i) => `GET /health 200 ${token}-bulk-${i}`)], Date.now() - 60_000);
  await write(`ecs/worker/${taskId}`, [`worker tick ${token}-worker`]);
  await login(page, viewer.email, viewer.password);
  await page.goto(`/ecs/clusters/${cluster}/services/${service}`);
  await page.getByRole("navigation", { name: "Service sections" }).getByRole("link", { name: "Logs" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${service}/logs`));

  await expect(lines(page)).toContainText(`${token}-bulk-2999`);
  await expect(page.getByTestId("log-count")).toHaveText(/^[\d,]+ lines/);
  const shown = Number((await page.getByTestId("log-count").textContent())!.split(" ")[0]!.replace(/,/g, ""));
  expect(shown).toBeGreaterThanOrEqual(3002);
  // Virtualized: thousands of lines, a screenful of rows in the page.
  expect(await lines(page).locator("[data-index]").count()).toBeLessThan(150);
  await expect(lines(page)).not.toContainText(`${token}-worker`);
  await expect(page.getByLabel("Container")).toHaveValue("web");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/service-logs.png` });

  // A new line written through the SDK appears without a reload.
  const written = Date.now();
  await write(`ecs/web/${taskId}`, [`GET /api/cart 201 ${token}-live`]);
  await expect(lines(page)).toContainText(`${token}-live`, { timeout: 8_000 });
  console.log(`line written → shown in ${Date.now() - written} ms`);

  // Highlight marks text in view without asking AWS.
  await page.getByLabel("Highlight").fill(`${token}-live`);
  await expect(lines(page).locator("mark")).toHaveText(`${token}-live`);

  // The filter pattern goes to AWS: only the matching line stays.
  await page.getByLabel("Filter pattern").fill('"payment declined"');
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(lines(page)).toContainText(`${token}-err`);
  await expect(page.getByTestId("log-count")).toHaveText(/^1 line\b/);
  await expect(lines(page)).not.toContainText(`${token}-first`);
  expect(new URL(page.url()).searchParams.get("pattern")).toBe('"payment declined"');
  // A pattern AWS would refuse is caught at the field.
  await page.getByLabel("Filter pattern").fill('"unclosed');
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.locator("#log-pattern-error")).toHaveText('A quoted term is not closed: add the missing ".');
  await page.getByRole("button", { name: "Clear" }).click();
  // Unfiltered again: every line is back (the view follows the bottom; the first lines are scrolled away).
  await expect(lines(page)).toContainText(`${token}-live`);
  await expect.poll(async () => Number((await page.getByTestId("log-count").textContent())!.split(" ")[0]!.replace(/,/g, ""))).toBeGreaterThanOrEqual(3003);

  // Download: every line of the range, as AWS holds them.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${cluster}_${service}_web_\\d{8}T\\d{6}Z_\\d{8}T\\d{6}Z\\.log$`));
  const text = fs.readFileSync((await download.path())!, "utf8");
  const fileLines = text.trimEnd().split("\n");
  for (const t of [`${token}-first`, `${token}-err`, `${token}-bulk-0`, `${token}-bulk-2999`, `${token}-live`]) expect(text).toContain(t);
  expect(text).not.toContain(`${token}-worker`);
  expect(fileLines.every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z\tecs\/web\/\S+\t/.test(l))).toBe(true);
  const inAws = await logs().send(new FilterLogEventsCommand({ logGroupName: group, logStreamNames: [`ecs/web/${taskId}`], filterPattern: token }));
  expect(fileLines.filter((l) => l.includes(token))).toHaveLength(inAws.events!.length);
});

test("pause keeps the lines and holds new ones until resumed; a closed custom range does not follow", async ({ page }) => {
  const viewer = await seedUser("viewer");
  const token = `p${Date.now() % 1_000_000}`;
  await write(`ecs/web/${taskId}`, [`before pause ${token}`]);
  await login(page, viewer.email, viewer.password);
  await page.goto(`/ecs/clusters/${cluster}/services/${service}/logs?range=5m`);
  await expect(lines(page)).toContainText(`before pause ${token}`);
  await page.getByRole("button", { name: "Pause" }).click();
  await write(`ecs/web/${taskId}`, [`while paused ${token}`]);
  await expect(page.getByTestId("log-count")).toContainText(/\d+ new while paused/, { timeout: 8_000 });
  await expect(lines(page)).not.toContainText(`while paused ${token}`);
  await expect(lines(page)).toContainText(`before pause ${token}`);
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(lines(page)).toContainText(`while paused ${token}`);

  // Wrap: a long line takes several rows' height instead of scrolling sideways.
  await write(`ecs/web/${taskId}`, [`long ${token} ${"x".repeat(600)}`]);
  const long = lines(page).locator("[data-index]", { hasText: `long ${token}` });
  await expect(long).toBeVisible({ timeout: 8_000 });
  expect((await long.boundingBox())!.height).toBeLessThan(25);
  await page.getByLabel("Wrap lines").check();
  await expect.poll(async () => (await long.boundingBox())!.height).toBeGreaterThan(50);
  // Still following the newest lines after the rows grew.
  await expect(page.getByRole("button", { name: "Jump to latest ↓" })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/wrapped.png` });

  await page.getByLabel("Time range").selectOption("custom");
  await page.getByLabel("Start (UTC)").fill("2026-01-01T00:00");
  await page.getByLabel("End (UTC, empty = now)").fill("2025-12-31T00:00");
  await page.getByRole("button", { name: "Apply range" }).click();
  await expect(page.locator("#log-end-error")).toHaveText("The end must be after the start.");
  await page.getByLabel("End (UTC, empty = now)").fill(new Date(Date.now() - 3_600_000).toISOString().slice(0, 16));
  await page.getByLabel("Start (UTC)").fill(new Date(Date.now() - 7_200_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Apply range" }).click();
  await expect(page.getByText("Range loaded")).toBeVisible();
  await expect(lines(page)).not.toContainText(token);
});

test("a stopped task's logs stay readable on the task's logs page", async ({ page }) => {
  const viewer = await seedUser("viewer");
  const token = `s${Date.now() % 1_000_000}`;
  await write(`ecs/web/${taskId}`, [`shutting down ${token}`]);
  await write(`ecs/worker/${taskId}`, [`worker done ${token}`]);
  await ecs().send(new StopTaskCommand({ cluster, task: taskId, reason: "e2e stops it" }));
  await expect.poll(async () => (await ecs().send(new DescribeTasksCommand({ cluster, tasks: [taskId] }))).tasks?.[0]?.lastStatus, { timeout: 30_000 }).toBe("STOPPED");

  await login(page, viewer.email, viewer.password);
  await page.goto(`/ecs/clusters/${cluster}/tasks/${taskId}/logs`);
  await expect(page.getByTestId("task-log-status")).toContainText("STOPPED");
  await expect(lines(page)).toContainText(`shutting down ${token}`);
  await expect(lines(page)).not.toContainText(`worker done ${token}`);
  await page.getByLabel("Container").selectOption("worker");
  await expect(lines(page)).toContainText(`worker done ${token}`);
  await expect(page).toHaveURL(/container=worker/);
  await page.screenshot({ path: `${SHOTS}/stopped-task-logs.png` });
});

test("AWS refusing the read is explained with its request id; a service without awslogs says what to do", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await sandbox.fault({ service: "logs", operation: "FilterLogEvents", fault: "access_denied", count: -1 });
  try {
    await page.goto(`/ecs/clusters/${cluster}/services/${service}/logs`);
    const alert = page.getByRole("alert").filter({ hasText: "The logs could not be read" });
    await expect(alert).toContainText("logs:FilterLogEvents");
    await expect(alert).toContainText(/Request id: [0-9a-f-]{36}/);
  } finally {
    await sandbox.clearFaults();
  }

  const { taskDefinition } = await ecs().send(
    new RegisterTaskDefinitionCommand({ family: `${cluster}-quiet`, containerDefinitions: [{ name: "app", image: "busybox", memory: 128, essential: true }] }),
  );
  await ecs().send(new CreateServiceCommand({ cluster, serviceName: "quiet", taskDefinition: `${taskDefinition!.family}:${taskDefinition!.revision}`, desiredCount: 0, launchType: "EC2" }));
  await page.goto(`/ecs/clusters/${cluster}/services/quiet/logs`);
  await expect(page.getByText("No container logs to CloudWatch")).toBeVisible();
  await expect(page.getByText(`No container of ${cluster}-quiet:1 uses the awslogs log driver (app log elsewhere or not at all).`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the task definition" })).toHaveAttribute("href", `/ecs/task-definitions/${cluster}-quiet`);
});
