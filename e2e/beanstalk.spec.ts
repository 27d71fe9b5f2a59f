import { expect, test, type Page, type Request } from "@playwright/test";
import {
  DescribeApplicationsCommand,
  DescribeApplicationVersionsCommand,
  DescribeEnvironmentsCommand,
  DescribeEventsCommand,
  DescribeInstancesHealthCommand,
  ElasticBeanstalkClient,
} from "@aws-sdk/client-elastic-beanstalk";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { login } from "./fixtures/auth";
import { runsFor, seedUser } from "./fixtures/db";
import { setBeanstalk } from "../sandbox/client.mjs";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const eb = () => new ElasticBeanstalkClient(config());
const s3 = () => new S3Client({ ...config(), forcePathStyle: true });

const suffix = Date.now().toString(36);
const app = `shop-${suffix}`;
const env = `web-${suffix}`;
const envPage = `/beanstalk/${app}/${env}`;
let captured: Request[] = [];

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function runSucceeded(page: Page, timeout = 120_000) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout });
}

async function environmentOf(name: string) {
  const out = await eb().send(new DescribeEnvironmentsCommand({ ApplicationName: app, EnvironmentNames: [name], IncludeDeleted: false }));
  return out.Environments?.find((e) => e.EnvironmentName === name && e.Status !== "Terminated");
}

async function instanceVersions(): Promise<string[]> {
  const out = await eb().send(new DescribeInstancesHealthCommand({ EnvironmentName: env, AttributeNames: ["All"] }));
  return (out.InstanceHealthList ?? []).map((i) => i.Deployment?.VersionLabel ?? "");
}

test.beforeAll(async () => {
  await sandbox.reset();
});

test("invalid input is refused at each field with no AWS call", async ({ page }) => {
  await asOperator(page);
  await page.goto("/beanstalk/new");
  await expect(page.getByLabel("Platform")).toHaveValue(/64bit Amazon Linux 2023 v[\d.]+ running Docker/);
  await page.waitForLoadState("networkidle");
  await sandbox.quiet();
  await sandbox.resetCalls();

  await page.getByLabel("Create an application (CreateApplication)").check();
  await page.getByLabel("Application name").fill("bad/name");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#applicationName-error")).toContainText("cannot hold /");
  await page.getByLabel("Application name").fill(app);
  await page.getByRole("button", { name: "Next" }).click();

  const image = page.getByRole("textbox", { name: "Image", exact: true });
  await image.fill("Not An Image!");
  await image.blur();
  await page.getByLabel("Version label").fill("bad label");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#image-error")).toContainText("Use an ECR image");
  await expect(page.locator("#versionLabel-error")).toContainText("letters, digits");
  await page.getByLabel("Upload a bundle file").check();
  await page.getByLabel("Bundle contents").fill('{"AWSEBDockerrunVersion":"2"}');
  await page.getByLabel("Version label").fill("v1");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#bundleText-error")).toContainText("v2 is for the retired multicontainer");
  await page.getByLabel("An image (Portside writes the bundle)").check();
  await image.fill("nginx:1.27");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Environment name").fill("ab");
  await page.getByLabel("Domain prefix").fill("-bad-");
  await page.getByLabel("Minimum instances").fill("5");
  await page.getByLabel("Maximum instances").fill("2");
  await page.getByLabel("Lower threshold").fill("9000000");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#environmentName-error")).toContainText("4 to 40");
  await expect(page.locator("#cnamePrefix-error")).toContainText("hyphen");
  await expect(page.locator("#maxSize-error")).toContainText("at least the minimum");
  await expect(page.locator("#lowerThreshold-error")).toContainText("below the upper");
  await page.getByLabel("Environment name").fill("ok-env");
  await page.getByLabel("Single instance (no load balancer)").check();
  await page.getByLabel("Domain prefix").fill("ok_env");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#cnamePrefix-error")).toContainText("letters, digits and hyphens");
  expect((await sandbox.calls()).total).toBe(0);
  // A valid prefix is checked with CheckDNSAvailability as it is typed: a read, so count afresh after it.
  await page.getByLabel("Domain prefix").fill(`ok-env-${suffix}`);
  await expect(page.getByTestId("dns-check")).toContainText("is available");
  await page.getByRole("button", { name: "Next" }).click();
  await sandbox.quiet();
  await sandbox.resetCalls();

  await page.getByLabel("Deployment policy").selectOption("Rolling");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#deploymentPolicy-error")).toContainText("needs a load-balanced environment");
  await expect(page.getByRole("list", { name: "Plan steps" })).toHaveCount(0);
  const calls = await sandbox.calls();
  expect(calls.total, JSON.stringify(calls)).toBe(0);
});

