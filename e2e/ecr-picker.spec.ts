import { expect, test, type Locator, type Page } from "@playwright/test";
import { CreateRepositoryCommand, ECRClient } from "@aws-sdk/client-ecr";
import { pushFakeImage } from "../sandbox/ecr-images.mjs";
import { describeAppRunnerService, seedRole } from "./fixtures/apprunner";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { describeExpress } from "./fixtures/express";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

// The image picker in the Express Mode and App Runner wizards, the review's warnings about the
// chosen image, and the repository page's server-side paging.
test.describe.configure({ mode: "serial" });

const ecr = () => new ECRClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const push = (repositoryName: string, tag: string, findings?: Record<string, number>) => pushFakeImage(stack().sandboxEndpoint, { repositoryName, tag, findings });

// Scans on push, so the sandbox reports the findings each pushed image was given (sandbox/ecr.mjs).
const REPO = "picker/web";
// Tags may move here: latest is a mutable tag.
const MUTABLE = "picker/mutable";
let uri = "";
// The Express service the first test creates; the update test changes its image.
let expressService = "";

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

/** Opens the picker in `scope`, chooses the repository and the tag, and uses it. */
async function pick(scope: Page | Locator, repository: string, tag: string, imageUri: string) {
  await scope.getByText("Pick an image from ECR").click();
  await scope.getByLabel("ECR repository").selectOption(repository);
  await expect(scope.getByLabel("Image tag").locator(`option[value="${imageUri}"]`)).toHaveCount(1);
  await scope.getByLabel("Image tag").selectOption(imageUri);
  await scope.getByRole("button", { name: `Use ${tag}`, exact: true }).click();
}

/** Express create wizard up to its review, with the standard roles as the wizard offers them. */
async function expressToReview(page: Page, repository: string, tag: string, imageUri: string, name: string) {
  await page.goto("/ecs/express/new");
  await pick(page, repository, tag, imageUri);
  await expect(page.getByLabel("Image URI")).toHaveValue(imageUri);
  await page.getByLabel("Container port").fill("8080");
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("ecs:CreateExpressGatewayService");
}

const warnings = (page: Page) => page.getByRole("status").filter({ hasText: "Check before you confirm" });

