import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand } from "@aws-sdk/client-application-auto-scaling";
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import { CreateServiceCommand } from "@aws-sdk/client-ecs";
import { DescribeTagsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ListSchedulesCommand } from "@aws-sdk/client-scheduler";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { seedSchedule } from "./fixtures/duplicate";
import { defaultVpc, ec2, elbv2, listenersOf, loadBalancerNamed, securityGroupNamed, seedClusterAndTaskDefinition, targetGroupNamed } from "./fixtures/ecs-service";
import { scheduler } from "./fixtures/ecs-tasks";
import { describeCluster, ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const appScaling = () => new ApplicationAutoScalingClient(config());
const cloudwatch = () => new CloudWatchClient(config());

const cluster = `down-${Date.now() % 1_000_000}`;
const other = `keep-${Date.now() % 1_000_000}`;
let taskDefinition = "";
let otherTaskDefinition = "";

test.beforeAll(async () => {
  await sandbox.reset();
  taskDefinition = await seedClusterAndTaskDefinition(cluster, "shop");
  otherTaskDefinition = await seedClusterAndTaskDefinition(other, "shop");
});

/** Through the wizard: a new security group open to a new ALB, its target group and listener, CPU target tracking. */
async function createServiceBehindNewAlb(page: Page, name: string, inCluster = cluster, revision = taskDefinition) {
  await page.goto(`/ecs/clusters/${inCluster}/services/new?taskDefinition=${revision}`);
  await expect(page.getByLabel("Revision")).toHaveValue(revision);
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Security group name").fill(`${name}-sg`);
  await page.getByLabel("Allow from").selectOption("loadBalancer");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("New Application Load Balancer").click();
  await expect(page.getByLabel("Load balancer name")).toHaveValue(`${name}-alb`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Turn on auto scaling").check();
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
}

const alarmsOf = async (prefix: string) => (await cloudwatch().send(new DescribeAlarmsCommand({ AlarmNamePrefix: prefix }))).MetricAlarms ?? [];

test("tear down a cluster: the dialog lists what the service leaves behind by group; kept groups stay, the rest is deleted", async ({ page }) => {
  test.setTimeout(180_000);
  const operator = await seedUser("operator");
  const name = `cart${Date.now() % 100000}`;
  await login(page, operator.email, operator.password);
  await createServiceBehindNewAlb(page, name);

  // What Portside made is tagged as its own.
  const lb = (await loadBalancerNamed(`${name}-alb`))!;
  const tg = (await targetGroupNamed(`${name}-tg`))!;
  const sg = (await securityGroupNamed(`${name}-sg`))!;
  const lbSg = (await securityGroupNamed(`${name}-alb-sg`))!;
  const { TagDescriptions } = await elbv2().send(new DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!, tg.TargetGroupArn!] }));
  for (const d of TagDescriptions ?? []) expect(d.Tags).toEqual(expect.arrayContaining([{ Key: "portside:managed", Value: "true" }, { Key: "portside:service", Value: `${cluster}/${name}` }]));
  expect(sg.Tags).toEqual(expect.arrayContaining([{ Key: "portside:managed", Value: "true" }]));

  // A schedule aimed at the cluster, and the target tracking policy's alarms.
  const { subnets } = await defaultVpc();
  const clusterArn = (await describeCluster(cluster))!.clusterArn!;
  await seedSchedule(`${name}-nightly`, clusterArn, taskDefinition, { subnets: subnets.map((s) => s.id), securityGroupId: sg.GroupId! });
  const resourceId = `service/${cluster}/${name}`;
  const policies = (await appScaling().send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs", ResourceId: resourceId }))).ScalingPolicies ?? [];
  expect(policies).toHaveLength(1);
  const alarmNames = (policies[0]!.Alarms ?? []).map((a) => a.AlarmName!);
  expect(alarmNames.length).toBeGreaterThan(0);

  await page.goto(`/ecs/clusters/${cluster}`);
  await page.getByRole("button", { name: "Tear down cluster" }).click();
  const dialog = page.getByRole("dialog");
  const group = (title: string) => dialog.getByRole("group", { name: title });
  await expect(group("Load balancing").getByRole("listitem")).toHaveText([
    `Listener :80 of ${name}-alb`, `Target group ${name}-tg`, `Load balancer ${name}-alb`,
  ]);
  const groups = group("Security groups").getByRole("listitem");
  await expect(groups).toHaveCount(2);
  await expect(groups.filter({ hasText: `${name}-sg (${sg.GroupId})` })).toHaveCount(1);
  await expect(groups.filter({ hasText: `${name}-alb-sg (${lbSg.GroupId})` })).toHaveCount(1);
  await expect(group("Auto scaling").getByRole("listitem")).toHaveText([`Scaling policy ${policies[0]!.PolicyName} and its ${alarmNames.length} CloudWatch alarms`, `Scalable target of ${name} (and its scheduled actions)`]);
  await expect(group("Schedules").getByRole("listitem")).toHaveText([`Schedule ${name}-nightly (enabled)`]);
  for (const title of ["Load balancing", "Security groups", "Auto scaling", "Schedules"]) await expect(group(title).getByRole("radio", { name: "Delete" })).toBeChecked();
  const will = dialog.getByRole("list", { name: "Will be deleted" }).getByRole("listitem");
  await expect(will).toHaveText([
    "Auto scaling: 2 resources (listed below)", "Schedules: 1 resource (listed below)", `Service ${name} (scaled to 0, then deleted)`,
    "Load balancing: 3 resources (listed below)", "Security groups: 2 resources (listed below)", `Cluster ${cluster}`,
  ]);

  // Keep the security groups: the plan is read again, without them.
  await group("Security groups").getByRole("radio", { name: "Keep" }).check();
  await expect(will).toHaveText([
    "Auto scaling: 2 resources (listed below)", "Schedules: 1 resource (listed below)", `Service ${name} (scaled to 0, then deleted)`,
    "Load balancing: 3 resources (listed below)", `Cluster ${cluster}`,
  ]);
  await dialog.getByLabel(`Type ${cluster} to confirm`).fill(cluster);
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: "test-results/teardown-dialog.png" });
  await dialog.getByRole("button", { name: "Tear down" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  await expect(page.getByText(`Delete load balancer ${name}-alb`)).toBeVisible();
  await expect(page.getByText("DeleteSecurityGroup")).toHaveCount(0);

  // What AWS holds now: only what was kept.
  expect((await describeCluster(cluster))?.status ?? "INACTIVE").toBe("INACTIVE");
  expect(await loadBalancerNamed(`${name}-alb`)).toBeUndefined();
  expect(await targetGroupNamed(`${name}-tg`)).toBeUndefined();
  await expect(listenersOf(lb.LoadBalancerArn!)).rejects.toThrow();
  expect((await appScaling().send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [resourceId] }))).ScalableTargets).toEqual([]);
  expect((await appScaling().send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs", ResourceId: resourceId }))).ScalingPolicies).toEqual([]);
  for (const alarm of alarmNames) expect(await alarmsOf(alarm)).toEqual([]);
  const schedules = (await scheduler().send(new ListSchedulesCommand({}))).Schedules ?? [];
  expect(schedules.filter((s) => s.Target?.Arn === clusterArn)).toEqual([]);
  const { SecurityGroups } = await ec2().send(new DescribeSecurityGroupsCommand({ GroupIds: [sg.GroupId!, lbSg.GroupId!] }));
  expect(SecurityGroups!.map((g) => g.GroupName).sort()).toEqual([`${name}-alb-sg`, `${name}-sg`].sort());
});

