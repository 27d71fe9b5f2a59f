import { expect, test } from "@playwright/test";
import { CreateClusterCommand } from "@aws-sdk/client-ecs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { fargateNetwork, getSchedule, registerJob } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";

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
  expect((await sandbox.calls()).total).toBe(0);
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
