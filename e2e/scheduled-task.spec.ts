import { expect, test } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateRoleCommand, GetRolePolicyCommand, IAMClient } from "@aws-sdk/client-iam";
import { allows, parsePolicy } from "../lib/iam/policy-diff";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { fargateNetwork, getSchedule, registerJob } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const cluster = `cron-${Date.now()}`;
let network: Awaited<ReturnType<typeof fargateNetwork>>;
let job: string;
let clusterArn: string;

test.beforeAll(async () => {
  await sandbox.reset();
  network = await fargateNetwork();
  job = await registerJob(`report-${Date.now()}`);
  clusterArn = (await ecs().send(new CreateClusterCommand({ clusterName: cluster }))).cluster!.clusterArn!;
});

test("an invalid expression is rejected at the field with no AWS call; a valid one shows its next runs", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/scheduled-tasks/new`);
  await page.waitForLoadState("networkidle");
  // A live view of the previous spec file may still be polling for a few seconds: count only this page's calls.
  await sandbox.quiet();
  await sandbox.resetCalls();

  await page.getByLabel("Schedule name").fill("nightly");
  const expression = page.getByLabel("Schedule expression");
  for (const [value, message] of [
    ["cron(0 9 * * *)", "A cron expression has 6 fields"],
    ["cron(0 9 * * MON-FRI *)", "Use ? in exactly one of day-of-month and day-of-week"],
    ["rate(5 minute)", "For a value above 1 use the plural unit: rate(5 minutes)."],
    ["every day", "Enter rate(value unit)"],
  ]) {
    await expression.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#expression-error")).toContainText(message);
    await expect(page.getByRole("list", { name: "Next runs" })).toHaveCount(0);
  }
  await expression.fill("cron(0 9 ? * MON-FRI *)");
  const runs = page.getByRole("list", { name: "Next runs" }).getByRole("listitem");
  await expect(runs).toHaveCount(5);
  for (const run of await runs.allTextContents()) expect(run).toMatch(/^\d{4}-\d\d-\d\d 09:00 UTC · /);
  await expect(page.getByRole("heading", { name: "Schedule", exact: true })).toBeVisible();
  const calls = await sandbox.calls();
  expect(calls.total, JSON.stringify(calls)).toBe(0);
});

test("create a schedule that runs the task on Fargate, then delete it", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}`);
  await page.getByRole("link", { name: "Scheduled tasks" }).click();
  await expect(page.getByText("No scheduled tasks")).toBeVisible();
  await page.getByRole("link", { name: "Create schedule" }).click();

  await page.getByLabel("Schedule name").fill("every-five");
  await page.getByLabel("Schedule expression").fill("rate(5 minutes)");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Task definition").selectOption(job);
  await page.getByLabel("Number of tasks").fill("2");
  await page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!)).check();
  await page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId)).check();
  await page.getByText("Create PortsideSchedulerEcsRunTask").click();
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(2)).toContainText("scheduler:CreateSchedule");
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });

  const schedule = await getSchedule("every-five");
  expect(schedule.ScheduleExpression).toBe("rate(5 minutes)");
  expect(schedule.ScheduleExpressionTimezone).toBe("Europe/Berlin");
  expect(schedule.FlexibleTimeWindow).toEqual({ Mode: "OFF" });
  expect(schedule.Target?.Arn).toBe(clusterArn);
  expect(schedule.Target?.RoleArn).toMatch(/:role\/PortsideSchedulerEcsRunTask$/);
  expect(schedule.Target?.EcsParameters).toEqual({
    TaskDefinitionArn: clusterArn.replace(/:cluster\/.*/, `:task-definition/${job}`),
    TaskCount: 2,
    LaunchType: "FARGATE",
    NetworkConfiguration: { awsvpcConfiguration: { Subnets: [network.subnets[0]], SecurityGroups: [network.securityGroupId], AssignPublicIp: "DISABLED" } },
  });

  await page.goto(`/ecs/clusters/${cluster}/scheduled-tasks`);
  const row = page.getByRole("row", { name: /every-five/ });
  await expect(row).toContainText("rate(5 minutes)");
  await expect(row).toContainText(job);
  await row.getByRole("button", { name: "Delete schedule every-five" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete schedule" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await expect(getSchedule("every-five")).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});

const iam = () => new IAMClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const runTaskNeed = (arn: string, ref: string) => ({ action: "ecs:RunTask", resource: arn.replace(/:cluster\/.*/, `:task-definition/${ref}`), context: { "ecs:cluster": arn } });

test("a second schedule in another cluster defaults sensibly, reuses the scheduler role and widens its policy", async ({ page }) => {
  // Another cluster whose service runs the "worker" family; "report" (the first schedule's) sorts before it.
  const cluster2 = `cron2-${Date.now()}`;
  const worker = `worker-${Date.now()}`;
  const cluster2Arn = (await ecs().send(new CreateClusterCommand({ clusterName: cluster2 }))).cluster!.clusterArn!;
  const first = await registerJob(worker);
  await ecs().send(new CreateServiceCommand({
    cluster: cluster2, serviceName: "workers", taskDefinition: first, desiredCount: 0, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: [network.subnets[0]!], securityGroups: [network.securityGroupId] } },
  }));
  const latest = await registerJob(worker);
  expect(latest).not.toBe(first);

  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster2}/scheduled-tasks/new`);
  await page.getByLabel("Schedule name").fill("hourly-worker");
  await page.getByLabel("Schedule expression").fill("rate(1 hour)");
  await page.getByRole("button", { name: "Next" }).click();

  // The newest revision of the family this cluster's service runs, not the oldest of the first family.
  await expect(page.getByLabel("Task definition")).toHaveValue(latest);
  // The role exists (the previous test made it): creating it again is off, and it is the one picked.
  await expect(page.getByRole("radio", { name: /Create PortsideSchedulerEcsRunTask/ })).toBeDisabled();
  await expect(page.getByRole("radio", { name: /Use an existing role/ })).toBeChecked();
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue(/:role\/PortsideSchedulerEcsRunTask$/);
  await expect(page.getByTestId("role-widen")).toContainText(`ecs:RunTask on ${runTaskNeed(cluster2Arn, latest).resource}`);

  await page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!)).check();
  await page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId)).check();
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("iam:PutRolePolicy");
  await expect(steps.nth(0)).toContainText("Widen RunEcsTasks of PortsideSchedulerEcsRunTask");
  await expect(steps.nth(1)).toContainText("scheduler:CreateSchedule");
  await page.screenshot({ path: "test-results/schedule-widen-review.png", fullPage: true });
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });

  // What IAM now holds: one policy that lets the role run both families, each in its own cluster.
  const out = await iam().send(new GetRolePolicyCommand({ RoleName: "PortsideSchedulerEcsRunTask", PolicyName: "RunEcsTasks" }));
  const statements = parsePolicy(out.PolicyDocument)!.Statement;
  expect(allows(statements, runTaskNeed(clusterArn, job))).toBe(true);
  expect(allows(statements, runTaskNeed(cluster2Arn, latest))).toBe(true);
  expect(allows(statements, runTaskNeed(clusterArn, latest))).toBe(false);
  expect((await getSchedule("hourly-worker")).Target?.RoleArn).toMatch(/:role\/PortsideSchedulerEcsRunTask$/);
});

test("a role Portside did not create is checked and its missing permission named at the field and at review", async ({ page }) => {
  await iam().send(new CreateRoleCommand({
    RoleName: "team-scheduler",
    AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "scheduler.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
  }));
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/scheduled-tasks/new`);
  await page.getByLabel("Schedule name").fill("team-run");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Task definition").selectOption(job);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "team-scheduler" });
  const warning = page.getByTestId("role-warning");
  await expect(warning).toContainText(`Role team-scheduler lacks ecs:RunTask on ${runTaskNeed(clusterArn, job).resource}`);
  await page.screenshot({ path: "test-results/schedule-role-warning.png", fullPage: true });

  await page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!)).check();
  await page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId)).check();
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Role team-scheduler lacks ecs:RunTask" })).toBeVisible();
});