test("delete a service: its load balancing and scaling go; security groups another service uses stay, named as shared", async ({ page }) => {
  test.setTimeout(180_000);
  const operator = await seedUser("operator");
  const name = `pay${Date.now() % 100000}`;
  await login(page, operator.email, operator.password);
  await createServiceBehindNewAlb(page, name, other, otherTaskDefinition);
  const sg = (await securityGroupNamed(`${name}-sg`))!;
  const lbSg = (await securityGroupNamed(`${name}-alb-sg`))!;
  // Another service of the cluster runs in the same security group.
  const { subnets } = await defaultVpc();
  await ecs().send(new CreateServiceCommand({
    cluster: other, serviceName: `${name}-twin`, taskDefinition: otherTaskDefinition, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: [subnets[0]!.id], securityGroups: [sg.GroupId!] } },
  }));

  await page.goto(`/ecs/clusters/${other}/services/${name}`);
  await page.getByRole("button", { name: "Delete service" }).click();
  const dialog = page.getByRole("dialog");
  const group = (title: string) => dialog.getByRole("group", { name: title });
  await expect(group("Load balancing").getByRole("listitem")).toHaveText([`Listener :80 of ${name}-alb`, `Target group ${name}-tg`, `Load balancer ${name}-alb`]);
  const groups = group("Security groups").getByRole("listitem");
  await expect(groups.filter({ hasText: `${name}-sg (${sg.GroupId})` })).toHaveText(`Security group ${name}-sg (${sg.GroupId}) — kept (shared: service ${name}-twin uses it)`);
  await expect(groups.filter({ hasText: `${name}-alb-sg` })).toContainText(`kept (shared: rules of ${sg.GroupId} name it)`);
  // Nothing in that group is Portside's to delete, so there is no choice to make.
  await expect(group("Security groups").getByRole("radio")).toHaveCount(0);
  await expect(group("Auto scaling").getByRole("radio", { name: "Delete" })).toBeChecked();
  const requests = dialog.getByRole("list", { name: "Requests" }).getByRole("listitem");
  await expect(requests).toHaveCount(7);
  const expected = ["DeleteScalingPolicy", "DeregisterScalableTarget", "UpdateService", "DeleteService", "DeleteListener", "DeleteTargetGroup", "DeleteLoadBalancer"];
  for (const [i, op] of expected.entries()) await expect(requests.nth(i)).toContainText(op);

  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await dialog.getByRole("button", { name: "Delete service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });

  expect(await loadBalancerNamed(`${name}-alb`)).toBeUndefined();
  expect(await targetGroupNamed(`${name}-tg`)).toBeUndefined();
  const resourceId = `service/${other}/${name}`;
  expect((await appScaling().send(new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [resourceId] }))).ScalableTargets).toEqual([]);
  expect((await appScaling().send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "ecs", ResourceId: resourceId }))).ScalingPolicies).toEqual([]);
  expect(await securityGroupNamed(`${name}-sg`)).toBeDefined();
  expect(await securityGroupNamed(`${name}-alb-sg`)).toBeDefined();
  expect(lbSg.GroupId).toBeTruthy();
});

