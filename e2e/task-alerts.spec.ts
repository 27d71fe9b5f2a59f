import { expect, test } from "@playwright/test";
import { CreateClusterCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from "@aws-sdk/client-ecs";
import { DescribeRuleCommand, EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { confirmSnsSubscription, snsOutbox } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const sns = () => new SNSClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const events = () => new EventBridgeClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const cluster = `alerts-${Date.now()}`;
const family = `boom-${Date.now()}`;
let network: Awaited<ReturnType<typeof fargateNetwork>>;

test.beforeAll(async () => {
  await sandbox.reset();
  network = await fargateNetwork();
  await ecs().send(new CreateClusterCommand({ clusterName: cluster }));
  // An image whose name holds "crash": the sandbox's agent makes its container exit 1 soon after it starts.
  await ecs().send(new RegisterTaskDefinitionCommand({
    family, requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
    containerDefinitions: [{ name: "app", image: "example/crash:1", essential: true, memory: 512 }],
  }));
});

/** Longer than the fleet overview's 10 s poll (lib/ecs/services/fleet-live.ts OVERVIEW_INTERVAL_MS). */
const OVERVIEW_QUIET_MS = 11_000;

test("invalid e-mail addresses are refused at the field with no AWS call; anonymous and viewer are refused", async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  await anon.goto(`/ecs/clusters/${cluster}/task-alerts/new`);
  await expect(anon).toHaveURL(/\/login/);
  await anonymous.close();

  const viewer = await seedUser("viewer");
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(`/ecs/clusters/${cluster}/task-alerts`);
  await expect(viewerPage.getByText("No task alerts")).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Create alert" })).toHaveCount(0);
  await viewerPage.goto(`/ecs/clusters/${cluster}/task-alerts/new`);
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);
  await viewerContext.close();

  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/task-alerts/new`);
  await page.waitForLoadState("networkidle");
  // Sign-in lands on the live overview, whose poller reads AWS every 10 s and may outlive the page
  // by a poll (it ends when the server notices the stream closed): a quiet window longer than that.
  await sandbox.quiet(OVERVIEW_QUIET_MS);
  await sandbox.resetCalls();
  const emails = page.getByLabel("E-mail addresses");
  for (const [value, message] of [
    ["", "Enter at least one e-mail address"],
    ["ops@example.com\nops at example", "ops at example is not an e-mail address."],
  ]) {
    await emails.fill(value);
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.locator("#emails-error")).toContainText(message);
  }
  const calls = await sandbox.calls();
  expect(calls.total, JSON.stringify(calls)).toBe(0);

  // The operator's valid preview, replayed by a viewer: refused before anything reaches AWS.
  await emails.fill("ops@example.com");
  const previewRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Review" }).click();
  const preview = await previewRequest;
  await expect(page.getByRole("list", { name: "Plan steps" })).toBeVisible();
  const again = await browser.newContext();
  const viewerAgain = await again.newPage();
  await login(viewerAgain, viewer.email, viewer.password);
  // Off the live overview the sign-in lands on (its poller reads AWS), then count from a quiet start.
  await viewerAgain.goto(`/ecs/clusters/${cluster}/task-alerts`);
  await sandbox.quiet(OVERVIEW_QUIET_MS);
  await sandbox.resetCalls();
  const refused = await viewerAgain.request.post(preview.url(), {
    headers: { "next-action": preview.headers()["next-action"]!, "content-type": preview.headers()["content-type"]!, accept: "text/x-component" },
    data: preview.postDataBuffer()!,
  });
  expect(await refused.text()).toContain("Your role cannot set up task alerts: it needs the operator role.");
  expect((await sandbox.calls()).total).toBe(0);
  await again.close();
});

test("a crashing task's stop reaches the subscribed address as a readable sentence", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}`);
  await page.getByRole("link", { name: "Task alerts" }).click();
  await page.getByRole("link", { name: "Create alert" }).click();
  await page.getByLabel("Task family").selectOption(family);
  await page.getByLabel("Topic name").fill("ops-alerts");
  await page.getByLabel("E-mail addresses").fill("oncall@example.com");
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(0)).toContainText("sns:CreateTopic");
  await expect(steps.nth(2)).toContainText("Subscribe oncall@example.com by e-mail");
  await page.screenshot({ path: "test-results/task-alert-review.png", fullPage: true });
  await page.getByRole("button", { name: "Create alert" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });

  const topic = (await sns().send(new ListTopicsCommand({}))).Topics!.find((t) => t.TopicArn!.endsWith(":ops-alerts"))!.TopicArn!;
  const subs = (await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))).Subscriptions!;
  expect(subs.map((s) => [s.Protocol, s.Endpoint])).toEqual([["email", "oncall@example.com"]]);

  await page.goto(`/ecs/clusters/${cluster}/task-alerts`);
  const row = page.getByRole("row", { name: new RegExp(`${cluster}-stopped-tasks`) });
  await expect(row).toContainText("oncall@example.com");
  // AWS holds a new e-mail subscription until the address follows the link it was mailed.
  expect(subs[0]!.SubscriptionArn).toBe("PendingConfirmation");
  await expect(row).toContainText("Pending confirmation");
  await page.screenshot({ path: "test-results/task-alert-list.png", fullPage: true });
  await confirmSnsSubscription(stack().sandboxEndpoint, { topicArn: topic, endpoint: "oncall@example.com" });
  // Confirmed outside Portside: the page shows it once its shared read (a few seconds) is renewed.
  await expect.poll(async () => {
    await page.reload();
    return page.getByRole("row", { name: new RegExp(`${cluster}-stopped-tasks`) }).innerText();
  }, { timeout: 30_000 }).toContain("Confirmed");

  const { tasks } = await ecs().send(new RunTaskCommand({
    cluster, taskDefinition: family, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: [network.subnets[0]!], securityGroups: [network.securityGroupId] } },
  }));
  const taskArn = tasks![0]!.taskArn!;
  await expect.poll(async () => (await snsOutbox(stack().sandboxEndpoint)).messages.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const [mail] = (await snsOutbox(stack().sandboxEndpoint)).messages;
  expect(mail).toMatchObject({ to: "oncall@example.com", topicArn: topic, via: `events-rule/${cluster}-stopped-tasks` });
  expect(mail!.message).toContain(`ECS task ${taskArn} (family:${family}) stopped at `);
  expect(mail!.message).toContain("EssentialContainerExited, Essential container in task exited (exit code 1).");

  await page.goto(`/ecs/clusters/${cluster}/task-alerts`);
  await page.getByRole("button", { name: `Delete alert ${cluster}-stopped-tasks` }).click();
  await expect(page.getByRole("dialog")).toContainText("events:DeleteRule");
  await page.getByRole("dialog").getByRole("button", { name: "Delete alert" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  await expect(events().send(new DescribeRuleCommand({ Name: `${cluster}-stopped-tasks` }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});
