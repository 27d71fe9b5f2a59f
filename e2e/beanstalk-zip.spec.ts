import { expect, test, type Page } from "@playwright/test";
import { DescribeApplicationVersionsCommand, DescribeEnvironmentsCommand, ElasticBeanstalkClient } from "@aws-sdk/client-elastic-beanstalk";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { makeZip } from "../lib/beanstalk/bundles/zip-test-support";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

// Zip source bundles: uploaded as they are chosen (POST /api/beanstalk/bundles), checked there before
// any AWS call, named by id in the form, carried in the plan as { $base64 }, shown at review by size
// and SHA-256, and uploaded to S3 byte for byte. The upload route's refusals: beanstalk-zip-upload.spec.ts.
test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const suffix = Date.now().toString(36);
const app = `zipapp-${suffix}`;
const env = `zipenv-${suffix}`;
const DOCKERRUN = JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx:1.27" }, Ports: [{ ContainerPort: 80 }] });

test.beforeAll(async () => {
  await sandbox.reset();
});

/** The wizard up to the Source step's file, then the environment step filled in. */
async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function wizardToSource(page: Page) {
  await page.goto("/beanstalk/new");
  await expect(page.getByLabel("Platform")).toHaveValue(/running Docker/);
  await page.getByLabel("Create an application (CreateApplication)").check();
  await page.getByLabel("Application name").fill(app);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Upload a bundle file").check();
}

async function wizardWithZip(page: Page, zip: Buffer) {
  await wizardToSource(page);
  await page.getByLabel("Bundle file", { exact: true }).setInputFiles({ name: "app.zip", mimeType: "application/zip", buffer: zip });
  await expect(page.getByTestId("bundle-zip")).toContainText(`app.zip (zip, ${zip.length} bytes): contains`);
  await page.screenshot({ path: "test-results/beanstalk-zip-field.png", fullPage: true });
  await page.getByLabel("Version label").fill("v1");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Environment name").fill(env);
  await expect(page.getByTestId("dns-check")).toContainText("is available");
  await page.getByLabel("Minimum instances").fill("1");
  await page.getByLabel("Maximum instances").fill("1");
  await page.getByRole("button", { name: "Next" }).click();
  await page.waitForLoadState("networkidle");
  await sandbox.quiet();
  await sandbox.resetCalls();
}

test("hostile or broken zips get the upload's message at the file field as they are chosen, and no AWS call", async ({ page }) => {
  const cases: [Buffer, RegExp][] = [
    [makeZip([{ name: "../../etc/cron.d/x", data: "x" }, { name: "Dockerrun.aws.json", data: DOCKERRUN }]), /unsafe file name/],
    [makeZip([{ name: "bomb.bin", data: Buffer.alloc(3 * 1024 * 1024), deflate: true }, { name: "Dockerrun.aws.json", data: DOCKERRUN }]), /compressed more than 100 to 1/],
    [makeZip([{ name: "app/Dockerrun.aws.json", data: DOCKERRUN }]), /no Dockerrun\.aws\.json or docker-compose\.yml at its root/],
    [makeZip([{ name: "Dockerrun.aws.json", data: '{"AWSEBDockerrunVersion":"2"}' }]), /In the zip: .*retired multicontainer/],
  ];
  await asOperator(page);
  await wizardToSource(page);
  await page.waitForLoadState("networkidle");
  await sandbox.quiet();
  await sandbox.resetCalls();
  for (const [zip, message] of cases) {
    const answer = page.waitForResponse((r) => r.url().includes("/api/beanstalk/bundles") && r.request().method() === "POST");
    await page.getByLabel("Bundle file", { exact: true }).setInputFiles({ name: "app.zip", mimeType: "application/zip", buffer: zip });
    expect((await answer).status()).toBe(422);
    await expect(page.locator("#bundleFile-error")).toContainText(message);
    await expect(page.getByTestId("bundle-zip")).toHaveCount(0);
    await expect(page.locator('input[name="bundleZip"]')).toHaveValue("");
    const calls = await sandbox.calls();
    expect(calls.total, JSON.stringify(calls)).toBe(0);
  }
});

