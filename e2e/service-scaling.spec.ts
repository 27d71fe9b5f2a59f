import fs from "node:fs";
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { CloudWatchClient, DescribeAlarmsCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import { CreateServiceCommand, DescribeCapacityProvidersCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { GetQueueUrlCommand, SQSClient } from "@aws-sdk/client-sqs";
import { expect, test, type Page } from "@playwright/test";
import { setAutoscaling, setLoad, setTelemetry } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser } from "./fixtures/db";
import { seedEc2Cluster } from "./fixtures/duplicate";
import { describeService, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  await autoscaler({ paused: false });
});

const SHOTS = "/tmp/shots-scaling";
const cluster = `scl-${Date.now()}`;
const family = `sclweb${Date.now() % 100000}`;
const service = "worker";
const serviceKey = `ecs:service/${cluster}/${service}`;
const scalingPage = `/ecs/clusters/${cluster}/services/${service}/scaling`;
const queueName = `${service}-jobs-${Date.now() % 100000}`;
let revision = "";
const scope = { ServiceNamespace: "ecs" as const, ResourceId: `service/${cluster}/${service}`, ScalableDimension: "ecs:service:DesiredCount" as const };

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const aas = () => new ApplicationAutoScalingClient(config());
const cloudwatch = () => new CloudWatchClient(config());

// The sandbox's autoscaler evaluates alarms and scales as AWS would; held still so each test sees
// only what Portside did, and let go in the load test.
const autoscaler = (settings: Record<string, unknown>) => setAutoscaling(stack().sandboxEndpoint, settings);

test.beforeAll(async () => {
  await sandbox.reset();
  await autoscaler({ paused: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const network = await fargateNetwork();
  revision = await seedClusterAndTaskDefinition(cluster, family);
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: service, taskDefinition: revision, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
  }));
});

