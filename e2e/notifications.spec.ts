import fs from "node:fs";
import { CreateServiceCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import { verifySignature } from "../lib/notifications/signing";
import { login } from "./fixtures/auth";
import { query, runsFor, seedUser, type SeededUser } from "./fixtures/db";
import { describeService, seedClusterAndTaskDefinition } from "./fixtures/ecs-service";
import { fargateNetwork } from "./fixtures/ecs-tasks";
import { startHttpReceiver, startSmtpServer } from "./fixtures/notify-receivers";
import { ecs, sandbox } from "./fixtures/sandbox";

// A rollback takes three crashed tasks and a sweep; retries back off for seconds: more than the default minute.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const SHOTS = "/tmp/shots-notify";
const stamp = Date.now() % 1_000_000;
const cluster = `nt-${stamp}`;
const family = `ntweb${stamp}`;
const service = "web";
const PAGE = "/settings/notifications";
const SMTP_USER = "mailer";
const SMTP_PASSWORD = `smtp-pw-${stamp}-secret`;
const HMAC_SECRET = `hmac-secret-${stamp}-long-enough`;
const SLACK_PATH = `/slack/T000/B000/xoxtoken${stamp}`;
const OPS = "ops@example.com";
const names = { slack: `Team Slack ${stamp}`, mail: `Ops mail ${stamp}`, hook: `Audit hook ${stamp}`, broken: `Broken hook ${stamp}` };

let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: SeededUser;
let saveRequest: Request | undefined;

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const channelCard = (page: Page, name: string) => page.getByRole("region", { name: `Channel ${name}` });
const channelCount = async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "NotificationChannel"`))[0]!.n;

test.beforeAll(async () => {
  await sandbox.reset();
  fs.mkdirSync(SHOTS, { recursive: true });
  receiver = await startHttpReceiver();
  smtp = await startSmtpServer(SMTP_USER, SMTP_PASSWORD);
  const network = await fargateNetwork();
  const revision = await seedClusterAndTaskDefinition(cluster, family);
  await ecs().send(new CreateServiceCommand({
    cluster, serviceName: service, taskDefinition: revision, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets.slice(0, 2), securityGroups: [network.securityGroupId], assignPublicIp: "DISABLED" } },
  }));
  await ecs().send(new UpdateServiceCommand({
    cluster, service, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  }));
  await expect.poll(async () => (await describeService(cluster, service))?.deployments?.[0]?.rolloutState, { timeout: 60_000 }).toBe("COMPLETED");
  admin = await seedUser("admin");
});

test.afterAll(async () => {
  await receiver?.close();
  await smtp?.close();
  // Subscriptions left behind keep the service sweep reading AWS every 15 s for the rest of the
  // suite, and later specs wait for a quiet sandbox: remove the channels (subscriptions and
  // deliveries go with them).
  await query(`DELETE FROM "NotificationChannel"`);
});

async function addChannel(page: Page, name: string, kind: "Slack-compatible webhook" | "E-mail (SMTP)" | "Signed webhook", fill: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  const form = page.getByRole("form", { name: "New channel" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await form.getByText(kind, { exact: true }).click();
  await fill(form);
  const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await form.getByRole("button", { name: "Add channel" }).click();
  saveRequest ??= await posted;
  await expect(channelCard(page, name)).toBeVisible();
}

async function subscribe(page: Page, channel: string, events: string[], onlyCluster?: string) {
  const card = channelCard(page, channel);
  await card.getByText("Add a subscription").click();
  const form = card.getByRole("form", { name: `Subscribe ${channel}` });
  for (const e of events) await form.getByLabel(e).check();
  if (onlyCluster) await form.getByLabel("Only this cluster (optional)").fill(onlyCluster);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(card.getByTestId("subscription")).toHaveCount(1);
}

test("an admin adds Slack, SMTP and signed webhook channels; bad targets stop at the field; Send test arrives; no secret reaches the page", async ({ page }) => {
  await login(page, admin.email, admin.password);
  await page.goto(PAGE);
  await expect(page.getByText("No channels yet")).toBeVisible();

  // SSRF: the metadata address and plain http to a public host are refused at the field.
  const form = page.getByRole("form", { name: "New channel" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("metadata probe");
  await form.getByLabel("Incoming webhook URL", { exact: true }).fill("https://169.254.169.254/latest/meta-data/");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByText(/link-local \(the instance metadata service lives there\)/)).toBeVisible();
  await form.getByLabel("Incoming webhook URL", { exact: true }).fill("http://hooks.example.com/x");
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(form.getByText(/must start with https:\/\//)).toBeVisible();
  expect(await channelCount()).toBe(0);

  await addChannel(page, names.slack, "Slack-compatible webhook", async (f) => {
    await f.getByLabel("Incoming webhook URL", { exact: true }).fill(receiver.url(SLACK_PATH));
  });
  await addChannel(page, names.mail, "E-mail (SMTP)", async (f) => {
    await f.getByLabel("SMTP host", { exact: true }).fill("127.0.0.1");
    await f.getByLabel("Port", { exact: true }).fill(String(smtp.port));
    await f.getByLabel("Encryption", { exact: true }).selectOption("none");
    await f.getByLabel("User name (optional)").fill(SMTP_USER);
    await f.getByLabel("Password", { exact: true }).fill(SMTP_PASSWORD);
    await f.getByLabel("From", { exact: true }).fill("portside@example.com");
    await f.getByLabel("To", { exact: true }).fill(OPS);
  });
  await addChannel(page, names.hook, "Signed webhook", async (f) => {
    await f.getByLabel("Webhook URL", { exact: true }).fill(receiver.url("/hook"));
    await f.getByLabel("Signing secret", { exact: true }).fill(HMAC_SECRET);
  });
  const rolledBack = "Deployment rolled back by the circuit breaker";
  for (const name of [names.slack, names.mail, names.hook]) await subscribe(page, name, [rolledBack], cluster);
  // The admin also asks for the same by e-mail to themselves.
  const mine = page.getByRole("form", { name: "Subscribe me" });
  await mine.getByLabel(rolledBack).check();
  await mine.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByTestId("my-subscription")).toHaveCount(1);

  const slack = channelCard(page, names.slack);
  await slack.getByRole("button", { name: `Send test to ${names.slack}` }).click();
  await expect(slack.getByRole("status").filter({ hasText: "Test delivered (200)." })).toBeVisible({ timeout: 20_000 });
  expect(JSON.parse(receiver.on(SLACK_PATH)[0]!.body).text).toContain("*Test message*: Test message from Portside");
  const mail = channelCard(page, names.mail);
  await mail.getByRole("button", { name: `Send test to ${names.mail}` }).click();
  await expect(mail.getByRole("status").filter({ hasText: "Test delivered (250)." })).toBeVisible({ timeout: 20_000 });
  expect(smtp.mails[0]).toMatchObject({ to: [OPS], user: SMTP_USER, from: "portside@example.com" });
  expect(smtp.mails[0]!.raw).toContain("Subject: [Portside] Test message: Test message from Portside");

  await page.reload();
  await expect(slack.getByTestId("delivery-status").first()).toHaveText("succeeded");
  await expect(mail.getByText("Password for mailer:")).toBeVisible();
  await expect(mail.getByText("set", { exact: true })).toBeVisible();
  await shot(page, "notifications-channels");

  // Secrets: not in the DOM, not in the server's HTML and flight data, stored sealed.
  const html = await page.content();
  const raw = await (await page.request.get(PAGE)).text();
  for (const secret of [SLACK_PATH, "xoxtoken", SMTP_PASSWORD, HMAC_SECRET]) {
    expect(html, secret).not.toContain(secret);
    expect(raw, secret).not.toContain(secret);
  }
  const stored = await query<{ secretCipher: string; settings: unknown }>(`SELECT "secretCipher", settings FROM "NotificationChannel"`);
  for (const row of stored) {
    expect(row.secretCipher).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(SMTP_PASSWORD);
  }
});

test("a deployment rolled back by the circuit breaker, made outside Portside, reaches Slack, e-mail and the signed webhook once", async ({ page }) => {
  const { taskDefinition } = await ecs().send(new RegisterTaskDefinitionCommand({
    family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "public.ecr.aws/docker/library/httpd:crash", memory: 512, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }],
  }));
  await ecs().send(new UpdateServiceCommand({ cluster, service, taskDefinition: `${family}:${taskDefinition!.revision}` }));

  const rolledBackSlack = () => receiver.on(SLACK_PATH).filter((r) => r.body.includes("rolled back"));
  await expect.poll(() => rolledBackSlack().length, { timeout: 150_000 }).toBe(1);
  const slackText = JSON.parse(rolledBackSlack()[0]!.body).text as string;
  expect(slackText).toContain("*Deployment rolled back by the circuit breaker*: web: rolled back to");
  expect(slackText).toContain(`• cluster: ${cluster}`);
  expect(slackText).toContain("circuit breaker");

  await expect.poll(() => smtp.mails.filter((m) => m.raw.includes("Deployment rolled back")).map((m) => m.to[0]).sort(), { timeout: 60_000 })
    .toEqual([admin.email, OPS].sort());

  await expect.poll(() => receiver.on("/hook").length, { timeout: 60_000 }).toBe(1);
  const hook = receiver.on("/hook")[0]!;
  const header = String(hook.headers["portside-signature"]);
  expect(verifySignature(header, hook.body, HMAC_SECRET, Math.floor(Date.now() / 1000))).toEqual({ ok: true });
  expect(verifySignature(header, hook.body, "not-the-secret-at-all", Math.floor(Date.now() / 1000))).toEqual({ ok: false, reason: "mismatch" });
  expect(verifySignature(header, hook.body, HMAC_SECRET, Math.floor(Date.now() / 1000) + 301)).toEqual({ ok: false, reason: "too-old" });
  expect(JSON.parse(hook.body)).toMatchObject({ type: "service.deployment.rolled_back", detail: { cluster, service } });
  expect(hook.headers["portside-event-id"]).toBe(JSON.parse(hook.body).id);

  // What AWS holds: ECS rolled the service back to the first revision.
  expect((await describeService(cluster, service))!.taskDefinition!.split("/").pop()).toBe(`${family}:1`);
  // Seen by later sweeps too, but told once: one event row for the rollback.
  const events = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "NotificationEvent" WHERE type = 'service.deployment.rolled_back' AND cluster = $1`, [cluster]);
  expect(events[0]!.n).toBe(1);

  await login(page, admin.email, admin.password);
  await page.goto(PAGE);
  await expect(channelCard(page, names.hook).getByTestId("delivery-row").filter({ hasText: "Deployment rolled back" }).getByTestId("delivery-status")).toHaveText("succeeded");
  await shot(page, "notifications-delivered");
});

