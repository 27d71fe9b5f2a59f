import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { HeadBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { confirmSnsSubscription, snsOutbox } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { fargateNetwork, registerJob } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1, forcePathStyle: true });
const events = () => new EventBridgeClient(config());
const s3 = () => new S3Client(config());
const sns = () => new SNSClient(config());
const stamp = Date.now() % 1_000_000;
const cluster = `evp-${stamp}`;
const family = `evjob${stamp}`;
const newBucket = `evp-new-${stamp}`;
let network: Awaited<ReturnType<typeof fargateNetwork>>;
let job = "";

async function tasksStartedBy(rule: string) {
  const running = (await ecs().send(new ListTasksCommand({ cluster, startedBy: `events-rule/${rule}`, desiredStatus: "RUNNING" }))).taskArns ?? [];
  const stopped = (await ecs().send(new ListTasksCommand({ cluster, startedBy: `events-rule/${rule}`, desiredStatus: "STOPPED" }))).taskArns ?? [];
  const all = [...running, ...stopped];
  return all.length ? (await ecs().send(new DescribeTasksCommand({ cluster, tasks: all }))).tasks! : [];
}

async function operatorPage(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

/** The task step of the event wizard: the job on the sandbox's default VPC, the role picked or created. */
async function fillTask(page: Page) {
  await page.getByLabel("Task definition").selectOption(job);
  await page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!)).check();
  await page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId)).check();
}

async function runSucceeded(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
}

test.beforeAll(async () => {
  await sandbox.reset();
  network = await fargateNetwork();
  await ecs().send(new CreateClusterCommand({ clusterName: cluster, capacityProviders: ["FARGATE", "FARGATE_SPOT"] }));
  job = await registerJob(family);
  fs.mkdirSync(SHOTS, { recursive: true });
});

/** Screenshots kept outside test-results, which the next run empties. */
const SHOTS = "/tmp/shots-events";
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test("anonymous is sent to sign-in; a viewer sees the empty Events page with what to do next and no controls", async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  await anon.goto("/events");
  await expect(anon).toHaveURL(/\/login/);
  await anonymous.close();

  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Event rules" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByText("No event rules")).toBeVisible();
  await expect(page.getByText("choose Run on events")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to clusters" })).toBeVisible();
  await shot(page, "events-page-empty");
});

test("bad input is refused at the field with no AWS call", async ({ page }) => {
  await operatorPage(page);
  await page.goto(`/ecs/clusters/${cluster}/event-tasks/new`);
  await page.waitForLoadState("networkidle");
  await sandbox.quiet(6000);
  await sandbox.resetCalls();
  await page.getByLabel("Rule name").fill("new-bucket-rule");
  await page.getByText("Create a bucket").click();
  const name = page.getByLabel("New bucket name");
  for (const [value, message] of [
    ["Bad_Bucket", "Enter a bucket name"],
    ["a..b", "S3 refuses this name"],
  ]) {
    await name.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#bucket-error")).toContainText(message);
  }

  await page.goto(`/ecs/clusters/${cluster}/task-alerts/new`);
  await page.waitForLoadState("networkidle");
  await sandbox.quiet(6000);
  await sandbox.resetCalls();
  await page.getByText("Service deployments").click();
  await page.getByLabel("E-mail addresses").fill("ops@example.com\nnot an address");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#emails-error")).toContainText("not an address is not an e-mail address.");
  const calls = await sandbox.calls();
  expect(calls.total, JSON.stringify(calls)).toBe(0);
});

test("a custom-pattern rule made in the wizard runs a task for a matching PutEvents entry and not for another", async ({ page }) => {
  await operatorPage(page);
  await page.goto(`/ecs/clusters/${cluster}/event-tasks/new`);
  await page.getByLabel("Rule name").fill("big-orders");
  await page.getByText("Custom event pattern").click();
  await page.getByRole("textbox", { name: "Event pattern" }).fill('{"source": ["shop.orders"], "detail-type": ["Order Placed"], "detail": {"total": [{"numeric": [">", 100]}]}}');
  await page.getByRole("button", { name: "Next" }).click();
  await fillTask(page);
  await page.getByText("Create PortsideEventsEcsRunTask").click();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("events:PutTargets");
  await page.getByRole("button", { name: "Create rule" }).click();
  await runSucceeded(page);

  const entry = (total: number) => ({ Source: "shop.orders", DetailType: "Order Placed", Detail: JSON.stringify({ total }) });
  const small = await events().send(new PutEventsCommand({ Entries: [entry(40)] }));
  expect(small.FailedEntryCount).toBe(0);
  await events().send(new PutEventsCommand({ Entries: [entry(250)] }));
  await expect.poll(async () => (await tasksStartedBy("big-orders")).length, { timeout: 20_000 }).toBe(1);
  // The entry under 100 matched nothing: one invocation of the rule, for the entry over it.
  const { invocations } = await sandbox.events();
  expect(invocations.filter((i) => i.rule === "big-orders").map((i) => i.ok)).toEqual([true]);
  expect(await tasksStartedBy("big-orders")).toHaveLength(1);
});

