import { expect, test } from "@playwright/test";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { CreateServiceCommand, DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { describeCapacityProvider, describeGroup, fargateNetwork, launchTemplateData, launchTemplateNamed, registerJob } from "./fixtures/ecs-tasks";
import { describeCluster, ecs, sandbox } from "./fixtures/sandbox";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await sandbox.reset();
});

const clusterName = `ec2-${Date.now()}`;

test("min above max and a missing subnet are rejected at the field with no AWS call", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/ecs/clusters/new");
  await page.getByLabel("Cluster name").fill("bad-sizes");
  await page.getByRole("button", { name: "Next" }).click();
  await sandbox.resetCalls();

  await page.getByText("EC2 instances only", { exact: true }).click();
  await page.getByLabel("Minimum instances").fill("5");
  await page.getByLabel("Maximum instances").fill("2");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#minSize-error")).toHaveText("Minimum cannot be more than maximum.");
  await expect(page.locator("#subnets-error")).toHaveText("Pick at least one subnet for the instances.");
  await page.getByLabel("Target capacity %").fill("101");
  await expect(page.locator("#targetCapacity-error")).toHaveText("Target capacity is 1 to 100 %.");
  await expect(page.getByRole("heading", { name: "Infrastructure" })).toBeVisible();
  expect((await sandbox.calls()).total).toBe(0);
});

test("an EC2 + Fargate cluster is created piece by piece, as entered", async ({ page }) => {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto("/ecs/clusters/new");
  await page.getByLabel("Cluster name").fill(clusterName);
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByText("Fargate and EC2", { exact: true }).click();
  await page.getByLabel("Instance type").fill("m5.large");
  await page.getByLabel("Minimum instances").fill("1");
  await page.getByLabel("Maximum instances").fill("3");
  await page.getByLabel("Desired instances").fill("2");
  const subnets = page.getByRole("group", { name: "Subnets" }).getByRole("checkbox");
  await subnets.nth(0).check();
  await subnets.nth(1).check();
  await page.getByLabel("Target capacity %").fill("80");
  await page.getByLabel("EC2 weight").fill("2");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(10);
  await expect(steps.nth(0)).toContainText("iam:CreateRole");
  await expect(steps.nth(4)).toContainText("ec2:CreateLaunchTemplate");
  await expect(steps.nth(5)).toContainText("autoscaling:CreateAutoScalingGroup");
  await expect(steps.nth(7)).toContainText("ecs:CreateCapacityProvider");
  await expect(steps.nth(9)).toContainText("ecs:PutClusterCapacityProviders");

  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });

  const cp = `cp-${clusterName}`;
  const cluster = await describeCluster(clusterName);
  expect(cluster?.capacityProviders).toEqual(["FARGATE", "FARGATE_SPOT", cp]);
  expect(cluster?.defaultCapacityProviderStrategy).toEqual([
    { capacityProvider: "FARGATE", weight: 1, base: 0 },
    { capacityProvider: cp, weight: 2, base: 0 },
  ]);
  const provider = await describeCapacityProvider(cp);
  expect(provider?.autoScalingGroupProvider?.managedScaling).toMatchObject({ status: "ENABLED", targetCapacity: 80 });
  expect(provider?.autoScalingGroupProvider?.managedTerminationProtection).toBe("ENABLED");
  const group = await describeGroup(`asg-${clusterName}`);
  expect(provider?.autoScalingGroupProvider?.autoScalingGroupArn).toBe(group?.AutoScalingGroupARN);
  expect(group).toMatchObject({ MinSize: 1, MaxSize: 3, DesiredCapacity: 2, NewInstancesProtectedFromScaleIn: true });
  expect(group?.VPCZoneIdentifier?.split(",")).toHaveLength(2);
  const lt = await launchTemplateData(group!.LaunchTemplate!.LaunchTemplateId!);
  expect(lt?.InstanceType).toBe("m5.large");
  expect(lt?.ImageId).toBe("resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
  expect(lt?.IamInstanceProfile?.Name).toBe("ecsInstanceRole");
  expect(Buffer.from(lt?.UserData ?? "", "base64").toString()).toContain(`ECS_CLUSTER=${clusterName}`);

  // The cluster page shows the EC2 capacity.
  await page.goto(`/ecs/clusters/${clusterName}`);
  const row = page.getByRole("table", { name: "EC2 capacity providers" }).getByRole("row", { name: new RegExp(cp) });
  await expect(row).toContainText(`asg-${clusterName}`);
  await expect(row).toContainText("On · target 80%");
});

