import fs from "node:fs";
import {
  ApplicationAutoScalingClient,
  DeregisterScalableTargetCommand,
  RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { CreateServiceCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { expect, test, type Page } from "@playwright/test";
import { setAgent } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser } from "./fixtures/db";
import { describeService, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const SHOTS = "/tmp/shots-actions";
const cluster = `act-${Date.now()}`;
const family = `actweb${Date.now() % 100000}`;
const service = "web";
const serviceKey = `ecs:service/${cluster}/${service}`;
const servicePage = `/ecs/clusters/${cluster}/services/${service}`;
let firstRevision = "";
let network: Awaited<ReturnType<typeof fargateNetwork>>;

test.beforeAll(async () => {
  await sandbox.reset();
  fs.mkdirSync(SHOTS, { recursive: true });
  network = await fargateNetwork();
  firstRevision = await seedClusterAndTaskDefinition(cluster, family);
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: service, taskDefinition: firstRevision, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
  }));
});

test.afterEach(async () => {
  await setAgent(stack().sandboxEndpoint, { paused: false });
});

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(servicePage);
  await expect(page.getByRole("heading", { name: service, exact: true })).toBeVisible();
}

/** Opens a header action; its dialog is the only open one. */
async function open(page: Page, label: string) {
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: label, exact: true }).click();
  return page.getByRole("dialog");
}

const mutations = async () => Object.keys((await sandbox.calls()).calls).filter((op) => /:(Update|Register|Create|Delete|Stop|Run|Put)/.test(op));
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test("a bad desired count or image stops at the field, with no AWS change and no run", async ({ page }) => {
  await asOperator(page);
  let dialog = await open(page, "Scale");
  await expect(dialog.getByLabel("Desired tasks")).toHaveValue("1");
  await expect(dialog.getByText(/^Now 1\./)).toBeVisible();
  await sandbox.resetCalls();
  for (const bad of ["-1", "5001", "2.5", ""]) {
    await dialog.getByLabel("Desired tasks").fill(bad);
    await dialog.getByRole("button", { name: "Review" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(/Enter a whole number of tasks\.|A service runs 0 to 5000 tasks\./);
  }
  await shot(page, "scale-invalid");
  await expect(dialog.getByRole("list", { name: "Plan steps" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  dialog = await open(page, "Deploy");
  await expect(dialog.getByLabel("Container", { exact: true })).toHaveValue("web");
  await expect(dialog.getByLabel("Image", { exact: true })).toHaveValue("public.ecr.aws/docker/library/httpd:2.4");
  await dialog.getByLabel("Image", { exact: true }).fill("not an image!");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Use an ECR image");
  await shot(page, "deploy-invalid");
  expect(await mutations()).toEqual([]);
  expect(await runsFor(serviceKey)).toHaveLength(0);
});

test("when Application Auto Scaling owns the count, the scale dialog says so with its min and max", async ({ page }) => {
  const aas = new ApplicationAutoScalingClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
  const target = { ServiceNamespace: "ecs" as const, ResourceId: `service/${cluster}/${service}`, ScalableDimension: "ecs:service:DesiredCount" as const };
  await aas.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 2, MaxCapacity: 7 }));
  try {
    await asOperator(page);
    const dialog = await open(page, "Scale");
    const note = dialog.getByRole("status").filter({ hasText: "Application Auto Scaling owns this count" });
    await expect(note).toContainText("between 2 (min) and 7 (max) tasks");
    await shot(page, "scale-autoscaling-note");
  } finally {
    await aas.send(new DeregisterScalableTargetCommand(target));
  }
});

test("scale: review shows UpdateService, the run sets the desired count and the overview follows", async ({ page }) => {
  await asOperator(page);
  const dialog = await open(page, "Scale");
  await dialog.getByLabel("Desired tasks").fill("0");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByText(`ECS stops every task of ${service}`)).toBeVisible();
  await expect(dialog.getByRole("button", { name: `Scale ${service} to 0 tasks` })).toBeVisible();
  await shot(page, "scale-to-zero-confirm");
  await dialog.getByRole("button", { name: "Edit" }).click();

  await dialog.getByLabel("Desired tasks").fill("3");
  await dialog.getByRole("button", { name: "Review" }).click();
  const steps = dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await expect(steps.first()).toContainText("ecs:UpdateService");
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText('"desiredCount": 3');
  await expect(dialog.getByLabel("Request 1 AWS CLI")).toContainText("aws ecs update-service");
  await shot(page, "scale-review");
  await dialog.getByRole("button", { name: "Update desired count" }).click();

  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  expect((await describeService(cluster, service))?.desiredCount).toBe(3);
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page).toHaveURL(new RegExp(`${servicePage}$`));
  await expect(page.getByTestId("task-counts")).toHaveText("3 desired · 3 running · 0 pending", { timeout: 60_000 });
});

