import fs from "node:fs";
import { CreateServiceCommand, ListServiceDeploymentsCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateTargetGroupCommand, DescribeRulesCommand, DescribeTargetGroupsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser } from "./fixtures/db";
import { describeService, elbv2, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const SHOTS = "/tmp/shots-deploys";
const stamp = Date.now() % 1_000_000;
const cluster = `dep-${stamp}`;
const family = `depweb${stamp}`;
const service = "web";
const plain = "plain";
const blueName = `dep${stamp}-blue`;
const greenName = `dep${stamp}-green`;
const serviceKey = `ecs:service/${cluster}/${service}`;
const pageOf = (name: string) => `/ecs/clusters/${cluster}/services/${name}`;
let blueArn = "";
let revision = "";

test.beforeAll(async () => {
  await sandbox.reset();
  fs.mkdirSync(SHOTS, { recursive: true });
  const network = await fargateNetwork();
  revision = await seedClusterAndTaskDefinition(cluster, family);
  const { LoadBalancers } = await elbv2().send(new CreateLoadBalancerCommand({ Name: `dep${stamp}-alb`, Subnets: network.subnets.slice(0, 2), SecurityGroups: [network.securityGroupId], Type: "application" }));
  const { TargetGroups } = await elbv2().send(new CreateTargetGroupCommand({
    Name: blueName, Protocol: "HTTP", Port: 8080, VpcId: network.vpcId, TargetType: "ip",
    HealthCheckPath: "/ready", HealthCheckIntervalSeconds: 15, HealthCheckTimeoutSeconds: 4, HealthyThresholdCount: 3, UnhealthyThresholdCount: 4, Matcher: { HttpCode: "200" },
  }));
  blueArn = TargetGroups![0]!.TargetGroupArn!;
  await elbv2().send(new CreateListenerCommand({ LoadBalancerArn: LoadBalancers![0]!.LoadBalancerArn!, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: blueArn }] }));
  const awsvpc = { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" as const } };
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: service, taskDefinition: revision, desiredCount: 1, launchType: "FARGATE", networkConfiguration: awsvpc,
    loadBalancers: [{ targetGroupArn: blueArn, containerName: "web", containerPort: 8080 }],
  }));
  await ecs().send(new CreateServiceCommand({ cluster, serviceName: plain, taskDefinition: revision, desiredCount: 0, launchType: "FARGATE", networkConfiguration: awsvpc }));
});

async function asOperator(page: Page, name = service) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(pageOf(name));
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
}

async function openSettings(page: Page) {
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Deployment settings", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("radio", { name: /Rolling update|Canary|Linear|Blue\/green/ }).first()).toBeVisible();
  return dialog;
}

const mutations = async () => Object.keys((await sandbox.calls()).calls).filter((op) => /:(Update|Register|Create|Delete|Stop|Run|Put|Attach|Modify)/.test(op));
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

test("combinations ECS refuses stop at the field, with no AWS change and no run", async ({ page }) => {
  await asOperator(page);
  const dialog = await openSettings(page);
  await expect(dialog.getByRole("radio", { name: /Rolling update/ })).toBeChecked();
  await sandbox.resetCalls();
  const review = () => dialog.getByRole("button", { name: "Review" }).click();

  await dialog.getByRole("radio", { name: /^Canary/ }).check();
  await expect(dialog.getByLabel("Production listener rule")).toHaveValue(/listener-rule/);
  await expect(dialog.getByLabel("Production listener rule").locator("option:checked")).toContainText(`default rule — now ${blueName} 100 %`);
  for (const [bad, message] of [["0", "0.1 to 100 percent"], ["150", "0.1 to 100 percent"], ["", "at most one decimal"]] as const) {
    await dialog.getByLabel("Canary percentage").fill(bad);
    await review();
    await expect(dialog.locator("#canaryPercent-error")).toContainText(message);
  }
  await dialog.getByLabel("Canary percentage").fill("10");
  await dialog.getByLabel("Canary interval (minutes)").fill("1441");
  await dialog.getByLabel("Bake time (minutes)").fill("1.5");
  await dialog.getByLabel("Alternate target group name").fill("-green-");
  const production = await dialog.getByLabel("Production listener rule").inputValue();
  await dialog.getByLabel("Test listener rule (optional)").selectOption(production);
  await review();
  await expect(dialog.locator("#canaryBakeTime-error")).toContainText("0 to 1440 minutes");
  await expect(dialog.locator("#bakeTime-error")).toContainText("whole minutes");
  await expect(dialog.locator("#alternateTargetGroupName-error")).toContainText("not starting or ending with a hyphen");
  await expect(dialog.locator("#testListenerRule-error")).toContainText("another rule than the production one");
  await shot(page, "settings-canary-invalid");

  await dialog.getByRole("radio", { name: /^Linear/ }).check();
  await dialog.getByLabel("Step percentage").fill("2");
  await review();
  await expect(dialog.locator("#stepPercent-error")).toContainText("3 to 100 percent");
  // The page's live view keeps reading; nothing was changed.
  expect(await mutations()).toEqual([]);

  // What needs AWS's answer is checked on a fresh read, still before any change: a taken name.
  await dialog.getByLabel("Step percentage").fill("20");
  await dialog.getByLabel("Canary interval (minutes)").waitFor({ state: "detached" });
  await dialog.getByLabel("Bake time (minutes)").fill("0");
  await dialog.getByLabel("Test listener rule (optional)").selectOption("");
  await dialog.getByLabel("Alternate target group name").fill(blueName);
  await review();
  await expect(dialog.locator("#alternateTargetGroupName-error")).toContainText(`A target group named ${blueName} exists`);
  expect(await mutations()).toEqual([]);
  expect(await runsFor(serviceKey)).toHaveLength(0);
});

