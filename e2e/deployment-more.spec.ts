import fs from "node:fs";
import { DescribeAlarmsCommand, PutMetricAlarmCommand, SetAlarmStateCommand, CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import {
  CreateServiceCommand, DescribeServiceDeploymentsCommand, ListServiceDeploymentsCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateTargetGroupCommand, DescribeRulesCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { expect, test, type Page, type Request } from "@playwright/test";
import { setAgent } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { runsFor, seedUser, type SeededUser } from "./fixtures/db";
import { describeService, elbv2, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const SHOTS = "/tmp/shots-deploys";
const stamp = Date.now() % 1_000_000;
const cluster = `dm-${stamp}`;
const family = `dmweb${stamp}`;
const alarm = `dm${stamp}-5xx`;
/** A deployment minute lasts 4 s: the canary holds 10 % for 8 s and bakes 4 s, time enough to set an alarm. */
const MINUTE_MS = 4000;
const aws = { region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 };
const cloudwatch = () => new CloudWatchClient({ ...aws, endpoint: stack().sandboxEndpoint });
let firstRevision = "";
let canary = { blue: "", green: "", rule: "" };
let paused = { blue: "", green: "", rule: "" };

const historyOf = (name: string) => `/ecs/clusters/${cluster}/services/${name}/history`;
const pageOf = (name: string) => `/ecs/clusters/${cluster}/services/${name}`;
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const mutations = async () => Object.keys((await sandbox.calls()).calls).filter((op) => /:(Update|Register|Create|Delete|Stop|Run|Put|Attach|Modify|Set)/.test(op));
const rolledOut = async (name: string) => (await describeService(cluster, name))?.deployments?.[0]?.rolloutState;
const revisionOf = async (name: string) => (await describeService(cluster, name))!.taskDefinition!.split("/").pop();

async function register(image: string, extra: { cpu?: string; memory?: string; environment?: { name: string; value: string }[] } = {}) {
  const { taskDefinition } = await ecs().send(new RegisterTaskDefinitionCommand({
    family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: extra.cpu ?? "256", memory: extra.memory ?? "512",
    containerDefinitions: [{ name: "web", image, memory: 512, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }], environment: extra.environment }],
  }));
  return `${family}:${taskDefinition!.revision}`;
}

async function weights(s = canary) {
  const action = (await elbv2().send(new DescribeRulesCommand({ RuleArns: [s.rule] }))).Rules![0]!.Actions![0]!;
  const groups = action.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }];
  const total = groups.reduce((n, g) => n + (g.Weight ?? 0), 0) || 1;
  const of = (arn: string) => Math.round((100 * (groups.find((g) => g.TargetGroupArn === arn)?.Weight ?? 0)) / total);
  return { blue: of(s.blue), green: of(s.green) };
}

async function as(page: Page, role: "operator" | "viewer", path: string): Promise<SeededUser> {
  const user = await seedUser(role);
  await login(page, user.email, user.password);
  await page.goto(path);
  return user;
}