test("delete a service with everything it owns: the load balancer goes before its security group, the service's group before the one it names", async ({ page }) => {
  test.setTimeout(180_000);
  const operator = await seedUser("operator");
  const name = `all${Date.now() % 100000}`;
  await login(page, operator.email, operator.password);
  await createServiceBehindNewAlb(page, name, other, otherTaskDefinition);
  const sg = (await securityGroupNamed(`${name}-sg`))!;
  const lbSg = (await securityGroupNamed(`${name}-alb-sg`))!;

  await page.goto(`/ecs/clusters/${other}/services/${name}`);
  await page.getByRole("button", { name: "Delete service" }).click();
  const dialog = page.getByRole("dialog");
  const requests = dialog.getByRole("list", { name: "Requests" }).getByRole("listitem");
  const expected = [
    "DeleteScalingPolicy", "DeregisterScalableTarget", "UpdateService", "DeleteService", "DeleteListener", "DeleteTargetGroup", "DeleteLoadBalancer",
    "DescribeNetworkInterfaces", `Delete security group ${name}-sg (${sg.GroupId})`, "DescribeNetworkInterfaces", `Delete security group ${name}-alb-sg (${lbSg.GroupId})`,
  ];
  await expect(requests).toHaveCount(expected.length);
  for (const [i, text] of expected.entries()) await expect(requests.nth(i)).toContainText(text);
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await dialog.getByRole("button", { name: "Delete service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  // The sandbox refuses DeleteSecurityGroup while a load balancer or another group's rules still use it, as AWS does.
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });

  expect(await loadBalancerNamed(`${name}-alb`)).toBeUndefined();
  expect(await targetGroupNamed(`${name}-tg`)).toBeUndefined();
  expect(await securityGroupNamed(`${name}-sg`)).toBeUndefined();
  expect(await securityGroupNamed(`${name}-alb-sg`)).toBeUndefined();
});
