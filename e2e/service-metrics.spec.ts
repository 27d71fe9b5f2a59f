import fs from "node:fs";
import { CloudWatchClient, GetMetricDataCommand, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CreateServiceCommand } from "@aws-sdk/client-ecs";
import { expect, test, type Page } from "@playwright/test";
import { setLoad } from "../sandbox/client.mjs";
import { windowFor, type MetricRange } from "../lib/ecs/metrics/range";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { describeService, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

const cluster = `metrics-${Date.now()}`;
const busy = "web-busy";
const idle = "web-idle";
const SHOTS = "/tmp/shots-metrics";

const cloudwatch = () =>
  new CloudWatchClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });

/** What CloudWatch holds for a service, read straight through the SDK: the newest Average and Maximum per metric. */
async function latestFromCloudWatch(service: string, range: MetricRange = "1h") {
  const w = windowFor(range, Date.now());
  const dims = [
    { Name: "ClusterName", Value: cluster },
    { Name: "ServiceName", Value: service },
  ];
  const q = (Id: string, MetricName: string, Stat: string) => ({ Id, MetricStat: { Metric: { Namespace: "AWS/ECS", MetricName, Dimensions: dims }, Period: w.period, Stat } });
  const out = await cloudwatch().send(
    new GetMetricDataCommand({
      StartTime: new Date(w.start),
      EndTime: new Date(w.end),
      ScanBy: "TimestampAscending",
      MetricDataQueries: [q("ca", "CPUUtilization", "Average"), q("cm", "CPUUtilization", "Maximum"), q("ma", "MemoryUtilization", "Average"), q("mm", "MemoryUtilization", "Maximum")],
    }),
  );
  const last = (id: string) => {
    const r = out.MetricDataResults?.find((x) => x.Id === id);
    const n = r?.Values?.length ?? 0;
    return n ? { value: r!.Values![n - 1]!, at: new Date(r!.Timestamps![n - 1]!).getTime(), count: n } : null;
  };
  return { cpuAvg: last("ca"), cpuMax: last("cm"), memAvg: last("ma"), memMax: last("mm") };
}

const pct = (v: number) => `${v.toFixed(1)}%`;
const utc = (t: number) => new Date(t).toISOString().slice(0, 16).replace("T", " ") + " UTC";
const metricsUrl = (service: string, range?: MetricRange) => `/ecs/clusters/${cluster}/services/${service}/metrics${range ? `?range=${range}` : ""}`;

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.beforeAll(async () => {
  await sandbox.reset();
  const taskDefinition = await seedClusterAndTaskDefinition(cluster, "metrics-web");
  const net = await fargateNetwork();
  const awsvpcConfiguration = { subnets: net.subnets.slice(0, 2), securityGroups: [net.securityGroupId], assignPublicIp: "ENABLED" as const };
  for (const [serviceName, desiredCount] of [[busy, 2], [idle, 0]] as const) {
    await ecs().send(new CreateServiceCommand({ cluster, serviceName, taskDefinition, desiredCount, launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration } }));
  }
});

/**
 * Half an hour of history for a service, as CloudWatch would hold it for one that ran before: one
 * point a minute from 35 to 6 minutes ago, with a three-minute gap (tasks replaced), before the
 * sandbox agent's own points start.
 */
async function seedHistory(service: string) {
  const dims = [
    { Name: "ClusterName", Value: cluster },
    { Name: "ServiceName", Value: service },
  ];
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const data = [];
  for (let ago = 35; ago >= 6; ago--) {
    if (ago >= 18 && ago <= 20) continue;
    const Timestamp = new Date(minute - ago * 60_000 + 5_000);
    data.push(
      { MetricName: "CPUUtilization", Dimensions: dims, Timestamp, Value: 20 + (ago % 7) * 3, Unit: "Percent" as const },
      { MetricName: "MemoryUtilization", Dimensions: dims, Timestamp, Value: 30 + (ago % 5), Unit: "Percent" as const },
    );
  }
  await cloudwatch().send(new PutMetricDataCommand({ Namespace: "AWS/ECS", MetricData: data }));
}

test.afterEach(async () => {
  await sandbox.clearFaults();
});

test("a service without tasks explains why its charts are empty, as CloudWatch holds nothing for it", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.goto(metricsUrl(idle));
  await expect(page.getByRole("navigation", { name: "Service sections" }).getByRole("link", { name: "Metrics", exact: true })).toHaveAttribute("aria-current", "page");
  const empty = page.getByTestId("metrics-empty");
  await expect(empty).toContainText("No data points yet: ECS publishes service metrics every minute once tasks run");
  await expect(empty).toContainText(/The service was created at \d\d:\d\d UTC and no task runs right now \(0 of 0 desired\)/);
  await expect(page.getByTestId("task-size")).toContainText("0.25 vCPU (256 units) and 512 MiB");
  await expect(page.getByTestId("task-size")).toContainText("0 of 0 tasks running");
  const held = await latestFromCloudWatch(idle);
  expect(held).toEqual({ cpuAvg: null, cpuMax: null, memAvg: null, memMax: null });
  await shot(page, "empty");
});

