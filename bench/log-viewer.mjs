// Benchmark: the log viewer with 100,000 lines. Starts Portside as `npm start` does (fresh data
// folder, sandbox), writes 100,000 lines to a service's awslogs stream with PutLogEvents, opens the
// service's Logs tab in Chromium and reports time to first lines, time until all are loaded, the
// JS heap, frame times while scrolling through all of them, and the latency from a line written
// (PutLogEvents through the sandbox) to that line on screen. Run it where no build is running:
//   flock /tmp/portside-e2e.lock node bench/log-viewer.mjs
import fs from "node:fs";
import path from "node:path";
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { median, signedInPage, sleep, startApp } from "./lib/app.mjs";

const root = path.resolve(import.meta.dirname, "..");
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const LATENCY_SAMPLES = 10;

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];


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
const app = await startApp(dataDir);
let browser;
let page;
try {
  const seeded = await seed(app.sandbox);
  ({ browser, page } = await signedInPage(app));
  // Warm the route once (first compile of server chunks), then measure a fresh open.
  await page.goto(`${app.base}${seeded.path}`);
  await page.waitForSelector('[data-testid="log-lines"] [data-index]', { timeout: 120_000 });

  const t0 = Date.now();
  await page.goto(`${app.base}${seeded.path}`);
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
