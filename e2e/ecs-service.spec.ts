import { DescribeTargetHealthCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser } from "./fixtures/db";
import {
  defaultVpc,
  describeService,
  elbv2,
  runningTaskIps,
  listenersOf,
  loadBalancerNamed,
  securityGroupNamed,
  seedClusterAndTaskDefinition,
  targetGroupNamed,
} from "./fixtures/ecs-service";
import { sandbox } from "./fixtures/sandbox";

const cluster = `svc-${Date.now()}`;
let taskDefinition = "";

test.beforeAll(async () => {
  await sandbox.reset();
  taskDefinition = await seedClusterAndTaskDefinition(cluster, "webapp");
});

test.afterEach(async () => {
  await sandbox.clearFaults();
});

/** Fills the wizard up to the review: a new security group open to the new ALB, a new ALB and target group. */
async function fillServiceWithLoadBalancer(page: Page, name: string) {
  await page.goto(`/ecs/clusters/${cluster}/services/new?taskDefinition=${taskDefinition}`);
  await expect(page.getByLabel("Revision")).toHaveValue(taskDefinition);
  await page.getByLabel("Service name").fill(name);
  await page.getByLabel("Desired tasks").fill("2");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Security group name").fill(`${name}-sg`);
  await page.getByLabel("HTTPS (port 443)").check();
  await page.getByLabel("Allow from").selectOption("loadBalancer");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByText("New Application Load Balancer").click();
  await expect(page.getByLabel("Load balancer name")).toHaveValue(`${name}-alb`);
  await expect(page.getByLabel("Target group name")).toHaveValue(`${name}-tg`);
  // The default VPC's subnets route to its internet gateway: an internet-facing ALB there is fine.
  await expect(page.getByTestId("alb-private-subnets")).toHaveCount(0);
  await page.getByLabel("Listener port").fill("8000");
  await page.getByLabel("Path").fill("/health");
  await page.getByLabel("Interval (s)").fill("20");
  await page.getByLabel("Health check grace period (s)").fill("45");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByLabel("Tag 1 key").fill("team");
  await page.getByLabel("Tag 1 value").fill("web");
  await page.getByRole("button", { name: "Review" }).click();
}

