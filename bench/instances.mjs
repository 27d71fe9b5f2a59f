// Benchmark: live viewers spread over several Portside instances of one deployment (one database,
// one AWS account). Starts instance 1 as `npm start` does, and instances 2 and 3 on its database and
// sandbox, as servers behind a load balancer. Seeds a small fleet, then holds SSE live views of one
// service for HOLD_S (60) seconds each and reports the AWS calls per minute:
//   1 instance × 1 viewer;  3 instances × 50 viewers (150);  and the same 150 with instances 2 and 3
//   restarted with PORTSIDE_LIVE_RELAY=off (each polls for itself, as before the relay).
// With the relay (lib/core/live/pg-relay.ts) the second should cost what the first costs.
// 60 s rather than 30: a poll every ~3 s means one poll more or less inside the window, and the
// scaling limits an instance reads once when it takes the lease over, weigh twice as much in 30 s
// (measured: 1.14× at 30 s, 1.07× at 60 s on the same build).
// Run it where no build is running:  flock /tmp/portside-e2e.lock node bench/instances.mjs
import fs from "node:fs";
import path from "node:path";
import { ECSClient, ListServicesCommand } from "@aws-sdk/client-ecs";
import { resetSandboxCalls, sandboxCalls, seedFleet } from "../sandbox/client.mjs";
import { openLiveViewer, sleep, startApp, viewerCookie } from "./lib/app.mjs";

const root = path.resolve(import.meta.dirname, "..");
const HOLD_S = Number(process.env.HOLD_S ?? 60);
const VIEWERS = Number(process.env.VIEWERS_PER_INSTANCE ?? 50);
const step = (msg) => console.error(`[instances] ${msg}`);

/** Holds `n` SSE viewers of `url` on each app; AWS calls per minute while they are all open. */
async function hold(apps, cookie, url, n) {
  const controller = new AbortController();
  let ready = 0;
  const streams = [];
  for (const app of apps) {
    for (let i = 0; i < n; i++) {
      streams.push((await openLiveViewer(app.base, url, cookie, controller.signal, () => { ready += 1; })).done);
    }
  }
  const total = apps.length * n;
  for (const end = Date.now() + 60_000; ready < total && Date.now() < end; ) await sleep(100);
  if (ready < total) throw new Error(`${total - ready} of ${total} viewers got no data within 60 s`);
  await resetSandboxCalls(apps[0].sandbox);
  await sleep(HOLD_S * 1000);
  const { calls } = await sandboxCalls(apps[0].sandbox);
  controller.abort();
  await Promise.allSettled(streams);
  await sleep(7_000); // pollers stop 5 s after their last viewer; leases are released
  const entries = Object.entries(calls).filter(([, c]) => c > 0);
  const sum = entries.reduce((s, [, c]) => s + c, 0);
  return { perMinute: (sum * 60) / HOLD_S, breakdown: entries.map(([k, c]) => `${k} ${c}`).join(", ") };
}

const dataDir = fs.mkdtempSync(path.join(root, ".portside", "bench-instances-"));
fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when started by root
const apps = [];
try {
  apps.push(await startApp(dataDir));
  step(`instance 1 at ${apps[0].base}; starting instances 2 and 3 on its database`);
  for (let i = 0; i < 2; i++) apps.push(await startApp(dataDir, { of: apps[0] }));
  const seeded = await seedFleet(apps[0].sandbox, { clusters: 1, services: 3, tasks: 6 });
  const cluster = seeded.clusters[0];
  const ecs = new ECSClient({ region: seeded.region ?? "us-east-1", endpoint: apps[0].sandbox, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const { serviceArns = [] } = await ecs.send(new ListServicesCommand({ cluster }));
  const service = serviceArns[0].split("/").pop();
  const url = `/api/live/service/${encodeURIComponent(cluster)}/${encodeURIComponent(service)}`;
  const cookie = await viewerCookie(apps[0].databaseUrl);

  step(`1 instance × 1 viewer of ${url} for ${HOLD_S} s`);
  const one = await hold(apps.slice(0, 1), cookie, url, 1);
  step(`3 instances × ${VIEWERS} viewers for ${HOLD_S} s`);
  const shared = await hold(apps, cookie, url, VIEWERS);
  step("restarting instances 2 and 3 with PORTSIDE_LIVE_RELAY=off");
  for (const app of apps.splice(1)) await app.stop();
  for (let i = 0; i < 2; i++) apps.push(await startApp(dataDir, { of: apps[0], env: { PORTSIDE_LIVE_RELAY: "off" } }));
  const unshared = await hold(apps, cookie, url, VIEWERS);

  console.log(`Live view of one service (${url}), ${HOLD_S} s each; AWS calls per minute:`);
  console.log(`  1 instance  × 1 viewer                    ${one.perMinute.toFixed(0).padStart(5)}   (${one.breakdown})`);
  console.log(`  3 instances × ${VIEWERS} viewers, shared pollers   ${shared.perMinute.toFixed(0).padStart(5)}   (${shared.breakdown})`);
  console.log(`  3 instances × ${VIEWERS} viewers, relay off        ${unshared.perMinute.toFixed(0).padStart(5)}   (${unshared.breakdown})`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const app of apps.reverse()) await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
