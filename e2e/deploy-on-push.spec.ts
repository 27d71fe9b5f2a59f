import { expect, test, type Page } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand, DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { CreateRepositoryCommand, ECRClient } from "@aws-sdk/client-ecr";
import { pushFakeImage } from "../sandbox/ecr-images.mjs";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser, type SeededUser } from "./fixtures/db";
import { describeService } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const ecr = () => new ECRClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const push = (repositoryName: string, tag: string) => pushFakeImage(stack().sandboxEndpoint, { repositoryName, tag });

const stamp = Date.now() % 100000;
const CLUSTER = `dop-${stamp}`;
const SERVICE = "web";
const REPO = `dop${stamp}/web`;
const KEY = `ecs:service/${CLUSTER}/${SERVICE}`;
const page_ = `/ecs/clusters/${CLUSTER}/services/${SERVICE}/deploy-on-push`;
let uri = "";
let operator: SeededUser;

/** The image the service's running revision has in its container. */
async function runningImage() {
  const td = (await describeService(CLUSTER, SERVICE))!.taskDefinition!;
  return (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: td }))).taskDefinition!.containerDefinitions![0]!.image;
}

/** Waits for `n` more polls of the repository (DescribeImages calls): a condition, not a fixed sleep. */
async function morePolls(n: number) {
  const count = async () => (await sandbox.calls()).calls["ecr:DescribeImages"] ?? 0;
  const start = await count();
  await expect.poll(count, { timeout: 30_000 }).toBeGreaterThanOrEqual(start + n);
}

async function asOperator(page: Page) {
  await login(page, operator.email, operator.password);
}

const rule = (page: Page, pattern: string) => page.getByRole("region", { name: `Rule ${pattern} on ${REPO}` });