test("create a service with a new security group, ALB and target group; AWS holds what was entered", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `api${Date.now() % 100000}`;
  await login(page, operator.email, operator.password);
  await fillServiceWithLoadBalancer(page, name);

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(8);
  const expected = [
    "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress",
    "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:CreateListener", "ecs:CreateService",
  ];
  for (const [i, op] of expected.entries()) await expect(steps.nth(i)).toContainText(op);
  await expect(steps.nth(7)).toContainText("Uses the result of: sg, tg, listener");
  // The permissions are IAM's action names, offered as a policy to attach.
  const iam = page.getByRole("list", { name: "IAM actions" });
  for (const action of ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:AddTags", "ec2:CreateSecurityGroup", "ec2:CreateTags", "ecs:CreateService"]) await expect(iam).toContainText(action);
  await expect(iam).not.toContainText("elbv2:");
  const policy = JSON.parse((await page.getByLabel("IAM policy JSON").locator("pre").textContent()) ?? "");
  expect(policy.Statement[0].Action).toContain("elasticloadbalancing:CreateListener");
  await page.getByRole("heading", { name: "Permissions this plan needs" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: ".test-reports/screenshots/review-iam-permissions.png" });

  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page).toHaveURL(new RegExp(`/ecs/clusters/${cluster}/services/${name}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("task-counts")).toHaveText(/^2 desired · \d+ running · \d+ pending$/);
  await expect(page.getByTestId("load-balancing")).toContainText(`${name}-alb`);
  await expect(page.getByTestId("load-balancing")).toContainText("HTTP:8000");
  await expect(page.getByTestId("load-balancing")).toContainText("HTTP /health every 20 s, timeout 5 s, healthy after 5, unhealthy after 2");
  await expect(page.getByText("team=web")).toBeVisible();
  // ECS registers each running task with the target group by IP; the page shows them healthy.
  const targets = page.getByTestId("target-health");
  await expect(async () => {
    await page.reload();
    await expect(targets.getByRole("listitem")).toHaveCount(2, { timeout: 1000 });
    await expect(targets).not.toContainText("initial", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(targets.getByRole("listitem").first()).toContainText(":8080");
  await expect(targets.getByRole("listitem").first()).toContainText("healthy");
  await expect(page.getByRole("main").getByRole("link", { name: "All history" })).toHaveAttribute("href", `/history?resource=${encodeURIComponent(`ecs:service/${cluster}/${name}`)}`);

  // What AWS now holds.
  const { subnets } = await defaultVpc();
  const lbSg = await securityGroupNamed(`${name}-alb-sg`);
  const sg = await securityGroupNamed(`${name}-sg`);
  const lb = await loadBalancerNamed(`${name}-alb`);
  const tg = await targetGroupNamed(`${name}-tg`);
  expect(lb).toMatchObject({ Scheme: "internet-facing", Type: "application", SecurityGroups: [lbSg!.GroupId] });
  expect(tg).toMatchObject({
    Protocol: "HTTP", Port: 8080, TargetType: "ip", HealthCheckPath: "/health", HealthCheckIntervalSeconds: 20,
    HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, LoadBalancerArns: [lb!.LoadBalancerArn],
  });
  const listeners = await listenersOf(lb!.LoadBalancerArn!);
  expect(listeners.map((l) => [l.Port, l.Protocol, l.DefaultActions?.[0]?.TargetGroupArn])).toEqual([[8000, "HTTP", tg!.TargetGroupArn]]);
  expect(lbSg!.IpPermissions).toEqual([expect.objectContaining({ IpProtocol: "tcp", FromPort: 8000, ToPort: 8000, IpRanges: [expect.objectContaining({ CidrIp: "0.0.0.0/0" })] })]);
  expect(sg!.IpPermissions!.map((p) => [p.FromPort, p.UserIdGroupPairs?.map((g) => g.GroupId)]).sort()).toEqual([
    [443, [lbSg!.GroupId]], [80, [lbSg!.GroupId]], [8080, [lbSg!.GroupId]],
  ].sort());

  const service = await describeService(cluster, name);
  expect(service).toMatchObject({
    status: "ACTIVE",
    desiredCount: 2,
    launchType: "FARGATE",
    schedulingStrategy: "REPLICA",
    loadBalancers: [{ targetGroupArn: tg!.TargetGroupArn, containerName: "web", containerPort: 8080 }],
    tags: [{ key: "team", value: "web" }],
  });
  // moto 5.2.1 keeps neither deploymentConfiguration nor healthCheckGracePeriodSeconds of a service
  // (DescribeServices leaves them out), so those are checked in the request AWS accepted, as recorded.
  const [accepted] = await query<{ request: Record<string, unknown>; status: string }>(
    `SELECT s.request, s.status FROM "PlanStep" s JOIN "PlanRun" r ON r.id = s."runId" WHERE $1 = ANY(r.resources) AND s."stepKey" = 'service'`,
    [`ecs:service/${cluster}/${name}`],
  );
  expect(accepted).toMatchObject({
    status: "succeeded",
    request: {
      healthCheckGracePeriodSeconds: 45,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      enableExecuteCommand: false,
    },
  });
  expect(service!.taskDefinition).toMatch(new RegExp(`task-definition/${taskDefinition}$`));
  // What the ALB holds: the service's running tasks, by IP on the container port, healthy.
  const { TargetHealthDescriptions } = await elbv2().send(new DescribeTargetHealthCommand({ TargetGroupArn: tg!.TargetGroupArn }));
  const taskIps = await runningTaskIps(cluster, name);
  expect(TargetHealthDescriptions!.map((d) => [d.Target!.Id, d.Target!.Port, d.TargetHealth!.State]).sort()).toEqual(taskIps.map((ip) => [ip, 8080, "healthy"]).sort());
  expect(service!.networkConfiguration?.awsvpcConfiguration).toMatchObject({ securityGroups: [sg!.GroupId], assignPublicIp: "ENABLED" });
  expect([...service!.networkConfiguration!.awsvpcConfiguration!.subnets!].sort()).toEqual(subnets.map((s) => s.id).sort());
  expect((await runsFor(`ecs:service/${cluster}/${name}`))[0]).toMatchObject({ status: "succeeded", userId: operator.id });
});

test("invalid name, a load balancer in one subnet and a port out of range are refused with no AWS call", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${cluster}/services/new?taskDefinition=${taskDefinition}`);
  await expect(page.getByLabel("Revision")).toHaveValue(taskDefinition);
  // The service page the previous test left keeps reading AWS for a few seconds (live view).
  await sandbox.quiet();
  await sandbox.resetCalls();

  const name = page.getByLabel("Service name");
  await name.fill("has spaces");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#serviceName-error")).toHaveText("Use only letters, digits, hyphens (-) and underscores (_); no spaces.");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await name.fill("one-subnet");
  await page.getByRole("button", { name: "Next" }).click();

  // Keep only the first subnet.
  const boxes = page.getByRole("group", { name: "Subnets" }).getByRole("checkbox");
  const count = await boxes.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 1; i < count; i++) await boxes.nth(i).uncheck();
  await page.getByLabel("Security group name").fill("one-subnet-sg");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByText("New Application Load Balancer").click();
  await page.getByLabel("Listener port").fill("70000");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#listenerPort-error")).toHaveText("Listener port is 1 to 65535.");
  await page.getByLabel("Listener port").fill("80");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();

  // The server refuses the one-subnet load balancer and sends the person back to the subnets.
  await expect(page.locator("#subnets-error")).toHaveText("An Application Load Balancer needs subnets in at least two Availability Zones.");
  await expect(page.getByRole("heading", { name: "Networking" })).toBeVisible();
  expect((await sandbox.calls()).total).toBe(0);
});

