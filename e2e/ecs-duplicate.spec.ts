import { expect, test, type Page } from "@playwright/test";
import { CreateServiceCommand, DescribeCapacityProvidersCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ListTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from "@aws-sdk/client-ecs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { describeServiceFull, getScheduleNamed, seedEc2Cluster, seedLoadBalancedService, seedSchedule, twoZoneNetwork } from "./fixtures/duplicate";
import { listenersOf, seedClusterAndTaskDefinition, targetGroupNamed } from "./fixtures/ecs-service";
import { describeGroup, launchTemplateData } from "./fixtures/ecs-tasks";
import { describeCluster, ecs, sandbox } from "./fixtures/sandbox";

test.describe.configure({ mode: "serial" });

const cluster = `dup-${Date.now()}`;
let taskDefinition = "";
let clusterArn = "";
/** The EC2 cluster the duplicate test makes; the teardown test removes it. */
let ec2Copy = "";

test.beforeAll(async () => {
  await sandbox.reset();
  taskDefinition = await seedClusterAndTaskDefinition(cluster, `dupweb${Date.now() % 100000}`);
  clusterArn = (await describeCluster(cluster))!.clusterArn!;
});

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function confirmAndWait(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
}

const userTags = (tags?: { key?: string; value?: string }[]) => (tags ?? []).filter((t) => !t.key?.startsWith("aws:"));

test("duplicate a load-balanced service: the copy has the original's settings, behind the same ALB with its own target group and listener", async ({ page }) => {
  const { lbArn, network } = await seedLoadBalancedService(cluster, "orders", taskDefinition);
  const original = await describeServiceFull(cluster, "orders");
  await asOperator(page);
  await page.goto(`/ecs/clusters/${cluster}/services/orders`);
  await page.getByRole("link", { name: "Duplicate" }).click();
  await expect(page).toHaveURL(new RegExp(`/ecs/clusters/${cluster}/services/new\\?from=orders$`));

  const notice = page.getByTestId("prefill-notice");
  await expect(notice).toContainText("Prefilled from service orders");
  await expect(notice).toContainText("Listener port 80 of orders-alb is taken by the original's listener: the copy gets its own listener on port 8080.");
  await expect(page.getByLabel("Service name")).toHaveValue("orders-copy");
  await expect(page.getByLabel("Revision")).toHaveValue(taskDefinition);
  await expect(page.getByLabel("Desired tasks")).toHaveValue("2");
  await expect(page.getByLabel("Platform version")).toHaveValue("1.4.0");
  await page.screenshot({ path: "/tmp/shots-dup/service-duplicate.png", fullPage: true });
  await page.getByLabel("Service name").fill("orders-b");
  await page.getByRole("button", { name: "Next" }).click();

  for (const subnet of network.subnets) await expect(page.getByLabel(new RegExp(subnet))).toBeChecked();
  await expect(page.getByLabel(new RegExp(network.securityGroupId))).toBeChecked();
  await expect(page.getByLabel("Public IP")).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.locator("#loadBalancerArn")).toHaveValue(lbArn);
  await page.screenshot({ path: "/tmp/shots-dup/service-duplicate-lb.png", fullPage: true });
  await expect(page.getByLabel("Listener port")).toHaveValue("8080");
  await expect(page.getByLabel("Target group name")).toHaveValue("orders-tg-copy");
  await expect(page.getByLabel("Path")).toHaveValue("/ready");
  await expect(page.getByLabel("Interval (s)")).toHaveValue("15");
  await expect(page.getByLabel("Unhealthy threshold")).toHaveValue("4");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Tag 1 key")).toHaveValue("team");
  await page.getByRole("button", { name: "Review" }).click();

  // Only what the copy needs of its own: no security group or load balancer is created.
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  for (const [i, op] of ["elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:CreateListener", "ecs:CreateService"].entries()) await expect(steps.nth(i)).toContainText(op);
  await confirmAndWait(page, "Create service");

  const copy = await describeServiceFull(cluster, "orders-b");
  for (const key of ["taskDefinition", "desiredCount", "launchType", "platformVersion", "schedulingStrategy", "networkConfiguration"] as const) {
    expect(copy[key], key).toEqual(original[key]);
  }
  expect(userTags(copy.tags)).toEqual(userTags(original.tags));
  expect(copy.loadBalancers).toHaveLength(1);
  expect(copy.loadBalancers![0]).toMatchObject({ containerName: "web", containerPort: 8080 });
  // Settings moto drops (the sandbox agent keeps them): when AWS reports them for the original, the copy has the same.
  if (original.deploymentConfiguration?.minimumHealthyPercent !== undefined) {
    expect(copy.deploymentConfiguration).toMatchObject({ minimumHealthyPercent: 50, maximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: false } });
  }
  if (original.enableExecuteCommand !== undefined) expect(copy.enableExecuteCommand).toBe(original.enableExecuteCommand);
  if (original.healthCheckGracePeriodSeconds !== undefined) expect(copy.healthCheckGracePeriodSeconds).toBe(original.healthCheckGracePeriodSeconds);

  const [tg, tgCopy] = [await targetGroupNamed("orders-tg"), await targetGroupNamed("orders-tg-copy")];
  expect(copy.loadBalancers![0]!.targetGroupArn).toBe(tgCopy!.TargetGroupArn);
  for (const key of ["Protocol", "Port", "TargetType", "VpcId", "HealthCheckPath", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds", "HealthyThresholdCount", "UnhealthyThresholdCount"] as const) {
    expect(tgCopy![key], key).toEqual(tg![key]);
  }
  const listeners = await listenersOf(lbArn);
  expect(listeners.map((l) => l.Port).sort()).toEqual([80, 8080]);
  expect(listeners.find((l) => l.Port === 8080)!.DefaultActions![0]!.TargetGroupArn).toBe(tgCopy!.TargetGroupArn);
});