test("a bucket the wizard creates; disabled on the Events page an upload starts nothing, enabled it starts a task; counts shown", async ({ page }) => {
  await operatorPage(page);
  await page.goto(`/ecs/clusters/${cluster}/event-tasks/new`);
  await page.getByLabel("Rule name").fill("new-uploads");
  await page.getByText("Create a bucket").click();
  await page.getByLabel("New bucket name").fill(newBucket);
  await page.getByRole("button", { name: "Next" }).click();
  await fillTask(page);
  await page.getByText("Capacity provider strategy").click();
  await page.getByLabel("Capacity provider", { exact: true }).selectOption("FARGATE_SPOT");
  await shot(page, "event-wizard-capacity");
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps.first()).toContainText("s3:CreateBucket");
  await expect(steps.nth(1)).toContainText("s3:PutBucketNotification");
  await page.getByRole("button", { name: "Create rule" }).click();
  await runSucceeded(page);
  await s3().send(new HeadBucketCommand({ Bucket: newBucket }));

  await page.goto("/events");
  const row = page.getByRole("row", { name: /new-uploads/ });
  await expect(row).toContainText("Runs tasks");
  await expect(row).toContainText(`1 × ${job} on ${cluster} (FARGATE_SPOT)`);
  await expect(page.getByRole("row", { name: /big-orders/ })).toContainText("shop.orders");
  await shot(page, "events-page");
  await row.getByRole("button", { name: "Disable rule new-uploads" }).click();
  await expect(page.getByRole("dialog")).toContainText("events:DisableRule");
  await page.getByRole("dialog").getByRole("button", { name: "Disable rule" }).click();
  await runSucceeded(page);
  expect((await events().send(new DescribeRuleCommand({ Name: "new-uploads" }))).State).toBe("DISABLED");

  await s3().send(new PutObjectCommand({ Bucket: newBucket, Key: "while-disabled.csv", Body: "x" }));
  await page.goto("/events");
  await expect(page.getByRole("row", { name: /new-uploads/ })).toContainText("DISABLED", { ignoreCase: true });
  await page.getByRole("row", { name: /new-uploads/ }).getByRole("button", { name: "Enable rule new-uploads" }).click();
  await expect(page.getByRole("dialog")).toContainText("events:EnableRule");
  await page.getByRole("dialog").getByRole("button", { name: "Enable rule" }).click();
  await runSucceeded(page);
  expect((await events().send(new DescribeRuleCommand({ Name: "new-uploads" }))).State).toBe("ENABLED");

  await s3().send(new PutObjectCommand({ Bucket: newBucket, Key: "after-enable.csv", Body: "y" }));
  await expect.poll(async () => (await tasksStartedBy("new-uploads")).length, { timeout: 20_000 }).toBe(1);
  // Only the upload made while the rule was enabled started a task.
  const [task] = await tasksStartedBy("new-uploads");
  expect(JSON.stringify(task!.overrides)).toContain("after-enable.csv");
  expect(JSON.stringify(task!.overrides)).not.toContain("while-disabled.csv");
  const [target] = (await events().send(new ListTargetsByRuleCommand({ Rule: "new-uploads" }))).Targets!;
  expect(target!.EcsParameters).toMatchObject({ CapacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }] });
  expect(target!.EcsParameters!.LaunchType).toBeUndefined();

  // AWS/Events counts of the last hours, per rule.
  await expect.poll(async () => {
    await page.goto("/events");
    return page.getByRole("row", { name: /new-uploads/ }).getByTestId("invocations").innerText();
  }, { timeout: 30_000 }).toBe("1");
  await expect(page.getByRole("row", { name: /new-uploads/ }).getByTestId("triggered")).toHaveText("1");
  await expect(page.getByRole("row", { name: /new-uploads/ }).getByTestId("failed-invocations")).toHaveText("0");
});

