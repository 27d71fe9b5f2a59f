import { expect, test, type Page } from "@playwright/test";
import { DescribeFargateProfileCommand, DescribeAddonCommand, DescribeUpdateCommand, ListUpdatesCommand } from "@aws-sdk/client-eks";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { createTestCluster, createTestNodegroup, describeNodegroup, eks, eksSandbox, type TestCluster } from "./fixtures/eks-compute";
import { describeRole } from "./fixtures/express";
import { sandbox } from "./fixtures/sandbox";

let cluster: TestCluster;
const base = () => `/eks/clusters/${cluster.name}`;

test.beforeAll(async () => {
  await sandbox.reset();
  await eksSandbox.pace(1000);
  cluster = await createTestCluster(`compute-${Date.now()}`);
});

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function waitForRun(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
}

const subnet = (page: Page, id: string) => page.getByRole("checkbox", { name: new RegExp(`^${id} `) });

test("node group sizes out of order are refused at the field with no AWS call", async ({ page }) => {
  await asOperator(page);
  await page.goto(`${base()}/nodegroups/new`);
  await expect(page.getByRole("heading", { name: "Node group configuration" })).toBeVisible();
  await sandbox.resetCalls();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill("-bad");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#nodegroupName-error")).toHaveText("Start with a letter or digit; then letters, digits, hyphens (-) and underscores (_).");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("web");
  await page.getByRole("button", { name: "Add label" }).click();
  await page.getByLabel("Label 1 key").fill("bad key!");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#labels-0-key-error")).toContainText("Keys are at most 63 letters");
  await page.getByRole("button", { name: "Remove label 1" }).click();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Compute and scaling" })).toBeVisible();
  await page.getByLabel("Minimum size").fill("3");
  await page.getByLabel("Maximum size").fill("2");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#minSize-error")).toHaveText("Minimum size cannot be more than the maximum size.");
  await expect(page.getByLabel("Minimum size")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Minimum size").fill("1");
  await page.getByLabel("Desired size").fill("5");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#desiredSize-error")).toHaveText("Desired size must be between the minimum (1) and the maximum (2).");
  await page.getByLabel("Maximum unavailable during updates").selectOption("percentage");
  await page.getByLabel("Maximum unavailable (%)").fill("150");
  await page.getByLabel("Maximum unavailable (%)").blur();
  await expect(page.locator("#maxUnavailable-error")).toHaveText("A percentage is 1 to 100.");
  await expect(page.getByRole("heading", { name: "Compute and scaling" })).toBeVisible();

  expect((await sandbox.calls()).total).toBe(0);
});

test("a public subnet for a Fargate profile is refused at the field with no AWS call", async ({ page }) => {
  await asOperator(page);
  await page.goto(`${base()}/fargate-profiles/new`);
  await expect(page.getByRole("heading", { name: "Profile configuration" })).toBeVisible();
  await sandbox.resetCalls();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill("apps");
  await subnet(page, cluster.publicSubnets[0]!).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#subnets-error")).toHaveText(
    `Fargate runs pods only in private subnets; ${cluster.publicSubnets[0]} routes to an internet gateway.`,
  );
  await expect(page.getByRole("heading", { name: "Profile configuration" })).toBeVisible();
  expect((await sandbox.calls()).total).toBe(0);
});

