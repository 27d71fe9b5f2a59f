import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { addSubnetInZone, defaultNetwork, describeEksCluster, seedEksCluster, setEksPace, subnetsInTwoZones } from "./fixtures/eks";
import { describeRole } from "./fixtures/express";
import { sandbox } from "./fixtures/sandbox";

test.beforeAll(async () => {
  await sandbox.reset();
});

async function as(page: Page, role: "viewer" | "operator") {
  const user = await seedUser(role);
  await login(page, user.email, user.password);
  return user;
}

const subnetBox = (page: Page, id: string) => page.getByRole("checkbox", { name: new RegExp(id) });

test("validation: name, one subnet, one Availability Zone and bad CIDRs are caught at the field with no AWS call", async ({ page }) => {
  const { vpcId, subnets } = await defaultNetwork();
  const twin = await addSubnetInZone(vpcId, subnets[0]!.az, "172.31.192.0/24");
  await as(page, "operator");
  await page.goto("/eks/clusters/new");
  await expect(page.getByRole("heading", { name: "Cluster configuration" })).toBeVisible();
  await sandbox.resetCalls();

  const name = page.getByLabel("Cluster name");
  for (const [value, message] of [
    ["", "Enter a cluster name."],
    ["-starts-with-hyphen", "Start the name with a letter or digit."],
    ["has space", "Use only letters, digits, hyphens (-) and underscores (_); no spaces."],
    ["x".repeat(101), "EKS cluster names are at most 100 characters."],
  ]) {
    await name.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#clusterName-error")).toHaveText(message);
    await expect(name).toHaveAttribute("aria-invalid", "true");
  }
  await name.fill("valid-name");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Networking" })).toBeVisible();

  // One subnet only.
  await subnetBox(page, subnets[0]!.id).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#subnets-error")).toHaveText("Pick at least two subnets, in at least two Availability Zones.");
  // Two subnets, one zone.
  await subnetBox(page, twin).check();
  await expect(page.locator("#subnets-error")).toHaveText("The subnets must be in at least two Availability Zones; these are all in one.");
  await expect(page.getByText(`Picked: 2 subnets in 1 zone.`)).toBeVisible();
  await subnetBox(page, subnets[1]!.id).check();
  await expect(page.locator("#subnets-error")).toHaveCount(0);

  const cidrs = page.getByLabel("Public access CIDR blocks");
  await expect(cidrs).toHaveValue("0.0.0.0/0");
  for (const [value, message] of [
    ["10.0.0.0/33", "10.0.0.0/33 is not a CIDR block such as 203.0.113.0/24."],
    ["203.0.113.0/24\n300.1.2.0/24", "300.1.2.0/24 is not a CIDR block such as 203.0.113.0/24."],
    ["", "Enter at least one CIDR block, such as 0.0.0.0/0 for any address."],
  ]) {
    await cidrs.fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#publicAccessCidrs-error")).toHaveText(message);
  }
  // A private endpoint needs no allow-list.
  await page.getByText("Private", { exact: true }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Logging, encryption and tags" })).toBeVisible();
  await page.getByText("Envelope-encrypt secrets with a KMS key").click();
  await page.getByLabel("KMS key ARN").fill("not-an-arn");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#kmsKeyArn-error")).toContainText("Enter a KMS key ARN");

  expect((await sandbox.calls()).total).toBe(0);
});

test("create a cluster through the wizard, creating eksClusterRole, and watch it become ACTIVE", async ({ page }) => {
  const subnets = await subnetsInTwoZones();
  const clusterName = `prod-${Date.now()}`;
  await as(page, "operator");
  await page.goto("/eks/clusters");
  await expect(page.getByText("No EKS clusters in this region yet")).toBeVisible();
  await page.getByRole("link", { name: "Create cluster" }).first().click();

  await page.getByLabel("Cluster name").fill(clusterName);
  // Versions and their support dates come from DescribeClusterVersions. On 2026-12-06 1.34 is past
  // standard support (ended 2026-12-02) and 1.31 past extended support: the newest version in
  // standard support is preselected, the extended ones say so with their price, 1.31 is not offered.
  const version = page.getByLabel("Kubernetes version");
  await expect(version).toHaveValue("1.35");
  await expect(version.locator("option")).toHaveText([
    "1.35 · standard support until 2027-03-27 (recommended)",
    "1.34 · extended support until 2027-12-02 ($0.60/h)",
    "1.33 · extended support until 2027-07-29 ($0.60/h)",
    "1.32 · extended support until 2027-03-23 ($0.60/h)",
  ]);
  await expect(page.getByTestId("version-extended-warning")).toHaveCount(0);
  await version.selectOption("1.34");
  await expect(page.getByTestId("version-extended-warning")).toContainText("billed at the extended support rate, $0.60 an hour");
  await page.screenshot({ path: ".test-reports/screenshots/eks-version-picker.png", fullPage: true });
  await expect(page.getByRole("radio", { name: /Create eksClusterRole/ })).toBeChecked();
  // Standard support is the console's default; pick extended.
  await expect(page.getByRole("radio", { name: /Standard support/ })).toBeChecked();
  await page.getByRole("radio", { name: /Extended support/ }).check();
  await page.getByRole("button", { name: "Next" }).click();

  await subnetBox(page, subnets[0]!.id).check();
  await subnetBox(page, subnets[1]!.id).check();
  await page.getByText("Public and private", { exact: true }).click();
  await page.getByLabel("Public access CIDR blocks").fill("203.0.113.0/24\n198.51.100.0/24");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("checkbox", { name: /API server/ }).check();
  await page.getByRole("checkbox", { name: /Audit/ }).check();
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByLabel("Tag 1 key").fill("team");
  await page.getByLabel("Tag 1 value").fill("platform");
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("1. Create IAM role eksClusterRole");
  await expect(steps.nth(1)).toContainText("2. Attach AmazonEKSClusterPolicy to eksClusterRole");
  await expect(steps.nth(2)).toContainText(`3. Create EKS cluster ${clusterName} (Kubernetes 1.34) and wait until ACTIVE`);
  await expect(steps.nth(2)).toContainText("aws eks create-cluster --region us-east-1 --cli-input-json");
  // Priced at the rate of the chosen version: 1.34 is in extended support.
  await expect(page.getByText("This cluster is billed from the moment it is created: $0.60 an hour")).toBeVisible();
  await expect(page.getByTestId("cost-rate")).toContainText("Kubernetes 1.34 is in extended support, so this cluster costs $0.60 an hour, about $438 a month");

  // Slow enough that the run page shows the cluster CREATING before it is ACTIVE.
  await setEksPace(8000);
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("step-2")).toContainText(new RegExp(`Waiting for cluster ${clusterName} to become ACTIVE: CREATING · \\d`), { timeout: 15_000 });
  // The waiting step's duration ticks on its own, between the executor's progress updates.
  const elapsed = page.getByTestId("step-2").getByLabel("Running for");
  const shown = (await elapsed.textContent())!;
  await expect(elapsed).not.toHaveText(shown, { timeout: 3_000 });
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 40_000 });

  // What AWS holds is what was entered.
  const cluster = (await describeEksCluster(clusterName))!;
  const role = await describeRole("eksClusterRole");
  expect(cluster.status).toBe("ACTIVE");
  expect(cluster.version).toBe("1.34");
  expect(cluster.roleArn).toBe(role.arn);
  expect(role.principal).toBe("eks.amazonaws.com");
  expect(role.policies).toEqual(["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"]);
  expect(cluster.resourcesVpcConfig?.subnetIds).toEqual([subnets[0]!.id, subnets[1]!.id]);
  expect(cluster.resourcesVpcConfig?.endpointPublicAccess).toBe(true);
  expect(cluster.resourcesVpcConfig?.endpointPrivateAccess).toBe(true);
  expect(cluster.resourcesVpcConfig?.publicAccessCidrs).toEqual(["203.0.113.0/24", "198.51.100.0/24"]);
  expect(cluster.logging?.clusterLogging?.filter((l) => l.enabled).flatMap((l) => l.types)).toEqual(["api", "audit"]);
  expect(cluster.tags).toEqual({ team: "platform" });
  expect(cluster.encryptionConfig ?? []).toEqual([]);
  expect(cluster.upgradePolicy?.supportType).toBe("EXTENDED");
  const [run] = await runsFor(`eks:cluster/${clusterName}`);
  expect(run?.status).toBe("succeeded");

  // The cluster page: endpoint, OIDC issuer, how to connect.
  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByRole("heading", { name: clusterName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("cluster-status")).toHaveText("active");
  await expect(page.getByTestId("cluster-endpoint")).toHaveText(cluster.endpoint!);
  await expect(page.getByTestId("cluster-oidc")).toHaveText(cluster.identity!.oidc!.issuer!);
  await expect(page.getByTestId("cluster-logging")).toHaveText("apiaudit");
  await expect(page.getByTestId("cluster-support")).toHaveText(/^Extended/);
  await expect(page.getByText(`aws eks update-kubeconfig --region us-east-1 --name ${clusterName}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Add node group" })).toHaveAttribute("href", `/eks/clusters/${clusterName}/nodegroups/new`);
  await expect(page.getByRole("link", { name: "Add Fargate profile" })).toHaveAttribute("href", `/eks/clusters/${clusterName}/fargate-profiles/new`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download kubeconfig" }).click()]);
  expect(download.suggestedFilename()).toBe(`kubeconfig-${clusterName}.yaml`);
  const kubeconfig = await fs.readFile((await download.path())!, "utf8");
  expect(kubeconfig).toContain(`server: "${cluster.endpoint}"`);
  expect(kubeconfig).toContain(`certificate-authority-data: "${cluster.certificateAuthority!.data}"`);
  expect(kubeconfig).toContain(`current-context: "${cluster.arn}"`);
  expect(kubeconfig).toMatch(/command: aws\n\s+args:\n\s+- --region\n\s+- "us-east-1"\n\s+- eks\n\s+- get-token\n\s+- --cluster-name\n\s+- "[^"]+"/);
  expect(kubeconfig).toContain(`- "${clusterName}"`);

  // The list shows it.
  await page.goto("/eks/clusters");
  const row = page.getByRole("row", { name: new RegExp(clusterName) });
  await expect(row).toContainText("active");
  await expect(row).toContainText("1.34");
  await expect(row).toContainText("Public and private");
});

test("a viewer reads the cluster and downloads its kubeconfig, but cannot change it; signed out gets 401", async ({ page, playwright, baseURL }) => {
  await setEksPace(200);
  const clusterName = `view-${Date.now()}`;
  await seedEksCluster(clusterName);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/eks/clusters/${clusterName}/kubeconfig`)).status()).toBe(401);
  await anonymous.dispose();

  await as(page, "viewer");
  await page.goto(`/eks/clusters/${clusterName}`);
  await expect(page.getByTestId("cluster-status")).toHaveText("active");
  // The default version (1.35) is in standard support for months: nothing to warn about.
  await expect(page.getByTestId("cluster-version")).toHaveText("1.35");
  await expect(page.getByTestId("version-support-warning")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete cluster" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Upgrade to/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add node group" })).toHaveCount(0);
  const res = await page.request.get(`/eks/clusters/${clusterName}/kubeconfig`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toBe(`attachment; filename="kubeconfig-${clusterName}.yaml"`);
  expect(await res.text()).toContain("get-token");
  expect((await page.request.get(`/eks/clusters/no-such-cluster/kubeconfig`)).status()).toBe(404);
});

