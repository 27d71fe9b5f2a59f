// Benchmark: a large ECS fleet (default 20 clusters, 1,000 services, 5,000 tasks) in the sandbox.
// Reports the AWS calls the overview and one cluster page cost (gateway counters) next to the fewest
// the batch limits allow, their server time (median of 5), and the AWS calls per minute that 1 and
// 50 live viewers of one service (and of one cluster page) cost. Sizes: FLEET_CLUSTERS,
// FLEET_SERVICES, FLEET_TASKS; how long viewers stay: FLEET_BENCH_HOLD_S (60).
import fs from "node:fs";
import path from "node:path";
import { ECSClient, paginateListServices } from "@aws-sdk/client-ecs";
import { openLiveViewer, sleep, startApp, viewerCookie } from "./lib/app.mjs";
import { getAgent, resetSandboxCalls, sandboxCalls, seedFleet, syncAgent } from "../sandbox/client.mjs";

const root = path.resolve(import.meta.dirname, "..");
const SIZES = {
  clusters: Number(process.env.FLEET_CLUSTERS ?? 20),
  services: Number(process.env.FLEET_SERVICES ?? 1000),
  tasks: Number(process.env.FLEET_TASKS ?? 5000),
};
const HOLD_S = Number(process.env.FLEET_BENCH_HOLD_S ?? 60);
const SHARED_READ_TTL_MS = 2000; // lib/ecs/services/fleet-live.ts: renders closer together share one read

const step = (msg) => console.error(`[fleet] ${msg}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pages = (n, size) => Math.max(1, Math.ceil(n / size));

const ecsCalls = (snapshot) => Object.entries(snapshot.calls).filter(([k]) => k.startsWith("ecs:") || k.startsWith("elasticloadbalancing:") || k.startsWith("elbv2:"));
const total = (entries) => entries.reduce((s, [, n]) => s + n, 0);
const breakdown = (entries) => entries.map(([k, n]) => `${k.split(":")[1]} ${n}`).join(", ");

/** GETs a page as the viewer; returns the time to the full HTML and the AWS calls it made. */
async function render(app, cookie, url) {
  await resetSandboxCalls(app.sandbox);
  const t0 = performance.now();
  const res = await fetch(app.base + url, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url} → HTTP ${res.status}`);
  if (/AwsOperationError|Reading from AWS failed/.test(html)) throw new Error(`GET ${url} rendered an AWS error`);
  return { ms, calls: ecsCalls(await sandboxCalls(app.sandbox)) };
}

async function measurePage(app, cookie, url) {
  const cold = await render(app, cookie, url);
  const warm = [];
  for (let i = 0; i < 5; i++) {
    await sleep(SHARED_READ_TTL_MS + 200);
    warm.push(await render(app, cookie, url));
  }
  return { cold, warmMs: median(warm.map((w) => w.ms)), warmCalls: median(warm.map((w) => total(w.calls))), all: [cold, ...warm] };
}

/** Holds `n` SSE connections to `url` for HOLD_S seconds; AWS calls per minute while they are open. */
async function viewers(app, cookie, url, n) {
  const controller = new AbortController();
  let firstData = 0;
  const streams = await Promise.all(
    Array.from({ length: n }, () => openLiveViewer(app.base, url, cookie, controller.signal, () => { firstData += 1; })),
  );
  const deadline = Date.now() + 30_000;
  while (firstData < n && Date.now() < deadline) await sleep(100);
  if (firstData < n) throw new Error(`${n - firstData} of ${n} viewers of ${url} got no data within 30 s`);
  await resetSandboxCalls(app.sandbox);
  await sleep(HOLD_S * 1000);
  const calls = ecsCalls(await sandboxCalls(app.sandbox));
  controller.abort();
  await Promise.allSettled(streams.map((s) => s.done));
  await sleep(6000); // the shared poller stops 5 s after its last viewer
  return { perMinute: (total(calls) * 60) / HOLD_S, calls };
}