async function openScaling(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(scalingPage);
  await expect(page.getByRole("heading", { name: "Auto scaling", exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible({ timeout: 20_000 });
}

const editor = (page: Page, name: "Target tracking" | "Queue-driven" | "Scheduled") => page.getByRole("form", { name: name === "Queue-driven" ? "Queue-driven scaling" : name === "Scheduled" ? "Scheduled scaling" : name });
async function pickEditor(page: Page, name: "Target tracking" | "Queue-driven" | "Scheduled") {
  await page.getByRole("tablist", { name: "Scaling editors" }).getByRole("tab", { name }).click();
  return editor(page, name);
}

const mutations = async () => Object.keys((await sandbox.calls()).calls).filter((op) => /:(Update|Register|Deregister|Create|Delete|Put)/.test(op));
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

async function runSucceeds(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
}

test("auto scaling is off: the empty state says what it does; bad ranges, targets and steps stop at the field with no AWS call", async ({ page }) => {
  await openScaling(page);
  await expect(page.getByText("Auto scaling is off")).toBeVisible();
  await shot(page, "off");

  await sandbox.resetCalls();
  const tt = editor(page, "Target tracking");
  await tt.getByLabel("Minimum tasks").fill("5");
  await tt.getByLabel("Maximum tasks").fill("2");
  await tt.getByRole("button", { name: "Review target tracking" }).click();
  await expect(tt.getByText("Minimum tasks cannot be more than maximum tasks.")).toBeVisible();
  await tt.getByLabel("Minimum tasks").fill("1");
  await tt.getByLabel("Track average CPU utilization").check();
  for (const bad of ["0", "150"]) {
    await tt.getByLabel("Target (%)").fill(bad);
    await tt.getByRole("button", { name: "Review target tracking" }).click();
    await expect(tt.getByText("Target utilization is 1 to 100 percent.")).toBeVisible();
  }
  await shot(page, "target-invalid");

  const q = await pickEditor(page, "Queue-driven");
  await q.getByRole("radio", { name: "Create a queue" }).check();
  await q.getByLabel("Step 2 from").fill("600");
  await q.getByRole("button", { name: "Review queue scaling" }).click();
  await expect(q.getByText("Gap between steps: this step must start at 500.")).toBeVisible();
  await q.getByLabel("Step 2 from").fill("400");
  await expect(q.getByText("Steps overlap: this step must start at 500.")).toBeVisible();
  await shot(page, "queue-invalid");

  const s = await pickEditor(page, "Scheduled");
  await s.getByLabel("Schedule expression").fill("cron(0 8 * * *)");
  await s.getByRole("button", { name: "Review scheduled action" }).click();
  await expect(s.getByRole("alert").first()).toBeVisible();
  await expect(s.getByRole("list", { name: "Plan steps" })).toHaveCount(0);

  expect(await mutations()).toEqual([]);
  expect(await runsFor(serviceKey)).toHaveLength(0);
  const calls = Object.keys((await sandbox.calls()).calls);
  expect(calls.filter((c) => /Put|Register/.test(c))).toEqual([]);
});

test("target tracking on CPU: the plan registers the target and puts the policy; AWS holds both and the tab shows them with their alarms", async ({ page }) => {
  await openScaling(page);
  const tt = editor(page, "Target tracking");
  await tt.getByLabel("Minimum tasks").fill("1");
  await tt.getByLabel("Maximum tasks").fill("6");
  await tt.getByLabel("Track average CPU utilization").check();
  await tt.getByLabel("Target (%)").fill("60");
  await tt.getByLabel("Scale-in cooldown (s)").fill("120");
  await tt.getByRole("button", { name: "Review target tracking" }).click();
  const steps = tt.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("RegisterScalableTarget");
  await expect(steps.nth(1)).toContainText("PutScalingPolicy");
  await shot(page, "target-review");
  await tt.getByRole("button", { name: "Apply target tracking" }).click();
  await runSucceeds(page);

  const { ScalableTargets } = await aas().send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [scope.ResourceId] }));
  expect(ScalableTargets).toHaveLength(1);
  expect([ScalableTargets![0]!.MinCapacity, ScalableTargets![0]!.MaxCapacity]).toEqual([1, 6]);
  const { ScalingPolicies } = await aas().send(new DescribeScalingPoliciesCommand(scope));
  expect(ScalingPolicies).toHaveLength(1);
  const tracking = ScalingPolicies![0]!.TargetTrackingScalingPolicyConfiguration!;
  expect(tracking.PredefinedMetricSpecification?.PredefinedMetricType).toBe("ECSServiceAverageCPUUtilization");
  expect(tracking.TargetValue).toBe(60);
  expect(tracking.ScaleInCooldown).toBe(120);
  const alarmNames = ScalingPolicies![0]!.Alarms!.map((a) => a.AlarmName!);
  expect(alarmNames.length).toBeGreaterThanOrEqual(1);
  const { MetricAlarms } = await cloudwatch().send(new DescribeAlarmsCommand({ AlarmNames: alarmNames }));
  expect(MetricAlarms!.map((a) => a.AlarmName).sort()).toEqual([...alarmNames].sort());

  await page.goto(scalingPage);
  await expect(page.getByText("Auto scaling is on")).toBeVisible();
  await expect(page.getByTestId("scaling-min")).toHaveText("1");
  await expect(page.getByTestId("scaling-max")).toHaveText("6");
  await expect(page.getByText("Auto scaling owns the desired count; deployments from Portside leave it alone.")).toBeVisible();
  const policy = page.getByRole("listitem", { name: `Policy ${service}-cpu-target-tracking` });
  await expect(policy).toContainText("Keep Average CPU utilization at 60%");
  await expect(policy).toContainText("scale-in cooldown 120 s");
  for (const name of alarmNames) {
    const state = MetricAlarms!.find((a) => a.AlarmName === name)!.StateValue!;
    await expect(policy.getByRole("listitem", { name: `Alarm ${name}` })).toContainText(state);
  }
  // moto cannot list scaling activities unless the sandbox implements them: either way the tab says what it knows.
  await expect(page.getByText(/Scaling activities could not be read|No scaling activity yet|Recent scaling activities/).first()).toBeVisible();
  await shot(page, "target-on");
});