test("create a managed node group through the wizard; AWS holds what was entered", async ({ page }) => {
  await asOperator(page);
  await page.goto(`${base()}/nodegroups`);
  await page.getByRole("link", { name: "Add node group" }).first().click();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill("spot-web");
  await expect(page.getByRole("radio", { name: /Create AmazonEKSNodeRole/ })).toBeChecked();
  await page.getByRole("button", { name: "Add label" }).click();
  await page.getByLabel("Label 1 key").fill("team");
  await page.getByLabel("Label 1 value").fill("web");
  await page.getByRole("button", { name: "Add taint" }).click();
  await page.getByLabel("Taint 1 key").fill("dedicated");
  await page.getByLabel("Taint 1 value").fill("web");
  await page.getByLabel("Taint 1 effect").selectOption("NO_EXECUTE");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByLabel("AMI type")).toHaveValue("AL2023_x86_64_STANDARD");
  await page.getByLabel("AMI type").selectOption("BOTTLEROCKET_x86_64");
  await page.getByText("Spot", { exact: true }).click();
  await page.getByLabel("Instance types").fill("t3.large, t3a.large");
  await page.getByLabel("Disk size (GiB)").fill("40");
  await page.getByLabel("Minimum size").fill("1");
  await page.getByLabel("Maximum size").fill("4");
  await page.getByLabel("Desired size").fill("3");
  await page.getByLabel("Maximum unavailable during updates").selectOption("percentage");
  await page.getByLabel("Maximum unavailable (%)").fill("25");
  await page.getByRole("button", { name: "Next" }).click();

  for (const id of cluster.privateSubnets) await subnet(page, id).uncheck();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#subnets-error")).toHaveText("Pick at least one subnet for the nodes.");
  await subnet(page, cluster.publicSubnets[0]!).check();
  await subnet(page, cluster.publicSubnets[1]!).check();
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(0)).toContainText("iam:CreateRole");
  await expect(steps.nth(4)).toContainText("eks:CreateNodegroup");
  await expect(steps.nth(4)).toContainText("aws eks create-nodegroup --region us-east-1 --cli-input-json");
  await page.getByRole("button", { name: "Create node group" }).click();
  await waitForRun(page);

  const ng = await describeNodegroup(cluster.name, "spot-web");
  const role = await describeRole("AmazonEKSNodeRole");
  expect(ng).toMatchObject({
    status: "ACTIVE",
    scalingConfig: { minSize: 1, maxSize: 4, desiredSize: 3 },
    instanceTypes: ["t3.large", "t3a.large"],
    capacityType: "SPOT",
    amiType: "BOTTLEROCKET_x86_64",
    diskSize: 40,
    labels: { team: "web" },
    taints: [{ key: "dedicated", value: "web", effect: "NO_EXECUTE" }],
    updateConfig: { maxUnavailablePercentage: 25 },
    nodeRole: role.arn,
  });
  expect([...ng!.subnets!].sort()).toEqual(cluster.publicSubnets.slice(0, 2).sort());
  expect(role.principal).toBe("ec2.amazonaws.com");
  expect([...role.policies].sort()).toEqual([
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
  ]);

  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByRole("heading", { name: "spot-web" })).toBeVisible();
  await expect(page.getByTestId("nodegroup-scaling")).toHaveText("1 / 3 / 4");
  await expect(page.getByText("dedicated=web:NO_EXECUTE")).toBeVisible();
});

test("change a node group's scaling as a recorded plan; AWS applies it as an update", async ({ page }) => {
  await createTestNodegroup(cluster, "scale-me");
  await asOperator(page);
  await page.goto(`${base()}/nodegroups/scale-me`);
  await expect(page.getByTestId("nodegroup-scaling")).toHaveText("1 / 1 / 2");

  await page.getByLabel("Maximum size").fill("5");
  await page.getByLabel("Desired size").fill("6");
  await page.getByRole("button", { name: "Review scaling change" }).click();
  await expect(page.locator("#desiredSize-error")).toHaveText("Desired size must be between the minimum (1) and the maximum (5).");
  await page.getByLabel("Desired size").fill("4");
  await page.getByRole("button", { name: "Review scaling change" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await expect(steps.nth(0)).toContainText("eks:UpdateNodegroupConfig");
  await page.getByRole("button", { name: "Apply scaling" }).click();
  await waitForRun(page);

  expect((await describeNodegroup(cluster.name, "scale-me"))?.scalingConfig).toEqual({ minSize: 1, maxSize: 5, desiredSize: 4 });
  const { updateIds } = await eks().send(new ListUpdatesCommand({ name: cluster.name, nodegroupName: "scale-me" }));
  expect(updateIds).toHaveLength(1);
  const { update } = await eks().send(new DescribeUpdateCommand({ name: cluster.name, nodegroupName: "scale-me", updateId: updateIds![0]! }));
  expect(update).toMatchObject({ type: "ConfigUpdate", status: "Successful" });

  await page.goto(`${base()}/nodegroups/scale-me`);
  await expect(page.getByTestId("nodegroup-scaling")).toHaveText("1 / 4 / 5");
  await expect(page.getByRole("table", { name: "Update history" })).toContainText("ConfigUpdate");
});

test("create a Fargate profile in private subnets; AWS holds the selectors, subnets and role", async ({ page }) => {
  await asOperator(page);
  await page.goto(`${base()}/fargate-profiles`);
  await page.getByRole("link", { name: "Add Fargate profile" }).first().click();

  await page.getByRole("textbox", { name: "Name", exact: true }).fill("apps");
  for (const id of cluster.privateSubnets) await expect(subnet(page, id)).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Selector 1 namespace").fill("apps");
  await page.getByRole("button", { name: "Add selector 1 label" }).click();
  await page.getByLabel("Selector 1 label 1 key").fill("tier");
  await page.getByLabel("Selector 1 label 1 value").fill("web");
  await page.getByRole("button", { name: "Add selector", exact: true }).click();
  await page.getByLabel("Selector 2 namespace").fill("jobs");
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(2)).toContainText("eks:CreateFargateProfile");
  await page.getByRole("button", { name: "Create Fargate profile" }).click();
  await waitForRun(page);

  const { fargateProfile } = await eks().send(new DescribeFargateProfileCommand({ clusterName: cluster.name, fargateProfileName: "apps" }));
  const role = await describeRole("AmazonEKSFargatePodExecutionRole");
  expect(fargateProfile?.status).toBe("ACTIVE");
  expect(fargateProfile?.podExecutionRoleArn).toBe(role.arn);
  expect(role.principal).toBe("eks-fargate-pods.amazonaws.com");
  expect(role.policies).toEqual(["arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy"]);
  expect([...fargateProfile!.subnets!].sort()).toEqual([...cluster.privateSubnets].sort());
  expect(fargateProfile?.selectors?.map((sel) => ({ namespace: sel.namespace, labels: sel.labels ?? {} }))).toEqual([
    { namespace: "apps", labels: { tier: "web" } },
    { namespace: "jobs", labels: {} },
  ]);

  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByRole("table", { name: "Fargate profiles" })).toContainText("apps");
});