test("a channel answering 500 is retried with backoff and logged as failed, while the plan run succeeds", async ({ page, browser }) => {
  await login(page, admin.email, admin.password);
  await page.goto(PAGE);
  await addChannel(page, names.broken, "Slack-compatible webhook", async (f) => {
    await f.getByLabel("Incoming webhook URL", { exact: true }).fill(receiver.url("/fail/slack"));
  });
  await subscribe(page, names.broken, ["Plan run succeeded"]);

  const operator = await seedUser("operator");
  const opContext = await browser.newContext();
  const op = await opContext.newPage();
  await login(op, operator.email, operator.password);
  await op.goto(`/ecs/clusters/${cluster}/services/${service}`);
  await op.getByRole("group", { name: "Service actions" }).getByRole("button", { name: "Scale", exact: true }).click();
  const dialog = op.getByRole("dialog");
  await dialog.getByLabel("Desired tasks").fill("2");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Update desired count" }).click();
  await expect(op).toHaveURL(/\/history\/\w+/);
  await expect(op.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 60_000 });
  await opContext.close();
  expect((await describeService(cluster, service))!.desiredCount).toBe(2);

  await expect.poll(() => receiver.on("/fail/slack").length, { timeout: 60_000 }).toBe(4);
  const row = channelCard(page, names.broken).getByTestId("delivery-row").filter({ hasText: "Plan run succeeded" });
  await expect(async () => {
    await page.goto(PAGE);
    await expect(row.getByTestId("delivery-status")).toHaveText("failed", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByTestId("delivery-attempts")).toHaveText("4");
  await expect(row).toContainText("HTTP 500: receiver down");
  const runs = await runsFor(`ecs:service/${cluster}/${service}`);
  expect(runs.at(-1)!.status).toBe("succeeded");
  await shot(page, "notifications-failed-delivery");

  // Deleting asks first; the channel and its log go, the others stay.
  await channelCard(page, names.broken).getByRole("button", { name: `Delete ${names.broken}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete channel ${names.broken}?` });
  await expect(confirm).toContainText("Its subscriptions and its delivery log are deleted with it.");
  await confirm.getByRole("button", { name: "Delete channel" }).click();
  await expect(channelCard(page, names.broken)).toHaveCount(0);
  await expect(channelCard(page, names.slack)).toBeVisible();
});

async function replayAs(browser: Browser, user: SeededUser | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (user) await login(page, user.email, user.password);
  const body = saveRequest!.postDataBuffer()!.toString("utf8").replace(names.slack, `made-by-${user ? "someone" : "anon"}`);
  const response = await page.request.post(saveRequest!.url(), {
    headers: { "next-action": saveRequest!.headers()["next-action"]!, "content-type": saveRequest!.headers()["content-type"]!, accept: "text/x-component" },
    data: Buffer.from(body),
  });
  const text = await response.text();
  await context.close();
  return text;
}

test("viewers, operators and anonymous visitors cannot manage channels; a viewer only sees their own e-mail subscriptions", async ({ page, browser }) => {
  expect(saveRequest).toBeDefined();
  const before = await channelCount();
  const viewer = await seedUser("viewer");
  const operator = await seedUser("operator");
  expect(await replayAs(browser, viewer)).toContain("Your role cannot manage notification channels: it needs the admin role.");
  expect(await replayAs(browser, operator)).toContain("Your role cannot manage notification channels: it needs the admin role.");
  expect(await replayAs(browser, null)).toContain("Your session has ended. Sign in again.");
  expect(await channelCount()).toBe(before);

  await login(page, viewer.email, viewer.password);
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { name: "My e-mail notifications" })).toBeVisible();
  await expect(page.getByRole("form", { name: "New channel" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: new RegExp(`Channel ${names.slack}`) })).toHaveCount(0);
  expect(await page.content()).not.toContain(SMTP_PASSWORD);
  await shot(page, "notifications-viewer");

  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  await anon.goto(PAGE);
  await expect(anon).toHaveURL(/\/login/);
  await anonymous.close();
});