test("duplicate a schedule: the copy runs the same task on the same expression", async ({ page }) => {
  const network = await twoZoneNetwork();
  const original = await seedSchedule("nightly-export", clusterArn, taskDefinition, network);
  await asOperator(page);
  await page.goto(`/ecs/clusters/${cluster}/scheduled-tasks`);
  await page.screenshot({ path: "/tmp/shots-dup/schedules.png", fullPage: true });
  await page.getByRole("link", { name: "Duplicate schedule nightly-export" }).click();
  await expect(page.getByTestId("prefill-notice")).toContainText("Prefilled from schedule nightly-export");
  await expect(page.getByLabel("Schedule name")).toHaveValue("nightly-export-copy");
  await expect(page.getByLabel("Schedule expression")).toHaveValue("cron(15 */6 * * ? *)");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await page.getByLabel("Schedule name").fill("nightly-export-b");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Task definition")).toHaveValue(taskDefinition);
  await expect(page.getByLabel("Number of tasks")).toHaveValue("3");
  await expect(page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[0]!))).toBeChecked();
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue(original.Target!.RoleArn!);
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await confirmAndWait(page, "Create schedule");

  const copy = await getScheduleNamed("nightly-export-b");
  for (const key of ["ScheduleExpression", "ScheduleExpressionTimezone", "Description", "State", "FlexibleTimeWindow"] as const) expect(copy[key], key).toEqual(original[key]);
  expect(copy.Target!.Arn).toBe(original.Target!.Arn);
  expect(copy.Target!.RoleArn).toBe(original.Target!.RoleArn);
  expect(copy.Target!.EcsParameters).toEqual(original.Target!.EcsParameters);
});

test("run a task again from the recent tasks: same revision, compute, networking and overrides", async ({ page }) => {
  const network = await twoZoneNetwork();
  const { tasks } = await ecs().send(new RunTaskCommand({
    cluster, taskDefinition, count: 1, launchType: "FARGATE", startedBy: "cron-box",
    networkConfiguration: { awsvpcConfiguration: { subnets: [network.subnets[1]!], securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
    overrides: { containerOverrides: [{ name: "web", command: ["sh", "-c", "echo export"], environment: [{ name: "BATCH", value: "7" }] }] },
  }));
  const originalArn = tasks![0]!.taskArn!;
  const id = originalArn.split("/").pop()!;
  await asOperator(page);
  await page.goto(`/ecs/clusters/${cluster}/run-task`);
  await page.getByLabel("Recent task").selectOption(originalArn);
  await page.getByRole("button", { name: "Start from this task" }).click();
  await expect(page).toHaveURL(/fromTask=/);
  await expect(page.getByTestId("prefill-notice")).toContainText(`Prefilled from task ${id}`);
  await expect(page.getByLabel("Task definition")).toHaveValue(taskDefinition);
  await expect(page.getByLabel("Number of tasks")).toHaveValue("1");
  await page.screenshot({ path: "/tmp/shots-dup/run-again.png", fullPage: true });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: "Subnets" }).getByLabel(new RegExp(network.subnets[1]!))).toBeChecked();
  // Security groups come from the task's network interface, which AWS deletes when the task stops
  // (and which the sandbox agent's tasks do not have in EC2): then the notice says so and they are picked by hand.
  const sg = page.getByRole("group", { name: "Security groups" }).getByLabel(new RegExp(network.securityGroupId));
  if (await page.getByTestId("prefill-notice").getByText(/security groups and public IP are unknown/).isVisible()) await sg.check();
  else await expect(sg).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Container", { exact: true })).toHaveValue("web");
  await expect(page.getByLabel("Command override")).toHaveValue("sh\n-c\necho export");
  await expect(page.getByLabel("Variable 1 value")).toHaveValue("7");
  await page.getByRole("button", { name: "Review" }).click();
  await confirmAndWait(page, "Run task");

  // The cluster also holds the services' tasks: Portside's run is the one it started.
  const listed = await Promise.all((["RUNNING", "STOPPED"] as const).map((desiredStatus) => ecs().send(new ListTasksCommand({ cluster, desiredStatus }))));
  const arns = [...new Set(listed.flatMap((l) => l.taskArns ?? []))];
  const described = (await ecs().send(new DescribeTasksCommand({ cluster, tasks: arns.slice(0, 100) }))).tasks!;
  const again = described.filter((t) => t.startedBy === "portside");
  expect(again).toHaveLength(1);
  const [first, second] = [described.find((t) => t.taskArn === originalArn)!, again[0]!];
  expect(second.taskDefinitionArn).toBe(first.taskDefinitionArn);
  expect(second.launchType).toBe(first.launchType);
  expect(second.overrides?.containerOverrides).toEqual(first.overrides?.containerOverrides);
  const subnetOf = (t: typeof first) => t.attachments?.[0]?.details?.find((d) => d.name === "subnetId")?.value;
  expect(subnetOf(second)).toBe(subnetOf(first));
});