test("tearing the cluster down removes its service, capacity provider, group, launch template and the cluster", async ({ page }) => {
  const network = await fargateNetwork();
  await ecs().send(new CreateServiceCommand({
    cluster: clusterName, serviceName: "web", taskDefinition: await registerJob(`web-${Date.now()}`), desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 1), securityGroups: [network.securityGroupId] } },
  }));
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
  await page.goto(`/ecs/clusters/${clusterName}`);
  await page.getByRole("button", { name: "Tear down cluster" }).click();
  const dialog = page.getByRole("dialog");
  const items = dialog.getByRole("list", { name: "Will be deleted" }).getByRole("listitem");
  await expect(items).toHaveText([
    "Service web (scaled to 0, then deleted)",
    `Capacity provider cp-${clusterName}`,
    `Auto Scaling group asg-${clusterName} and its EC2 instances`,
    `Launch template lt-${clusterName}`,
    `Cluster ${clusterName}`,
  ]);
  const confirm = dialog.getByRole("button", { name: "Tear down" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${clusterName} to confirm`).fill(clusterName);
  await confirm.click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });

  const { services } = await ecs().send(new DescribeServicesCommand({ cluster: clusterName, services: ["web"] }));
  expect(services?.[0]?.status ?? "MISSING").toMatch(/INACTIVE|DRAINING|MISSING/);
  expect((await describeCluster(clusterName))?.status).toBe("INACTIVE");
  expect(await describeCapacityProvider(`cp-${clusterName}`)).toBeUndefined();
  expect(await describeGroup(`asg-${clusterName}`)).toBeUndefined();
  expect(await launchTemplateNamed(`lt-${clusterName}`)).toBeUndefined();
});

test("a failure at the capacity provider leaves the group and launch template recorded, and the cleanup removes them", async ({ page }) => {
  const operator = await seedUser("operator");
  const name = `half-${Date.now()}`;
  await login(page, operator.email, operator.password);
  await page.goto("/ecs/clusters/new");
  await page.getByLabel("Cluster name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("EC2 instances only", { exact: true }).click();
  // ecsInstanceRole exists since the first cluster: use its instance profile.
  await page.getByText("Use an instance profile", { exact: true }).click();
  await page.getByLabel("Instance profile", { exact: true }).selectOption("ecsInstanceRole");
  await page.getByRole("group", { name: "Subnets" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" }).getByRole("listitem")).toHaveCount(6);

  await sandbox.fault({ service: "ecs", operation: "CreateCapacityProvider", fault: "access_denied", count: -1 });
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/failed/i, { timeout: 30_000 });
  await sandbox.clearFaults();
  expect(await describeGroup(`asg-${name}`)).toBeDefined();
  expect(await launchTemplateNamed(`lt-${name}`)).toBeDefined();
  expect(await describeCluster(name)).toBeUndefined();

  const cleanup = page.getByRole("list", { name: "Plan steps" });
  await expect(cleanup).toContainText("autoscaling:DeleteAutoScalingGroup");
  await expect(cleanup).toContainText("ec2:DeleteLaunchTemplate");
  await page.getByRole("button", { name: "Run cleanup plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete these resources" }).click();
  await expect(page.getByText(`Clean up after: Create ECS cluster ${name}`).first()).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
  expect(await describeGroup(`asg-${name}`)).toBeUndefined();
  expect(await launchTemplateNamed(`lt-${name}`)).toBeUndefined();
});
