import { expect, test, type Request } from "@playwright/test";
import { CreateClusterCommand, DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { CreateBucketCommand, GetBucketNotificationConfigurationCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from "@aws-sdk/client-sqs";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { fargateNetwork, registerJob } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const s3 = () => new S3Client({ ...config(), forcePathStyle: true });
const events = () => new EventBridgeClient(config());

const cluster = `evt-${Date.now()}`;
const bucket = `uploads-${Date.now()}`;
const queueArn = "arn:aws:sqs:us-east-1:123456789012:audit";
let network: Awaited<ReturnType<typeof fargateNetwork>>;
let job: string;
let clusterArn: string;

test.beforeAll(async () => {
  await sandbox.reset();
  network = await fargateNetwork();
  job = await registerJob(`ingest-${Date.now()}`);
  clusterArn = (await ecs().send(new CreateClusterCommand({ clusterName: cluster }))).cluster!.clusterArn!;
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  await new SQSClient(config()).send(new CreateQueueCommand({ QueueName: "failed-uploads" }));
});

/** The tasks a rule started in the cluster (EventBridge sets startedBy to events-rule/<name>). */
async function tasksStartedBy(rule: string) {
  const { taskArns } = await ecs().send(new ListTasksCommand({ cluster, startedBy: `events-rule/${rule}`, desiredStatus: "RUNNING" }));
  const stopped = (await ecs().send(new ListTasksCommand({ cluster, startedBy: `events-rule/${rule}`, desiredStatus: "STOPPED" }))).taskArns ?? [];
  const all = [...(taskArns ?? []), ...stopped];
  return all.length ? (await ecs().send(new DescribeTasksCommand({ cluster, tasks: all }))).tasks! : [];
}

test("invalid names and patterns are refused at the field, with no AWS call", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/event-tasks/new`);
  await page.waitForLoadState("networkidle");
  await sandbox.quiet();
  await sandbox.resetCalls();

  await page.getByLabel("Rule name").fill("has spaces");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#ruleName-error")).toContainText("Use only letters, digits");
  await page.getByLabel("Rule name").fill("custom-rule");
  await page.getByText("Custom event pattern").click();
  const pattern = page.getByRole("textbox", { name: "Event pattern" });
  for (const [value, message] of [
    ["", "Enter an event pattern"],
    ["{source: [aws.s3]}", "This is not valid JSON"],
    ['{"source": "aws.s3"}', "source must be an array of values"],
    ['{"detail": {"key": [{"startsWith": "in/"}]}}', 'detail.key[0]: "startsWith" is not an EventBridge operator'],
    ['{"detail": {"size": [{"numeric": [">", 10, "<", 5]}]}}', "a numeric range goes from a lower bound"],
  ]) {
    await pattern.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#pattern-error")).toContainText(message);
  }
  await pattern.fill('{"source": ["my.app"], "detail": {"size": [{"numeric": [">", 10]}]}}');
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Task", exact: true })).toBeVisible();
  const calls = await sandbox.calls();
  expect(calls.total, JSON.stringify(calls)).toBe(0);
});

test("an S3 upload under the prefix starts a task whose environment holds the bucket and key; one outside starts nothing; the rule is deleted", async ({ page }) => {
  // The bucket already notifies a queue: switching EventBridge on must keep it.
  await s3().send(new PutBucketNotificationConfigurationCommand({
    Bucket: bucket,
    NotificationConfiguration: { QueueConfigurations: [{ Id: "audit", QueueArn: queueArn, Events: ["s3:ObjectRemoved:*"] }] },
  }));
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}`);
  await page.getByRole("link", { name: "Run on events" }).click();
  await expect(page.getByText("No event rules")).toBeVisible();
  await page.getByRole("link", { name: "Create rule" }).click();

  await page.getByLabel("Rule name").fill("process-uploads");
  await page.getByRole("combobox", { name: /^Bucket/ }).selectOption(bucket);
  await page.getByLabel("Key prefix (optional)").fill("incoming/");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Task definition").selectOption(job);
  await expect(page.getByLabel("Container")).toHaveValue("job");
  await page.getByLabel("Key variable").fill("INPUT_KEY");
  // The JSON EventBridge will send ECS, for an example upload under the prefix.
  const overrides = page.getByLabel("Task overrides EventBridge sends");
  await expect(overrides).toContainText(`"value": "${bucket}"`);
  await expect(overrides).toContainText('"name": "INPUT_KEY"');
  await expect(overrides).toContainText('"value": "incoming/example.csv"');
  await page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!)).check();
  await page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId)).check();
  await page.getByText("Create PortsideEventsEcsRunTask").click();
  await page.getByLabel("Retry attempts").fill("3");
  await page.getByLabel("Maximum event age (seconds)").fill("30");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#maxEventAge-error")).toContainText("Between 60 seconds and 86400");
  await page.getByLabel("Maximum event age (seconds)").fill("600");
  await page.getByLabel("Dead-letter queue (optional)").selectOption("failed-uploads");
  await page.screenshot({ path: "test-results/event-task-wizard.png", fullPage: true });
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(6);
  await expect(steps.nth(2)).toContainText("s3:PutBucketNotification");
  await expect(steps.nth(3)).toContainText("sqs:SetQueueAttributes");
  await expect(steps.nth(4)).toContainText("events:PutRule");
  await expect(steps.nth(5)).toContainText("events:PutTargets");
  await page.screenshot({ path: "test-results/event-task-review.png", fullPage: true });
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });

  // What AWS now holds: EventBridge on for the bucket (its queue kept), the rule and its ECS target.
  const notification = await s3().send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
  expect(notification.EventBridgeConfiguration).toEqual({});
  expect(notification.QueueConfigurations?.[0]?.QueueArn).toBe(queueArn);
  const rule = await events().send(new DescribeRuleCommand({ Name: "process-uploads" }));
  expect(JSON.parse(rule.EventPattern!)).toEqual({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: [bucket] }, object: { key: [{ prefix: "incoming/" }] } } });
  const [target] = (await events().send(new ListTargetsByRuleCommand({ Rule: "process-uploads" }))).Targets!;
  expect(target).toMatchObject({
    Arn: clusterArn,
    RoleArn: expect.stringMatching(/:role\/PortsideEventsEcsRunTask$/),
    EcsParameters: { TaskDefinitionArn: clusterArn.replace(/:cluster\/.*/, `:task-definition/${job}`), TaskCount: 1, LaunchType: "FARGATE" },
    RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 },
    DeadLetterConfig: { Arn: clusterArn.replace(/:ecs:/, ":sqs:").replace(/:cluster\/.*/, ":failed-uploads") },
  });
  // The queue's policy lets EventBridge send this rule's undelivered events, and only this rule's.
  const sqs = new SQSClient(config());
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: "failed-uploads" }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["Policy"] }));
  expect(JSON.parse(Attributes!.Policy!).Statement).toContainEqual(expect.objectContaining({
    Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Condition: { ArnEquals: { "aws:SourceArn": rule.Arn } },
  }));

  // Uploads: one outside the prefix, then one inside it.
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "elsewhere/skip.csv", Body: "no" }));
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: "incoming/day 1.csv", Body: "a,b\n1,2\n" }));
  await expect.poll(async () => (await tasksStartedBy("process-uploads")).length, { timeout: 15_000 }).toBe(1);
  const [task] = await tasksStartedBy("process-uploads");
  expect(task!.taskDefinitionArn).toBe(clusterArn.replace(/:cluster\/.*/, `:task-definition/${job}`));
  expect(task!.overrides?.containerOverrides).toEqual([
    { name: "job", environment: [{ name: "S3_BUCKET", value: bucket }, { name: "INPUT_KEY", value: "incoming/day 1.csv" }] },
  ]);
  // The object outside the prefix matched nothing: still one task, one invocation.
  const { invocations } = await sandbox.events();
  expect(invocations.filter((i) => i.rule === "process-uploads")).toHaveLength(1);
  expect(await tasksStartedBy("process-uploads")).toHaveLength(1);

  await page.goto(`/ecs/clusters/${cluster}/event-tasks`);
  const row = page.getByRole("row", { name: /process-uploads/ });
  await expect(row).toContainText(`Objects created in ${bucket}, keys starting incoming/`);
  await expect(row).toContainText(job);
  await page.screenshot({ path: "test-results/event-task-list.png", fullPage: true });
  await row.getByRole("button", { name: "Delete rule process-uploads" }).click();
  await expect(page.getByRole("dialog")).toContainText("events:RemoveTargets");
  await page.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await expect(events().send(new DescribeRuleCommand({ Name: "process-uploads" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});

test("anonymous and viewer are refused; a replayed request with a bad pattern gets a field error and no AWS call", async ({ page, browser }) => {
  // Anonymous: both pages send to sign-in.
  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  for (const path of [`/ecs/clusters/${cluster}/event-tasks`, `/ecs/clusters/${cluster}/event-tasks/new`]) {
    await anon.goto(path);
    await expect(anon).toHaveURL(/\/login/);
  }
  await anonymous.close();

  // An operator's preview request, captured to replay.
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/event-tasks/new`);
  await page.getByLabel("Rule name").fill("probe-rule");
  await page.getByText("Custom event pattern").click();
  await page.getByRole("textbox", { name: "Event pattern" }).fill('{"source":["probe.app"]}');
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Task definition").selectOption(job);
  await page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!)).check();
  await page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId)).check();
  const previewRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && (r.postData() ?? "").includes("probe-rule"));
  await page.getByRole("button", { name: "Review" }).click();
  const preview = await previewRequest;
  await expect(page.getByRole("list", { name: "Plan steps" })).toBeVisible();

  const replay = (request: Request, body: string, ctx = page) =>
    ctx.request.post(request.url(), {
      headers: { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"]!, accept: "text/x-component" },
      data: Buffer.from(body),
    });
  const original = preview.postDataBuffer()!.toString("utf8");
  expect(original).toContain("probe.app");

  // The operator posting a bad pattern straight to the action: a field error, nothing sent to AWS.
  await sandbox.quiet();
  await sandbox.resetCalls();
  const bad = await replay(preview, original.replace('{"source":["probe.app"]}', '{"source":"probe.app"}'));
  expect(await bad.text()).toContain("source must be an array of values");
  expect((await sandbox.calls()).total).toBe(0);

  // A viewer: the list shows no create or delete, the wizard is forbidden, the action refuses.
  const viewer = await seedUser("viewer");
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(`/ecs/clusters/${cluster}/event-tasks`);
  await expect(viewerPage.getByRole("heading", { name: "Run on events" })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Create rule" })).toHaveCount(0);
  await viewerPage.goto(`/ecs/clusters/${cluster}/event-tasks/new`);
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);
  await sandbox.resetCalls();
  const refused = await replay(preview, original.replace(/probe-rule/g, "viewer-rule"), viewerPage);
  expect(await refused.text()).toContain("Your role cannot run tasks on events: it needs the operator role.");
  expect((await sandbox.calls()).total).toBe(0);
  expect(await query(`SELECT id FROM "PlanRun" WHERE $1 = ANY(resources)`, ["events:rule/default/viewer-rule"])).toHaveLength(0);
  await viewerContext.close();
});