test("duplicate an EC2 + Fargate cluster: same strategy, insights, tags, and a new group and launch template like the original's", async ({ page }) => {
  const source = `src-${Date.now() % 100000}`;
  const copyName = `${source}-b`;
  ec2Copy = copyName;
  await seedEc2Cluster(source);
  const original = (await describeCluster(source))!;
  await asOperator(page);
  await page.goto(`/ecs/clusters/${source}`);
  await page.getByRole("link", { name: "Duplicate" }).click();
  await expect(page.getByTestId("prefill-notice")).toContainText(`Prefilled from cluster ${source}`);
  await expect(page.getByTestId("prefill-notice")).toContainText(`The copy gets its own Auto Scaling group and launch template with the settings of ${source}-asg.`);
  await expect(page.getByLabel("Cluster name")).toHaveValue(`${source}-copy`);
  await page.getByLabel("Cluster name").fill(copyName);
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("radio", { name: /Fargate and EC2/ })).toBeChecked();
  await expect(page.getByLabel("FARGATE weight")).toHaveValue("1");
  await expect(page.getByLabel("FARGATE base")).toHaveValue("1");
  await expect(page.getByLabel("AMI", { exact: true })).toHaveValue("al2023-arm64");
  await expect(page.getByLabel("Instance type")).toHaveValue("t4g.large");
  await expect(page.getByLabel("Instance profile", { exact: true })).toHaveValue(`${source}-profile`);
  await expect(page.getByLabel("Maximum instances")).toHaveValue("4");
  await expect(page.getByLabel("Target capacity %")).toHaveValue("80");
  await expect(page.getByLabel("EC2 weight")).toHaveValue("3");
  await page.screenshot({ path: "/tmp/shots-dup/cluster-duplicate.png", fullPage: true });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Container Insights")).toHaveValue("enabled");
  await page.getByRole("button", { name: "Review" }).click();
  await confirmAndWait(page, "Create cluster");

  const copy = (await describeCluster(copyName))!;
  expect(copy.settings).toEqual(original.settings);
  expect(userTags(copy.tags)).toEqual(userTags(original.tags));
  expect([...copy.capacityProviders!].sort()).toEqual(["FARGATE", "FARGATE_SPOT", `cp-${copyName}`]);
  // The same strategy, with the copy's own provider in place of the original's.
  const strategy = (s: typeof copy.defaultCapacityProviderStrategy, rename: Record<string, string> = {}) =>
    (s ?? []).map((x) => ({ ...x, capacityProvider: rename[x.capacityProvider!] ?? x.capacityProvider })).sort((a, b) => a.capacityProvider!.localeCompare(b.capacityProvider!));
  expect(strategy(copy.defaultCapacityProviderStrategy)).toEqual(strategy(original.defaultCapacityProviderStrategy, { [`${source}-cp`]: `cp-${copyName}` }));

  const { capacityProviders } = await ecs().send(new DescribeCapacityProvidersCommand({ capacityProviders: [`${source}-cp`, `cp-${copyName}`] }));
  const [cpOriginal, cpCopy] = [capacityProviders!.find((c) => c.name === `${source}-cp`)!, capacityProviders!.find((c) => c.name === `cp-${copyName}`)!];
  expect(cpCopy.autoScalingGroupProvider?.managedScaling?.targetCapacity).toBe(cpOriginal.autoScalingGroupProvider?.managedScaling?.targetCapacity);
  expect(cpCopy.autoScalingGroupProvider?.managedTerminationProtection).toBe(cpOriginal.autoScalingGroupProvider?.managedTerminationProtection);

  const [group, groupCopy] = [await describeGroup(`${source}-asg`), await describeGroup(`asg-${copyName}`)];
  for (const key of ["MinSize", "MaxSize", "DesiredCapacity"] as const) expect(groupCopy![key], key).toBe(group![key]);
  expect(groupCopy!.VPCZoneIdentifier!.split(",").sort()).toEqual(group!.VPCZoneIdentifier!.split(",").sort());
  const [lt, ltCopy] = [await launchTemplateData(group!.LaunchTemplate!.LaunchTemplateId!), await launchTemplateData(groupCopy!.LaunchTemplate!.LaunchTemplateId!)];
  expect(ltCopy!.InstanceType).toBe(lt!.InstanceType);
  expect(ltCopy!.ImageId).toBe(lt!.ImageId);
  expect(ltCopy!.IamInstanceProfile?.Name).toBe(lt!.IamInstanceProfile?.Name);
});