test("install an add-on with a version compatible with the cluster; AWS holds version and conflict choice", async ({ page }) => {
  await asOperator(page);
  await page.goto(`${base()}/addons`);
  await expect(page.getByText("No add-ons installed yet.")).toBeVisible();
  const available = page.getByRole("list", { name: "Available add-ons" });
  await expect(available).toContainText("coredns");

  await page.getByText("Install coredns").click();
  const version = page.getByLabel("coredns version");
  // Kubernetes 1.34: only versions that run on it, the default preselected.
  await expect(version).toHaveValue("v1.12.4-eksbuild.1");
  await expect(version.locator("option")).toHaveText(["v1.12.4-eksbuild.1 (default)", "v1.12.3-eksbuild.1"]);
  await version.selectOption("v1.12.3-eksbuild.1");
  await page.getByLabel("coredns conflict resolution").selectOption("OVERWRITE");
  await expect(page.getByText(/Overwrite: fields that differ/)).toBeVisible();
  const form = page.getByRole("form", { name: "Install coredns" });
  await form.getByRole("button", { name: "Review" }).click();
  await expect(form.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toContainText("eks:CreateAddon");
  await form.getByRole("button", { name: "Install coredns" }).click();
  await waitForRun(page);

  const { addon } = await eks().send(new DescribeAddonCommand({ clusterName: cluster.name, addonName: "coredns" }));
  expect(addon).toMatchObject({ addonVersion: "v1.12.3-eksbuild.1", status: "ACTIVE" });
  const held = (await eksSandbox.addons()).find((a) => a.clusterName === cluster.name && a.addonName === "coredns");
  expect(held?.resolveConflicts).toBe("OVERWRITE");

  await page.goto(`${base()}/addons`);
  await expect(page.getByRole("table", { name: "Installed add-ons" })).toContainText("v1.12.3-eksbuild.1");
});

test("update an add-on with PRESERVE, then remove it keeping its software; delete a node group", async ({ page }) => {
  await asOperator(page);
  await page.goto(`${base()}/addons`);
  await page.getByText("Update coredns").click();
  const form = page.getByRole("form", { name: "Update coredns" });
  await expect(form.getByLabel("coredns version")).toHaveValue("v1.12.4-eksbuild.1");
  await expect(form.getByLabel("coredns conflict resolution")).toHaveValue("PRESERVE");
  await form.getByRole("button", { name: "Review" }).click();
  await expect(form.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toContainText("eks:UpdateAddon");
  await form.getByRole("button", { name: "Update coredns" }).click();
  await waitForRun(page);
  const { addon } = await eks().send(new DescribeAddonCommand({ clusterName: cluster.name, addonName: "coredns" }));
  expect(addon).toMatchObject({ addonVersion: "v1.12.4-eksbuild.1", status: "ACTIVE" });
  expect((await eksSandbox.addons()).find((a) => a.clusterName === cluster.name && a.addonName === "coredns")?.resolveConflicts).toBe("PRESERVE");

  await page.goto(`${base()}/addons`);
  await page.getByRole("button", { name: "Remove coredns" }).click();
  await page.getByLabel("Keep its software on the cluster").check();
  await page.getByRole("button", { name: "Remove add-on" }).click();
  await waitForRun(page);
  await expect(eks().send(new DescribeAddonCommand({ clusterName: cluster.name, addonName: "coredns" }))).rejects.toThrow(/No addon/);

  await page.goto(`${base()}/nodegroups/scale-me`);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("textbox").fill("scale-me");
  await page.getByRole("button", { name: "Delete node group" }).click();
  await waitForRun(page);
  await expect(describeNodegroup(cluster.name, "scale-me")).rejects.toThrow();
});
