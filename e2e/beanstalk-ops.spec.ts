import { expect, test, type Page, type Request } from "@playwright/test";
import {
  CreateApplicationCommand,
  CreateApplicationVersionCommand,
  CreateEnvironmentCommand,
  CreateStorageLocationCommand,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
} from "@aws-sdk/client-elastic-beanstalk";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { setBeanstalk } from "../sandbox/client.mjs";
import { login } from "./fixtures/auth";
import { seedUser } from "./fixtures/db";
import { sandbox } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

// The environment page's swap URLs, logs and Move to ECS (issue 15), against the sandbox's Elastic
// Beanstalk: the application and its two environments are seeded through the SDK, the features are
// driven in the browser, and what AWS holds afterwards is read back through the SDK.
test.describe.configure({ mode: "serial" });

const config = () => ({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const eb = () => new ElasticBeanstalkClient(config());
const s3 = () => new S3Client({ ...config(), forcePathStyle: true });

const id = Date.now().toString(36).slice(-5);
const app = `shop-${id}`;
const blue = `blue-${id}`;
const green = `green-${id}`;
const envPage = (env: string) => `/beanstalk/${app}/${env}`;
let captured: Request[] = [];
let swapPreview: Request | undefined;

const option = (Namespace: string, OptionName: string, Value: string) => ({ Namespace, OptionName, Value });

async function describe(name: string) {
  const out = await eb().send(new DescribeEnvironmentsCommand({ ApplicationName: app, EnvironmentNames: [name], IncludeDeleted: false }));
  return out.Environments![0]!;
}

async function asOperator(page: Page) {
  const operator = await seedUser("operator");
  await login(page, operator.email, operator.password);
}

async function runSucceeded(page: Page) {
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
}

function capture(page: Page) {
  captured = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured.push(r);
  });
}

test.beforeAll(async () => {
  await sandbox.reset();
  await setBeanstalk(stack().sandboxEndpoint, { paceMs: 200 });
  const bucket = (await eb().send(new CreateStorageLocationCommand({}))).S3Bucket!;
  await s3().send(new PutObjectCommand({
    Bucket: bucket,
    Key: `${app}/v1/Dockerrun.aws.json`,
    Body: JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx:1.27" }, Ports: [{ ContainerPort: 8080 }] }),
  }));
  await eb().send(new CreateApplicationCommand({ ApplicationName: app }));
  await eb().send(new CreateApplicationVersionCommand({ ApplicationName: app, VersionLabel: "v1", SourceBundle: { S3Bucket: bucket, S3Key: `${app}/v1/Dockerrun.aws.json` }, Process: true }));
  for (const [name, min] of [[blue, "2"], [green, "1"]] as const) {
    await eb().send(new CreateEnvironmentCommand({
      ApplicationName: app,
      EnvironmentName: name,
      CNAMEPrefix: name,
      SolutionStackName: "64bit Amazon Linux 2023 v4.5.1 running Docker",
      VersionLabel: "v1",
      OptionSettings: [
        option("aws:autoscaling:launchconfiguration", "IamInstanceProfile", "aws-elasticbeanstalk-ec2-role"),
        option("aws:autoscaling:launchconfiguration", "InstanceType", "t3.small"),
        option("aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced"),
        option("aws:autoscaling:asg", "MinSize", min),
        option("aws:autoscaling:asg", "MaxSize", "5"),
        option("aws:elasticbeanstalk:healthreporting:system", "SystemType", "enhanced"),
        option("aws:elasticbeanstalk:application:environment", "GREETING", `hello from ${name}`),
      ],
    }));
  }
  await expect.poll(async () => [(await describe(blue)).Status, (await describe(green)).Status], { timeout: 30_000 }).toEqual(["Ready", "Ready"]);
});