const dataDir = fs.mkdtempSync(path.join(root, ".portside", "bench-fleet-"));
fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when started by root
let app;
try {
  // Each measured render must read AWS (that is what is measured): renders reuse reads for 2 s only.
  app = await startApp(dataDir, { env: { PORTSIDE_READ_TTL_MS: "2000", PORTSIDE_RENDER_BEHIND_LIVE_MS: "2000" } });
  step(`app at ${app.base}, sandbox at ${app.sandbox}; seeding ${JSON.stringify(SIZES)}`);
  const t0 = performance.now();
  const seeded = await seedFleet(app.sandbox, SIZES);
  await syncAgent(app.sandbox);
  let agent = await getAgent(app.sandbox);
  // Wait until every seeded task runs (the agent adopts seeded services in batches), at most 3 minutes.
  const everyTaskRuns = () => agent.settled && (agent.runningTasks ?? 0) >= seeded.desiredCount;
  for (const until = Date.now() + 180_000; !everyTaskRuns() && Date.now() < until; agent = await getAgent(app.sandbox)) await sleep(1000);
  const seedS = (performance.now() - t0) / 1000;

  // The fleet's shape, read straight from the sandbox (before counting starts).
  const ecs = new ECSClient({ region: seeded.region ?? "us-east-1", endpoint: app.sandbox, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const perCluster = new Map();
  for (const cluster of seeded.clusters) {
    const arns = [];
    for await (const page of paginateListServices({ client: ecs, pageSize: 100 }, { cluster })) arns.push(...(page.serviceArns ?? []));
    perCluster.set(cluster, arns);
  }
  const counts = [...perCluster.values()].map((a) => a.length);
  const minOverview = pages(counts.length, 100) + Math.ceil(counts.length / 100) + counts.reduce((s, n) => s + pages(n, 100) + Math.ceil(n / 10), 0);
  const [bigCluster, bigArns] = [...perCluster.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const minCluster = 1 + pages(bigArns.length, 100) + Math.ceil(bigArns.length / 10); // DescribeClusters + ListServices + DescribeServices
  const service = bigArns[0].split("/").pop();

  step(`seeded in ${seedS.toFixed(1)} s (agent ${agent.settled ? "settled" : "not settled"}); rendering pages`);
  const cookie = await viewerCookie(app.databaseUrl);
  const overview = await measurePage(app, cookie, "/");
  const clusterPage = await measurePage(app, cookie, `/ecs/clusters/${encodeURIComponent(bigCluster)}`);

  const serviceRoute = fs.existsSync(path.join(root, "app/api/live/service"))
    ? `/api/live/service/${encodeURIComponent(bigCluster)}/${encodeURIComponent(service)}`
    : `/api/live/fleet/clusters/${encodeURIComponent(bigCluster)}`;
  const clusterRoute = `/api/live/fleet/clusters/${encodeURIComponent(bigCluster)}`;
  const live = [];
  for (const [what, url] of [["service", serviceRoute], ["cluster page", clusterRoute]]) {
    for (const n of [1, 50]) {
      step(`${n} viewer(s) of ${url} for ${HOLD_S} s`);
      live.push({ what, url, n, ...(await viewers(app, cookie, url, n)) });
    }
  }

  console.log(`Fleet: ${seeded.clusters.length} clusters, ${counts.reduce((a, b) => a + b, 0)} services, ${seeded.desiredCount} tasks desired` +
    ` (agent: ${agent.runningTasks ?? "?"} running, ${agent.settled ? "settled" : "still starting"}); seeded in ${seedS.toFixed(1)} s`);
  console.log(`Cluster page: ${bigCluster} (${bigArns.length} services); live viewers of service ${service}\n`);
  const row = (cols, widths) => cols.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  const w1 = [26, 12, 10, 12, 12, 14];
  console.log(row(["page", "AWS calls", "minimum", "warm calls", "cold ms", "median ms (5)"], w1));
  for (const [name, m, min] of [["overview /", overview, minOverview], [`cluster page`, clusterPage, minCluster]]) {
    console.log(row([name, total(m.cold.calls), min, m.warmCalls, m.cold.ms.toFixed(0), m.warmMs.toFixed(0)], w1));
  }
  console.log(`  overview calls (cold): ${breakdown(overview.cold.calls)}`);
  console.log(`  cluster page calls (cold): ${breakdown(clusterPage.cold.calls)}`);
  console.log(`  warm: renders ${SHARED_READ_TTL_MS + 200} ms apart (past the 2 s shared read); the overview reuses service lists for 30 s\n`);
  const w2 = [14, 9, 20, 40];
  console.log(row(["live view", "viewers", "AWS calls / minute", "route"], w2));
  for (const l of live) console.log(row([l.what, l.n, l.perMinute.toFixed(0), l.url], w2));
  for (const l of live.filter((x) => x.n === 50)) console.log(`  ${l.what}, 50 viewers: ${breakdown(l.calls)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