test("a zip bundle is reviewed by size and sha256 and lands in S3 byte for byte", async ({ page }) => {
  test.setTimeout(240_000);
  // Deflated and stored entries, binary content, a manifest at the root beside other files.
  const zip = makeZip([
    { name: "Dockerrun.aws.json", data: DOCKERRUN, deflate: true },
    { name: "public/logo.bin", data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)) },
    { name: ".ebextensions/options.config", data: "option_settings: []\n", deflate: true },
  ]);
  const sha = createHash("sha256").update(zip).digest("hex");
  await asOperator(page);
  await wizardWithZip(page, zip);
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("s3:PutObject");
  const shown = page.getByLabel("Bundle to upload");
  await expect(shown).toContainText(`zip, contains Dockerrun.aws.json: ${zip.length} bytes, sha256 ${sha}`);
  // What the page shows (the request JSON and the CLI included) never holds the base64 itself.
  expect(await page.locator("body").innerText()).not.toContain(zip.toString("base64").slice(0, 200));
  await page.screenshot({ path: "test-results/beanstalk-zip-review.png", fullPage: true });
  // The form's action carried the upload's id, not the zip: the run's stored input holds a placeholder.
  await page.getByRole("button", { name: "Create environment" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 180_000 });
  await expect(page.getByText(`${zip.length} bytes, sha256 ${sha}`).first()).toBeAttached();

  const versions = await new ElasticBeanstalkClient(config()).send(new DescribeApplicationVersionsCommand({ ApplicationName: app, VersionLabels: ["v1"] }));
  const version = versions.ApplicationVersions![0]!;
  expect(version.Status).toBe("PROCESSED");
  expect(version.SourceBundle?.S3Key).toBe(`portside/${app}/v1/bundle.zip`);
  const object = await new S3Client({ ...config(), forcePathStyle: true }).send(new GetObjectCommand({ Bucket: version.SourceBundle!.S3Bucket!, Key: version.SourceBundle!.S3Key! }));
  expect(object.ContentType).toBe("application/zip");
  expect(Buffer.from(await object.Body!.transformToByteArray()).equals(zip)).toBe(true);
});

test("Deploy a new version takes a zip: checked first, then uploaded byte for byte and rolled out", async ({ page }) => {
  test.setTimeout(240_000);
  await asOperator(page);
  await page.goto(`/beanstalk/${app}/${env}`);
  await page.getByLabel("A zip bundle (Dockerrun.aws.json or docker-compose.yml at its root)").check();
  await page.getByRole("textbox", { name: "New version label", exact: true }).fill("v2");
  // A zip whose manifest is not at the root: the upload's answer is the field's message and AWS is not asked.
  // The environment page polls AWS live, so count what the deploy would send rather than every call.
  await sandbox.resetCalls();
  await page.locator("#deployZip").setInputFiles({ name: "nested.zip", mimeType: "application/zip", buffer: makeZip([{ name: "app/Dockerrun.aws.json", data: DOCKERRUN }]) });
  await expect(page.locator("#deployZip-error")).toContainText("at its root");
  await expect(page.getByTestId("deploy-zip")).toHaveCount(0);
  const calls = (await sandbox.calls()).calls as Record<string, number>;
  const deployCalls = ["s3:PutObject", "elasticbeanstalk:CreateStorageLocation", "elasticbeanstalk:CreateApplicationVersion", "elasticbeanstalk:UpdateEnvironment", "elasticbeanstalk:DescribeApplicationVersions"];
  expect(deployCalls.filter((op) => calls[op]), JSON.stringify(calls)).toEqual([]);

  const zip = makeZip([{ name: "docker-compose.yml", data: "services:\n  web:\n    image: nginx:1.28\n    ports:\n      - \"80:80\"\n", deflate: true }]);
  const sha = createHash("sha256").update(zip).digest("hex");
  await page.locator("#deployZip").setInputFiles({ name: "v2.zip", mimeType: "application/zip", buffer: zip });
  await expect(page.getByTestId("deploy-zip")).toContainText(`v2.zip (zip, ${zip.length} bytes): contains docker-compose.yml`);
  await page.getByRole("button", { name: "Review deployment" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" })).toContainText("elasticbeanstalk:UpdateEnvironment");
  await expect(page.getByLabel("Bundle to upload")).toContainText(`zip, contains docker-compose.yml: ${zip.length} bytes, sha256 ${sha}`);
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 180_000 });

  const eb = new ElasticBeanstalkClient(config());
  const version = (await eb.send(new DescribeApplicationVersionsCommand({ ApplicationName: app, VersionLabels: ["v2"] }))).ApplicationVersions![0]!;
  expect(version.Status).toBe("PROCESSED");
  const object = await new S3Client({ ...config(), forcePathStyle: true }).send(new GetObjectCommand({ Bucket: version.SourceBundle!.S3Bucket!, Key: version.SourceBundle!.S3Key! }));
  expect(Buffer.from(await object.Body!.transformToByteArray()).equals(zip)).toBe(true);
  const [running] = (await eb.send(new DescribeEnvironmentsCommand({ ApplicationName: app, EnvironmentNames: [env] }))).Environments ?? [];
  expect(running).toMatchObject({ Status: "Ready", VersionLabel: "v2" });
});