test("the wizard creates the application, the version with its bundle in S3, and the environment", async ({ page }) => {
  test.setTimeout(240_000);
  await asOperator(page);
  await page.goto("/beanstalk");
  await expect(page.getByText("No Elastic Beanstalk applications in this region")).toBeVisible();
  await page.getByRole("link", { name: "Create environment" }).first().click();
  await page.getByLabel("Create an application (CreateApplication)").check();
  await page.getByLabel("Application name").fill(app);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("textbox", { name: "Image", exact: true }).fill("nginx:1.27");
  await page.getByLabel("Container port").fill("8080");
  await page.getByLabel("Version label").fill("v1");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Environment name").fill(env);
  await expect(page.getByLabel("Domain prefix")).toHaveValue(env);
  await expect(page.getByTestId("dns-check")).toContainText(`${env}.us-east-1.elasticbeanstalk.com is available`);
  await page.getByLabel("Instance type").selectOption("t3.small");
  await page.getByLabel("Minimum instances").fill("3");
  await page.getByLabel("Maximum instances").fill("3");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Deployment policy")).toHaveValue("Rolling");
  await expect(page.getByLabel("Batch size", { exact: true })).toHaveValue("30");
  await page.getByLabel("Batch size type").selectOption("Fixed");
  await page.getByLabel("Batch size", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Variable 1 name").fill("GREETING");
  await page.getByLabel("Variable 1 value").fill("hello from portside");

  captured = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured.push(r);
  });
  await page.getByRole("button", { name: "Review" }).click();
  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps.last()).toContainText("elasticbeanstalk:CreateEnvironment");
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("s3:PutObject");
  await expect(page.getByLabel("Bundle to upload")).toContainText('"AWSEBDockerrunVersion": "1"');
  await expect(page.getByLabel("Bundle to upload")).toContainText('"ContainerPort": 8080');
  await page.screenshot({ path: "test-results/beanstalk-review.png", fullPage: true });
  // Slower steps (2.5 s each) while it launches, so the environment page's 3 s poll sees it go from Grey to Green.
  await setBeanstalk(stack().sandboxEndpoint, { paceMs: 2500 });
  await page.getByRole("button", { name: "Create environment" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect.poll(async () => (await environmentOf(env))?.Status, { timeout: 120_000 }).toBe("Launching");
  const watcher = await (await page.context().browser()!.newContext({ storageState: await page.context().storageState() })).newPage();
  await watcher.goto(envPage);
  await expect(watcher.getByLabel("Environment health")).toContainText(/Grey|Pending|No data/);
  await expect(watcher.getByTestId("environment-status")).toContainText("launching");
  await expect(watcher.getByLabel("Environment health")).toContainText("Green · Ok", { timeout: 120_000 });
  await expect(watcher.getByRole("list", { name: "Events" })).toContainText(`Successfully launched environment: ${env}`);
  // The rest of the page follows the status: the actions a launching environment refuses open up once it is Ready.
  await expect(watcher.getByRole("button", { name: "Terminate", exact: true })).toBeEnabled();
  await watcher.screenshot({ path: "test-results/beanstalk-launched.png", fullPage: true });
  await watcher.context().close();
  await runSucceeded(page, 180_000);
  await setBeanstalk(stack().sandboxEndpoint, { paceMs: 1000 });

  const apps = await eb().send(new DescribeApplicationsCommand({ ApplicationNames: [app] }));
  expect(apps.Applications?.map((a) => a.ApplicationName)).toEqual([app]);
  const versions = await eb().send(new DescribeApplicationVersionsCommand({ ApplicationName: app, VersionLabels: ["v1"] }));
  const version = versions.ApplicationVersions![0]!;
  expect(version.Status).toBe("PROCESSED");
  expect(version.SourceBundle?.S3Key).toBe(`portside/${app}/v1/Dockerrun.aws.json`);
  const object = await s3().send(new GetObjectCommand({ Bucket: version.SourceBundle!.S3Bucket!, Key: version.SourceBundle!.S3Key! }));
  expect(JSON.parse(await object.Body!.transformToString())).toEqual({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx:1.27", Update: "true" }, Ports: [{ ContainerPort: 8080 }] });
  const created = await environmentOf(env);
  expect(created).toMatchObject({ Status: "Ready", VersionLabel: "v1", CNAME: `${env}.us-east-1.elasticbeanstalk.com` });
  expect(created!.SolutionStackName).toMatch(/64bit Amazon Linux 2023 v[\d.]+ running Docker/);
  expect(await runsFor(`elasticbeanstalk:environment/${app}/${env}`)).not.toHaveLength(0);
});

test("the list and the environment page show health, status, URL, version, instances and events", async ({ page }) => {
  test.setTimeout(180_000);
  await asOperator(page);
  await page.goto("/beanstalk");
  const row = page.getByRole("row", { name: new RegExp(env) });
  await expect(row).toContainText("v1");
  await expect(row.getByRole("link", { name: `${env}.us-east-1.elasticbeanstalk.com` })).toBeVisible();
  await row.getByRole("link", { name: env, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${envPage}$`));
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Environment health")).toContainText("Green · Ok");
  await expect(page.getByRole("table", { name: "Instances" }).getByRole("row")).toHaveCount(4, { timeout: 60_000 });
  const events = await eb().send(new DescribeEventsCommand({ ApplicationName: app, EnvironmentName: env, MaxRecords: 5 }));
  await expect(page.getByRole("list", { name: "Events" })).toContainText(events.Events![0]!.Message!);
  await page.screenshot({ path: "test-results/beanstalk-environment.png", fullPage: true });
});

test("a rolling deployment of a new version moves the instances over batch by batch", async ({ page, browser }) => {
  test.setTimeout(300_000);
  await asOperator(page);
  await page.goto(envPage);
  await page.getByLabel("A new image (Portside writes the bundle and creates the version)").check();
  await page.getByRole("textbox", { name: "New image", exact: true }).fill("nginx:1.28");
  await page.getByLabel("Container port", { exact: true }).fill("8080");
  await page.getByRole("textbox", { name: "New version label", exact: true }).fill("v2");
  await page.getByRole("button", { name: "Review deployment" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("elasticbeanstalk:UpdateEnvironment");
  await expect(page.getByLabel("Bundle to upload")).toContainText('"Name": "nginx:1.28"');

  // A second tab keeps the environment page open while the run's page follows the plan.
  const watcher = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await watcher.goto(envPage);
  await expect(watcher.getByText("Live", { exact: true })).toBeVisible();
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured.push(r);
  });
  // Slower steps (2.5 s each, instead of 1 s) so the page's 3 s poll sees the batches too.
  await setBeanstalk(stack().sandboxEndpoint, { paceMs: 2500 });
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(watcher.getByTestId("rollout-progress")).toContainText(/Deploying v2: [0-2] of 3 instances done/, { timeout: 60_000 });

  // Batch by batch: AWS shows some instances on v2 while others still run v1, and the page says so.
  const seen = new Set<number>();
  await expect
    .poll(async () => {
      const versions = await instanceVersions();
      seen.add(versions.filter((v) => v === "v2").length);
      return versions.every((v) => v === "v2");
    }, { timeout: 180_000 })
    .toBe(true);
  expect([...seen].some((n) => n > 0 && n < 3), `instances on v2 seen: ${[...seen]}`).toBe(true);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 180_000 });
  await expect(watcher.getByTestId("running-version")).toHaveText("v2", { timeout: 30_000 });
  const events = await eb().send(new DescribeEventsCommand({ ApplicationName: app, EnvironmentName: env, MaxRecords: 100 }));
  const batchMessages = (events.Events ?? []).map((e) => e.Message ?? "").filter((m) => /batch/i.test(m));
  expect(batchMessages.length, JSON.stringify(events.Events?.map((e) => e.Message))).toBeGreaterThanOrEqual(3);
  await expect(watcher.getByRole("list", { name: "Events" })).toContainText(batchMessages[0]!);
  await watcher.screenshot({ path: "test-results/beanstalk-after-deploy.png", fullPage: true });
  await setBeanstalk(stack().sandboxEndpoint, { paceMs: 1000 });
  expect(await environmentOf(env)).toMatchObject({ Status: "Ready", VersionLabel: "v2" });
  await watcher.context().close();
});

test("a viewer sees environments but cannot change one; anonymous and hostile requests are refused", async ({ browser, request }) => {
  const viewer = await seedUser("viewer");
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto("/beanstalk");
  await expect(viewerPage.getByRole("row", { name: new RegExp(env) })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Create environment" })).toHaveCount(0);
  await viewerPage.goto(envPage);
  await expect(viewerPage.getByRole("table", { name: "Instances" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Terminate" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Rebuild" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Review deployment" })).toHaveCount(0);
  await viewerPage.goto("/beanstalk/new");
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);
  await viewerPage.goto("/");
  await sandbox.quiet(6000);
  await sandbox.resetCalls();

  // The create wizard's preview, replayed by a viewer and by nobody: refused before any AWS call.
  const preview = captured.find((r) => r.postDataBuffer()?.toString("utf8").includes("solutionStack"))!;
  const replay = (r: Request, from: string, to: string) => ({
    headers: { "next-action": r.headers()["next-action"]!, "content-type": r.headers()["content-type"]!, accept: "text/x-component" },
    data: Buffer.from(r.postDataBuffer()!.toString("utf8").replaceAll(from, to)),
  });
  expect(await (await viewerPage.request.post(preview.url(), replay(preview, env, "viewer-made-this"))).text()).toContain("Your role cannot create Elastic Beanstalk environments: it needs the operator role.");
  expect(await (await request.post(preview.url(), replay(preview, env, "nobody-made-this"))).text()).toContain("Your session has ended. Sign in again.");
  // The deploy's confirm, replayed by a viewer: refused before any AWS call.
  const deploy = captured.find((r) => r.postDataBuffer()?.toString("utf8").includes("reviewedHash") && r.postDataBuffer()?.toString("utf8").includes("nginx:1.28"))!;
  expect(await (await viewerPage.request.post(deploy.url(), replay(deploy, "v2", "v3"))).text()).toContain("Your role cannot deploy to Elastic Beanstalk environments: it needs the operator role.");
  expect(await (await request.post(deploy.url(), replay(deploy, "v2", "v3"))).text()).toContain("Your session has ended. Sign in again.");
  for (const url of ["/beanstalk", envPage, "/beanstalk/new"]) {
    const anonymous = await request.get(url, { maxRedirects: 0 });
    expect(anonymous.status(), url).toBe(307);
    expect(anonymous.headers().location, url).toMatch(/^\/login/);
  }
  expect((await request.get(`/api/live/beanstalk/${app}/${env}`, { maxRedirects: 0 })).status()).toBe(401);
  // Hostile names in the path: a 404, no AWS call.
  expect((await viewerPage.request.get(`/beanstalk/${app}/..%2F..%2Fetc`)).status()).toBe(404);
  expect((await viewerPage.request.get(`/api/live/beanstalk/${app}/a%00b`)).status()).toBe(404);
  expect((await sandbox.calls()).total).toBe(0);
  await context.close();

  // An operator's preview with hostile values: field errors, nothing sent to AWS.
  const operator = await browser.newContext();
  const opPage = await operator.newPage();
  const op = await seedUser("operator");
  await login(opPage, op.email, op.password);
  await opPage.goto("/");
  await sandbox.quiet(6000);
  await sandbox.resetCalls();
  const hostile = await (await opPage.request.post(preview.url(), replay(preview, env, "$(touch /tmp/x);<script>"))).text();
  expect(hostile).toContain("Use only letters, digits and hyphens.");
  expect((await sandbox.calls()).total).toBe(0);
  await operator.close();
});

test("rebuild needs the typed name, then relaunches every instance and comes back Ready", async ({ page }) => {
  test.setTimeout(240_000);
  const ids = async () => ((await eb().send(new DescribeInstancesHealthCommand({ EnvironmentName: env, AttributeNames: ["All"] }))).InstanceHealthList ?? []).map((i) => i.InstanceId).sort();
  const before = await ids();
  await asOperator(page);
  await page.goto(envPage);
  await page.getByRole("button", { name: "Rebuild", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("elasticbeanstalk:RebuildEnvironment");
  const confirm = dialog.getByRole("button", { name: "Rebuild environment" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill(env);
  await confirm.click();
  await runSucceeded(page, 180_000);
  expect(await environmentOf(env)).toMatchObject({ Status: "Ready", VersionLabel: "v2" });
  const after = await ids();
  expect(after).toHaveLength(3);
  expect(after.filter((id) => before.includes(id))).toEqual([]);
  await page.goto(envPage);
  await expect(page.getByRole("list", { name: "Events" })).toContainText("rebuildEnvironment is starting.");
});

test("terminate needs the typed name, then leaves nothing running", async ({ page }) => {
  test.setTimeout(240_000);
  await asOperator(page);
  await page.goto(envPage);
  await page.getByRole("button", { name: "Terminate", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("elasticbeanstalk:TerminateEnvironment");
  const confirm = dialog.getByRole("button", { name: "Terminate environment" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill("not-the-name");
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill(env);
  await confirm.click();
  await runSucceeded(page, 180_000);
  const left = await eb().send(new DescribeEnvironmentsCommand({ ApplicationName: app, IncludeDeleted: false }));
  expect((left.Environments ?? []).filter((e) => e.Status !== "Terminated")).toEqual([]);
  await page.goto("/beanstalk");
  await expect(page.getByRole("row", { name: new RegExp(env) })).toHaveCount(0);
});
