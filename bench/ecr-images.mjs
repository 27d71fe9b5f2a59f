// Benchmark: an ECR repository with 5,000 images. Starts Portside as `npm start` does (fresh data
// folder, sandbox), pushes BENCH_IMAGES (5,000) fake images with PutImage, opens the repository page
// in Chromium and reports the time until the images table shows (median of 5 fresh opens after a
// warm-up), the table rows in the DOM (virtualized past 100), and the AWS calls one render costs.
// Run it where no build is running:
//   flock /tmp/portside-e2e.lock node bench/ecr-images.mjs
import fs from "node:fs";
import path from "node:path";
import { CreateRepositoryCommand, ECRClient } from "@aws-sdk/client-ecr";
import { median, signedInPage, sleep, startApp } from "./lib/app.mjs";
import { resetSandboxCalls, sandboxCalls } from "../sandbox/client.mjs";
import { pushFakeImage } from "../sandbox/ecr-images.mjs";

const root = path.resolve(import.meta.dirname, "..");
const IMAGES = Number(process.env.BENCH_IMAGES ?? 5_000);
const RUNS = 5;
// The repository page shares its reads for 2 s (lib/ecr/repositories/reads.ts): wait that out so each
// open reads AWS afresh.
const SHARED_READ_TTL_MS = 2_000;



async function seed(endpoint) {
  const ecr = new ECRClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
  await ecr.send(new CreateRepositoryCommand({ repositoryName: "bench/app" }));
  const t0 = performance.now();
  // A few pushes at a time: moto answers one request at a time anyway.
  for (let i = 0; i < IMAGES; i += 8) {
    await Promise.all(Array.from({ length: Math.min(8, IMAGES - i) }, (_, j) => pushFakeImage(endpoint, { repositoryName: "bench/app", tag: `build-${i + j}`, sizes: [1_048_576 + i + j] })));
  }
  return { pushMs: performance.now() - t0, path: "/ecr/repositories/bench/app" };
}

const dataDir = fs.mkdtempSync(path.join(root, ".portside", "bench-ecr-"));
fs.chmodSync(dataDir, 0o755);
const app = await startApp(dataDir);
let browser;
let page;
try {
  const seeded = await seed(app.sandbox);
  ({ browser, page } = await signedInPage(app));
  const rowSelector = 'table[aria-label="Images"] tbody tr[data-index]';
  await page.goto(`${app.base}${seeded.path}`); // warm-up: first compile of the route's chunks
  await page.waitForSelector(rowSelector, { timeout: 120_000 });

  const times = [];
  const serverTimes = [];
  let documentBytes = 0;
  let calls = null;
  for (let i = 0; i < RUNS; i++) {
    await sleep(SHARED_READ_TTL_MS + 500);
    await resetSandboxCalls(app.sandbox);
    const t0 = Date.now();
    await page.goto(`${app.base}${seeded.path}`);
    await page.waitForSelector(rowSelector);
    times.push(Date.now() - t0);
    // Where the time went: the server (its AWS reads and render) until the document's last byte, and how much
    // the browser was sent for the document (the rows ride in its RSC payload).
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { serverMs: Math.round(n.responseEnd - n.requestStart), documentBytes: n.decodedBodySize };
    });
    serverTimes.push(nav.serverMs);
    documentBytes = nav.documentBytes;
    calls ??= (await sandboxCalls(app.sandbox)).calls;
  }
  const rows = await page.locator(rowSelector).count();
  console.log(JSON.stringify({ images: IMAGES, pushSeconds: Math.round(seeded.pushMs / 1000), openMsMedian: median(times), openMs: times, serverMsMedian: median(serverTimes), serverMs: serverTimes, documentBytes, rowsInDom: rows, awsCallsPerOpen: calls }, null, 2));
} finally {
  await browser?.close();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