test("queue-driven scaling: a new queue, step scaling out and in, each with its CloudWatch alarm on the queue", async ({ page }) => {
  await openScaling(page);
  const q = await pickEditor(page, "Queue-driven");
  await expect(q.getByLabel("Minimum tasks")).toHaveValue("1");
  await q.getByRole("radio", { name: "Create a queue" }).check();
  await q.getByLabel("New queue name").fill(queueName);
  await q.getByRole("button", { name: "Add step" }).click();
  await expect(q.getByLabel("Step 2 to")).toHaveValue("1000");
  await expect(q.getByLabel("Step 3 from")).toHaveValue("1000");
  await q.getByLabel("Step 3 tasks to add").fill("5");
  await q.getByRole("button", { name: "Review queue scaling" }).click();
  const steps = q.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(6);
  await expect(steps.nth(0)).toContainText("sqs:CreateQueue");
  await shot(page, "queue-review");
  await q.getByRole("button", { name: "Apply queue scaling" }).click();
  await runSucceeds(page);

  const sqs = new SQSClient(config());
  expect((await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }))).QueueUrl).toContain(queueName);
  const { ScalingPolicies } = await aas().send(new DescribeScalingPoliciesCommand(scope));
  const out = ScalingPolicies!.find((p) => p.PolicyName === `${service}-queue-scale-out`)!;
  expect(out.StepScalingPolicyConfiguration!.StepAdjustments).toEqual([
    { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 400, ScalingAdjustment: 1 },
    { MetricIntervalLowerBound: 400, MetricIntervalUpperBound: 900, ScalingAdjustment: 3 },
    { MetricIntervalLowerBound: 900, ScalingAdjustment: 5 },
  ]);
  expect(ScalingPolicies!.some((p) => p.PolicyName === `${service}-queue-scale-in`)).toBe(true);
  const { MetricAlarms } = await cloudwatch().send(new DescribeAlarmsCommand({ AlarmNamePrefix: `portside-${cluster}-${service}-queue-` }));
  expect(MetricAlarms!.map((a) => [a.AlarmName, a.Threshold, a.ComparisonOperator, a.Dimensions![0]!.Value])).toEqual([
    [`portside-${cluster}-${service}-queue-high`, 100, "GreaterThanOrEqualToThreshold", queueName],
    [`portside-${cluster}-${service}-queue-low`, 10, "LessThanOrEqualToThreshold", queueName],
  ]);

  await page.goto(scalingPage);
  const policy = page.getByRole("listitem", { name: `Policy ${service}-queue-scale-out` });
  await expect(policy).toContainText("100 to 500 messages: add 1 task");
  await expect(policy).toContainText("1000 messages or more: add 5 tasks");
  const high = policy.getByRole("listitem", { name: `Alarm portside-${cluster}-${service}-queue-high` });
  await expect(high).toBeVisible();
  // The alarm fires (set by hand: moto never evaluates alarms): the open tab shows it without a reload.
  await cloudwatch().send(new SetAlarmStateCommand({ AlarmName: `portside-${cluster}-${service}-queue-high`, StateValue: "ALARM", StateReason: "Threshold Crossed: 1 datapoint [812.0] was >= 100.0" }));
  await expect(high).toContainText("ALARM", { timeout: 30_000 });
  await expect(high).toContainText("Threshold Crossed: 1 datapoint [812.0]");
  await shot(page, "queue-on");
});

test("scheduled scaling: the action is stored with its time zone and the tab shows its next runs in that zone", async ({ page }) => {
  await openScaling(page);
  const s = await pickEditor(page, "Scheduled");
  await s.getByLabel("Name").fill("weekday-mornings");
  await s.getByLabel("Time zone").fill("Europe/Berlin");
  await s.getByLabel("Schedule expression").fill("cron(0 8 ? * MON-FRI *)");
  await s.getByLabel("Minimum tasks").fill("2");
  await s.getByLabel("Maximum tasks").fill("8");
  await expect(s.getByRole("list", { name: "Next runs" }).getByRole("listitem")).toHaveCount(5);
  await s.getByRole("button", { name: "Review scheduled action" }).click();
  await expect(s.getByRole("list", { name: "Plan steps" }).getByRole("listitem").last()).toContainText("PutScheduledAction");
  await s.getByRole("button", { name: "Apply scheduled action" }).click();
  await runSucceeds(page);

  const { ScheduledActions } = await aas().send(new DescribeScheduledActionsCommand(scope));
  const action = ScheduledActions!.find((a) => a.ScheduledActionName === "weekday-mornings")!;
  expect(action.Schedule).toBe("cron(0 8 ? * MON-FRI *)");
  expect(action.Timezone).toBe("Europe/Berlin");
  expect(action.ScalableTargetAction).toEqual({ MinCapacity: 2, MaxCapacity: 8 });

  await page.goto(scalingPage);
  const runs = page.getByRole("list", { name: "Next runs of weekday-mornings" }).getByRole("listitem");
  await expect(runs).toHaveCount(3);
  // 8:00 in Berlin, whatever the browser's zone.
  for (const r of await runs.allTextContents()) expect(r).toMatch(/8:00|08:00/);
  await shot(page, "scheduled-on");
});