test("a URL swap shows both environments, needs the typed name, and exchanges the CNAMEs in AWS", async ({ page }) => {
  await asOperator(page);
  await page.goto(envPage(blue));
  await expect(page.getByTestId("swap-source-cname")).toHaveText(`${blue}.us-east-1.elasticbeanstalk.com`);
  await expect(page.getByTestId("swap-destination")).toContainText(green);
  await expect(page.getByTestId("swap-destination-cname")).toHaveText(`${green}.us-east-1.elasticbeanstalk.com`);
  await page.screenshot({ path: "test-results/beanstalk-ops-environment.png", fullPage: true });

  capture(page);
  await page.getByRole("button", { name: "Swap URLs" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("elasticbeanstalk:SwapEnvironmentCNAMEs");
  const confirm = dialog.getByRole("button", { name: "Swap URLs" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill(blue);
  await confirm.click();
  await runSucceeded(page);

  expect((await describe(blue)).CNAME).toBe(`${green}.us-east-1.elasticbeanstalk.com`);
  expect((await describe(green)).CNAME).toBe(`${blue}.us-east-1.elasticbeanstalk.com`);
  await page.goto(envPage(blue));
  await expect(page.getByTestId("swap-source-cname")).toHaveText(`${green}.us-east-1.elasticbeanstalk.com`);
  await expect(page.getByTestId("swap-destination-cname")).toHaveText(`${blue}.us-east-1.elasticbeanstalk.com`);
});

test("hostile or mistaken swap input is refused at the field with no AWS call", async ({ page }) => {
  await asOperator(page);
  // No live page open while calls are counted (the environment page polls AWS).
  await page.goto("about:blank");
  const preview = captured[0]!;
  expect(preview).toBeTruthy();
  swapPreview = preview;
  await sandbox.quiet(6000);
  await sandbox.resetCalls();
  const post = (body: string) =>
    page.request.post(preview.url(), {
      headers: { "next-action": preview.headers()["next-action"]!, "content-type": preview.headers()["content-type"]!, accept: "text/x-component" },
      data: Buffer.from(body),
    });
  const original = preview.postDataBuffer()!.toString("utf8");
  expect(original).toContain(green);
  expect(await (await post(original.replace(green, "x'; drop table"))).text()).toContain("Use only letters, digits and hyphens.");
  expect(await (await post(original.replace(green, blue))).text()).toContain("Pick another environment of this application.");
  const calls = await sandbox.calls();
  expect(Object.keys(calls.calls).filter((k) => k.startsWith("elasticbeanstalk:"))).toEqual([]);
});

test("logs: the last 100 lines are shown on the page, the full logs download as a zip per instance", async ({ page }) => {
  await asOperator(page);
  await page.goto(envPage(blue));
  await expect(page.getByText("No logs requested yet.")).toBeVisible();
  capture(page);
  await page.getByRole("button", { name: "Request last 100 lines" }).click();
  let dialog = page.getByRole("dialog", { name: "Request the last 100 lines of each log?" });
  await expect(dialog.getByRole("list", { name: "Requests" })).toContainText("elasticbeanstalk:RequestEnvironmentInfo");
  await dialog.getByRole("button", { name: "Request logs" }).click();
  const tail = page.getByTestId("logs-tail");
  await expect(tail).toContainText("/var/log/eb-engine.log", { timeout: 30_000 });
  await expect(tail).toContainText("docker pull nginx:1.27");
  await expect(tail).toContainText("listening on 0.0.0.0:8080");
  await expect(tail.getByRole("region")).toHaveCount(2);
  // The same request with a kind AWS does not have is refused at the field, with no AWS call.
  const logsPreview = captured[0]!;
  const before = (await sandbox.calls()).calls["elasticbeanstalk:RequestEnvironmentInfo"] ?? 0;
  const hostile = await page.request.post(logsPreview.url(), {
    headers: { "next-action": logsPreview.headers()["next-action"]!, "content-type": logsPreview.headers()["content-type"]!, accept: "text/x-component" },
    data: Buffer.from(logsPreview.postDataBuffer()!.toString("utf8").replace(/\btail\b/, "../../etc/passwd")),
  });
  expect(await hostile.text()).toContain("Pick the last 100 lines or the full logs.");
  expect((await sandbox.calls()).calls["elasticbeanstalk:RequestEnvironmentInfo"] ?? 0).toBe(before);

  await page.getByRole("button", { name: "Request full logs" }).click();
  dialog = page.getByRole("dialog", { name: "Request the full logs of each instance?" });
  await dialog.getByRole("button", { name: "Request logs" }).click();
  const links = page.getByTestId("logs-bundles").getByRole("link");
  await expect(links).toHaveCount(2, { timeout: 30_000 });
  const href = (await links.first().getAttribute("href"))!;
  const zip = await page.request.get(href);
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");
  await page.screenshot({ path: "test-results/beanstalk-ops-logs.png", fullPage: true });
});

test("the logs route takes no URL and refuses hostile or unknown instances", async ({ page, request }) => {
  await asOperator(page);
  const base = `/api/beanstalk/logs?application=${app}&environment=${blue}`;
  expect((await request.get(`${base}&instance=i-0123456789abcdef0`)).status()).toBe(401);
  expect((await page.request.get(`${base}&instance=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`)).status()).toBe(400);
  expect((await page.request.get(`${base}&instance=i-0123456789abcdef0&url=${encodeURIComponent("http://example.com/")}`)).status()).toBe(404);
  expect((await page.request.get(`/api/beanstalk/logs?application=${app}&environment=${encodeURIComponent("../x")}&instance=i-0123456789abcdef0`)).status()).toBe(400);
});

test("Move to ECS opens Express Mode prefilled with the running image, port, size, environment and scaling", async ({ page }) => {
  await asOperator(page);
  await page.goto(envPage(blue));
  await page.getByRole("link", { name: "Move to ECS" }).click();
  await expect(page).toHaveURL(/\/ecs\/express\/new\?prefill=/);
  await expect(page.getByText(`Prefilled from Elastic Beanstalk environment ${app} / ${blue}. t3.small has 2 GB; Fargate offers 4 GB with 2 vCPU.`)).toBeVisible();
  await expect(page.getByLabel("Image URI")).toHaveValue("nginx:1.27");
  await expect(page.getByLabel("Container port")).toHaveValue("8080");
  await expect(page.getByLabel("CPU")).toHaveValue("2048");
  await expect(page.getByLabel("Memory")).toHaveValue("4096");
  await expect(page.getByLabel("Minimum tasks")).toHaveValue("2");
  await expect(page.getByLabel("Maximum tasks")).toHaveValue("5");
  await expect(page.getByLabel("Variable 1 name")).toHaveValue("GREETING");
  await expect(page.getByLabel("Variable 1 value")).toHaveValue(`hello from ${blue}`);
  await page.screenshot({ path: "test-results/beanstalk-ops-move-to-ecs.png", fullPage: true });
});

test("a viewer sees the logs panel but cannot swap, request logs or move; anonymous requests are refused", async ({ browser, request }) => {
  const viewer = await seedUser("viewer");
  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await login(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(envPage(blue));
  await expect(viewerPage.getByText("Requesting logs needs the operator role.")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Swap URLs" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Request last 100 lines" })).toHaveCount(0);
  await expect(viewerPage.getByRole("link", { name: "Move to ECS" })).toHaveCount(0);
  await viewerPage.goto(`${envPage(blue)}/move-to-ecs`);
  await expect(viewerPage).toHaveURL(/\/forbidden\?needed=operator/);

  // The logs request's preview and the swap's, replayed by a viewer and by nobody: refused before any AWS call.
  const logsPreview = captured[0]!;
  await viewerPage.goto("about:blank");
  await sandbox.quiet(6000);
  await sandbox.resetCalls();
  const replay = (r: Request) => ({
    headers: { "next-action": r.headers()["next-action"]!, "content-type": r.headers()["content-type"]!, accept: "text/x-component" },
    data: r.postDataBuffer()!,
  });
  expect(await (await viewerPage.request.post(logsPreview.url(), replay(logsPreview))).text()).toContain("Your role cannot request Elastic Beanstalk logs: it needs the operator role.");
  expect(await (await request.post(logsPreview.url(), replay(logsPreview))).text()).toContain("Your session has ended. Sign in again.");
  expect(await (await viewerPage.request.post(swapPreview!.url(), replay(swapPreview!))).text()).toContain("Your role cannot swap Elastic Beanstalk environment URLs: it needs the operator role.");
  expect(await (await request.post(swapPreview!.url(), replay(swapPreview!))).text()).toContain("Your session has ended. Sign in again.");
  for (const url of [envPage(blue), `${envPage(blue)}/move-to-ecs`]) {
    const anonymous = await request.get(url, { maxRedirects: 0 });
    expect(anonymous.status(), url).toBe(307);
    expect(anonymous.headers().location, url).toMatch(/^\/login/);
  }
  expect((await request.get(`/api/beanstalk/logs?application=${app}&environment=${blue}&instance=i-0123456789abcdef0`)).status()).toBe(401);
  expect((await sandbox.calls()).total).toBe(0);
  await context.close();
});
