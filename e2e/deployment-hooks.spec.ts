import fs from "node:fs";
import { CreateServiceCommand, DescribeServiceDeploymentsCommand, ListServiceDeploymentsCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateRuleCommand, CreateTargetGroupCommand, DescribeRulesCommand, DescribeTargetGroupsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { CloudWatchClient, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { expect, test, type Page, type Request } from "@playwright/test";
import { hookInvocations } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { describeService, elbv2, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

// Issue 14's last gaps: alarms and lifecycle hooks in the service wizard, several hooks per
// service (run in stage order by the sandbox, which records each invocation), and their security.
test.describe.configure({ mode: "serial" });

const SHOTS = "/tmp/shots-deploys";
const stamp = Date.now() % 1_000_000;
const cluster = `hk-${stamp}`;
const family = `hkweb${stamp}`;
const hooked = "hooked";
const ruled = "ruled";
const alarm = `hk${stamp}-5xx`;
const ROLE = "arn:aws:iam::123456789012:role/hooks";
const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const pageOf = (name: string) => `/ecs/clusters/${cluster}/services/${name}`;
let revision = "";

test.beforeAll(async () => {
  await sandbox.reset();
  fs.mkdirSync(SHOTS, { recursive: true });
  const network = await fargateNetwork();
  revision = await seedClusterAndTaskDefinition(cluster, family);
  const { LoadBalancers } = await elbv2().send(new CreateLoadBalancerCommand({ Name: `hk${stamp}-alb`, Subnets: network.subnets.slice(0, 2), SecurityGroups: [network.securityGroupId], Type: "application" }));
  const { TargetGroups } = await elbv2().send(new CreateTargetGroupCommand({ Name: `hk${stamp}-blue`, Protocol: "HTTP", Port: 8080, VpcId: network.vpcId, TargetType: "ip" }));
  const blue = TargetGroups![0]!.TargetGroupArn!;
  await elbv2().send(new CreateListenerCommand({ LoadBalancerArn: LoadBalancers![0]!.LoadBalancerArn!, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: blue }] }));
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: hooked, taskDefinition: revision, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
    loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 8080 }],
  }));
  // A rolling service behind its own load balancer, whose listener has one rule (priority 5) for another target group.
  const second = (await elbv2().send(new CreateLoadBalancerCommand({ Name: `hk${stamp}-alb2`, Subnets: network.subnets.slice(0, 2), SecurityGroups: [network.securityGroupId], Type: "application" }))).LoadBalancers![0]!;
  const [ruledBlue, other] = await Promise.all(["rblue", "other"].map(async (n) =>
    (await elbv2().send(new CreateTargetGroupCommand({ Name: `hk${stamp}-${n}`, Protocol: "HTTP", Port: 8080, VpcId: network.vpcId, TargetType: "ip" }))).TargetGroups![0]!.TargetGroupArn!));
  const listener = (await elbv2().send(new CreateListenerCommand({ LoadBalancerArn: second.LoadBalancerArn!, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: ruledBlue }] }))).Listeners![0]!;
  await elbv2().send(new CreateRuleCommand({ ListenerArn: listener.ListenerArn!, Priority: 5, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/other/*"] } }], Actions: [{ Type: "forward", TargetGroupArn: other }] }));
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: ruled, taskDefinition: revision, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
    loadBalancers: [{ targetGroupArn: ruledBlue, containerName: "web", containerPort: 8080 }],
  }));
  const cw = new CloudWatchClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
  await cw.send(new PutMetricAlarmCommand({ AlarmName: alarm, Namespace: "AWS/ApplicationELB", MetricName: "HTTPCode_Target_5XX_Count", Statistic: "Sum", Period: 60, EvaluationPeriods: 1, Threshold: 5, ComparisonOperator: "GreaterThanThreshold" }));
});

const mutations = async () => Object.keys((await sandbox.calls()).calls).filter((op) => /:(Update|Register|Create|Delete|Stop|Run|Put|Attach|Modify)/.test(op));
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function openSettings(page: Page, name: string) {
  await page.goto(pageOf(name));
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Deployment settings", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("radio", { name: /Rolling update/ })).toBeVisible();
  return dialog;
}

test("the service wizard creates a canary service watching an alarm, with a lifecycle hook: both in CreateService's deploymentConfiguration", async ({ page }) => {
  const name = `wiz${stamp}`;
  await asOperator(page);
  await page.goto(`/ecs/clusters/${cluster}/services/new?taskDefinition=${revision}`);
  await expect(page.getByLabel("Revision")).toHaveValue(revision);
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Security group name").fill(`${name}-sg`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("New Application Load Balancer").click();
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("radio", { name: /^Canary/ }).check();
  await page.getByLabel("Canary percentage").fill("10");
  await page.getByLabel("Canary interval (minutes)").fill("1");
  await page.getByLabel("Bake time (minutes)").fill("0");
  await expect(page.getByText("No hooks. Add a Lambda hook")).toBeVisible();
  await page.getByRole("button", { name: "Add Lambda hook" }).click();
  await page.getByLabel("Hook 1 Lambda function ARN").fill("arn:aws:lambda:us-east-1:123456789012:fn");
  await page.getByLabel("Hook 1 details (JSON, optional)").fill("[1, 2]");
  await page.getByLabel("Watch CloudWatch alarms during deployments").check();
  await sandbox.resetCalls();
  await page.getByRole("button", { name: "Review" }).click();
  // The same rules as the Deployment settings dialog, at the field, with no AWS change.
  await expect(page.locator("#hooks-0-targetArn-error")).toContainText("Lambda function ARN");
  await expect(page.locator("#hooks-0-roleArn-error")).toContainText("role ECS uses to call the hook");
  await expect(page.locator("#hooks-0-stages-error")).toContainText("at least one stage");
  await expect(page.locator("#hooks-0-details-error")).toContainText("JSON object");
  await expect(page.locator("#alarmNames-error")).toContainText("Pick at least one CloudWatch alarm");
  await shot(page, "wizard-hooks-alarms-invalid");
  expect(await mutations()).toEqual([]);

  // The rules ECS moves, created on the new listener: production on a path, test on a host.
  await page.getByLabel("Production rule path").fill("/api/*");
  await page.getByLabel("Production rule priority").fill("10");
  await page.getByLabel("Also create a test listener rule").check();
  await page.getByLabel("Test rule matches").selectOption("host-header");
  await page.getByLabel("Test rule host").fill(`test-${stamp}.example.com`);
  await page.getByLabel("Hook 1 Lambda function ARN").fill(lambda("smoke"));
  await page.getByLabel("Hook 1 role ARN").fill(ROLE);
  await page.getByRole("group", { name: "Hook 1 stages" }).getByLabel("post scale up").check();
  await page.getByLabel("Hook 1 details (JSON, optional)").fill('{"suite": "smoke"}');
  await page.getByRole("group", { name: "Alarms to watch" }).getByLabel(alarm).check();
  await page.getByLabel("Roll back when an alarm goes into ALARM").check();
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps.filter({ hasText: "ecs:CreateService" })).toHaveCount(1);
  await shot(page, "wizard-hooks-alarms-review");
  expect(await mutations()).toEqual([]);
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });

  const dc = (await describeService(cluster, name))!.deploymentConfiguration!;
  expect(dc).toMatchObject({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } });
  expect(dc.alarms).toEqual({ alarmNames: [alarm], enable: true, rollback: true });
  expect(dc.lifecycleHooks).toEqual([{ hookTargetArn: lambda("smoke"), roleArn: ROLE, lifecycleStages: ["POST_SCALE_UP"], hookDetails: { suite: "smoke" } }]);
  const svc = (await describeService(cluster, name))!;
  const advanced = svc.loadBalancers![0]!.advancedConfiguration!;
  const [production, testRule] = (await elbv2().send(new DescribeRulesCommand({ RuleArns: [advanced.productionListenerRule!, advanced.testListenerRule!] }))).Rules!;
  expect([production!.Priority, production!.Conditions![0]!.PathPatternConfig?.Values]).toEqual(["10", ["/api/*"]]);
  expect([testRule!.Priority, testRule!.Conditions![0]!.HostHeaderConfig?.Values]).toEqual(["2", [`test-${stamp}.example.com`]]);
  for (const rule of [production!, testRule!]) {
    expect(rule.Actions![0]!.ForwardConfig!.TargetGroups!.map((g) => [g.TargetGroupArn, g.Weight])).toEqual([[svc.loadBalancers![0]!.targetGroupArn, 100], [advanced.alternateTargetGroupArn, 0]]);
  }
});

test("two Lambda hooks at different stages, set in Deployment settings: a deployment invokes both in stage order, the second fails and rolls it back", async ({ page }) => {
  await asOperator(page);
  const dialog = await openSettings(page, hooked);
  await dialog.getByRole("radio", { name: /^Blue\/green/ }).check();
  await dialog.getByLabel("Bake time (minutes)").fill("0");
  await dialog.getByLabel("Alternate target group name").fill(`hk${stamp}-green`);
  for (const [n, fn, stage] of [[1, "smoke", "post scale up"], [2, "gate-fail", "post test traffic shift"]] as const) {
    await dialog.getByRole("button", { name: "Add Lambda hook" }).click();
    await dialog.getByLabel(`Hook ${n} Lambda function ARN`).fill(lambda(fn));
    await dialog.getByLabel(`Hook ${n} role ARN`).fill(ROLE);
    await dialog.getByRole("group", { name: `Hook ${n} stages` }).getByLabel(stage, { exact: true }).check();
  }
  // A third row, removed again: the list keeps what is left.
  await dialog.getByRole("button", { name: "Add pause hook" }).click();
  await dialog.getByRole("button", { name: "Remove hook 3" }).click();
  await expect(dialog.getByRole("group", { name: "Hook 3" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem").last()).toContainText("ecs:UpdateService");
  await shot(page, "settings-two-hooks-review");
  await dialog.getByRole("button", { name: "Save deployment settings" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  const svc = (await describeService(cluster, hooked))!;
  expect(svc.deploymentConfiguration!.lifecycleHooks).toEqual([
    { hookTargetArn: lambda("smoke"), roleArn: ROLE, lifecycleStages: ["POST_SCALE_UP"] },
    { hookTargetArn: lambda("gate-fail"), roleArn: ROLE, lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] },
  ]);

  const running = svc.taskDefinition!;
  await ecs().send(new UpdateServiceCommand({ cluster, service: hooked, forceNewDeployment: true }));
  const newest = async () => {
    const { serviceDeployments } = await ecs().send(new ListServiceDeploymentsCommand({ cluster, service: hooked }));
    return serviceDeployments![0]!;
  };
  await expect.poll(async () => (await newest()).status, { timeout: 60_000 }).toBe("ROLLBACK_SUCCESSFUL");
  const arn = (await newest()).serviceDeploymentArn!;
  const deployment = (await ecs().send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments![0]!;
  expect(deployment.rollback?.reason).toBe("Lifecycle hook gate-fail failed in POST_TEST_TRAFFIC_SHIFT.");
  const calls = (await hookInvocations(stack().sandboxEndpoint)).filter((c) => c.serviceDeploymentArn === arn);
  expect(calls.map((c) => [c.hookTargetArn, c.stage, c.status])).toEqual([
    [lambda("smoke"), "POST_SCALE_UP", "SUCCEEDED"],
    [lambda("gate-fail"), "POST_TEST_TRAFFIC_SHIFT", "FAILED"],
  ]);
  expect((await describeService(cluster, hooked))!.taskDefinition).toBe(running);

  // The settings dialog opens with both hooks as they are now.
  const again = await openSettings(page, hooked);
  await expect(again.getByLabel("Hook 1 Lambda function ARN")).toHaveValue(lambda("smoke"));
  await expect(again.getByLabel("Hook 2 Lambda function ARN")).toHaveValue(lambda("gate-fail"));
  await page.goto(`${pageOf(hooked)}/history`);
  await expect(page.getByTestId("service-deployment").first().getByTestId("rollback-reason")).toContainText("Lifecycle hook gate-fail failed in POST_TEST_TRAFFIC_SHIFT.");
});

test("hostile hook details are refused at the field; a viewer and an anonymous caller replaying the settings action are refused, with no AWS call", async ({ page, browser }) => {
  await asOperator(page);
  const dialog = await openSettings(page, hooked);
  await dialog.getByLabel("Hook 1 details (JSON, optional)").fill('{"__proto__": {"polluted": true}}');
  await sandbox.resetCalls();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.locator("#hooks-0-details-error")).toContainText("cannot use the key __proto__");
  expect(await mutations()).toEqual([]);

  // A valid review, captured as anyone could from the page, replayed by a viewer and by no one.
  await dialog.getByLabel("Hook 1 details (JSON, optional)").fill("");
  const captured = page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && (r.postData() ?? "").includes("hooks.1.roleArn"));
  await dialog.getByRole("button", { name: "Review" }).click();
  const request = await captured;
  await expect(dialog.getByRole("list", { name: "Plan steps" })).toBeVisible();
  const viewer = await seedUser("viewer");
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(`/ecs/clusters/${cluster}/services/new`);
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);
  const anonymous = await browser.newContext();
  await sandbox.resetCalls();
  const replay = (ctx: typeof viewerPage.request) =>
    ctx.post(request.url(), { headers: { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"]!, accept: "text/x-component" }, data: request.postDataBuffer()! });
  expect(await (await replay(viewerPage.request)).text()).toContain("Your role cannot change services: it needs the operator role.");
  expect(await (await replay(anonymous.request)).text()).toContain("Your session has ended. Sign in again.");
  expect((await sandbox.calls()).total).toBe(0);
  expect((await runsFor(`ecs:service/${cluster}/${hooked}`)).length).toBe(1);
  await viewerContext.close();
  await anonymous.close();
});

test("a rolling service switches to blue/green with a production listener rule created on its listener: the priority is checked free, the rule forwards 100 % / 0 %", async ({ page }) => {
  await asOperator(page);
  const dialog = await openSettings(page, ruled);
  await dialog.getByRole("radio", { name: /^Blue\/green/ }).check();
  await dialog.getByLabel("Bake time (minutes)").fill("0");
  await dialog.getByLabel("Alternate target group name").fill(`hk${stamp}-rgreen`);
  await dialog.getByRole("radio", { name: /^Create a rule on a listener/ }).first().check();
  await expect(dialog.getByLabel("Production rule listener")).toContainText("HTTP 80");
  await expect(dialog.getByLabel("Production rule priority")).toHaveValue("1");
  await dialog.getByLabel("Production rule path").fill("/api/*");
  await dialog.getByLabel("Production rule priority").fill("0");
  await sandbox.resetCalls();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.locator("#productionRulePriority-error")).toContainText("1 to 50000");
  // Priority 5 holds the listener's other rule: AWS would refuse it, the server says so at the field.
  await dialog.getByLabel("Production rule priority").fill("5");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.locator("#productionRulePriority-error")).toContainText("Priority 5 is taken on HTTP 80; pick a free one (1 is free).");
  expect(await mutations()).toEqual([]);
  await dialog.getByLabel("Production rule priority").fill("6");
  await dialog.getByLabel("Production rule path").scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: `${SHOTS}/settings-create-rule-fields.png` });
  await dialog.getByRole("button", { name: "Review" }).click();
  const steps = dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps.filter({ hasText: "elasticloadbalancing:CreateRule" })).toHaveCount(1);
  await expect(steps.last()).toContainText("ecs:UpdateService");
  await shot(page, "settings-create-rule-review");
  expect(await mutations()).toEqual([]);
  await dialog.getByRole("button", { name: "Save deployment settings" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });

  const svc = (await describeService(cluster, ruled))!;
  expect(svc.deploymentConfiguration!.strategy).toBe("BLUE_GREEN");
  const advanced = svc.loadBalancers![0]!.advancedConfiguration!;
  const green = (await elbv2().send(new DescribeTargetGroupsCommand({ Names: [`hk${stamp}-rgreen`] }))).TargetGroups![0]!;
  expect(advanced.alternateTargetGroupArn).toBe(green.TargetGroupArn);
  const rule = (await elbv2().send(new DescribeRulesCommand({ RuleArns: [advanced.productionListenerRule!] }))).Rules![0]!;
  expect(rule.Priority).toBe("6");
  expect(rule.Conditions!.map((c) => [c.Field, c.PathPatternConfig?.Values ?? c.Values])).toEqual([["path-pattern", ["/api/*"]]]);
  expect(rule.Actions![0]!.ForwardConfig!.TargetGroups!.map((g) => [g.TargetGroupArn, g.Weight])).toEqual([[svc.loadBalancers![0]!.targetGroupArn, 100], [green.TargetGroupArn, 0]]);
  // The settings dialog now shows the created rule as the one ECS moves.
  const again = await openSettings(page, ruled);
  await expect(again.getByLabel("Production listener rule").locator("option:checked")).toContainText("priority 6");
});
