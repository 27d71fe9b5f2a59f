import { expect, test, type Page } from "@playwright/test";
import { CreateRepositoryCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateClusterCommand, DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { GetRolePolicyCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { pushFakeImage } from "../sandbox/ecr-images.mjs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";
import { describeTaskDefinition } from "./fixtures/task-definitions";

// Settings → Run Portside on AWS: Portside's own task definition and service through its wizards,
// prefilled (issue 19). What AWS holds afterwards is read from the sandbox.
test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const family = `portside${Date.now() % 100000}`;
const cluster = "portside-prod";
const secrets: Record<string, string> = {};
let imageUri = "";

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function finishRun(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
}

test.beforeAll(async () => {
  await sandbox.reset();
  const repo = await new ECRClient(config()).send(new CreateRepositoryCommand({ repositoryName: "portside" }));
  await pushFakeImage(stack().sandboxEndpoint, { repositoryName: "portside", tag: "1.4.0" });
  imageUri = `${repo.repository!.repositoryUri!}:1.4.0`;
  const sm = new SecretsManagerClient(config());
  for (const [key, name, value] of [
    ["db", "portside/database-url", "postgresql://portside:pw@db.internal:5432/portside"],
    ["key", "portside/secret-key", "c2VjcmV0LWtleS0zMi1ieXRlcy1vZi1yYW5kb20tZGF0YQ=="],
    ["actions", "portside/actions-key", "YWN0aW9ucy1rZXktMzItYnl0ZXMtb2YtcmFuZG9tLWRhdGE="],
  ] as const) {
    secrets[key] = (await sm.send(new CreateSecretCommand({ Name: name, SecretString: value }))).ARN!;
  }
  await ecs().send(new CreateClusterCommand({ clusterName: cluster }));
});

test("invalid choices are refused at the field, with no AWS call and no wizard opened", async ({ page }) => {
  await asOperator(page);
  await page.goto("/settings/run-on-aws");
  await expect(page.getByLabel("DATABASE_URL secret")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await sandbox.quiet();
  await sandbox.resetCalls();
  await page.getByLabel("Family").fill("has space");
  await page.getByLabel("Portside image").fill("Not An Image!");
  // A value pasted where the secret's ARN belongs.
  await page.getByLabel("DATABASE_URL secret").fill("postgresql://portside:pw@db/portside");
  await page.getByLabel("Trusted proxies (PORTSIDE_TRUSTED_PROXIES)").fill("10.0.0.0/16, alb.internal");
  await page.getByRole("button", { name: "Open the task definition wizard" }).click();
  await expect(page.locator("#family-error")).toContainText("no spaces");
  await expect(page.locator("#image-error")).toBeVisible();
  await expect(page.locator("#databaseUrlSecret-error")).toContainText("never the secret's value");
  await expect(page.locator("#secretKeySecret-error")).toContainText("Pick a secret or enter its ARN.");
  await expect(page.locator("#trustedProxies-error")).toContainText('"alb.internal" is not an IP address or CIDR range');
  await expect(page).toHaveURL(/\/settings\/run-on-aws$/);
  expect((await sandbox.calls()).total).toBe(0);
});

test("the prefilled task definition wizard registers Portside with its secrets, port 3000, health check and stop timeout", async ({ page }) => {
  await asOperator(page);
  await page.goto("/settings/connections");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Run Portside on AWS" }).click();
  await expect(page).toHaveURL(/\/settings\/run-on-aws$/);
  // The region's secrets are offered by name; the field takes the ARN.
  await expect(page.locator("#secret-arns option")).toHaveCount(3);
  await expect(page.locator(`#secret-arns option[value="${secrets.db}"]`)).toHaveText("portside/database-url");
  await page.getByLabel("Family").fill(family);
  await page.getByText("Pick the Portside image from ECR").click();
  await page.getByLabel("ECR repository").selectOption("portside");
  await page.getByLabel("Image tag").selectOption(imageUri);
  await page.getByRole("button", { name: "Use 1.4.0", exact: true }).click();
  await expect(page.getByLabel("Portside image")).toHaveValue(imageUri);
  await page.getByLabel("DATABASE_URL secret").fill(secrets.db!);
  await page.getByLabel("PORTSIDE_SECRET_KEY secret").fill(secrets.key!);
  await page.getByLabel("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY secret").fill(secrets.actions!);
  // The service wizard starts in the default VPC: its CIDR is whom Portside believes X-Forwarded-* from.
  const vpcs = await new EC2Client(config()).send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }));
  const vpc = vpcs.Vpcs![0]!;
  await expect(page.getByLabel("VPC the service will run in")).toHaveValue(vpc.VpcId!);
  await expect(page.getByLabel("Trusted proxies (PORTSIDE_TRUSTED_PROXIES)")).toHaveValue(vpc.CidrBlock!);
  await page.screenshot({ path: "test-results/run-on-aws.png", fullPage: true });
  await page.getByRole("button", { name: "Open the task definition wizard" }).click();

  await expect(page).toHaveURL(/\/ecs\/task-definitions\/new\?portside=1/);
  await expect(page.getByTestId("prefill-notice")).toContainText("Prefilled from Run Portside on AWS");
  await expect(page.getByTestId("prefill-notice")).toContainText(`PORTSIDE_TRUSTED_PROXIES is ${vpc.CidrBlock}`);
  await expect(page.getByLabel("Task definition family")).toHaveValue(family);
  await expect(page.getByLabel("CPU", { exact: true })).toHaveValue("1024");
  await expect(page.getByLabel("Memory", { exact: true })).toHaveValue("2048");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  const container = page.getByRole("region", { name: "Container 1" });
  await expect(container.getByLabel("Container name")).toHaveValue("portside");
  await expect(container.getByLabel("Image URI")).toHaveValue(imageUri);
  await expect(container.getByLabel("Stop timeout (s)")).toHaveValue("30");
  await expect(container.getByLabel("Secret 3 name of container 1")).toHaveValue("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
  await page.screenshot({ path: "test-results/run-on-aws-task-definition.png", fullPage: true });
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" });
  await expect(steps).toContainText("ecs:RegisterTaskDefinition");
  // The execution role the plan creates may read the three secrets, and nothing else.
  await expect(steps).toContainText("iam:PutRolePolicy");
  await expect(steps).toContainText("portside-read-secrets");
  await page.screenshot({ path: "test-results/run-on-aws-review.png", fullPage: true });
  await page.getByRole("button", { name: "Register task definition" }).click();
  await finishRun(page);

  const policy = await new IAMClient(config()).send(new GetRolePolicyCommand({ RoleName: "ecsTaskExecutionRole", PolicyName: "portside-read-secrets" }));
  const document = JSON.parse(decodeURIComponent(policy.PolicyDocument!));
  expect(document.Statement).toEqual([{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [secrets.db, secrets.key, secrets.actions].sort() }]);

  const def = await describeTaskDefinition(`${family}:1`);
  expect(def).toMatchObject({ family, cpu: "1024", memory: "2048", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc" });
  const [portside] = def.containerDefinitions!;
  expect(portside).toMatchObject({
    name: "portside",
    image: imageUri,
    stopTimeout: 30,
    portMappings: [expect.objectContaining({ containerPort: 3000, protocol: "tcp" })],
    environment: expect.arrayContaining([{ name: "PORTSIDE_TRUSTED_PROXIES", value: vpc.CidrBlock }]),
    secrets: [
      { name: "DATABASE_URL", valueFrom: secrets.db },
      { name: "PORTSIDE_SECRET_KEY", valueFrom: secrets.key },
      { name: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", valueFrom: secrets.actions },
    ],
    healthCheck: { command: ["CMD-SHELL", expect.stringContaining("http://127.0.0.1:3000/api/health")], interval: 15, timeout: 5, retries: 3, startPeriod: 90 },
  });
  // Where the values live, never the values.
  expect(JSON.stringify(def)).not.toContain("postgresql://");
});

test("then the prefilled service wizard runs 2 tasks behind a new ALB checking /api/health", async ({ page }) => {
  await asOperator(page);
  await page.goto("/settings/run-on-aws");
  await page.getByLabel("Family").fill(family);
  await page.getByLabel("Cluster").selectOption(cluster);
  await page.getByRole("link", { name: "Open the service wizard" }).click();
  await expect(page).toHaveURL(new RegExp(`/ecs/clusters/${cluster}/services/new\\?portside=1&taskDefinition=${family}$`));
  await expect(page.getByTestId("prefill-notice")).toContainText("Prefilled from Run Portside on AWS");
  await expect(page.getByLabel("Revision")).toHaveValue(`${family}:1`);
  await expect(page.getByLabel("Service name")).toHaveValue(family);
  await expect(page.getByLabel("Desired tasks")).toHaveValue("2");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Allow from")).toHaveValue("loadBalancer");
  await page.getByLabel("Security group name").fill(`${family}-tasks`);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Load balancer name")).toHaveValue(`${family}-alb`);
  await expect(page.getByLabel("Path")).toHaveValue("/api/health");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" });
  await expect(steps).toContainText("elasticloadbalancing:CreateLoadBalancer");
  await expect(steps).toContainText("ecs:CreateService");
  await page.getByRole("button", { name: "Create service" }).click();
  await finishRun(page);

  const out = await ecs().send(new DescribeServicesCommand({ cluster, services: [family] }));
  expect(out.services?.[0]).toMatchObject({ desiredCount: 2, loadBalancers: [expect.objectContaining({ containerName: "portside", containerPort: 3000 })] });
});

test("a viewer and anonymous are refused; a hand-made link prefills nothing", async ({ page, request }) => {
  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  // The nav does not offer a viewer a page that would answer "forbidden".
  await page.goto("/settings/account");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Run Portside on AWS" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await nav.screenshot({ path: "test-results/run-on-aws-viewer-nav.png" });
  await page.goto("/settings/run-on-aws");
  await expect(page).toHaveURL(/\/forbidden\?needed=operator/);
  const anonymous = await request.get("/settings/run-on-aws", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/^\/login/);

  await page.context().clearCookies();
  await asOperator(page);
  const hostile = new URLSearchParams({ portside: "1", family: "x", image: "nginx:1", databaseUrlSecret: "postgresql://u:p@h/db", secretKeySecret: "a".repeat(5000), actionsKeySecret: "<script>alert(1)</script>", trustedProxies: "10.0.0.0/8,<img src=x>" });
  await page.goto(`/ecs/task-definitions/new?${hostile}`);
  await expect(page.getByRole("alert").filter({ hasText: "The Run Portside on AWS choices are incomplete or invalid" })).toBeVisible();
  await expect(page.getByTestId("prefill-notice")).toHaveCount(0);
  await expect(page.getByLabel("Task definition family")).toHaveValue("");
  await page.goto(`/ecs/clusters/${cluster}/services/new?portside=1&taskDefinition=${encodeURIComponent("../x y")}`);
  await expect(page.getByLabel("Service name")).toHaveValue("");
  await expect(page.getByTestId("prefill-notice")).toHaveCount(0);
});
