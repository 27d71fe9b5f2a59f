import fs from "node:fs";
import { CreateServiceCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateTargetGroupCommand, DescribeRulesCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { expect, test, type Page } from "@playwright/test";
import { setAgent } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { describeService, elbv2, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const SHOTS = "/tmp/shots-deploys";
const stamp = Date.now() % 1_000_000;
const cluster = `tl-${stamp}`;
const family = `tlweb${stamp}`;
/** A deployment minute lasts 8 s here: long enough to see each traffic step on the page and in ELBv2. */
const MINUTE_MS = 8000;
type Shifting = { name: string; blue: string; green: string; rule: string };
let canary: Shifting;
let linear: Shifting;
let firstRevision = "";

async function shiftingService(name: string, port: number, network: Awaited<ReturnType<typeof fargateNetwork>>, lbArn: string, deploymentConfiguration: Record<string, unknown>): Promise<Shifting> {
  const tg = async (suffix: string) =>
    (await elbv2().send(new CreateTargetGroupCommand({ Name: `tl${stamp}-${name}-${suffix}`, Protocol: "HTTP", Port: 8080, VpcId: network.vpcId, TargetType: "ip", HealthCheckPath: "/" }))).TargetGroups![0]!.TargetGroupArn!;
  const [blue, green] = [await tg("b"), await tg("g")];
  const listener = (await elbv2().send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: "HTTP", Port: port, DefaultActions: [{ Type: "forward", TargetGroupArn: blue }] }))).Listeners![0]!;
  const rule = (await elbv2().send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules![0]!.RuleArn!;
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: name, taskDefinition: firstRevision, desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
    loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 8080 }],
  }));
  await ecs().send(new UpdateServiceCommand({
    cluster, service: name,
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true }, ...deploymentConfiguration },
    loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: rule, roleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers" } }],
  }));
  return { name, blue, green, rule };
}

/** The production rule's weights in ELBv2, as percentages of blue and green. */
async function weights(s: Shifting) {
  const action = (await elbv2().send(new DescribeRulesCommand({ RuleArns: [s.rule] }))).Rules![0]!.Actions![0]!;
  const groups = action.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }];
  const total = groups.reduce((n, g) => n + (g.Weight ?? 0), 0) || 1;
  const of = (arn: string) => Math.round((100 * (groups.find((g) => g.TargetGroupArn === arn)?.Weight ?? 0)) / total);
  return { blue: of(s.blue), green: of(s.green) };
}

const rolledOut = async (name: string) => (await describeService(cluster, name))?.deployments?.[0]?.rolloutState;

test.beforeAll(async () => {
  await sandbox.reset();
  await setAgent(stack().sandboxEndpoint, { minuteMs: MINUTE_MS });
  fs.mkdirSync(SHOTS, { recursive: true });
  const network = await fargateNetwork();
  firstRevision = await seedClusterAndTaskDefinition(cluster, family);
  const lb = (await elbv2().send(new CreateLoadBalancerCommand({ Name: `tl${stamp}-alb`, Subnets: network.subnets.slice(0, 2), SecurityGroups: [network.securityGroupId], Type: "application" }))).LoadBalancers![0]!;
  canary = await shiftingService("canary", 80, network, lb.LoadBalancerArn!, { strategy: "CANARY", bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 } });
  linear = await shiftingService("linear", 81, network, lb.LoadBalancerArn!, { strategy: "LINEAR", bakeTimeInMinutes: 0, linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 1 } });
  await expect.poll(() => rolledOut("canary"), { timeout: 60_000 }).toBe("COMPLETED");
  await expect.poll(() => rolledOut("linear"), { timeout: 60_000 }).toBe("COMPLETED");
});