test("tearing the duplicated cluster down waits for its service to drain and its group to go, then deletes the cluster", async ({ page }) => {
  expect(ec2Copy, "the cluster duplicate test runs first").not.toBe("");
  const network = await twoZoneNetwork();
  await ecs().send(new CreateServiceCommand({
    cluster: ec2Copy, serviceName: "worker", taskDefinition, desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets, securityGroups: [network.securityGroupId] } },
  }));
  await asOperator(page);
  await page.goto(`/ecs/clusters/${ec2Copy}`);
  await page.getByRole("button", { name: "Tear down cluster" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(`Type ${ec2Copy} to confirm`).fill(ec2Copy);
  await dialog.getByRole("button", { name: "Tear down" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByText(`Check that no container instances are left in ${ec2Copy}`)).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 50_000 });
  await page.screenshot({ path: "/tmp/shots-dup/teardown-run.png", fullPage: true });

  expect((await describeCluster(ec2Copy))?.status).toBe("INACTIVE");
  expect(await describeGroup(`asg-${ec2Copy}`)).toBeUndefined();
  // The service was deleted only once its tasks had stopped: none is left running.
  const { taskArns } = await ecs().send(new ListTasksCommand({ cluster: ec2Copy, serviceName: "worker", desiredStatus: "RUNNING" })).catch(() => ({ taskArns: [] as string[] }));
  expect(taskArns ?? []).toEqual([]);
});

test("a new task definition revision changes only what was edited: volumes, command and tags come along", async ({ page }) => {
  const family = `carry${Date.now() % 100000}`;
  await ecs().send(new RegisterTaskDefinitionCommand({
    family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    volumes: [{ name: "scratch" }], ephemeralStorage: { sizeInGiB: 30 },
    containerDefinitions: [{
      name: "app", image: "public.ecr.aws/nginx/nginx:1.27", essential: true, memory: 512, portMappings: [{ containerPort: 80, protocol: "tcp" }],
      command: ["nginx", "-g", "daemon off;"], mountPoints: [{ sourceVolume: "scratch", containerPath: "/scratch" }],
    }],
    tags: [{ key: "owner", value: "platform" }],
  }));
  await asOperator(page);
  await page.goto(`/ecs/task-definitions/new?from=${family}:1`);
  await page.getByText(/Carried over unchanged/).click();
  await expect(page.getByRole("definition").filter({ hasText: "daemon off;" })).toBeVisible();
  await page.screenshot({ path: "/tmp/shots-dup/td-carried.png", fullPage: true });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Tag 1 key")).toHaveValue("owner");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("region", { name: "Container 1" }).getByLabel("Image URI").fill("public.ecr.aws/nginx/nginx:1.28");
  await page.getByRole("button", { name: "Review" }).click();
  await confirmAndWait(page, "Register task definition");

  const before = (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:1`, include: ["TAGS"] })));
  const after = (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:2`, include: ["TAGS"] })));
  expect(after.taskDefinition!.containerDefinitions![0]!.image).toBe("public.ecr.aws/nginx/nginx:1.28");
  for (const key of ["command", "mountPoints"] as const) expect(after.taskDefinition!.containerDefinitions![0]![key], key).toEqual(before.taskDefinition!.containerDefinitions![0]![key]);
  for (const key of ["volumes", "ephemeralStorage"] as const) expect(after.taskDefinition![key], key).toEqual(before.taskDefinition![key]);
  expect(after.tags).toEqual(before.tags);
});
