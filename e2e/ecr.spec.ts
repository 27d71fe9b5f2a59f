import { expect, test, type Page } from "@playwright/test";
import { CreateServiceCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { CreateRepositoryCommand, DescribeImagesCommand, GetLifecyclePolicyCommand, DescribeRepositoriesCommand, ECRClient, ListTagsForResourceCommand } from "@aws-sdk/client-ecr";
import { pushFakeImage } from "../sandbox/ecr-images.mjs";
import { login } from "./fixtures/auth";
import { query, seedUser } from "./fixtures/db";
import { describeService, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { ecs, sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

test.describe.configure({ mode: "serial" });

const ecr = () => new ECRClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const describeRepository = async (name: string) => (await ecr().send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories![0]!;
const images = async (name: string) => (await ecr().send(new DescribeImagesCommand({ repositoryName: name }))).imageDetails ?? [];
const push = (repositoryName: string, tag: string, sizes?: number[], findings?: Record<string, number>) =>
  pushFakeImage(stack().sandboxEndpoint, { repositoryName, tag, sizes, findings });

const REPO = "team/web";

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function runSucceeds(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 20_000 });
}

test.beforeAll(async () => {
  await sandbox.reset();
});

test("invalid names and filters are refused at their fields with no AWS call", async ({ page }) => {
  await asOperator(page);
  await page.goto("/ecr/new");
  await expect(page.getByLabel("Repository name")).toBeVisible();
  await sandbox.quiet();
  await sandbox.resetCalls();

  const name = page.getByLabel("Repository name");
  for (const [value, message] of [
    ["Web", "Use lowercase letters only."],
    ["team//web", "Namespaces are separated by single slashes"],
    ["web-", "with . _ or - between them"],
    ["a", "Repository names are at least 2 characters."],
  ] as const) {
    await name.fill(value);
    await page.getByRole("button", { name: "Review" }).click();
    await expect(page.locator("#repositoryName-error")).toContainText(message);
  }
  await name.fill("team/web");
  await page.getByRole("button", { name: "Add exclusion filter" }).click();
  await page.getByLabel("Exclusion filter 1", { exact: true }).fill("release 1");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#exclusion-0-error")).toContainText("Use letters, digits, . _ - and * (a wildcard).");
  await page.getByText("AWS KMS", { exact: true }).click();
  await page.getByLabel("KMS key (optional)").fill("my key");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#kmsKey-error")).toContainText("Enter a KMS key id");
  await expect(page.getByRole("list", { name: "Plan steps" })).toHaveCount(0);

  const calls = await sandbox.calls();
  expect(calls.total, JSON.stringify(calls)).toBe(0);
});

test("create a repository with the console's options, reviewed, and see it listed", async ({ page }) => {
  await asOperator(page);
  await page.goto("/ecr");
  await expect(page.getByText("No private repositories in this region")).toBeVisible();
  await page.getByRole("link", { name: "Create repository" }).first().click();

  await page.getByLabel("Repository name").fill(REPO);
  await page.getByText("Immutable", { exact: true }).click();
  await page.getByRole("button", { name: "Add exclusion filter" }).click();
  await page.getByLabel("Exclusion filter 1", { exact: true }).fill("latest");
  await page.getByLabel("Scan on push").check();
  await page.getByText("AWS KMS", { exact: true }).click();
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByLabel("Tag 1 key").fill("team");
  await page.getByLabel("Tag 1 value").fill("web");
  await page.getByRole("button", { name: "Review" }).click();

  const steps = page.getByRole("list", { name: "Plan steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(1);
  await expect(steps.first()).toContainText("ecr:CreateRepository");
  await page.getByRole("button", { name: "Create repository" }).click();
  await runSucceeds(page);

  const repo = await describeRepository(REPO);
  expect(repo.imageTagMutability).toBe("IMMUTABLE_WITH_EXCLUSION");
  expect(repo.imageTagMutabilityExclusionFilters).toEqual([{ filterType: "WILDCARD", filter: "latest" }]);
  expect(repo.imageScanningConfiguration).toEqual({ scanOnPush: true });
  expect(repo.encryptionConfiguration?.encryptionType).toBe("KMS");
  expect((await ecr().send(new ListTagsForResourceCommand({ resourceArn: repo.repositoryArn }))).tags).toEqual([{ Key: "team", Value: "web" }]);

  await page.goto("/ecr");
  const row = page.getByRole("row", { name: new RegExp(REPO) });
  await expect(row).toContainText(repo.repositoryUri!);
  await expect(row).toContainText("Immutable, with exclusions");
  await expect(row).toContainText("AWS KMS");

  // The same name again: the server's check answers at the field, before any plan.
  await page.goto("/ecr/new");
  await page.getByLabel("Repository name").fill(REPO);
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.locator("#repositoryName-error")).toContainText(`A repository named ${REPO} already exists in us-east-1.`);
});

test("pushed images show on the repository page with their tags and sizes, beside the push commands", async ({ page }) => {
  await push(REPO, "v1", [1_048_576, 1_048_576]);
  // The repository scans on push: v2 is a known vulnerable image.
  await push(REPO, "v2", [3_145_728], { CRITICAL: 1, HIGH: 2 });
  await asOperator(page);
  await page.goto("/ecr");
  await page.getByRole("link", { name: REPO }).click();
  await expect(page).toHaveURL(/\/ecr\/repositories\/team\/web$/);
  const table = page.getByRole("table", { name: "Images" });
  // Pushed from outside Portside: a page read a moment before may still be shared for a second or two.
  await expect(async () => {
    await page.reload();
    await expect(table.getByRole("row")).toHaveCount(3, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(table.getByRole("row", { name: /v1/ })).toContainText("2.0 MB");
  await expect(table.getByRole("row", { name: /v2/ })).toContainText("3.0 MB");
  const repo = await describeRepository(REPO);
  const host = repo.repositoryUri!.split("/")[0]!;
  await expect(page.getByRole("list", { name: "Push commands" })).toContainText(`aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${host}`);
  await expect(page.getByRole("list", { name: "Push commands" })).toContainText(`docker push ${repo.repositoryUri}:latest`);
  await page.screenshot({ path: "test-results/ecr-repository.png", fullPage: true });
  await expect(table.getByRole("row", { name: /v2/ })).toContainText("1 critical");
  await expect(table.getByRole("row", { name: /v2/ })).toContainText("2 high");
  await table.getByRole("link", { name: "Image v2" }).click();
  await expect(page.getByRole("heading", { name: `${REPO}:v2` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Findings by severity" })).toContainText("1 critical");
  const findings = page.getByRole("table", { name: "Findings" }).getByRole("row");
  await expect(findings).toHaveCount(4);
  await expect(findings.nth(1)).toContainText(/CVE-\d{4}-\d+/);
  await expect(findings.nth(1)).toContainText("critical");
  await page.screenshot({ path: "test-results/ecr-image.png", fullPage: true });
  await page.goto("/ecr");
  await expect(page.getByRole("row", { name: new RegExp(REPO) })).toContainText("5.0 MB");
  await page.screenshot({ path: "test-results/ecr-repositories.png", fullPage: true });
});

test("delete a selected image as a reviewed plan", async ({ page }) => {
  await asOperator(page);
  await page.goto(`/ecr/repositories/${REPO}`);
  await page.getByLabel("Select image v1").check();
  await page.getByRole("button", { name: "Delete images" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("ecr:BatchDeleteImage");
  await dialog.getByRole("textbox").fill("delete");
  await dialog.getByRole("button", { name: "Delete images" }).click();
  await runSucceeds(page);
  expect((await images(REPO)).map((i) => i.imageTags)).toEqual([["v2"]]);
});

test("a repository with images is deleted only once force is typed", async ({ page }) => {
  await asOperator(page);
  await page.goto(`/ecr/repositories/${REPO}`);
  await page.getByRole("button", { name: `Delete repository ${REPO}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("alert")).toContainText(`${REPO} holds 1 image: type force to delete it with the repository.`);
  const confirm = dialog.getByRole("button", { name: "Delete repository" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type force to delete the images too").fill("force");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText(`Delete repository ${REPO} and its 1 image`);
  await confirm.click();
  await runSucceeds(page);
  await expect(ecr().send(new DescribeRepositoriesCommand({ repositoryNames: [REPO] }))).rejects.toMatchObject({ name: "RepositoryNotFoundException" });
});

test("an empty repository is deleted after a confirm", async ({ page }) => {
  await ecr().send(new CreateRepositoryCommand({ repositoryName: "empty-one" }));
  await asOperator(page);
  await page.goto("/ecr/repositories/empty-one");
  await expect(page.getByText("No images yet")).toBeVisible();
  await page.getByRole("button", { name: "Delete repository empty-one" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("Delete repository empty-one");
  await dialog.getByRole("button", { name: "Delete repository" }).click();
  await runSucceeds(page);
  await expect(ecr().send(new DescribeRepositoriesCommand({ repositoryNames: ["empty-one"] }))).rejects.toMatchObject({ name: "RepositoryNotFoundException" });
});

test("anonymous visitors are sent to sign in; viewers see repositories but cannot create or delete", async ({ page, browser }) => {
  await ecr().send(new CreateRepositoryCommand({ repositoryName: "viewable" }));
  await push("viewable", "v1");
  for (const url of ["/ecr", "/ecr/new", "/ecr/repositories/viewable"]) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/login/);
  }

  // An operator's browser reveals the create actions' ids, as anyone could read them from the page.
  await asOperator(page);
  await page.goto("/ecr/new");
  await page.getByLabel("Repository name").fill("probe");
  const previewRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Review" }).click();
  const preview = await previewRequest;
  await expect(page.getByRole("list", { name: "Plan steps" })).toBeVisible();
  const createRequest = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Create repository" }).click();
  const create = await createRequest;
  await runSucceeds(page);

  const viewer = await seedUser("viewer");
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto("/ecr");
  await expect(viewerPage.getByRole("row", { name: /viewable/ })).toBeVisible();
  await expect(viewerPage.getByRole("link", { name: "Create repository" })).toHaveCount(0);
  await viewerPage.goto("/ecr/repositories/viewable");
  await expect(viewerPage.getByRole("row", { name: /v1/ })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("checkbox")).toHaveCount(0);
  await viewerPage.goto("/ecr/new");
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);

  await sandbox.quiet();
  await sandbox.resetCalls();
  for (const captured of [preview, create]) {
    const replay = captured.postDataBuffer()!.toString("utf8").replace("probe", "viewer-made-this");
    const response = await viewerPage.request.post(captured.url(), {
      headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component" },
      data: Buffer.from(replay),
    });
    expect(await response.text()).toContain("Your role cannot create repositories: it needs the operator role.");
  }
  expect((await sandbox.calls()).total).toBe(0);
  expect(await query(`SELECT id FROM "PlanRun" WHERE $1 = ANY(resources)`, ["ecr:repository/viewer-made-this"])).toHaveLength(0);
  await context.close();
});

test("hostile repository paths are a 404 with no AWS call", async ({ page, request }) => {
  for (const url of ["/ecr/repositories/%E0%A4%A", "/ecr/repositories/team/%E0%A4%A"]) {
    expect((await request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
  }
  await asOperator(page);
  await page.goto("/history");
  await sandbox.quiet();
  await sandbox.resetCalls();
  for (const url of ["/ecr/repositories/%E0%A4%A", "/ecr/repositories/a%00b", `/ecr/repositories/${Array.from({ length: 40 }, () => "a").join("/")}`, "/ecr/repositories/web/sha256:zz", "/ecr/repositories/sha256%3Aab"]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
  expect((await sandbox.calls()).total).toBe(0);
});

test("pick an ECR image in the task definition wizard and in a service's Deploy, and both use it", async ({ page }) => {
  const repository = (await ecr().send(new CreateRepositoryCommand({ repositoryName: "shop/api" }))).repository!;
  await push("shop/api", "v1");
  await push("shop/api", "v2");
  const v1 = `${repository.repositoryUri}:v1`;
  const v2 = `${repository.repositoryUri}:v2`;
  const pick = async (scope: ReturnType<Page["getByRole"]>, summary: string, uri: string, tag: string) => {
    await scope.getByText(summary).click();
    await scope.getByLabel("ECR repository").selectOption("shop/api");
    await scope.getByLabel("Image tag").selectOption(uri);
    await expect(scope.getByLabel("Image tag").locator("option")).toHaveCount(2);
    await scope.getByRole("button", { name: `Use ${tag}` }).click();
  };

  await asOperator(page);
  const family = `picked${Date.now() % 100000}`;
  await page.goto("/ecs/task-definitions/new");
  await page.getByLabel("Task definition family").fill(family);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  const container = page.getByRole("region", { name: "Container 1" });
  await container.getByLabel("Container name").fill("api");
  await pick(container, "Pick container 1's image from ECR", v2, "v2");
  await expect(container.getByLabel("Image URI")).toHaveValue(v2);
  await container.screenshot({ path: "test-results/ecr-picker.png" });
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("ecs:RegisterTaskDefinition");
  await page.getByRole("button", { name: "Register task definition" }).click();
  await runSucceeds(page);
  const registered = (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: family }))).taskDefinition!;
  expect(registered.containerDefinitions![0]!.image).toBe(v2);

  const cluster = `pick-${Date.now()}`;
  const network = await fargateNetwork();
  const first = await seedClusterAndTaskDefinition(cluster, `pickweb${Date.now() % 100000}`);
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: "web", taskDefinition: first, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
  }));
  await page.goto(`/ecs/clusters/${cluster}/services/web`);
  await page.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Deploy", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await pick(dialog, "Pick an image from ECR", v1, "v1");
  await expect(dialog.getByLabel("Image", { exact: true })).toHaveValue(v1);
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toContainText(v1);
  await dialog.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 90_000 });
  const deployed = (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: (await describeService(cluster, "web"))!.taskDefinition! }))).taskDefinition!;
  expect(deployed.containerDefinitions![0]!.image).toBe(v1);
  await page.screenshot({ path: "test-results/ecr-picker-run.png", fullPage: true });
});

test("lifecycle rules are checked at their fields, previewed with the images they expire, then applied", async ({ page }) => {
  await ecr().send(new CreateRepositoryCommand({ repositoryName: "lc/app" }));
  for (const tag of ["v1", "v2", "dev-1", "dev-2", "dev-3"]) await push("lc/app", tag);
  await asOperator(page);
  await page.goto("/ecr/repositories/lc/app");
  await page.getByRole("link", { name: "Lifecycle policy" }).click();
  await expect(page.getByText("This repository has no lifecycle policy yet")).toBeVisible();
  await sandbox.quiet();
  await sandbox.resetCalls();

  const rule1 = page.getByRole("region", { name: "Rule 1" });
  await rule1.getByLabel("Image status").selectOption("tagged");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("#rule-0-tags-error")).toContainText("A rule for tagged images needs at least one tag prefix or pattern.");
  await rule1.getByLabel("Tag prefixes").fill("dev-");
  await rule1.getByLabel("Match criteria").selectOption("imageCountMoreThan");
  await rule1.getByLabel("Images to keep").fill("0");
  await expect(page.locator("#rule-0-countNumber-error")).toContainText("Enter at least 1.");
  await rule1.getByLabel("Images to keep").fill("1");
  await page.getByRole("button", { name: "Add rule" }).click();
  const rule2 = page.getByRole("region", { name: "Rule 2" });
  await rule2.getByLabel("Image status").selectOption("any");
  await rule2.getByLabel("Rule priority").fill("1");
  await expect(page.locator("#rule-1-priority-error")).toContainText("Priority 1 is used by another rule.");
  await rule1.getByLabel("Rule priority").fill("5");
  await expect(page.locator("#rule-0-priority-error")).toHaveCount(0);
  await expect(page.locator("#rule-1-priority-error")).toContainText("A rule for any image must have the highest priority number");
  await expect(page.getByRole("button", { name: "Apply policy" })).toBeDisabled();
  expect((await sandbox.calls()).total, JSON.stringify(await sandbox.calls())).toBe(0);

  await page.getByRole("button", { name: "Remove rule 2" }).click();
  await page.getByRole("button", { name: "Preview" }).click();
  const expiring = page.getByRole("table", { name: "Images the policy would expire" }).getByRole("row");
  await expect(expiring).toHaveCount(3);
  await expect(expiring.nth(1)).toContainText("dev-");
  await expect(expiring.nth(2)).toContainText("dev-");
  await expect(page.getByText("ECR would expire 2 images.")).toBeVisible();
  await page.screenshot({ path: "test-results/ecr-lifecycle.png", fullPage: true });

  await page.getByRole("button", { name: "Apply policy" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("ecr:PutLifecyclePolicy");
  await dialog.getByRole("button", { name: "Apply policy" }).click();
  await runSucceeds(page);
  const stored = JSON.parse((await ecr().send(new GetLifecyclePolicyCommand({ repositoryName: "lc/app" }))).lifecyclePolicyText!);
  expect(stored.rules).toEqual([{ rulePriority: 5, selection: { tagStatus: "tagged", tagPrefixList: ["dev-"], countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } }]);

  await page.goto("/ecr/lifecycle/lc/app");
  await expect(page.getByText("The rules below are the repository's current policy.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Rule 1" }).getByLabel("Tag prefixes")).toHaveValue("dev-");
});