test.afterAll(async () => {
  await setAgent(stack().sandboxEndpoint, { minuteMs: 1000 });
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const historyOf = (name: string) => `/ecs/clusters/${cluster}/services/${name}/history`;

async function asOperator(page: Page, path: string) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(path);
}

test("canary 10 % / 1 min: a new image's traffic moves 10 % → 100 % on the listener rule, live, then the deployment completes", async ({ page }) => {
  await asOperator(page, `/ecs/clusters/${cluster}/services/canary`);
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Deploy", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Image", { exact: true }).fill("public.ecr.aws/docker/library/httpd:2.4.62");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  const runUrl = page.url();

  const watcher = await page.context().newPage();
  const live = watcher.getByTestId("live-deployment");
  // The run may not have sent UpdateService yet: load until the deployment is there (then the view follows it by itself).
  await expect(async () => {
    await watcher.goto(historyOf("canary"));
    await expect(live).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(live).toContainText("Canary 10 % then the rest after 1 min");
  const greenShare = live.getByTestId("traffic-share").filter({ hasText: `tl${stamp}-canary-g` });
  await expect(greenShare).toHaveText(`tl${stamp}-canary-g: 10 %`, { timeout: 30_000 });
  expect(await weights(canary)).toEqual({ blue: 90, green: 10 });
  await expect(live.getByTestId("lifecycle-stage")).toHaveText("Stage: production traffic shift");
  await expect(live.getByTestId("green-revision-tasks")).toHaveText("2 / 2 running");
  await expect(live.getByTestId("blue-revision-tasks")).toHaveText("2 / 2 running");
  await shot(watcher, "live-canary-10");
  await expect.poll(() => weights(canary), { timeout: 30_000 }).toEqual({ blue: 0, green: 100 });

  await expect(live).toHaveCount(0, { timeout: 60_000 });
  const newest = watcher.getByTestId("service-deployment").first();
  await expect(newest.getByTestId("service-deployment-status")).toHaveText("successful");
  await expect(newest).toContainText("httpd:2.4 → public.ecr.aws/docker/library/httpd:2.4.62");
  await shot(watcher, "timeline-canary-done");
  await page.goto(runUrl);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  expect(await rolledOut("canary")).toBe("COMPLETED");
  await watcher.close();
});

test("the same canary with a crash image rolls back automatically; the run fails and the timeline says why", async ({ page }) => {
  await asOperator(page, `/ecs/clusters/${cluster}/services/canary`);
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Deploy", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Image", { exact: true }).fill("public.ecr.aws/docker/library/httpd:crash");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/failed/i, { timeout: 90_000 });

  await page.goto(historyOf("canary"));
  const newest = page.getByTestId("service-deployment").first();
  await expect(newest.getByTestId("service-deployment-status")).toHaveText("rollback successful", { timeout: 60_000 });
  await expect(newest.getByTestId("rollback-reason")).toContainText("Circuit breaker: tasks failed to start");
  await expect(newest).toContainText("httpd:2.4.62 → public.ecr.aws/docker/library/httpd:crash");
  // The first canary left production on the "-g" target group; the rollback keeps it there.
  expect(await weights(canary)).toEqual({ blue: 0, green: 100 });
  expect((await describeService(cluster, "canary"))!.taskDefinition!.split("/").pop()).toBe(`${family}:2`);
  await shot(page, "timeline-canary-crash-rolled-back");
});

test("a linear deployment made through the SDK shows in the timeline; Roll back now mid-way puts 100 % back on blue", async ({ page }) => {
  const { taskDefinition } = await ecs().send(new RegisterTaskDefinitionCommand({
    family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "public.ecr.aws/docker/library/httpd:2.4.63", memory: 512, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }],
  }));
  const running = (await describeService(cluster, "linear"))!.taskDefinition!.split("/").pop()!;
  await ecs().send(new UpdateServiceCommand({ cluster, service: "linear", taskDefinition: `${family}:${taskDefinition!.revision}` }));

  await asOperator(page, historyOf("linear"));
  const live = page.getByTestId("live-deployment");
  await expect(async () => {
    await page.goto(historyOf("linear"));
    await expect(live).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(live).toContainText("Linear 20 % every 1 min");
  await expect(live.getByTestId("traffic-share").filter({ hasText: `tl${stamp}-linear-g` })).toHaveText(`tl${stamp}-linear-g: 20 %`, { timeout: 30_000 });
  expect((await weights(linear)).green).toBe(20);
  await shot(page, "live-linear-20");

  await live.getByRole("button", { name: "Roll back now" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toContainText("ecs:StopServiceDeployment");
  await expect(dialog.getByLabel("Request 1 JSON")).toContainText('"stopType": "ROLLBACK"');
  await shot(page, "rollback-now-review");
  await dialog.getByRole("button", { name: "Roll back now" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });

  expect(await weights(linear)).toEqual({ blue: 100, green: 0 });
  const svc = await describeService(cluster, "linear");
  expect(svc!.taskDefinition!.split("/").pop()).toBe(running);
  expect(svc!.deployments!.map((d) => d.status)).toEqual(["PRIMARY"]);
  expect((await runsFor(`ecs:service/${cluster}/linear`)).map((r) => r.status)).toEqual(["succeeded"]);

  await page.goto(historyOf("linear"));
  const newest = page.getByTestId("service-deployment").first();
  await expect(newest.getByTestId("service-deployment-status")).toHaveText("rollback successful");
  await expect(newest.getByTestId("rollback-reason")).toContainText("StopServiceDeployment");
  await expect(page.getByTestId("live-deployment")).toHaveCount(0);
  await shot(page, "timeline-linear-rolled-back");
});

test("viewers see the live deployment without Roll back now", async ({ page }) => {
  const { taskDefinition } = await ecs().send(new RegisterTaskDefinitionCommand({
    family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "public.ecr.aws/docker/library/httpd:2.4.64", memory: 512, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }],
  }));
  await ecs().send(new UpdateServiceCommand({ cluster, service: "linear", taskDefinition: `${family}:${taskDefinition!.revision}` }));
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  // The previous test's last look at this page may still be in the shared 2 s read cache: load until it shows the new deployment.
  await expect(async () => {
    await page.goto(historyOf("linear"));
    await expect(page.getByTestId("live-deployment")).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Roll back now" })).toHaveCount(0);
});