test.beforeAll(async () => {
  await sandbox.reset();
  const created = await ecr().send(new CreateRepositoryCommand({ repositoryName: REPO, imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE" }));
  uri = created.repository!.repositoryUri!;
  await push(REPO, "v1");
  await push(REPO, "v2-vulnerable", { CRITICAL: 2, HIGH: 1 });
  await ecr().send(new CreateRepositoryCommand({ repositoryName: MUTABLE }));
  await push(MUTABLE, "latest");
});

test("pick a pushed image in the Express Mode wizard: the created service runs that image", async ({ page }) => {
  test.setTimeout(120_000);
  await asOperator(page);
  const name = `picked-${Date.now()}`;
  await page.goto("/ecs/express/new");
  await page.getByText("Pick an image from ECR").click();
  await page.getByLabel("ECR repository").selectOption(REPO);
  // Each tag with its push time and scan summary (the sandbox's scan gives v1 a few lesser findings).
  const option = (tag: string) => page.getByLabel("Image tag").locator(`option[value="${uri}:${tag}"]`);
  await expect(page.getByLabel("Image tag").locator("option")).toHaveCount(2);
  await expect(option("v2-vulnerable")).toHaveText(/^v2-vulnerable · pushed \d{4}-\d\d-\d\d \d\d:\d\d UTC · 2 critical, 1 high$/);
  await expect(option("v1")).toHaveText(/^v1 · pushed .* UTC · /);
  await expect(option("v1")).not.toContainText("critical");
  await page.screenshot({ path: "test-results/ecr-picker-express.png", fullPage: true });

  await expressToReview(page, REPO, "v1", `${uri}:v1`, name);
  // A clean image in a repository whose tags cannot move: nothing to warn of.
  await expect(warnings(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Create Express service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  const { config } = await describeExpress(name);
  expect(config?.primaryContainer?.image).toBe(`${uri}:v1`);
  expressService = name;
});

test("pick another image in the Express update form: a mutable latest warns at review, and the service then runs it", async ({ page }) => {
  test.setTimeout(90_000);
  await asOperator(page);
  await page.goto(`/ecs/express/default/${expressService}`);
  const form = page.getByRole("form", { name: "Update Express service" });
  await expect(form.getByLabel("Image URI")).toHaveValue(`${uri}:v1`);
  const latest = `${uri.slice(0, uri.indexOf("/"))}/${MUTABLE}:latest`;
  await pick(form, MUTABLE, "latest", latest);
  await expect(form.getByLabel("Image URI")).toHaveValue(latest);
  await form.getByRole("button", { name: "Review changes" }).click();
  await expect(form.getByRole("list", { name: "Plan steps" })).toContainText("ecs:UpdateExpressGatewayService");
  await expect(warnings(page).filter({ hasText: "mutable tag latest" })).toContainText(`${latest} uses the mutable tag latest in ${MUTABLE}`);
  await form.getByRole("button", { name: "Update service" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  const { config } = await describeExpress(expressService);
  expect(config?.primaryContainer?.image).toBe(latest);
});

test("an image with CRITICAL findings is named at review with its counts and a link to its findings", async ({ page }) => {
  await asOperator(page);
  await expressToReview(page, REPO, "v2-vulnerable", `${uri}:v2-vulnerable`, `vulnerable-${Date.now()}`);
  const warning = warnings(page).filter({ hasText: "CRITICAL" });
  await expect(warning).toContainText(`${uri}:v2-vulnerable has 2 CRITICAL findings in its last scan (2 CRITICAL, 1 HIGH)`);
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/ecr-picker-critical-review.png", fullPage: true });
  await warning.getByRole("link", { name: "See the findings" }).click();
  await expect(page).toHaveURL(/\/ecr\/repositories\/picker\/web\/sha256%3A[0-9a-f]{64}$/);
  await expect(page.getByRole("heading", { name: `${REPO}:v2-vulnerable` })).toBeVisible();
});

test("pick a pushed image in the App Runner wizard: the service pulls it with the access role; a mutable latest warns", async ({ page }) => {
  test.setTimeout(90_000);
  await asOperator(page);
  const accessRole = await seedRole(`AppRunnerECRAccess-${Date.now()}`, "build.apprunner.amazonaws.com");
  const name = `picked-${Date.now()}`;
  await page.goto("/apprunner/new");
  await page.getByText("Amazon ECR", { exact: true }).click();
  const mutable = `${uri.slice(0, uri.indexOf("/"))}/${MUTABLE}:latest`;
  await pick(page, MUTABLE, "latest", mutable);
  await expect(page.getByLabel("Container image URI")).toHaveValue(mutable);
  await page.getByLabel("ECR access role").fill(accessRole);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Review" }).click();
  await expect(warnings(page).filter({ hasText: "mutable tag latest" })).toContainText(`${mutable} uses the mutable tag latest in ${MUTABLE}`);

  // The immutable repository's v1 instead, which gives no warning about the image.
  await page.goto("/apprunner/new");
  await page.getByText("Amazon ECR", { exact: true }).click();
  await pick(page, REPO, "v1", `${uri}:v1`);
  await page.getByLabel("ECR access role").fill(accessRole);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Service name").fill(name);
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("apprunner:CreateService");
  await expect(warnings(page).filter({ hasText: uri })).toHaveCount(0);
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  const held = await describeAppRunnerService(name);
  expect(held?.service.SourceConfiguration).toMatchObject({
    ImageRepository: { ImageIdentifier: `${uri}:v1`, ImageRepositoryType: "ECR" },
    AuthenticationConfiguration: { AccessRoleArn: accessRole },
  });
});

test("the run-task wizard sends a different image through a new revision of the task definition", async ({ page }) => {
  await asOperator(page);
  const cluster = `pickrun-${Date.now()}`;
  const revision = await seedClusterAndTaskDefinition(cluster, `pickrun${Date.now() % 100000}`);
  await page.goto(`/ecs/clusters/${cluster}/run-task`);
  await page.getByLabel("Task definition").selectOption(revision);
  await page.getByRole("link", { name: `create a new revision of ${revision}` }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/ecs/task-definitions/new" && url.searchParams.get("from") === revision);
  await expect(page.getByRole("heading", { name: "Create new revision" })).toBeVisible();
});

test("a repository with 250 images sends the browser one page at a time, sorted on the server", async ({ page }) => {
  test.setTimeout(180_000);
  const name = "picker/many";
  await ecr().send(new CreateRepositoryCommand({ repositoryName: name }));
  for (let i = 0; i < 250; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => push(name, `build-${String(i + j).padStart(3, "0")}`)));
  await asOperator(page);
  await page.goto(`/ecr/repositories/${name}`);
  const pages = page.getByRole("navigation", { name: "Image pages" }).first();
  await expect(pages).toContainText("Images 1–200 of 250 · page 1 of 2");
  await expect(page.getByLabel("Repository settings")).toContainText("250 ·");
  const table = page.getByRole("table", { name: "Images" });
  // Past 100 rows only those in view are in the DOM.
  const rows = await table.locator("tbody tr[data-index]").count();
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(100);
  // Sorted by tag on the server: the first page starts at build-000, the second at build-200.
  await table.getByRole("link", { name: "Image tags" }).click();
  await expect(page).toHaveURL(/sort=tag&dir=asc$/);
  await expect(table.locator("tbody tr[data-index]").first()).toContainText("build-000");
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2&sort=tag&dir=asc$/);
  await expect(page.getByRole("navigation", { name: "Image pages" }).first()).toContainText("Images 201–250 of 250 · page 2 of 2");
  await expect(table.locator("tbody tr[data-index]").first()).toContainText("build-200");
  await page.screenshot({ path: "test-results/ecr-repository-paged.png", fullPage: true });
});

test("security: the paged repository page refuses anonymous visitors and shrugs off hostile query values", async ({ page, request }) => {
  const anonymous = await request.get(`/ecr/repositories/${REPO}?page=2&sort=size`, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(anonymous.status());
  expect(anonymous.headers().location).toMatch(/\/login/);

  const viewer = await seedUser("viewer");
  await login(page, viewer.email, viewer.password);
  for (const query of ["page=__proto__&sort=constructor&dir=%00", "page=99999999999&sort=size&sort=tag", `page=${"9".repeat(5000)}`, "dir=asc&dir=desc&page[]=2"]) {
    const response = await page.goto(`/ecr/repositories/${REPO}?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("navigation", { name: "Image pages" }).first()).toContainText("Images 1–2 of 2");
  }
  // A viewer sees images but cannot open the wizards the picker lives in.
  await page.goto("/ecs/express/new");
  await expect(page).toHaveURL(/\/forbidden\?needed=operator/);
  await page.goto("/apprunner/new");
  await expect(page).toHaveURL(/\/forbidden\?needed=operator/);
});