test("upgrade to the next Kubernetes version as a recorded plan", async ({ page }) => {
  await setEksPace(1500);
  const clusterName = `up-${Date.now()}`;
  await seedEksCluster(clusterName, { version: "1.33" });
  await as(page, "operator");
  await page.goto(`/eks/clusters/${clusterName}`);
  await expect(page.getByTestId("cluster-version")).toHaveText("1.33");
  // 1.33 left standard support on 2026-07-29: the page says what that costs.
  const warning = page.getByTestId("version-support-warning");
  await expect(warning).toContainText("Kubernetes 1.33 is in extended support");
  await expect(warning).toContainText("Standard support ended 2026-07-29. This cluster is billed $0.60 an hour instead of $0.10");
  await page.screenshot({ path: ".test-reports/screenshots/eks-cluster-support-warning.png", fullPage: true });
  await page.getByRole("button", { name: "Upgrade to 1.34" }).click();
  const dialog = page.getByRole("dialog", { name: `Upgrade ${clusterName} to Kubernetes 1.34?` });
  await expect(dialog).toContainText("cannot be undone");
  await dialog.getByRole("button", { name: "Upgrade" }).click();

  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("step-0")).toContainText(`Upgrade cluster ${clusterName} from Kubernetes 1.33 to 1.34 and wait until the update succeeds`);
  await expect(page.getByTestId("step-0")).toContainText(`Waiting for the upgrade of ${clusterName} to 1.34: InProgress`, { timeout: 10_000 });
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  expect((await describeEksCluster(clusterName))?.version).toBe("1.34");

  await page.getByRole("link", { name: "Open the resource" }).click();
  await expect(page.getByTestId("cluster-version")).toHaveText("1.34");
  const update = page.getByRole("table", { name: "Updates" }).getByRole("row").nth(1);
  await expect(update).toContainText("VersionUpdate");
  await expect(update).toContainText("successful");
  await expect(update).toContainText("Version 1.34");
  // Still in extended support on 1.34; 1.35 is offered next.
  await expect(page.getByTestId("version-support-warning")).toContainText("Kubernetes 1.34 is in extended support");
  await expect(page.getByRole("button", { name: "Upgrade to 1.35" })).toBeVisible();
});

