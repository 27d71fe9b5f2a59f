import { expect, test, type Page, type Request } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  GetRepositoryPolicyCommand,
  PutReplicationConfigurationCommand,
} from "@aws-sdk/client-ecr";
import { DescribeRepositoriesCommand as DescribePublicRepositories, ECRPUBLICClient, GetRepositoryCatalogDataCommand, PutImageCommand as PutPublicImage } from "@aws-sdk/client-ecr-public";
import { pushFakeImage } from "../sandbox/ecr-images.mjs";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const ecr = () => new ECRClient(config());
const ecrPublic = () => new ECRPUBLICClient(config());
const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf";

async function asRole(page: Page, role: "operator" | "viewer") {
  const user = await seedUser(role);
  await login(page, user.email, user.password);
}

async function runSucceeds(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
}

/** The next server action the page posts. */
const nextAction = (page: Page) => page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));

/** Posts a captured server action again, from another page's session, with its body changed. */
async function replay(page: Page, captured: Request, change: (body: string) => string = (b) => b) {
  const response = await page.request.post(captured.url(), {
    headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component" },
    data: Buffer.from(change(captured.postDataBuffer()!.toString("utf8"))),
  });
  return response.text();
}

test.beforeAll(async () => {
  await sandbox.reset();
});

test("ECR Public: invalid names are refused at the field, a repository is created with its catalog data and deleted once force is typed", async ({ page }) => {
  await asRole(page, "operator");
  await page.goto("/ecr");
  await expect(page.getByText("No public repositories")).toBeVisible();
  await page.getByRole("link", { name: "Create public repository" }).click();
  await expect(page.getByLabel("Repository name")).toBeVisible();
  await sandbox.quiet();
  await sandbox.resetCalls();
  const name = page.getByLabel("Repository name");
  for (const [value, message] of [["Tool", "Use lowercase letters only."], ["a", "at least 2 characters"], ["team//tool", "single slashes"]] as const) {
    await name.fill(value);
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.locator("#repositoryName-error")).toContainText(message);
  }
  expect((await sandbox.calls()).total).toBe(0);

  await name.fill("team/tool");
  await page.getByLabel("Description").fill("A command-line tool");
  await page.getByLabel("x86-64", { exact: true }).check();
  await page.getByLabel("ARM 64", { exact: true }).check();
  await page.getByLabel("Linux", { exact: true }).check();
  await page.getByLabel("Usage").fill("docker run public.ecr.aws/x/team/tool");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("ecr-public:CreateRepository");
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("aws ecr-public create-repository --region us-east-1");
  await page.screenshot({ path: "test-results/ecr-public-review.png", fullPage: true });
  await page.getByRole("button", { name: "Create public repository" }).click();
  await runSucceeds(page);

  const repo = (await ecrPublic().send(new DescribePublicRepositories({ repositoryNames: ["team/tool"] }))).repositories![0]!;
  const catalog = (await ecrPublic().send(new GetRepositoryCatalogDataCommand({ repositoryName: "team/tool" }))).catalogData!;
  // The console's order, not the order the boxes were ticked in.
  expect(catalog).toMatchObject({ description: "A command-line tool", architectures: ["ARM 64", "x86-64"], operatingSystems: ["Linux"], usageText: "docker run public.ecr.aws/x/team/tool" });

  await ecrPublic().send(new PutPublicImage({ repositoryName: "team/tool", imageManifest: '{"schemaVersion":2,"layers":[]}', imageTag: "v1" }));
  await expect(async () => {
    await page.goto("/ecr");
    await expect(page.getByRole("table", { name: "Public repositories" }).getByRole("row", { name: /team\/tool/ })).toContainText("1", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const row = page.getByRole("table", { name: "Public repositories" }).getByRole("row", { name: /team\/tool/ });
  await expect(row).toContainText(repo.repositoryUri!);
  await expect(row).toContainText("A command-line tool");
  await expect(row).toContainText("Linux, ARM 64, x86-64");
  await page.screenshot({ path: "test-results/ecr-public.png", fullPage: true });

  await row.getByRole("button", { name: "Delete public repository team/tool" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("alert")).toContainText("team/tool holds 1 image: type force to delete it with the repository.");
  await expect(dialog.getByRole("button", { name: "Delete repository" })).toBeDisabled();
  await dialog.getByLabel("Type force to delete the images too").fill("force");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("Delete public repository team/tool and its 1 image");
  await dialog.getByRole("button", { name: "Delete repository" }).click();
  await runSucceeds(page);
  expect((await ecrPublic().send(new DescribePublicRepositories({}))).repositories).toEqual([]);
});

test("ECR Public outside us-east-1 says so plainly and calls nothing there", async ({ page }) => {
  await asRole(page, "operator");
  await page.goto("/ecr");
  await page.getByLabel("Region", { exact: true }).selectOption("eu-west-1");
  await expect(page.getByText("ECR Public is in us-east-1 only")).toBeVisible();
  await page.reload();
  await expect(page.getByText("ECR Public is in us-east-1 only")).toBeVisible();
  expect((await sandbox.calls()).byRegion["eu-west-1"]?.["ecr-public:DescribeRepositories"]).toBeUndefined();
  await page.getByLabel("Region", { exact: true }).selectOption("us-east-1");
  await expect(page.getByText("No public repositories")).toBeVisible();
});

test("repository policy: bad JSON is refused at the field with no AWS call; a template is set and deleted as reviewed plans", async ({ page, browser }) => {
  await ecr().send(new CreateRepositoryCommand({ repositoryName: "pol/app" }));
  await asRole(page, "operator");
  await page.goto("/ecr/repositories/pol/app");
  const editor = page.getByLabel("Policy JSON");
  await expect(editor).toBeVisible();
  await sandbox.quiet();
  await sandbox.resetCalls();
  for (const [text, message] of [
    ["{ not json", "The policy is not valid JSON."],
    ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}', 'Statement 1: "s3:GetObject" is not an ecr: action'],
    ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage"}]}', "Statement 1: a repository policy names who it applies to"],
    ['{"Version":"2012-10-17","Statement":[{"Effect":"Perhaps","Principal":"*","Action":"ecr:*"}]}', 'Statement 1: Effect is "Allow" or "Deny".'],
  ] as const) {
    await editor.fill(text);
    await editor.blur();
    await expect(page.locator("#policyText-error")).toContainText(message);
    await expect(page.getByRole("button", { name: "Save policy" })).toBeDisabled();
  }
  await page.getByText("Templates").click();
  await page.getByLabel("Allow pull from another account").fill("12345");
  await page.getByRole("button", { name: "Use pull template" }).click();
  await expect(page.locator("#template-account-error")).toContainText("Enter a 12-digit AWS account ID.");
  expect((await sandbox.calls()).total).toBe(0);

  await page.getByLabel("Allow pull from another account").fill("111122223333");
  await page.getByRole("button", { name: "Use pull template" }).click();
  await expect(page.locator("#policyText-error")).toHaveCount(0);
  const preview = nextAction(page);
  await page.getByRole("button", { name: "Save policy" }).click();
  const previewRequest = await preview;
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("Set the repository policy of pol/app");
  await page.screenshot({ path: "test-results/ecr-policy-review.png", fullPage: true });
  await dialog.getByRole("button", { name: "Set policy" }).click();
  await runSucceeds(page);
  const stored = JSON.parse((await ecr().send(new GetRepositoryPolicyCommand({ repositoryName: "pol/app" }))).policyText!);
  expect(stored.Statement[0]).toMatchObject({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: expect.arrayContaining(["ecr:BatchGetImage"]) });

  // The server checks the text again: a hostile post with a bad policy gets the field error, no AWS call.
  await sandbox.quiet();
  await sandbox.resetCalls();
  const hostile = await replay(page, previewRequest, (body) => body.replace('"Effect": "Allow"', '"Effect": "Maybe"'));
  expect(hostile).toContain('Effect is \\"Allow\\" or \\"Deny\\"');
  expect((await sandbox.calls()).total).toBe(0);

  // A viewer sees the policy read-only and is refused the action itself.
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await asRole(viewerPage, "viewer");
  await viewerPage.goto("/ecr/repositories/pol/app");
  await expect(viewerPage.getByLabel("Policy JSON")).toHaveValue(/111122223333/);
  await expect(viewerPage.getByLabel("Policy JSON")).toHaveAttribute("readonly", "");
  await expect(viewerPage.getByRole("button", { name: /Save policy|Delete policy/ })).toHaveCount(0);
  await sandbox.quiet();
  await sandbox.resetCalls();
  expect(await replay(viewerPage, previewRequest)).toContain("Your role cannot edit repository policies: it needs the operator role.");
  expect((await sandbox.calls()).total).toBe(0);
  await context.close();

  await page.goto("/ecr/repositories/pol/app");
  await page.getByRole("button", { name: "Delete policy" }).click();
  await expect(page.getByRole("dialog").getByRole("list", { name: "Requests" })).toContainText("Delete the repository policy of pol/app");
  await page.getByRole("dialog").getByRole("button", { name: "Delete policy" }).click();
  await runSucceeds(page);
  await expect(ecr().send(new GetRepositoryPolicyCommand({ repositoryName: "pol/app" }))).rejects.toMatchObject({ name: "RepositoryPolicyNotFoundException" });
});

test("pull-through cache rules: prefix and credential rules at their fields, rules created for ECR Public and Docker Hub, one deleted", async ({ page }) => {
  await asRole(page, "operator");
  await page.goto("/ecr/registry");
  await expect(page.getByText("No pull-through cache rules")).toBeVisible();
  await expect(page.getByText("No replication rules")).toBeVisible();
  await page.getByRole("link", { name: "Create pull-through cache rule" }).click();
  await expect(page.getByLabel("Cache repository prefix")).toHaveValue("ecr-public");
  await sandbox.quiet();
  await sandbox.resetCalls();
  const prefix = page.getByLabel("Cache repository prefix");
  for (const [value, message] of [["x", "at least 2 characters"], ["Hub", "Use lowercase letters"], ["a".repeat(31), "at most 30 characters"]] as const) {
    await prefix.fill(value);
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.locator("#ecrRepositoryPrefix-error")).toContainText(message);
  }
  await page.getByText("Docker Hub", { exact: true }).click();
  await expect(prefix).toHaveValue("docker-hub");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#credentialArn-error")).toContainText("Docker Hub needs credentials");
  await page.getByLabel("Secrets Manager secret ARN").fill("arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#credentialArn-error")).toContainText("ecr-pullthroughcache/");
  expect((await sandbox.calls()).total).toBe(0);

  await page.getByLabel("Secrets Manager secret ARN").fill(SECRET);
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("ecr:CreatePullThroughCacheRule");
  await page.getByRole("button", { name: "Create rule" }).click();
  await runSucceeds(page);

  await page.goto("/ecr/pull-through/new");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("ecr:CreatePullThroughCacheRule");
  await page.getByRole("button", { name: "Create rule" }).click();
  await runSucceeds(page);

  const rules = (await ecr().send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules ?? [];
  expect(rules.map((r) => [r.ecrRepositoryPrefix, r.upstreamRegistryUrl, r.credentialArn])).toEqual([
    ["docker-hub", "registry-1.docker.io", SECRET],
    ["ecr-public", "public.ecr.aws", undefined],
  ]);

  // The same prefix again: refused at the field by the server's check.
  await page.goto("/ecr/pull-through/new");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#ecrRepositoryPrefix-error")).toContainText("A rule with prefix ecr-public exists already in us-east-1.");

  await page.goto("/ecr/registry");
  const table = page.getByRole("table", { name: "Pull-through cache rules" });
  await expect(table.getByRole("row", { name: /docker-hub/ })).toContainText("Docker Hub");
  await expect(table.getByRole("row", { name: /docker-hub/ })).toContainText(SECRET);
  await page.screenshot({ path: "test-results/ecr-registry.png", fullPage: true });
  await table.getByRole("button", { name: "Delete pull-through cache rule docker-hub" }).click();
  await expect(page.getByRole("dialog").getByRole("list", { name: "Requests" })).toContainText("Delete pull-through cache rule docker-hub");
  await page.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
  await runSucceeds(page);
  const left = (await ecr().send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules ?? [];
  expect(left.map((r) => r.ecrRepositoryPrefix)).toEqual(["ecr-public"]);
});

test("replication configuration is shown read-only", async ({ page }) => {
  await ecr().send(new PutReplicationConfigurationCommand({
    replicationConfiguration: { rules: [{ destinations: [{ region: "eu-west-1", registryId: "123456789012" }], repositoryFilters: [{ filter: "team", filterType: "PREFIX_MATCH" }] }] },
  }));
  await asRole(page, "viewer");
  await expect(async () => {
    await page.goto("/ecr/registry");
    await expect(page.getByRole("table", { name: "Replication rules" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const row = page.getByRole("table", { name: "Replication rules" }).getByRole("row").nth(1);
  await expect(row).toContainText("eu-west-1 · this account");
  await expect(row).toContainText("team (prefix)");
});

test("an image run by a service shows who uses it and when it was last pulled", async ({ page }) => {
  const repository = (await ecr().send(new CreateRepositoryCommand({ repositoryName: "used/api" }))).repository!;
  const pushed = await pushFakeImage(stack().sandboxEndpoint, { repositoryName: "used/api", tag: "v1" });
  await pushFakeImage(stack().sandboxEndpoint, { repositoryName: "used/api", tag: "v2" });
  const family = `usedby${Date.now() % 100000}`;
  const cluster = `usedby-${Date.now()}`;
  await ecs().send(new CreateClusterCommand({ clusterName: cluster, capacityProviders: ["FARGATE"] }));
  const { taskDefinition } = await ecs().send(new RegisterTaskDefinitionCommand({
    family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "api", image: `${repository.repositoryUri}:v1`, memory: 512, essential: true }],
  }));
  const network = await fargateNetwork();
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: "api", taskDefinition: `${family}:${taskDefinition!.revision}`, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
  }));
  // The runtime agent starts the task, which pulls v1: ECR records the pull.
  let pulledAt: Date | undefined;
  await expect(async () => {
    const images = (await ecr().send(new DescribeImagesCommand({ repositoryName: "used/api" }))).imageDetails ?? [];
    pulledAt = images.find((i) => i.imageTags?.includes("v1"))?.lastRecordedPullTime;
    expect(pulledAt).toBeInstanceOf(Date);
    expect(images.find((i) => i.imageTags?.includes("v2"))?.lastRecordedPullTime).toBeUndefined();
  }).toPass({ timeout: 30_000 });

  await asRole(page, "operator");
  await page.goto("/ecr/repositories/used/api");
  const minute = `${pulledAt!.toISOString().slice(0, 10)} ${pulledAt!.toISOString().slice(11, 16)} UTC`;
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Images" }).getByRole("row", { name: /v1/ }).getByRole("cell").nth(5)).toHaveText(minute, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("table", { name: "Images" }).getByRole("row", { name: /v2/ }).getByRole("cell").nth(5)).toHaveText("—");
  await expect(page.getByRole("table", { name: "Services using this image" })).toContainText(cluster);
  await page.screenshot({ path: "test-results/ecr-used-by-repository.png", fullPage: true });

  await page.getByRole("table", { name: "Images" }).getByRole("link", { name: "Image v1" }).click();
  await expect(page.getByRole("heading", { name: "used/api:v1" })).toBeVisible();
  const services = page.getByRole("table", { name: "Services using this image" });
  await expect(services.getByRole("link", { name: "api" })).toHaveAttribute("href", `/ecs/clusters/${cluster}/services/api`);
  const revisions = page.getByRole("table", { name: "Task definition revisions using this image" });
  await expect(revisions.getByRole("link", { name: `${family}:${taskDefinition!.revision}` })).toHaveAttribute("href", `/ecs/task-definitions/${family}/${taskDefinition!.revision}`);
  await page.screenshot({ path: "test-results/ecr-used-by-image.png", fullPage: true });

  // v2 is in no task definition: the image page says so and what to do.
  await page.goto(`/ecr/repositories/used/api/${encodeURIComponent((await ecr().send(new DescribeImagesCommand({ repositoryName: "used/api", imageIds: [{ imageTag: "v2" }] }))).imageDetails![0]!.imageDigest!)}`);
  await expect(page.getByText("No task definition uses this image")).toBeVisible();
  expect(pushed.imageId.imageDigest).toMatch(/^sha256:/);
});

test("anonymous visitors are sent to sign in; viewers cannot open the create pages or change rules and public repositories", async ({ page, browser }) => {
  for (const url of ["/ecr/registry", "/ecr/public/new", "/ecr/pull-through/new"]) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/login/);
  }
  // The operator's browser reveals the action ids, as anyone could read them from the page.
  await asRole(page, "operator");
  await page.goto("/ecr/pull-through/new");
  await page.getByLabel("Cache repository prefix").fill("viewer-probe");
  await page.getByText("Quay", { exact: true }).click();
  await page.getByLabel("Cache repository prefix").fill("viewer-probe");
  const preview = nextAction(page);
  await page.getByRole("button", { name: "Review" }).click();
  const captured = await preview;
  await expect(page.getByRole("list", { name: "Plan steps" })).toBeVisible();
  await page.goto("/ecr/public/new");
  await page.getByLabel("Repository name").fill("viewer-probe");
  const publicPreview = nextAction(page);
  await page.getByRole("button", { name: "Review" }).click();
  const publicCaptured = await publicPreview;
  await expect(page.getByRole("list", { name: "Plan steps" })).toBeVisible();
  // Opening a delete dialog posts its preview: the delete action's id.
  await page.goto("/ecr/registry");
  const deletePreview = nextAction(page);
  await page.getByRole("button", { name: "Delete pull-through cache rule ecr-public" }).click();
  const deleteCaptured = await deletePreview;
  await expect(page.getByRole("dialog").getByRole("list", { name: "Requests" })).toBeVisible();

  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await asRole(viewerPage, "viewer");
  for (const url of ["/ecr/public/new", "/ecr/pull-through/new"]) {
    await viewerPage.goto(url);
    await expect(viewerPage, url).toHaveURL(/\/forbidden\?needed=operator/);
  }
  await viewerPage.goto("/ecr/registry");
  await expect(viewerPage.getByRole("table", { name: "Pull-through cache rules" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("main").getByRole("link", { name: /Create/ })).toHaveCount(0);
  await viewerPage.goto("/ecr");
  await expect(viewerPage.getByRole("link", { name: "Create public repository" })).toHaveCount(0);

  await sandbox.quiet();
  await sandbox.resetCalls();
  expect(await replay(viewerPage, captured)).toContain("Your role cannot create pull-through cache rules: it needs the operator role.");
  expect(await replay(viewerPage, publicCaptured)).toContain("Your role cannot create repositories: it needs the operator role.");
  expect(await replay(viewerPage, deleteCaptured)).toContain("Your role cannot delete pull-through cache rules: it needs the operator role.");
  // Anonymous: the same refusal whatever the body carries.
  const anonymous = await browser.newContext();
  expect(await replay(await anonymous.newPage(), captured, (b) => b.replace("viewer-probe", "__proto__"))).toContain("Your session has ended. Sign in again.");
  expect((await sandbox.calls()).total).toBe(0);
  expect(await query(`SELECT id FROM "PlanRun" WHERE $1 = ANY(resources)`, ["ecr:pull-through-cache-rule/viewer-probe"])).toHaveLength(0);
  expect(await query(`SELECT id FROM "PlanRun" WHERE $1 = ANY(resources)`, ["ecr-public:repository/viewer-probe"])).toHaveLength(0);
  expect((await ecr().send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules?.map((r) => r.ecrRepositoryPrefix)).toEqual(["ecr-public"]);
  await anonymous.close();
  await context.close();
});