test("a deployment alert mails the circuit breaker's rollback as a sentence; pending until confirmed; teardown finds the rule", async ({ page }) => {
  const good = (await ecs().send(new RegisterTaskDefinitionCommand({
    family: `${family}-web`, requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "public.ecr.aws/docker/library/httpd:2.4", essential: true, memory: 512 }],
  }))).taskDefinition!.taskDefinitionArn!;
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: "web", taskDefinition: good, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: [network.subnets[0]!], securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  }));
  const rollout = async () => (await ecs().send(new DescribeServicesCommand({ cluster, services: ["web"] }))).services?.[0]?.deployments?.[0]?.rolloutState;
  await expect.poll(rollout, { timeout: 60_000 }).toBe("COMPLETED");

  await operatorPage(page);
  await page.goto(`/ecs/clusters/${cluster}/task-alerts/new`);
  await page.getByText("Service deployments").click();
  await expect(page.getByLabel("Rule name")).toHaveValue(`${cluster}-deployments`);
  await page.getByLabel("Service", { exact: true }).selectOption("web");
  await page.getByLabel("Topic name").fill(`deploys-${stamp}`);
  await page.getByLabel("E-mail addresses").fill("deploys@example.com");
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(3)).toContainText("ECS Deployment State Change");
  await shot(page, "deployment-alert-review");
  await page.getByRole("button", { name: "Create alert" }).click();
  await runSucceeded(page);

  const topic = (await sns().send(new ListTopicsCommand({}))).Topics!.find((t) => t.TopicArn!.endsWith(`:deploys-${stamp}`))!.TopicArn!;
  expect((await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))).Subscriptions!.map((s) => s.SubscriptionArn)).toEqual(["PendingConfirmation"]);
  await page.goto(`/ecs/clusters/${cluster}/task-alerts`);
  const alertRow = page.getByRole("row", { name: new RegExp(`${cluster}-deployments`) });
  await expect(alertRow).toContainText("Service deployments");
  await expect(alertRow).toContainText("Pending confirmation");
  await shot(page, "deployment-alert-list");
  await confirmSnsSubscription(stack().sandboxEndpoint, { topicArn: topic, endpoint: "deploys@example.com" });

  const crash = (await ecs().send(new RegisterTaskDefinitionCommand({
    family: `${family}-web`, requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "public.ecr.aws/docker/library/httpd:crash", essential: true, memory: 512 }],
  }))).taskDefinition!.taskDefinitionArn!;
  await ecs().send(new UpdateServiceCommand({ cluster, service: "web", taskDefinition: crash }));
  const via = `events-rule/${cluster}-deployments`;
  await expect.poll(async () => (await snsOutbox(stack().sandboxEndpoint)).messages.filter((m) => m.via === via).length, { timeout: 90_000 }).toBeGreaterThan(0);
  const mail = (await snsOutbox(stack().sandboxEndpoint)).messages.find((m) => m.via === via)!;
  expect(mail).toMatchObject({ to: "deploys@example.com", topicArn: topic });
  expect(mail.message).toMatch(new RegExp(`^"ECS service arn:aws:ecs:us-east-1:\\d{12}:service/${cluster}/web: SERVICE_DEPLOYMENT_FAILED at \\S+ \\(deployment ecs-svc/\\S+\\)\\. ECS deployment circuit breaker: task failed to start\\."$`));
  await expect.poll(rollout, { timeout: 60_000 }).toBe("COMPLETED");

  await page.goto("/events");
  await expect(page.getByRole("row", { name: new RegExp(`${cluster}-deployments`) })).toContainText("Deployment alert");

  // The cluster teardown removes the alert rule too (it targets SNS, not the cluster).
  await page.goto(`/ecs/clusters/${cluster}`);
  await page.getByRole("button", { name: "Tear down cluster" }).click();
  await expect(page.getByRole("dialog")).toContainText(`Event rule ${cluster}-deployments`, { timeout: 20_000 });
  await page.keyboard.press("Escape");
});

test("a viewer's replay of the operator's disable request is refused before any AWS call", async ({ page, browser }) => {
  await operatorPage(page);
  await page.goto("/events");
  const previewRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("row", { name: /big-orders/ }).getByRole("button", { name: "Disable rule big-orders" }).click();
  const preview = await previewRequest;
  await expect(page.getByRole("dialog")).toContainText("events:DisableRule");

  const viewer = await seedUser("viewer");
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto("/events");
  await expect(viewerPage.getByRole("row", { name: /big-orders/ })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /Disable rule|Delete rule/ })).toHaveCount(0);
  await sandbox.quiet(6000);
  await sandbox.resetCalls();
  const refused = await viewerPage.request.post(preview.url(), {
    headers: { "next-action": preview.headers()["next-action"]!, "content-type": preview.headers()["content-type"]!, accept: "text/x-component" },
    data: preview.postDataBuffer()!,
  });
  expect(await refused.text()).toContain("Your role cannot enable or disable event rules: it needs the operator role.");
  // The same request without a session: refused before it is read (hostile field names: e2e/hostile-actions.spec.ts, every action).
  const anonymous = await browser.newContext();
  const anon = await anonymous.request.post(preview.url(), {
    headers: { "next-action": preview.headers()["next-action"]!, "content-type": preview.headers()["content-type"]!, accept: "text/x-component" },
    data: preview.postDataBuffer()!,
  });
  expect(await anon.text()).toContain("Your session has ended. Sign in again.");
  await anonymous.close();
  expect((await sandbox.calls()).total).toBe(0);
  await context.close();

  // The operator deletes the rule from the Events page.
  await page.keyboard.press("Escape");
  await page.getByRole("row", { name: /big-orders/ }).getByRole("button", { name: "Delete rule big-orders" }).click();
  await expect(page.getByRole("dialog")).toContainText("events:RemoveTargets");
  await page.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
  await runSucceeded(page);
  await expect(events().send(new DescribeRuleCommand({ Name: "big-orders" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