test("teardown deletes the node group and Fargate profile, then the cluster, after the name is typed", async ({ page }) => {
  await setEksPace(1000);
  const clusterName = `gone-${Date.now()}`;
  await seedEksCluster(clusterName, { nodegroup: "ng-web", fargateProfile: "fp-jobs" });
  await as(page, "operator");
  await page.goto(`/eks/clusters/${clusterName}`);
  await expect(page.getByRole("list", { name: "Node groups" }).getByRole("link", { name: "ng-web" })).toHaveAttribute("href", `/eks/clusters/${clusterName}/nodegroups/ng-web`);
  await expect(page.getByRole("list", { name: "Fargate profiles" }).getByRole("link", { name: "fp-jobs" })).toHaveAttribute("href", `/eks/clusters/${clusterName}/fargate-profiles/fp-jobs`);

  await page.getByRole("button", { name: "Delete cluster" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete EKS cluster ${clusterName}?` });
  await expect(dialog).toContainText("Node groups and their EC2 instances: ng-web");
  await expect(dialog).toContainText("Fargate profiles and the pods they run: fp-jobs");
  const confirm = dialog.getByRole("button", { name: "Delete cluster" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${clusterName} to confirm`).fill(clusterName);
  await confirm.click();

  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("step-0")).toContainText("Delete node group ng-web and wait until it is gone");
  await expect(page.getByTestId("step-1")).toContainText("Delete Fargate profile fp-jobs and wait until it is gone");
  await expect(page.getByTestId("step-2")).toContainText(`Delete EKS cluster ${clusterName} and wait until it is gone`);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 40_000 });
  await expect(page.getByTestId("step-2")).toContainText("eks:DeleteCluster");
  expect(await describeEksCluster(clusterName)).toBeNull();
  await page.goto("/eks/clusters");
  await expect(page.getByRole("row", { name: new RegExp(clusterName) })).toHaveCount(0);
});
