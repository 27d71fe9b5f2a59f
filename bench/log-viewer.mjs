// Benchmark: the log viewer with 100,000 lines. Starts Portside as `npm start` does (fresh data
// folder, sandbox), writes 100,000 lines to a service's awslogs stream with PutLogEvents, opens the
// service's Logs tab in Chromium and reports time to first lines, time until all are loaded, the
// JS heap, frame times while scrolling through all of them, and the latency from a line written
// (PutLogEvents through the sandbox) to that line on screen. Run it where no build is running:
//   flock /tmp/portside-e2e.lock node bench/log-viewer.mjs
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { chromium } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..");
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const LATENCY_SAMPLES = 10;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function startPortside(dataDir) {
  const port = await freePort();
  const sandboxPort = await freePort();
  const env = { ...process.env, PORTSIDE_DATA_DIR: dataDir, PORT: String(port), PORTSIDE_PG_PORT: String(await freePort()), PORTSIDE_SANDBOX_PORT: String(sandboxPort) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (output.includes("Portside is ready")) break;
    await sleep(100);
  }
  if (!output.includes("Portside is ready")) throw new Error(`Portside did not start:\n${output}`);
  const email = /Email:\s+(\S+)/.exec(output)?.[1];
  const password = /Password:\s+(\S+)/.exec(output)?.[1];
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
  };
  return { baseURL: `http://127.0.0.1:${port}`, endpoint: `http://127.0.0.1:${sandboxPort}`, email, password, stop };
}

async function seed(endpoint) {
  const config = { region: "us-east-1", endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 };
  const ecs = new ECSClient(config);
  const logs = new CloudWatchLogsClient(config);
  const cluster = "bench";
  const group = "/ecs/bench-web";
  const stream = "ecs/web/0123456789abcdef0123456789abcdef";
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  const awslogs = { logDriver: "awslogs", options: { "awslogs-group": group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } };
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand({ family: "bench-web", containerDefinitions: [{ name: "web", image: "httpd:2.4", memory: 256, essential: true, logConfiguration: awslogs }] }),
  );
  // No tasks: the agent's own lines would mix into the count; the bench writes the stream itself.
  await ecs.send(new CreateServiceCommand({ cluster, serviceName: "web", taskDefinition: `bench-web:${taskDefinition.revision}`, desiredCount: 0 }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  const t0 = performance.now();
  const start = Date.now() - 10 * 60_000;
  for (let i = 0; i < LINES; i += 10_000) {
    const logEvents = [];
    for (let j = i; j < Math.min(LINES, i + 10_000); j++) {
      logEvents.push({ timestamp: start + Math.floor((j * 9 * 60_000) / LINES), message: `10.0.${j % 250}.${j % 7} - - "GET /api/orders/${j} HTTP/1.1" 200 ${100 + (j % 900)} "-" "bench" line=${j}` });
    }
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
  }
  return { logs, group, stream, writeMs: performance.now() - t0, path: `/ecs/clusters/${cluster}/services/web/logs?range=15m` };
}

const dataDir = fs.mkdtempSync(path.join(root, ".portside", "bench-logs-"));
fs.chmodSync(dataDir, 0o755);
const app = await startPortside(dataDir);
let browser;
try {
  const seeded = await seed(app.endpoint);
  browser = await chromium.launch({
    executablePath: process.env.PORTSIDE_CHROMIUM ?? "/usr/lib/chromium/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-pings", "--dns-prefetch-disable", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${app.baseURL}/login`);
  await page.getByLabel("Email").fill(app.email);
  await page.getByLabel("Password").fill(app.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.baseURL}/`); // signing in lands on the Overview
  // Warm the route once (first compile of server chunks), then measure a fresh open.
  await page.goto(`${app.baseURL}${seeded.path}`);
  await page.waitForSelector('[data-testid="log-lines"] [data-index]', { timeout: 120_000 });

  const t0 = Date.now();
  await page.goto(`${app.baseURL}${seeded.path}`);
  await page.waitForSelector('[data-testid="log-lines"] [data-index]', { timeout: 120_000 });
  const firstRowMs = Date.now() - t0;
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="log-count"]')?.textContent?.split(" ")[0]?.replace(/,/g, "")) >= n, LINES, { timeout: 300_000, polling: 100 });
  const allMs = Date.now() - t0;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const metric = async (name) => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === name)?.value ?? 0;
  const heapMb = (await metric("JSHeapUsedSize")) / 1024 / 1024;
  const domNodes = await metric("Nodes");
  const rows = await page.locator('[data-testid="log-lines"] [data-index]').count();

  // Scroll from the top to the end, a screen per frame, timing every frame.
  const frames = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="log-lines"]');
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const times = [];
    let last = performance.now();
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 2 && times.length < 20_000) {
      el.scrollTop += el.clientHeight * 4;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    el.scrollTop = el.scrollHeight;
    return times;
  });
  await sleep(500);

  // Latency: a line written through the sandbox → on screen (the view follows the bottom).
  const latencies = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const token = `latency-${Date.now()}-${i}`;
    const written = Date.now();
    await seeded.logs.send(new PutLogEventsCommand({ logGroupName: seeded.group, logStreamName: seeded.stream, logEvents: [{ timestamp: written, message: token }] }));
    await page.waitForFunction((t) => document.querySelector('[data-testid="log-lines"]')?.textContent?.includes(t), token, { timeout: 30_000, polling: "raf" });
    latencies.push(Date.now() - written);
    await sleep(300 + Math.random() * 700);
  }

  const table = [
    ["lines written (PutLogEvents, 10,000 per call)", LINES.toLocaleString("en-US"), `${(seeded.writeMs / 1000).toFixed(1)} s`],
    ["open → first lines rendered", "", `${firstRowMs} ms`],
    ["open → all lines loaded", "", `${(allMs / 1000).toFixed(2)} s`],
    ["JS heap used after GC", "", `${heapMb.toFixed(1)} MB`],
    ["DOM nodes / rendered rows", "", `${domNodes} / ${rows}`],
    ["scroll to the end: frames", String(frames.length), `median ${median(frames).toFixed(1)} ms · p95 ${pct(frames, 0.95).toFixed(1)} ms · max ${Math.max(...frames).toFixed(1)} ms`],
    ["line written → shown (live)", `${LATENCY_SAMPLES} samples`, `median ${median(latencies)} ms · max ${Math.max(...latencies)} ms`],
  ];
  const w0 = Math.max(...table.map((r) => r[0].length));
  const w1 = Math.max(...table.map((r) => r[1].length));
  console.log(`\nLog viewer with ${LINES.toLocaleString("en-US")} lines (Chromium ${browser.version()})`);
  for (const [a, b, c] of table) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
} finally {
  await browser?.close();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