test.beforeAll(async () => {
  await sandbox.reset();
  operator = await seedUser("operator");
  uri = (await ecr().send(new CreateRepositoryCommand({ repositoryName: REPO }))).repository!.repositoryUri!;
  await push(REPO, "v1.0.0");
  await ecs().send(new CreateClusterCommand({ clusterName: CLUSTER, capacityProviders: ["FARGATE"] }));
  const { taskDefinition } = await ecs().send(new RegisterTaskDefinitionCommand({
    family: `dop${stamp}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: `${uri}:v1.0.0`, memory: 512, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }],
  }));
  const network = await fargateNetwork();
  await ecs().send(new CreateServiceCommand({
    cluster: CLUSTER, serviceName: SERVICE, taskDefinition: `dop${stamp}:${taskDefinition!.revision}`, desiredCount: 1, launchType: "FARGATE",
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
  }));
});

test.afterAll(async () => {
  // Rules outlive the sandbox reset of the next spec file; none may keep polling it.
  await query(`DELETE FROM "DeployOnPushRule" WHERE cluster = $1`, [CLUSTER]);
});

test("invalid tag patterns are refused at the field, with no AWS call and no rule", async ({ page }) => {
  await asOperator(page);
  await page.goto(page_);
  await expect(page.getByText("No deploy-on-push rules yet")).toBeVisible();
  await page.getByLabel("Repository").selectOption(REPO);
  await sandbox.quiet();
  await sandbox.resetCalls();
  // Checked as it is typed, before anything is sent…
  await page.getByLabel("Tag pattern").fill("v 1");
  await expect(page.locator("#new-tagPattern-error")).toContainText("Use letters, digits, . _ - and * (any characters).");
  await page.getByLabel("Tag pattern").fill("v*");
  await expect(page.locator("#new-tagPattern-error")).toHaveCount(0);
  // …and by the server when the form is sent anyway.
  for (const [value, message] of [
    ["v 1", "Use letters, digits, . _ - and * (any characters)."],
    ["v**", "Write one * for any run of characters."],
    ["*", "A pattern of only * deploys every push"],
    ["a*b*c*d*e*f", "Use at most 4 wildcards."],
    ["x".repeat(129), "Tag patterns are at most 128 characters."],
  ] as const) {
    await page.getByLabel("Tag pattern").fill(value);
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect(page.locator("#new-tagPattern-error")).toContainText(message);
  }
  expect((await sandbox.calls()).total).toBe(0);
  expect(await query(`SELECT id FROM "DeployOnPushRule" WHERE cluster = $1`, [CLUSTER])).toHaveLength(0);
});

test("an auto rule v* deploys a pushed v1.2.0 exactly once, as the rule's creator; latest does nothing", async ({ page }) => {
  await asOperator(page);
  await page.goto(page_);
  await page.getByLabel("Repository").selectOption(REPO);
  await page.getByLabel("Tag pattern").fill("v*");
  await page.getByText("Deploy automatically", { exact: true }).click();
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByText("Rule created: deploys tags matching v* pushed to")).toBeVisible();
  await expect(rule(page, "v*").getByTestId("rule-state")).toHaveText("Active");
  // v1.0.0 was there before the rule: it is not deployed.
  await morePolls(2);
  expect(await runsFor(KEY)).toHaveLength(0);

  await push(REPO, "v1.2.0");
  await expect.poll(async () => (await runsFor(KEY)).map((r) => r.status), { timeout: 120_000 }).toEqual(["succeeded"]);
  expect(await runningImage()).toBe(`${uri}:v1.2.0`);
  const [run] = await runsFor(KEY);
  expect(run!.userId).toBe(operator.id);

  await page.goto(`/history/${run!.id}`);
  await expect(page.getByText(`Deploy on push (auto): v1.2.0 pushed to ${REPO} matches rule v*`).first()).toBeVisible();
  await page.screenshot({ path: "test-results/deploy-on-push-run.png", fullPage: true });

  // Several more polls see the same image: still one run.
  await morePolls(3);
  expect(await runsFor(KEY)).toHaveLength(1);

  await push(REPO, "latest");
  await morePolls(3);
  expect(await runsFor(KEY)).toHaveLength(1);
  expect(await runningImage()).toBe(`${uri}:v1.2.0`);

  await page.goto(page_);
  await expect(rule(page, "v*").getByTestId("rule-last")).toContainText("v1.2.0 — deployed");
  await page.screenshot({ path: "test-results/deploy-on-push-rules.png", fullPage: true });
});

test("a propose rule: the push waits as a banner on the service page, the operator reviews and runs it", async ({ page }) => {
  await asOperator(page);
  await page.goto(page_);
  await rule(page, "v*").getByRole("button", { name: "Edit rule v*" }).click();
  await rule(page, "v*").getByText("Propose", { exact: true }).click();
  await rule(page, "v*").getByRole("button", { name: "Save rule" }).click();
  await expect(rule(page, "v*").getByText("Proposes")).toBeVisible();

  await push(REPO, "v1.3.0");
  const banner = page.getByRole("region", { name: "Deploy-on-push proposals" }).getByLabel("Proposed deploy of v1.3.0");
  await expect(async () => {
    await page.goto(`/ecs/clusters/${CLUSTER}/services/${SERVICE}`);
    await expect(banner).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(banner).toContainText(`v1.3.0 was pushed to ${REPO}`);
  await page.screenshot({ path: "test-results/deploy-on-push-banner.png", fullPage: true });
  expect(await runsFor(KEY)).toHaveLength(1);

  await banner.getByRole("button", { name: "Review deploy" }).click();
  await banner.getByRole("button", { name: "Review" }).click();
  await expect(banner.getByRole("list", { name: "Plan steps" })).toContainText(`${uri}:v1.3.0`);
  await banner.getByRole("button", { name: "Deploy v1.3.0" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 120_000 });
  expect(await runningImage()).toBe(`${uri}:v1.3.0`);
  const runs = await runsFor(KEY);
  expect(runs).toHaveLength(2);

  await page.goto(`/ecs/clusters/${CLUSTER}/services/${SERVICE}`);
  await expect(page.getByRole("region", { name: "Deploy-on-push proposals" })).toHaveCount(0);

  // The next proposal is dismissed: nothing runs, and the banner does not come back.
  await push(REPO, "v1.4.0");
  const next = page.getByRole("region", { name: "Deploy-on-push proposals" }).getByLabel("Proposed deploy of v1.4.0");
  await expect(async () => {
    await page.goto(`/ecs/clusters/${CLUSTER}/services/${SERVICE}`);
    await expect(next).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await next.getByRole("button", { name: "Dismiss" }).click();
  await expect(next).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: "Deploy-on-push proposals" })).toHaveCount(0);
  await morePolls(2);
  expect(await runsFor(KEY)).toHaveLength(2);
  expect(await runningImage()).toBe(`${uri}:v1.3.0`);
});

test("a failed deployment pauses its rule with the reason; pause, resume and delete from the page", async ({ page }) => {
  await asOperator(page);
  await page.goto(page_);
  await rule(page, "v*").getByRole("button", { name: "Edit rule v*" }).click();
  await rule(page, "v*").getByText("Deploy automatically", { exact: true }).click();
  await rule(page, "v*").getByRole("button", { name: "Save rule" }).click();
  await expect(rule(page, "v*").getByText("Deploys automatically")).toBeVisible();
  // A second rule on the same repository shares its poller, which keeps reading while v* is paused.
  await page.getByLabel("Repository").last().selectOption(REPO);
  await page.getByLabel("Tag pattern").last().fill("release-*");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(rule(page, "release-*").getByTestId("rule-state")).toHaveText("Active");

  // The sandbox's tasks of an image whose name contains "crash" exit at once; the circuit breaker fails the rollout.
  await push(REPO, "v2.0.0-crash");
  await expect.poll(async () => (await runsFor(KEY)).map((r) => r.status), { timeout: 180_000 }).toEqual(["succeeded", "succeeded", "failed"]);
  await expect(async () => {
    await page.goto(page_);
    await expect(rule(page, "v*").getByTestId("rule-state")).toHaveText("Paused", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(rule(page, "v*")).toContainText("The deployment of v2.0.0-crash failed");
  await page.screenshot({ path: "test-results/deploy-on-push-paused.png", fullPage: true });

  // Paused: a new matching push is not deployed.
  await push(REPO, "v2.0.1");
  await morePolls(3);
  expect(await runsFor(KEY)).toHaveLength(3);

  await rule(page, "v*").getByRole("button", { name: "Resume" }).click();
  await expect(page.getByText("Rule resumed")).toBeVisible();
  await expect(rule(page, "v*").getByTestId("rule-state")).toHaveText("Active");
  // v2.0.1 was pushed while the rule was paused: resuming does not deploy it.
  await morePolls(3);
  expect(await runsFor(KEY)).toHaveLength(3);

  await rule(page, "v*").getByRole("button", { name: "Pause" }).click();
  await expect(rule(page, "v*").getByTestId("rule-state")).toHaveText("Paused");
  await rule(page, "v*").getByRole("button", { name: "Delete rule v*" }).click();
  await page.getByRole("dialog", { name: "Delete rule v*?" }).getByRole("button", { name: "Delete rule" }).click();
  await expect(rule(page, "v*")).toHaveCount(0);
  await rule(page, "release-*").getByRole("button", { name: "Delete rule release-*" }).click();
  await page.getByRole("dialog", { name: "Delete rule release-*?" }).getByRole("button", { name: "Delete rule" }).click();
  await expect(page.getByText("No deploy-on-push rules yet")).toBeVisible();
  expect(await query(`SELECT id FROM "DeployOnPushRule" WHERE cluster = $1`, [CLUSTER])).toHaveLength(0);
});

test("viewers read rules but cannot change them, even by replaying the action; anonymous visitors are sent to sign in", async ({ page, browser }) => {
  await asOperator(page);
  await page.goto(page_);
  await page.getByLabel("Repository").selectOption(REPO);
  await page.getByLabel("Tag pattern").fill("main");
  const created = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Create rule" }).click();
  const request = await created;
  await expect(rule(page, "main")).toBeVisible();

  const viewer = await seedUser("viewer");
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(page_);
  await expect(rule(viewerPage, "main")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Create rule" })).toHaveCount(0);
  await expect(rule(viewerPage, "main").getByRole("button")).toHaveCount(0);

  const replay = request.postDataBuffer()!.toString("utf8").replace('"main"', '"viewer*"').replace(/\r\nmain\r\n/, "\r\nviewer*\r\n");
  const headers = { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"]!, accept: "text/x-component" };
  const refused = await viewerPage.request.post(request.url(), { headers, data: Buffer.from(replay) });
  expect(await refused.text()).toContain("Your role cannot change deploy-on-push rules: it needs the operator role.");
  await context.close();

  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(`${stack().baseURL}${page_}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/^\/login/);
  const posted = await anonymous.request.post(request.url(), { headers, data: request.postDataBuffer()! });
  expect(await posted.text()).toContain("Your session has ended. Sign in again.");
  await anonymous.close();

  expect(await query(`SELECT "tagPattern" FROM "DeployOnPushRule" WHERE cluster = $1`, [CLUSTER])).toEqual([{ tagPattern: "main" }]);
});
