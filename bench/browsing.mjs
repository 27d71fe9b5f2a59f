// Benchmark: many signed-in people browsing the same ECS pages. Starts Portside as `npm start` does,
// seeds a small fleet in the sandbox, then BROWSE_USERS (200) viewers, each with their own session,
// open a page, pause BROWSE_THINK_MS (1 s), open another, for BROWSE_SECONDS (60). Reports the AWS
// calls per second this costs (gateway counters; ECS separately, by operation) and page times
// p50 / p95 / p99 (full HTML). With page reads shared (lib/core/live/shared-read.ts) the AWS rate
// depends on which pages are looked at, not on how many people look.
// Run it where no build is running:  flock /tmp/portside-e2e.lock node bench/browsing.mjs
import fs from "node:fs";
import path from "node:path";
import { resetSandboxCalls, sandboxCalls, seedFleet } from "../sandbox/client.mjs";
import { sleep, startApp, viewerCookie } from "./lib/app.mjs";

const root = path.resolve(import.meta.dirname, "..");
const USERS = Number(process.env.BROWSE_USERS ?? 200);
const THINK_MS = Number(process.env.BROWSE_THINK_MS ?? 1000);
const SECONDS = Number(process.env.BROWSE_SECONDS ?? 60);
const PER_CLUSTER = Number(process.env.BROWSE_SERVICES_PER_CLUSTER ?? 3);
const step = (msg) => console.error(`[browsing] ${msg}`);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** A small deterministic random stream, so two runs browse the same way. */
function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const dataDir = fs.mkdtempSync(path.join(root, ".portside", "bench-browse-"));
fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when started by root
let app;
try {
  app = await startApp(dataDir);
  const seeded = await seedFleet(app.sandbox, { clusters: 3, services: 30, tasks: 60 });
  const clusters = seeded.clusters.map((c) => c.split("/").pop());
  const ecs = await import("@aws-sdk/client-ecs");
  const client = new ecs.ECSClient({ region: seeded.region ?? "us-east-1", endpoint: app.sandbox, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const services = [];
  for (const cluster of clusters) {
    const { serviceArns = [] } = await client.send(new ecs.ListServicesCommand({ cluster, maxResults: PER_CLUSTER }));
    // moto ignores maxResults: take three services per cluster, as intended (BROWSE_SERVICES_PER_CLUSTER).
    for (const arn of serviceArns.slice(0, PER_CLUSTER)) services.push([cluster, arn.split("/").pop()]);
  }
  const pages = [
    "/",
    "/ecs/clusters",
    "/ecs/task-definitions",
    ...clusters.map((c) => `/ecs/clusters/${encodeURIComponent(c)}`),
    ...services.map(([c, s]) => `/ecs/clusters/${encodeURIComponent(c)}/services/${encodeURIComponent(s)}`),
  ];
  step(`app at ${app.base}; ${pages.length} pages; making ${USERS} sessions`);
  const cookies = [];
  for (let i = 0; i < USERS; i++) cookies.push(await viewerCookie(app.databaseUrl));

  const open = async (cookie, url) => {
    const t0 = performance.now();
    const res = await fetch(app.base + url, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url} → HTTP ${res.status}`);
    if (/Reading from AWS failed|ThrottlingException/.test(html)) throw new Error(`GET ${url} rendered an AWS error`);
    return performance.now() - t0;
  };
  for (const url of pages) await open(cookies[0], url); // warm-up: first render of each route

  step(`${USERS} people browsing for ${SECONDS} s, ${THINK_MS} ms between pages`);
  await resetSandboxCalls(app.sandbox);
  const started = performance.now();
  const until = Date.now() + SECONDS * 1000;
  const times = [];
  const perPage = new Map();
  let failures = 0;
  await Promise.all(
    cookies.map(async (cookie, i) => {
      const random = prng(i + 1);
      await sleep(random() * THINK_MS); // people do not all click at the same instant
      while (Date.now() < until) {
        const url = pages[Math.floor(random() * pages.length)];
        try {
          const ms = await open(cookie, url);
          times.push(ms);
          const kind = url.replace(/\/[^/]+$/, "/…");
          perPage.set(kind, [...(perPage.get(kind) ?? []), ms]);
        } catch (error) {
          failures += 1;
          if (failures <= 3) step(String(error));
        }
        await sleep(THINK_MS);
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  const { calls } = await sandboxCalls(app.sandbox);
  const entries = Object.entries(calls).sort((a, b) => b[1] - a[1]);
  const sum = (xs) => xs.reduce((s, [, n]) => s + n, 0);
  const ecsEntries = entries.filter(([k]) => k.startsWith("ecs:"));
  times.sort((a, b) => a - b);
  const ms = (x) => Math.round(x ?? 0);
  console.log(`${USERS} people, ${THINK_MS} ms think, ${elapsedS.toFixed(0)} s; fleet of ${clusters.length} clusters; ${pages.length} pages browsed at random`);
  console.log(`pages opened: ${times.length} (${(times.length / elapsedS).toFixed(1)}/s), failed: ${failures}`);
  console.log(`page time ms: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}`);
  console.log(`AWS calls/s: ${(sum(entries) / elapsedS).toFixed(2)} in all, ECS ${(sum(ecsEntries) / elapsedS).toFixed(2)}`);
  console.log(`  by operation (calls/s): ${entries.slice(0, 10).map(([k, n]) => `${k} ${(n / elapsedS).toFixed(2)}`).join(", ")}`);
  for (const [kind, xs] of perPage) {
    xs.sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(40)} ${String(xs.length).padStart(5)} opens, p50 ${ms(percentile(xs, 50))} ms, p95 ${ms(percentile(xs, 95))} ms`);
  }
  if (failures > times.length / 100) process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