test("a service without a load balancer cannot switch to a traffic-shifting strategy", async ({ page }) => {
  await asOperator(page, plain);
  const dialog = await openSettings(page);
  await sandbox.resetCalls();
  await dialog.getByRole("radio", { name: /^Blue\/green/ }).check();
  await expect(dialog.getByRole("status").filter({ hasText: "This service has no load balancer" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Review" })).toBeDisabled();
  await shot(page, "settings-no-load-balancer");
  expect(await mutations()).toEqual([]);
});

test("switch to canary 10 % / 1 min: a green target group with blue's health check, the role with AWS's policy, the strategy on the service", async ({ page }) => {
  await asOperator(page);
  const dialog = await openSettings(page);
  await dialog.getByRole("radio", { name: /^Canary/ }).check();
  await dialog.getByLabel("Canary percentage").fill("10");
  await dialog.getByLabel("Canary interval (minutes)").fill("1");
  await dialog.getByLabel("Bake time (minutes)").fill("0");
  await dialog.getByLabel("Alternate target group name").fill(greenName);
  await expect(dialog.getByRole("radio", { name: /Create ecsInfrastructureRoleForLoadBalancers/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Review" }).click();
  const steps = dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText("elasticloadbalancing:CreateTargetGroup");
  await expect(steps.nth(1)).toContainText("iam:CreateRole");
  await expect(steps.nth(2)).toContainText("iam:AttachRolePolicy");
  await expect(steps.nth(3)).toContainText("ecs:UpdateService");
  await expect(dialog.getByLabel("Request 4 JSON")).toContainText('"strategy": "CANARY"');
  await expect(dialog.getByLabel("Request 4 JSON")).toContainText('"canaryPercent": 10');
  await shot(page, "settings-canary-review");
  await dialog.getByRole("button", { name: "Save deployment settings" }).click();

  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  const { TargetGroups } = await elbv2().send(new DescribeTargetGroupsCommand({ Names: [greenName] }));
  const green = TargetGroups![0]!;
  expect(green).toMatchObject({ Port: 8080, TargetType: "ip", HealthCheckPath: "/ready", HealthCheckIntervalSeconds: 15, HealthCheckTimeoutSeconds: 4, HealthyThresholdCount: 3, UnhealthyThresholdCount: 4 });
  const svc = await describeService(cluster, service);
  expect(svc!.deploymentConfiguration).toMatchObject({ strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } });
  const advanced = svc!.loadBalancers![0]!.advancedConfiguration!;
  expect(advanced.alternateTargetGroupArn).toBe(green.TargetGroupArn);
  expect(advanced.productionListenerRule).toMatch(/listener-rule/);
  expect(advanced.roleArn).toMatch(/:role\/ecsInfrastructureRoleForLoadBalancers$/);
  const iam = new IAMClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
  const { AttachedPolicies } = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "ecsInfrastructureRoleForLoadBalancers" }));
  expect(AttachedPolicies!.map((p) => p.PolicyArn)).toEqual(["arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"]);

  await page.goto(pageOf(service));
  await expect(page.getByText("Canary, circuit breaker", { exact: false })).toBeVisible();
});

test("the dialog opens on the service's settings; back to rolling drops the advanced configuration", async ({ page }) => {
  await asOperator(page);
  const dialog = await openSettings(page);
  await expect(dialog.getByRole("radio", { name: /^Canary/ })).toBeChecked();
  await expect(dialog.getByLabel("Canary percentage")).toHaveValue("10");
  await expect(dialog.getByRole("radio", { name: /^Pick one/ })).toBeChecked();
  await expect(dialog.getByLabel("Alternate target group", { exact: true }).locator("option:checked")).toHaveText(greenName);
  await expect(dialog.getByRole("radio", { name: /Create ecsInfrastructureRoleForLoadBalancers/ })).toBeDisabled();
  await shot(page, "settings-canary-current");
  await dialog.getByRole("radio", { name: /Rolling update/ }).check();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem")).toHaveCount(1);
  await dialog.getByRole("button", { name: "Save deployment settings" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  const svc = await describeService(cluster, service);
  expect(svc!.deploymentConfiguration!.strategy).toBe("ROLLING");
  expect(svc!.deploymentConfiguration!.canaryConfiguration).toBeUndefined();
  expect(svc!.loadBalancers![0]!.advancedConfiguration).toBeUndefined();
  expect(svc!.loadBalancers![0]!.targetGroupArn).toBe(blueArn);
});

test("viewers see no Deployment settings and a replayed request from a viewer is refused", async ({ page, browser }) => {
  await asOperator(page);
  const dialog = await openSettings(page);
  await dialog.getByRole("radio", { name: /^Blue\/green/ }).check();
  await dialog.getByLabel("Alternate target group name").waitFor();
  await dialog.getByRole("radio", { name: /^Pick one/ }).check();
  const previewRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await dialog.getByRole("button", { name: "Review" }).click();
  const preview = await previewRequest;
  await expect(dialog.getByRole("list", { name: "Plan steps" })).toBeVisible();

  const viewer = await seedUser("viewer");
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(pageOf(service));
  await expect(viewerPage.getByRole("heading", { name: service, exact: true })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Deployment settings" })).toHaveCount(0);
  await sandbox.resetCalls();
  const replay = await viewerPage.request.post(preview.url(), {
    headers: { "next-action": preview.headers()["next-action"]!, "content-type": preview.headers()["content-type"]!, accept: "text/x-component" },
    data: preview.postDataBuffer()!,
  });
  expect(await replay.text()).toContain("Your role cannot change services: it needs the operator role.");
  const anonymous = await browser.newContext();
  const anon = await anonymous.request.post(`${stack().baseURL}${pageOf(service)}`, {
    headers: { "next-action": preview.headers()["next-action"]!, "content-type": preview.headers()["content-type"]!, accept: "text/x-component" },
    data: preview.postDataBuffer()!,
  });
  expect(await anon.text()).toContain("Your session has ended. Sign in again.");
  expect(await mutations()).toEqual([]);
  expect(await query(`SELECT id FROM "PlanRun" WHERE $1 = ANY(resources) AND wizard = 'ecs-service-deployment-strategy'`, [serviceKey])).toHaveLength(2);
  await context.close();
  await anonymous.close();
});

test("the service wizard creates a canary service: alternate target group, a listener rule ECS moves, the existing role", async ({ page }) => {
  const name = `wiz${stamp}`;
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/services/new?taskDefinition=${revision}`);
  await expect(page.getByLabel("Revision")).toHaveValue(revision);
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Security group name").fill(`${name}-sg`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("New Application Load Balancer").click();
  await expect(page.getByLabel("Target group name")).toHaveValue(`${name}-tg`);
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("radio", { name: /^Canary/ }).check();
  await expect(page.getByLabel("Name of the alternate target group")).toHaveValue(`${name}-tg-green`);
  await page.getByLabel("Canary percentage").fill("101");
  await sandbox.resetCalls();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#canaryPercent-error")).toContainText("0.1 to 100 percent");
  expect(await mutations()).toEqual([]);
  await page.getByLabel("Canary percentage").fill("10");
  await page.getByLabel("Canary interval (minutes)").fill("1");
  await page.getByLabel("Bake time (minutes)").fill("0");
  // The role Portside would create exists (made by the canary switch above): the server says so at the field.
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#lbRoleMode-error")).toContainText("exists");
  const iam = new IAMClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
  const roleArn = (await iam.send(new GetRoleCommand({ RoleName: "ecsInfrastructureRoleForLoadBalancers" }))).Role!.Arn!;
  await page.getByRole("radio", { name: /^Use a role/ }).check();
  await page.getByLabel("Role ARN").fill(roleArn);
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps.filter({ hasText: "elasticloadbalancing:CreateRule" })).toHaveCount(1);
  await expect(steps.filter({ hasText: "elasticloadbalancing:CreateTargetGroup" })).toHaveCount(2);
  await shot(page, "wizard-canary-review");
  expect(await mutations()).toEqual([]);
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });

  const svc = await describeService(cluster, name);
  expect(svc!.deploymentConfiguration).toMatchObject({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } });
  const advanced = svc!.loadBalancers![0]!.advancedConfiguration!;
  expect(advanced.roleArn).toBe(roleArn);
  const green = (await elbv2().send(new DescribeTargetGroupsCommand({ Names: [`${name}-tg-green`] }))).TargetGroups![0]!;
  expect(advanced.alternateTargetGroupArn).toBe(green.TargetGroupArn);
  const rule = (await elbv2().send(new DescribeRulesCommand({ RuleArns: [advanced.productionListenerRule!] }))).Rules![0]!;
  expect(rule.Actions![0]!.ForwardConfig!.TargetGroups!.map((g) => [g.TargetGroupArn, g.Weight])).toEqual([[svc!.loadBalancers![0]!.targetGroupArn, 100], [green.TargetGroupArn, 0]]);
});

test("blue/green with a lifecycle hook that fails: the hook is refused until complete, saved, and a deployment rolls back with its reason", async ({ page }) => {
  await asOperator(page);
  const dialog = await openSettings(page);
  await dialog.getByRole("radio", { name: /^Blue\/green/ }).check();
  await dialog.getByLabel("Bake time (minutes)").fill("0");
  await dialog.getByRole("radio", { name: /^Pick one/ }).check();
  await dialog.getByLabel("Alternate target group", { exact: true }).selectOption({ label: greenName });
  await expect(dialog.getByRole("radio", { name: /^Pick a role/ })).toBeChecked();
  await sandbox.resetCalls();
  await dialog.getByRole("button", { name: "Add Lambda hook" }).click();
  await dialog.getByLabel("Hook 1 Lambda function ARN").fill("arn:aws:lambda:us-east-1:123456789012:function:smoke-fail");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.locator("#hooks-0-roleArn-error")).toContainText("role ECS uses to call the hook");
  await expect(dialog.locator("#hooks-0-stages-error")).toContainText("at least one stage");
  expect(await mutations()).toEqual([]);
  await dialog.getByLabel("Hook 1 role ARN").fill("arn:aws:iam::123456789012:role/hooks");
  await dialog.getByRole("group", { name: "Hook 1 stages" }).getByLabel("post test traffic shift").check();
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText('"lifecycleStages"');
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText('"strategy": "BLUE_GREEN"');
  await shot(page, "settings-blue-green-hook-review");
  await dialog.getByRole("button", { name: "Save deployment settings" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  const svc = await describeService(cluster, service);
  expect(svc!.deploymentConfiguration!.lifecycleHooks).toEqual([
    { hookTargetArn: "arn:aws:lambda:us-east-1:123456789012:function:smoke-fail", roleArn: "arn:aws:iam::123456789012:role/hooks", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] },
  ]);

  // A deployment (here straight through the SDK) reaches the hook's stage, the hook fails, ECS rolls back.
  const running = svc!.taskDefinition!;
  await ecs().send(new UpdateServiceCommand({ cluster, service, forceNewDeployment: true }));
  const newest = async () => {
    const { serviceDeployments } = await ecs().send(new ListServiceDeploymentsCommand({ cluster, service }));
    return serviceDeployments![0]!;
  };
  await expect.poll(async () => (await newest()).status, { timeout: 60_000 }).toBe("ROLLBACK_SUCCESSFUL");
  expect((await describeService(cluster, service))!.taskDefinition).toBe(running);
  await page.goto(`${pageOf(service)}/history`);
  const entry = page.getByTestId("service-deployment").first();
  await expect(entry.getByTestId("service-deployment-status")).toHaveText("rollback successful");
  await expect(entry.getByTestId("rollback-reason")).toContainText("Lifecycle hook smoke-fail failed in POST_TEST_TRAFFIC_SHIFT.");
  await shot(page, "timeline-hook-rolled-back");
});