test("a deployment of an auto-scaled service leaves the desired count alone", async ({ page }) => {
  // Auto scaling moved the count to 3 (as a policy would).
  await ecs().send(new UpdateServiceCommand({ cluster, service, desiredCount: 3 }));
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/services/${service}`);
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Force new deployment", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByLabel("Request 1 JSON")).not.toContainText("desiredCount");
  await dialog.getByRole("button", { name: "Force new deployment", exact: true }).last().click();
  await runSucceeds(page);
  const [step] = await query<{ request: Record<string, unknown> }>(
    `SELECT s.request FROM "PlanStep" s JOIN "PlanRun" r ON r.id = s."runId" WHERE $1 = ANY(r.resources) AND s.operation = 'UpdateService' ORDER BY r."createdAt" DESC LIMIT 1`,
    [serviceKey],
  );
  expect(step!.request).toMatchObject({ cluster, service, forceNewDeployment: true });
  expect(step!.request).not.toHaveProperty("desiredCount");
  expect((await describeService(cluster, service))!.desiredCount).toBe(3);
});

test("turn off auto scaling: confirmed, reviewed, and the target, policies, schedules and queue alarms are gone", async ({ page }) => {
  await openScaling(page);
  await page.getByRole("button", { name: "Turn off auto scaling" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Its policies, their alarms and scheduled actions are deleted.");
  await dialog.getByRole("button", { name: "Continue to review" }).click();
  const form = page.getByRole("form", { name: "Turn off auto scaling" });
  await form.getByRole("button", { name: "Review turning off" }).click();
  const steps = form.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps.first()).toContainText("application-autoscaling:DeleteScalingPolicy");
  await expect(form.getByRole("list", { name: "Plan steps" })).toContainText("application-autoscaling:DeleteScheduledAction");
  await expect(form.getByRole("list", { name: "Plan steps" })).toContainText("application-autoscaling:DeregisterScalableTarget");
  await expect(steps.last()).toContainText("cloudwatch:DeleteAlarms");
  await shot(page, "off-review");
  await form.getByRole("button", { name: "Turn off auto scaling" }).click();
  await runSucceeds(page);

  expect((await aas().send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [scope.ResourceId] }))).ScalableTargets).toEqual([]);
  expect((await aas().send(new DescribeScalingPoliciesCommand(scope))).ScalingPolicies).toEqual([]);
  expect((await aas().send(new DescribeScheduledActionsCommand(scope))).ScheduledActions).toEqual([]);
  expect((await cloudwatch().send(new DescribeAlarmsCommand({ AlarmNamePrefix: `portside-${cluster}-${service}-queue-` }))).MetricAlarms).toEqual([]);
  await page.goto(scalingPage);
  await expect(page.getByText("Auto scaling is off")).toBeVisible();
});

test("service wizard: the optional auto scaling section refuses min above max at the field, then creates the service with its scalable target and CPU policy", async ({ page }) => {
  const name = `auto${Date.now() % 100000}`;
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/services/new?taskDefinition=${revision}`);
  await expect(page.getByLabel("Revision")).toHaveValue(revision);
  await page.getByLabel("Service name").fill(name);
  await page.getByLabel("Desired tasks").fill("2");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Security group name").fill(`${name}-sg`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Turn on auto scaling").check();
  await page.getByLabel("Minimum tasks").fill("6");
  await page.getByLabel("Maximum tasks").fill("5");
  await sandbox.quiet();
  await sandbox.resetCalls();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByText("Minimum tasks cannot be more than maximum tasks.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Plan steps" })).toHaveCount(0);
  expect(await mutations()).toEqual([]);
  await page.getByLabel("Minimum tasks").fill("2");
  await page.getByLabel("Target CPU utilization (%)").fill("55");
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps.last()).toContainText("application-autoscaling:PutScalingPolicy");
  const count = await steps.count();
  await expect(steps.nth(count - 2)).toContainText("application-autoscaling:RegisterScalableTarget");
  await expect(steps.nth(count - 3)).toContainText("ecs:CreateService");
  await shot(page, "wizard-review");
  await page.getByRole("button", { name: "Create service" }).click();
  await runSucceeds(page);

  const target = { ...scope, ResourceId: `service/${cluster}/${name}` };
  const { ScalableTargets } = await aas().send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [target.ResourceId] }));
  expect([ScalableTargets![0]!.MinCapacity, ScalableTargets![0]!.MaxCapacity]).toEqual([2, 5]);
  const { ScalingPolicies } = await aas().send(new DescribeScalingPoliciesCommand(target));
  expect(ScalingPolicies!.map((p) => [p.PolicyName, p.TargetTrackingScalingPolicyConfiguration?.TargetValue])).toEqual([[`${name}-cpu-target-tracking`, 55]]);
});