test("CPU and memory charts show what CloudWatch holds; the range is in the URL; load shows after a refresh", async ({ page }) => {
  test.setTimeout(180_000);
  // The runtime agent starts the tasks and publishes their metrics every few seconds.
  await seedHistory(busy);
  await expect.poll(async () => (await latestFromCloudWatch(busy)).cpuAvg?.at ?? 0, { timeout: 90_000, intervals: [2000] }).toBeGreaterThan(Date.now() - 3 * 60_000);

  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.goto(metricsUrl(busy));
  const cpu = page.getByTestId("cpu-chart");
  const memory = page.getByTestId("memory-chart");
  await expect(cpu.locator("svg.recharts-surface")).toBeVisible();
  await expect(memory.locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByText("Per 1 min · 100% = 0.25 vCPU per task")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // The page's newest points are CloudWatch's newest points (read again until both saw the same publish).
  await expect(async () => {
    await page.reload();
    const pageCpu = (await page.getByTestId("cpu-chart-latest").textContent()) ?? "";
    const pageMemory = (await page.getByTestId("memory-chart-latest").textContent()) ?? "";
    const held = await latestFromCloudWatch(busy);
    expect(pageCpu).toBe(`Latest average CPU ${pct(held.cpuAvg!.value)}, maximum ${pct(held.cpuMax!.value)} at ${utc(held.cpuAvg!.at)}`);
    expect(pageMemory).toBe(`Latest average memory ${pct(held.memAvg!.value)}, maximum ${pct(held.memMax!.value)} at ${utc(held.memAvg!.at)}`);
    expect(Number(await cpu.getAttribute("data-points"))).toBe(held.cpuAvg!.count);
  }).toPass({ timeout: 45_000, intervals: [1000, 2000, 3000] });
  // Drawn, not only summarized: both lines have a path; the deployments DescribeServices lists are marked.
  await expect(cpu.locator(".recharts-line path.recharts-curve")).toHaveCount(2);
  const deployments = (await describeService(cluster, busy))?.deployments ?? [];
  expect(deployments.length).toBeGreaterThan(0);
  await expect(cpu.locator(".recharts-reference-line")).toHaveCount(deployments.length);
  await expect(cpu.getByText("Deployment")).toHaveCount(deployments.length);
  await shot(page, "1h");
  const before = await latestFromCloudWatch(busy);
  expect(before.cpuMax!.value).toBeLessThan(50);

  // Range switch: the URL carries it and the period follows the console (5 min for a day, 1 h for a week).
  await page.getByRole("link", { name: "Last 24 hours" }).click();
  await expect(page).toHaveURL(/\/metrics\?range=24h$/);
  await expect(page.getByText("Per 5 min · 100% = 0.25 vCPU per task")).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 24 hours" })).toHaveAttribute("aria-current", "page");
  await expect(cpu).toHaveAttribute("data-points", /^[1-9]\d*$/);
  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\/metrics\?range=7d$/);
  await expect(page.getByText("Per 1 h · 100% = 0.25 vCPU per task")).toBeVisible();
  await shot(page, "7d");

  // Load: the sandbox pins both tasks' CPU; "Refresh now" makes the shared watcher read again and the chart shows it.
  await page.getByRole("link", { name: "Last 1 hour" }).click();
  await expect(page).toHaveURL(/\/metrics\?range=1h$/);
  await setLoad(stack().sandboxEndpoint, { cluster, service: busy, cpu: 400 });
  await expect.poll(async () => (await latestFromCloudWatch(busy)).cpuMax?.value ?? 0, { timeout: 40_000, intervals: [2000] }).toBeGreaterThanOrEqual(90);
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh now" }).click();
    await expect(page.getByTestId("cpu-chart-latest")).toContainText(/maximum (9\d|100)\.\d%/, { timeout: 3000 });
  }).toPass({ timeout: 40_000, intervals: [6000] });
  await expect(page.getByText(/Peak (9\d|100)\.\d%/).first()).toBeVisible();
  await shot(page, "loaded");
});

test("a CloudWatch refusal is shown with what to do and AWS's request id", async ({ page }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await sandbox.fault({ service: "cloudwatch", operation: "GetMetricData", fault: "access_denied", count: -1 });
  // A range nobody read yet, so no shared read from before the fault can answer.
  await page.goto(metricsUrl(idle, "6h"));
  const alert = page.getByRole("alert").filter({ hasText: "CloudWatch" });
  await expect(alert).toContainText("CloudWatch did not answer");
  await expect(alert).toContainText("cloudwatch:GetMetricData");
  await expect(alert).toContainText(/Request id: [0-9a-f-]{36}/);
  await shot(page, "error");
});