test("deploy a new image: a revision with only that image changed, the run follows the rollout to COMPLETED", async ({ page }) => {
  await asOperator(page);
  const dialog = await open(page, "Deploy");
  await dialog.getByLabel("Image", { exact: true }).fill("public.ecr.aws/docker/library/httpd:2.4.62");
  await dialog.getByRole("button", { name: "Review" }).click();
  const steps = dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("ecs:RegisterTaskDefinition");
  await expect(steps.nth(0)).toContainText("httpd:2.4 → public.ecr.aws/docker/library/httpd:2.4.62");
  await expect(steps.nth(1)).toContainText("ecs:UpdateService");
  await expect(steps.nth(1)).toContainText("Uses the result of: register");
  await shot(page, "deploy-review");

  // Hold the agent so the rollout is seen in progress on the run page.
  await setAgent(stack().sandboxEndpoint, { paused: true });
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByRole("status").filter({ hasText: `Waiting for the deployment of ${service} to complete` })).toBeVisible({ timeout: 30_000 });
  await shot(page, "deploy-run-waiting");
  await setAgent(stack().sandboxEndpoint, { paused: false });
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 90_000 });

  const svc = await describeService(cluster, service);
  const [oldDef, newDef] = await Promise.all([firstRevision, svc!.taskDefinition!].map(async (td) => (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: td }))).taskDefinition!));
  expect(newDef.revision).toBe(oldDef.revision! + 1);
  expect(newDef.family).toBe(family);
  const strip = ({ taskDefinitionArn: _a, revision: _r, registeredAt: _t, registeredBy: _b, ...rest }: typeof oldDef) => rest;
  const changed = strip(newDef);
  expect(changed.containerDefinitions![0]!.image).toBe("public.ecr.aws/docker/library/httpd:2.4.62");
  changed.containerDefinitions![0]!.image = oldDef.containerDefinitions![0]!.image;
  expect(changed).toEqual(strip(oldDef));
  expect(svc!.deployments![0]!.rolloutState).toBe("COMPLETED");
});

test("roll back to the revision that ran before the deployment; recorded as a rollback", async ({ page }) => {
  const running = (await describeService(cluster, service))!.taskDefinition!.split("/").pop()!;
  expect(running).not.toBe(firstRevision);
  await asOperator(page);
  const dialog = await open(page, "Roll back");
  await expect(dialog.getByTestId("rollback-summary")).toHaveText(`Roll back ${service} from ${running} to ${firstRevision}.`);
  await expect(dialog.getByRole("radio", { name: new RegExp(firstRevision) })).toBeChecked();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText(`"taskDefinition": "${firstRevision}"`);
  await shot(page, "rollback-review");
  await dialog.getByRole("button", { name: `Roll back to ${firstRevision}` }).click();

  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByRole("heading", { name: `Roll back ${service} from ${running} to ${firstRevision}` })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 90_000 });
  expect((await describeService(cluster, service))!.taskDefinition!.split("/").pop()).toBe(firstRevision);
  const [run] = await query<{ wizard: string }>(`SELECT wizard FROM "PlanRun" WHERE $1 = ANY(resources) ORDER BY "createdAt" DESC LIMIT 1`, [serviceKey]);
  expect(run!.wizard).toBe("ecs-service-rollback");

  await page.goto(`/history?resource=${encodeURIComponent(serviceKey)}`);
  await expect(page.getByRole("link", { name: `Roll back ${service} from ${running} to ${firstRevision}` })).toBeVisible();
});

test("force new deployment: a new deployment of the same revision, followed to COMPLETED", async ({ page }) => {
  const before = (await describeService(cluster, service))!;
  await asOperator(page);
  const dialog = await open(page, "Force new deployment");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText('"forceNewDeployment": true');
  await shot(page, "force-review");
  await dialog.getByRole("button", { name: "Force new deployment", exact: true }).last().click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 90_000 });
  const after = (await describeService(cluster, service))!;
  expect(after.taskDefinition).toBe(before.taskDefinition);
  expect(after.deployments![0]!.id).not.toBe(before.deployments![0]!.id);
  expect(after.deployments![0]!.rolloutState).toBe("COMPLETED");
});

test("a deployment the circuit breaker fails and rolls back ends the run as failed, not as the rollback's success", async ({ page }) => {
  const guarded = "brk";
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: guarded, taskDefinition: firstRevision, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  }));
  await expect.poll(async () => (await describeService(cluster, guarded))?.deployments?.[0]?.rolloutState, { timeout: 60_000 }).toBe("COMPLETED");
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/services/${guarded}`);
  const dialog = await open(page, "Deploy");
  await dialog.getByLabel("Image", { exact: true }).fill("public.ecr.aws/example/crash:1");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/failed/i, { timeout: 120_000 });
  await expect(page.getByText(new RegExp(`AWS reports (FAILED|unknown) for the deployment of ${guarded} to complete`)).first()).toBeVisible();
  await shot(page, "deploy-failed-run");
  await expect.poll(async () => (await describeService(cluster, guarded))?.taskDefinition?.split("/").pop(), { timeout: 60_000 }).toBe(firstRevision);
});

test("stop a task with a reason: StopTask recorded, the task STOPPED with that reason", async ({ page }) => {
  let task = "";
  await expect.poll(async () => {
    const { taskArns } = await ecs().send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus: "RUNNING" }));
    if (!taskArns?.length) return "";
    const { tasks } = await ecs().send(new DescribeTasksCommand({ cluster, tasks: taskArns }));
    task = tasks!.find((t) => t.lastStatus === "RUNNING")?.taskArn ?? "";
    return task;
  }, { timeout: 60_000 }).not.toBe("");
  const id = task.split("/").pop()!;
  await asOperator(page);
  await page.goto(`/ecs/clusters/${cluster}/tasks/${id}`);
  await sandbox.resetCalls();
  await page.getByRole("button", { name: `Stop task ${id}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: `Stop task ${id}?` })).toBeVisible();
  await dialog.getByLabel("Reason").fill("x".repeat(256));
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("alert")).toContainText("255");
  await dialog.getByLabel("Reason").fill("Stuck worker, see incident 42");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText('"reason": "Stuck worker, see incident 42"');
  await shot(page, "stop-task-review");
  await dialog.getByRole("button", { name: `Stop task ${id}`, exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  const { tasks } = await ecs().send(new DescribeTasksCommand({ cluster, tasks: [task] }));
  expect(tasks![0]!.lastStatus).toBe("STOPPED");
  expect(tasks![0]!.stoppedReason).toBe("Stuck worker, see incident 42");
  expect((await sandbox.calls()).calls["ecs:StopTask"]).toBe(1);
});