test.beforeAll(async () => {
  await sandbox.reset();
  await setAgent(stack().sandboxEndpoint, { minuteMs: MINUTE_MS });
  fs.mkdirSync(SHOTS, { recursive: true });
  const network = await fargateNetwork();
  firstRevision = await seedClusterAndTaskDefinition(cluster, family);
  const awsvpc = { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" as const } };
  const lb = (await elbv2().send(new CreateLoadBalancerCommand({ Name: `dm${stamp}-alb`, Subnets: network.subnets.slice(0, 2), SecurityGroups: [network.securityGroupId], Type: "application" }))).LoadBalancers![0]!;
  const tg = async (suffix: string) =>
    (await elbv2().send(new CreateTargetGroupCommand({ Name: `dm${stamp}-${suffix}`, Protocol: "HTTP", Port: 8080, VpcId: network.vpcId, TargetType: "ip", HealthCheckPath: "/" }))).TargetGroups![0]!.TargetGroupArn!;
  const [blue, green] = [await tg("b"), await tg("g")];
  const listener = (await elbv2().send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: blue }] }))).Listeners![0]!;
  const rule = (await elbv2().send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules![0]!.RuleArn!;
  canary = { blue, green, rule };
  const iam = new IAMClient({ ...aws, endpoint: stack().sandboxEndpoint });
  const role = (await iam.send(new CreateRoleCommand({
    RoleName: `dm${stamp}-lb-role`,
    AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
  }))).Role!.Arn!;
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: "canary", taskDefinition: firstRevision, desiredCount: 1, launchType: "FARGATE", networkConfiguration: awsvpc,
    loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 8080 }],
  }));
  await ecs().send(new UpdateServiceCommand({
    cluster, service: "canary",
    deploymentConfiguration: {
      minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true },
      strategy: "CANARY", bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 },
    },
    loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: rule, roleArn: role } }],
  }));
  const [pb, pg] = [await tg("pb"), await tg("pg")];
  const pausedListener = (await elbv2().send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 81, DefaultActions: [{ Type: "forward", TargetGroupArn: pb }] }))).Listeners![0]!;
  paused = { blue: pb, green: pg, rule: (await elbv2().send(new DescribeRulesCommand({ ListenerArn: pausedListener.ListenerArn }))).Rules![0]!.RuleArn! };
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: "paused", taskDefinition: firstRevision, desiredCount: 1, launchType: "FARGATE", networkConfiguration: awsvpc,
    loadBalancers: [{ targetGroupArn: pb, containerName: "web", containerPort: 8080 }],
  }));
  await ecs().send(new UpdateServiceCommand({
    cluster, service: "paused",
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, strategy: "BLUE_GREEN", bakeTimeInMinutes: 0 },
    loadBalancers: [{ targetGroupArn: pb, containerName: "web", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: pg, productionListenerRule: paused.rule, roleArn: role } }],
  }));
  await ecs().send(new CreateServiceCommand({ cluster, serviceName: "plain", taskDefinition: firstRevision, desiredCount: 1, launchType: "FARGATE", networkConfiguration: awsvpc }));
  await ecs().send(new CreateServiceCommand({ cluster, serviceName: "many", taskDefinition: firstRevision, desiredCount: 0, launchType: "FARGATE", networkConfiguration: awsvpc }));
  // A period of a day: the sandbox's autoscaler will not re-evaluate it while the test runs, so SetAlarmState holds.
  await cloudwatch().send(new PutMetricAlarmCommand({
    AlarmName: alarm, Namespace: "Portside/E2E", MetricName: "Http5xx", Statistic: "Sum", Period: 86400, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold",
  }));
  await cloudwatch().send(new SetAlarmStateCommand({ AlarmName: alarm, StateValue: "OK", StateReason: "e2e: healthy" }));
  await expect.poll(() => rolledOut("canary"), { timeout: 60_000 }).toBe("COMPLETED");
  await expect.poll(() => rolledOut("plain"), { timeout: 60_000 }).toBe("COMPLETED");
});

test.afterAll(async () => {
  await setAgent(stack().sandboxEndpoint, { minuteMs: 1000 });
});

async function openSettings(page: Page, strategy = /^Canary/) {
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Deployment settings", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("radio", { name: strategy })).toBeChecked();
  return dialog;
}