test("EC2 capacity: managed scaling is edited next to the Auto Scaling group's instances; a bad step range stops at the field", async ({ page }) => {
  const ec2Cluster = `scl-ec2-${Date.now() % 100000}`;
  await seedEc2Cluster(ec2Cluster);
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${ec2Cluster}`);
  await expect(page.getByTestId(`asg-${ec2Cluster}-cp`)).toContainText("1 desired");
  await page.getByRole("button", { name: "Edit managed scaling" }).click();
  const form = page.getByRole("form", { name: `Managed scaling of ${ec2Cluster}-cp` });
  await expect(form.getByLabel("Target capacity (%)")).toHaveValue("80");
  // The cluster page stays open and its live view keeps reading: wait for changes only.
  await sandbox.quietChanges();
  await sandbox.resetCalls();
  await form.getByLabel("Minimum scaling step").fill("5");
  await form.getByLabel("Maximum scaling step").fill("2");
  await form.getByRole("button", { name: "Review managed scaling" }).click();
  await expect(form.getByText("The minimum step cannot be larger than the maximum step.")).toBeVisible();
  await form.getByLabel("Target capacity (%)").fill("150");
  await expect(form.getByText("Target capacity is 1 to 100.")).toBeVisible();
  expect(await mutations()).toEqual([]);
  await shot(page, "managed-invalid");

  await form.getByLabel("Target capacity (%)").fill("90");
  await form.getByLabel("Maximum scaling step").fill("10");
  await form.getByRole("button", { name: "Review managed scaling" }).click();
  await expect(form.getByRole("list", { name: "Plan steps" }).getByRole("listitem")).toContainText(["ecs:UpdateCapacityProvider"]);
  await shot(page, "managed-review");
  await form.getByRole("button", { name: "Apply managed scaling" }).click();
  await runSucceeds(page);
  const { capacityProviders } = await ecs().send(new DescribeCapacityProvidersCommand({ capacityProviders: [`${ec2Cluster}-cp`] }));
  expect(capacityProviders![0]!.autoScalingGroupProvider!.managedScaling).toMatchObject({ status: "ENABLED", targetCapacity: 90, minimumScalingStepSize: 5, maximumScalingStepSize: 10 });
});

test("load in the sandbox: CPU target tracking adds tasks, followed live on the service overview, and the Scaling tab lists the activities", async ({ page }) => {
  const busy = "busy";
  const network = await fargateNetwork();
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: busy, taskDefinition: revision, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
  }));
  const target = { ...scope, ResourceId: `service/${cluster}/${busy}` };
  await aas().send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 4 }));
  await aas().send(new PutScalingPolicyCommand({
    ...target, PolicyName: `${busy}-cpu-target-tracking`, PolicyType: "TargetTrackingScaling",
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleOutCooldown: 60, ScaleInCooldown: 600 },
  }));
  // Sandbox minutes pass in a second and metrics arrive five times a second.
  await setTelemetry(stack().sandboxEndpoint, { metricsIntervalMs: 200 });
  await autoscaler({ paused: false, evalMs: 250, timeScale: 60 });
  try {
    const operator = await seedUser("operator");
    await login(page, operator.email, operator.password);
    await page.goto(`/ecs/clusters/${cluster}/services/${busy}`);
    const counts = page.getByTestId("task-counts");
    await expect(counts).toHaveText("1 desired · 1 running · 0 pending", { timeout: 60_000 });
    // 180 % of one task's CPU spread over the tasks: one task runs at 100 %, two at ~100 %, four at ~55 % (the maximum).
    await setLoad(stack().sandboxEndpoint, { cluster, service: busy, cpu: 180 });
    await expect(counts).toHaveText(/^[234] desired/, { timeout: 60_000 });
    await expect(counts).toHaveText("4 desired · 4 running · 0 pending", { timeout: 90_000 });
    await shot(page, "load-overview");

    await page.goto(`/ecs/clusters/${cluster}/services/${busy}/scaling`);
    await expect(page.getByText("Auto scaling is on")).toBeVisible();
    await shot(page, "load-scaling");
    const activities = page.getByRole("list", { name: "Scaling activities" }).getByRole("listitem");
    await expect(activities.first()).toContainText("Setting desired count to 4.");
    await expect(page.getByTestId("scaling-desired")).toHaveText("4");
    await expect(page.getByRole("listitem", { name: `Policy ${busy}-cpu-target-tracking` })).toContainText("Keep Average CPU utilization at 50%");
  } finally {
    await setLoad(stack().sandboxEndpoint, { cluster, service: busy, cpu: 0, memory: 0, requests: 0 });
    await autoscaler({ paused: true, evalMs: 1000, timeScale: 1 });
    await setTelemetry(stack().sandboxEndpoint, { metricsIntervalMs: 10_000 });
  }
});