test("a refused CreateService leaves the earlier resources recorded, and the offered cleanup removes them", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `fail${Date.now() % 100000}`;
  await login(page, operator.email, operator.password);
  await fillServiceWithLoadBalancer(page, name);
  await sandbox.fault({ service: "ecs", operation: "CreateService", fault: "access_denied", count: -1 });
  await page.getByRole("button", { name: "Create service" }).click();

  await expect(page.getByTestId("run-status")).toHaveText(/failed/i, { timeout: 30_000 });
  await expect(page.getByTestId("step-7")).toContainText("ecs:CreateService");
  await expect(page.getByTestId("step-6")).toContainText("succeeded");
  expect((await runsFor(`ecs:service/${cluster}/${name}`))[0]?.status).toBe("failed");
  await expect(page.getByText("Created by this run")).toBeVisible();
  const cleanup = page.getByRole("list", { name: "Plan steps" });
  for (const op of ["elasticloadbalancing:DeleteListener", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DeleteLoadBalancer", "ec2:DeleteSecurityGroup"]) await expect(cleanup).toContainText(op);

  // Everything before CreateService exists in AWS.
  const lb = await loadBalancerNamed(`${name}-alb`);
  expect(lb).toBeDefined();
  expect(await listenersOf(lb!.LoadBalancerArn!)).toHaveLength(1);
  expect(await targetGroupNamed(`${name}-tg`)).toBeDefined();
  expect(await securityGroupNamed(`${name}-sg`)).toBeDefined();
  expect(await securityGroupNamed(`${name}-alb-sg`)).toBeDefined();
  expect(await describeService(cluster, name)).toBeUndefined();
  await sandbox.clearFaults();

  await page.getByRole("button", { name: "Run cleanup plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete these resources" }).click();
  await expect(page.getByText(`Clean up after: Create ECS service ${name}`).first()).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  expect(await loadBalancerNamed(`${name}-alb`)).toBeUndefined();
  expect(await targetGroupNamed(`${name}-tg`)).toBeUndefined();
  expect(await securityGroupNamed(`${name}-sg`)).toBeUndefined();
  expect(await securityGroupNamed(`${name}-alb-sg`)).toBeUndefined();
});

test("delete service: shows the plan, asks for the name, scales to 0 and deletes; a confirm without the reviewed hash is refused", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `gone${Date.now() % 100000}`;
  await login(page, operator.email, operator.password);
  // A plain service without a load balancer, through the wizard's defaults.
  await page.goto(`/ecs/clusters/${cluster}/services/new?taskDefinition=${taskDefinition}`);
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Security group name").fill(`${name}-sg`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" }).getByRole("listitem")).toHaveCount(3);
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByTestId("task-counts")).toHaveText(/^1 desired · \d+ running · \d+ pending$/);

  await page.getByRole("button", { name: "Delete service" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`scales ${name} in cluster ${cluster} from 1 to 0 tasks`);
  // The dialog is the plan's review: its requests are listed before anything can be confirmed.
  const requests = dialog.getByRole("list", { name: "Requests" }).getByRole("listitem");
  // The security group the wizard made is the service's: listed, and deleted once nothing uses it.
  const groups = dialog.getByRole("group", { name: "Security groups" });
  const sg = await securityGroupNamed(`${name}-sg`);
  await expect(groups.getByRole("listitem")).toHaveText([`Security group ${name}-sg (${sg!.GroupId})`]);
  await expect(groups.getByRole("radio", { name: "Delete" })).toBeChecked();
  await expect(requests).toHaveCount(4);
  await expect(requests.nth(0)).toContainText("ecs:UpdateService");
  await expect(requests.nth(1)).toContainText("ecs:DeleteService");
  await expect(requests.nth(2)).toContainText("ec2:DescribeNetworkInterfaces");
  await expect(requests.nth(3)).toContainText(`Delete security group ${name}-sg`);
  const confirm = dialog.getByRole("button", { name: "Delete service" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill(name);
  const confirmRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && r.postData()?.includes("reviewedHash") === true);
  await confirm.click();
  const captured = await confirmRequest;
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  await expect(page.getByTestId("step-0")).toContainText("ecs:UpdateService");
  await expect(page.getByTestId("step-1")).toContainText("ecs:DeleteService");

  // The same confirm replayed without the hash of the plan the person saw runs nothing.
  const runsBefore = await runsFor(`ecs:service/${cluster}/${name}`);
  const body = captured.postDataBuffer()!.toString("utf8");
  const withoutHash = withoutField(body, captured.headers()["content-type"]!, "reviewedHash");
  expect(withoutHash).not.toContain("reviewedHash");
  const replay = await page.request.post(captured.url(), {
    headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component" },
    data: Buffer.from(withoutHash),
  });
  expect(await replay.text()).toContain("Review the plan before running it.");
  expect(await runsFor(`ecs:service/${cluster}/${name}`)).toHaveLength(runsBefore.length);

  // moto keeps listing a deleted service, as INACTIVE, scaled to 0 by the first step.
  const service = await describeService(cluster, name);
  expect(service).toMatchObject({ status: "INACTIVE", desiredCount: 0 });
  expect(await securityGroupNamed(`${name}-sg`)).toBeUndefined();
  await page.goto(`/ecs/clusters/${cluster}/services/${name}`);
  await expect(page.getByText(/could not be found/i)).toBeVisible();
});

/** A multipart form body without the part(s) whose field name ends with `field` (server actions prefix names). */
function withoutField(body: string, contentType: string, field: string) {
  const boundary = `--${/boundary=(.+)$/.exec(contentType)![1]}`;
  const parts = body.split(boundary);
  const kept = parts.filter((part) => !new RegExp(`name="[^"]*${field}"`).test(part));
  return kept.join(boundary);
}