test("alarms in Deployment settings: no alarm picked is a field error with no AWS change; then saved as a reviewed plan", async ({ page }) => {
  await as(page, "operator", pageOf("canary"));
  const dialog = await openSettings(page);
  await sandbox.resetCalls();
  await dialog.getByRole("checkbox", { name: /Watch CloudWatch alarms/ }).check();
  await expect(dialog.getByRole("group", { name: "Alarms to watch" })).toContainText(alarm);
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.locator("#alarmNames-error")).toHaveText("Pick at least one CloudWatch alarm to watch.");
  await shot(page, "settings-alarm-invalid");
  expect(await mutations()).toEqual([]);
  expect(await runsFor(`ecs:service/${cluster}/canary`)).toHaveLength(0);

  await dialog.getByRole("checkbox", { name: alarm }).check();
  await dialog.getByRole("checkbox", { name: /Roll back when an alarm/ }).check();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText(`"alarmNames": [\n`);
  await shot(page, "settings-alarm-review");
  await dialog.getByRole("button", { name: "Save deployment settings" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  const dc = (await describeService(cluster, "canary"))!.deploymentConfiguration!;
  expect(dc.alarms).toEqual({ alarmNames: [alarm], enable: true, rollback: true });
  expect(dc.strategy).toBe("CANARY");
});

test("a canary deployment is rolled back when a watched alarm goes into ALARM; the live view shows the alarm and the timeline says why", async ({ page }) => {
  const next = await register("public.ecr.aws/docker/library/httpd:2.4.62");
  await ecs().send(new UpdateServiceCommand({ cluster, service: "canary", taskDefinition: next }));
  await as(page, "operator", historyOf("canary"));
  const live = page.getByTestId("live-deployment");
  await expect(async () => {
    await page.goto(historyOf("canary"));
    await expect(live).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  const watched = live.getByTestId("watched-alarm");
  await expect(watched).toHaveText(new RegExp(`${alarm}\\s*ok`));
  await expect(live.getByTestId("traffic-share").filter({ hasText: `dm${stamp}-g` })).toHaveText(`dm${stamp}-g: 10 %`, { timeout: 30_000 });
  await expect(live.getByTestId("traffic-step").last()).toContainText("green 10 %");
  await shot(page, "live-canary-alarm-watched");

  await cloudwatch().send(new SetAlarmStateCommand({ AlarmName: alarm, StateValue: "ALARM", StateReason: "e2e: 5xx errors" }));
  await expect.poll(async () => (await describeService(cluster, "canary"))!.deployments!.length, { timeout: 30_000 }).toBe(1);
  expect(await weights()).toEqual({ blue: 100, green: 0 });
  expect(await revisionOf("canary")).toBe(firstRevision);
  const [newest] = (await ecs().send(new ListServiceDeploymentsCommand({ cluster, service: "canary" }))).serviceDeployments!;
  const described = (await ecs().send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [newest!.serviceDeploymentArn!] }))).serviceDeployments![0]!;
  expect(described.status).toBe("ROLLBACK_SUCCESSFUL");
  expect(described.alarms).toMatchObject({ status: "TRIGGERED", triggeredAlarmNames: [alarm] });

  await page.goto(historyOf("canary"));
  const entry = page.getByTestId("service-deployment").first();
  await expect(entry.getByTestId("service-deployment-status")).toHaveText("rollback successful");
  await expect(entry.getByTestId("rollback-reason")).toContainText(`CloudWatch alarm ${alarm} is in ALARM.`);
  await expect(entry).toContainText(`triggered: ${alarm}`);
  await expect(entry.getByTestId("deployment-who")).toHaveText("outside Portside");
  await shot(page, "timeline-alarm-rolled-back");
  await cloudwatch().send(new SetAlarmStateCommand({ AlarmName: alarm, StateValue: "OK", StateReason: "e2e: healthy again" }));
  expect((await cloudwatch().send(new DescribeAlarmsCommand({ AlarmNames: [alarm] }))).MetricAlarms![0]!.StateValue).toBe("OK");
});

test("a pause hook set in Deployment settings holds a blue/green deployment before production traffic moves; Continue, reviewed, lets it finish", async ({ page }) => {
  await as(page, "operator", pageOf("paused"));
  const dialog = await openSettings(page, /^Blue\/green/);
  await dialog.getByRole("button", { name: "Add pause hook" }).click();
  await dialog.getByRole("group", { name: "Hook 1 stages" }).getByRole("checkbox", { name: "pause at pre production traffic shift" }).check();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText('"targetType": "PAUSE"');
  await dialog.getByRole("button", { name: "Save deployment settings" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  expect((await describeService(cluster, "paused"))!.deploymentConfiguration!.lifecycleHooks).toEqual([{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }]);

  const next = await register("public.ecr.aws/docker/library/httpd:2.4.65");
  await ecs().send(new UpdateServiceCommand({ cluster, service: "paused", taskDefinition: next }));
  const newestArn = async () => (await ecs().send(new ListServiceDeploymentsCommand({ cluster, service: "paused" }))).serviceDeployments![0]!.serviceDeploymentArn!;
  const describe = async () => (await ecs().send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [await newestArn()] }))).serviceDeployments![0]!;
  await expect.poll(async () => (await describe()).lifecycleHookDetails?.[0]?.status, { timeout: 30_000 }).toBe("AWAITING_ACTION");
  expect((await describe()).lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
  expect(await weights(paused)).toEqual({ blue: 100, green: 0 });

  await page.goto(historyOf("paused"));
  const live = page.getByTestId("live-deployment");
  await expect(async () => {
    await page.goto(historyOf("paused"));
    await expect(live.getByTestId("paused-hook")).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(live.getByTestId("paused-hook")).toContainText("Paused by a pause hook at pre production traffic shift");
  await shot(page, "live-paused");
  await live.getByRole("button", { name: "Continue or roll back" }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm.getByRole("radio", { name: /^Continue/ })).toBeChecked();
  await confirm.getByRole("button", { name: "Review" }).click();
  await expect(confirm.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toContainText("ecs:ContinueServiceDeployment");
  await expect(confirm.getByLabel("Request 1 JSON")).toContainText('"action": "CONTINUE"');
  await confirm.getByRole("button", { name: "Continue deployment" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  await expect.poll(() => weights(paused), { timeout: 30_000 }).toEqual({ blue: 0, green: 100 });
  await expect.poll(async () => (await describe()).status, { timeout: 60_000 }).toBe("SUCCESSFUL");
  expect((await describe()).lifecycleHookDetails?.[0]?.status).toBe("SUCCEEDED");
  expect(await revisionOf("paused")).toBe(next.split("/").pop());
});

let previewRequest: Request;

test("the timeline diffs task definitions beyond the image; Roll back to this revision is a reviewed plan that the timeline then credits to its user", async ({ page }) => {
  const second = await register("public.ecr.aws/docker/library/httpd:2.4.63", {
    cpu: "512", memory: "1024", environment: [{ name: "LOG_LEVEL", value: "debug" }, { name: "API_TOKEN", value: "s3cr3t-value" }],
  });
  await ecs().send(new UpdateServiceCommand({ cluster, service: "plain", taskDefinition: second }));
  await expect.poll(() => revisionOf("plain")).toBe(second.split("/").pop());
  await expect.poll(() => rolledOut("plain"), { timeout: 60_000 }).toBe("COMPLETED");

  await page.setViewportSize({ width: 1280, height: 900 });
  const operator = await as(page, "operator", historyOf("plain"));
  const entries = page.getByTestId("service-deployment");
  await expect(entries).toHaveCount(2);
  const newest = entries.first();
  await expect(newest.getByTestId("deployment-diff")).toHaveText([
    "Task CPU 256 → 512", "Task memory 512 → 1024", "web: env LOG_LEVEL added (debug)", "web: env API_TOKEN added (••••)",
  ]);
  await expect(page.getByText("s3cr3t-value")).toHaveCount(0);
  await expect(newest.getByTestId("deployment-who")).toHaveText("outside Portside");
  await expect(newest.getByRole("button", { name: /Roll back to this revision/ })).toHaveCount(0);

  const first = entries.last();
  await first.getByRole("button", { name: `Roll back to this revision (${firstRevision})` }).click();
  const dialog = page.getByRole("dialog");
  const sent = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await dialog.getByRole("button", { name: "Review" }).click();
  previewRequest = await sent;
  await expect(dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toContainText("ecs:UpdateService");
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText(`task-definition/${firstRevision}`);
  await shot(page, "rollback-to-revision-review");
  await dialog.getByRole("button", { name: "Roll back to this revision" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  expect(await revisionOf("plain")).toBe(firstRevision);
  expect((await describeService(cluster, "plain"))!.deployments!.map((d) => d.rolloutState)).toEqual(["COMPLETED"]);

  await page.goto(historyOf("plain"));
  await expect(entries).toHaveCount(3);
  await expect(entries.first().getByTestId("deployment-who")).toHaveText(`by ${operator.name}`);
  await expect(entries.first().getByTestId("deployment-diff").first()).toHaveText("Task CPU 512 → 256");
  // The runs table below the timeline fits a 1280 px window.
  await expect(page.getByRole("table", { name: "Plan runs" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await shot(page, "history-tab-1280");
});

test("Roll back to this revision refuses viewers, anonymous visitors and another service's deployment, with no AWS change", async ({ page, browser }) => {
  const replay = async (request: Page["request"], body: Buffer) =>
    (await request.post(`${stack().baseURL}${historyOf("plain")}`, {
      headers: { "next-action": previewRequest.headers()["next-action"]!, "content-type": previewRequest.headers()["content-type"]!, accept: "text/x-component" },
      data: body,
    })).text();
  const original = previewRequest.postDataBuffer()!;
  await as(page, "viewer", historyOf("plain"));
  await expect(page.getByTestId("service-deployment").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Roll back to this revision/ })).toHaveCount(0);
  await sandbox.resetCalls();
  expect(await replay(page.request, original)).toContain("Your role cannot roll back services: it needs the operator role.");
  const anonymous = await browser.newContext();
  expect(await replay(anonymous.request, original)).toContain("Your session has ended. Sign in again.");
  await anonymous.close();

  const operatorContext = await browser.newContext();
  const operatorPage = await operatorContext.newPage();
  await as(operatorPage, "operator", historyOf("plain"));
  const hostile = Buffer.from(original.toString("latin1").replaceAll(`/${cluster}/plain/`, `/${cluster}/canary/`), "latin1");
  expect(await replay(operatorPage.request, hostile)).toContain("This deployment belongs to another service.");
  const tooLong = Buffer.from(original.toString("latin1").replaceAll(`/${cluster}/plain/`, `/${cluster}/plain/${"x".repeat(5000)}`), "latin1");
  expect(await replay(operatorPage.request, tooLong)).toContain("Pick a deployment of this service.");
  expect(await mutations()).toEqual([]);
  await operatorContext.close();
});

test("more than 20 deployments made through the SDK: the newest 20, then Load older; a bad page count is ignored", async ({ page }) => {
  for (let i = 0; i < 22; i++) await ecs().send(new UpdateServiceCommand({ cluster, service: "many", forceNewDeployment: true }));
  let total = 0;
  let token: string | undefined;
  do {
    const out = await ecs().send(new ListServiceDeploymentsCommand({ cluster, service: "many", maxResults: 100, nextToken: token }));
    total += out.serviceDeployments!.length;
    token = out.nextToken;
  } while (token);
  expect(total).toBeGreaterThan(20);

  await as(page, "viewer", historyOf("many"));
  const entries = page.getByTestId("service-deployment");
  await expect(entries).toHaveCount(20);
  await page.getByRole("link", { name: "Load older deployments" }).click();
  await expect(page).toHaveURL(/\?pages=2$/);
  await expect(entries).toHaveCount(total);
  await expect(page.getByRole("link", { name: "Load older deployments" })).toHaveCount(0);
  await expect(entries.last().getByTestId("deployment-who")).toHaveText("outside Portside");
  await shot(page, "timeline-load-older");
  for (const bad of ["abc", "-1", "999", "1e3"]) {
    await page.goto(`${historyOf("many")}?pages=${bad}`);
    await expect(entries).toHaveCount(20);
  }
});

test("the history tab refuses anonymous visitors before any AWS call", async ({ browser }) => {
  const anonymous = await browser.newContext();
  await sandbox.quiet();
  await sandbox.resetCalls();
  const res = await anonymous.request.get(`${stack().baseURL}${historyOf("plain")}?pages=2`, { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(res.status());
  expect(res.headers().location).toMatch(/\/login/);
  expect((await sandbox.calls()).total).toBe(0);
  await anonymous.close();
});
