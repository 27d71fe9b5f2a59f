// Realistic container log lines for the sandbox: startup banners, access-log lines and the
// error a crashing container dies with. Pure functions; `rand` is injectable for tests.

const PATHS = [
  "/",
  "/health",
  "/api/orders",
  "/api/orders/{id}",
  "/api/customers/{id}",
  "/api/cart",
  "/api/products?page={n}",
  "/static/app.{hash}.js",
  "/login",
  "/api/search?q=widget",
];
const METHODS = ["GET", "GET", "GET", "GET", "POST", "PUT", "DELETE"];
const AGENTS = [
  "ELB-HealthChecker/2.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "curl/8.5.0",
  "okhttp/4.12.0",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pick = (arr, rand) => arr[Math.floor(rand() * arr.length) % arr.length];
const pad = (n, w = 2) => String(n).padStart(w, "0");

/** Common Log Format time: 22/Nov/2026:05:10:00 +0000 */
export function clfTime(ms) {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} +0000`;
}

/** The first container port of a container definition, or 8080. */
function portOf(container) {
  return container?.portMappings?.[0]?.containerPort ?? 8080;
}

/** Lines a container prints while starting. */
export function startupLines(container, task) {
  const image = String(container?.image ?? "unknown");
  const port = portOf(container);
  const revision = task?.taskDefinition?.revision;
  const family = task?.taskDefinition?.family ?? task?.group ?? "task";
  return [
    `Starting ${container?.name ?? "app"} (image ${image})`,
    `Task ${task?.taskId ?? "?"} of ${family}${revision ? `:${revision}` : ""}, cluster ${task?.clusterName ?? "?"}`,
    `Loaded configuration: NODE_ENV=production LOG_LEVEL=info`,
    `Listening on 0.0.0.0:${port}`,
  ];
}

/**
 * One access-log line (Combined Log Format plus response time in seconds).
 * `cpu` (0–100) makes errors and slow responses more likely, as a busy service would show.
 */
export function accessLine(ms, { rand = Math.random, cpu = 10 } = {}) {
  const ip = `10.0.${Math.floor(rand() * 4)}.${2 + Math.floor(rand() * 250)}`;
  const method = pick(METHODS, rand);
  const path = pick(PATHS, rand)
    .replace("{id}", String(1000 + Math.floor(rand() * 9000)))
    .replace("{n}", String(1 + Math.floor(rand() * 20)))
    .replace("{hash}", "3f9a1c");
  const busy = Math.max(0, Math.min(1, (cpu - 60) / 40)); // 0 below 60% CPU, 1 at 100%
  const r = rand();
  let status = method === "POST" ? 201 : method === "DELETE" ? 204 : 200;
  if (r < 0.02 + busy * 0.25) status = busy > 0.3 && rand() < 0.7 ? 503 : 500;
  else if (r < 0.06 + busy * 0.25) status = 404;
  else if (r < 0.08 + busy * 0.25) status = 304;
  const bytes = status === 204 || status === 304 ? 0 : 120 + Math.floor(rand() * 4000);
  const seconds = (0.002 + rand() * 0.05) * (1 + busy * 20);
  const agent = path === "/health" ? AGENTS[0] : pick(AGENTS, rand);
  return `${ip} - - [${clfTime(ms)}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" ${seconds.toFixed(3)}`;
}

/** Lines a crashing container prints before it dies. */
export function crashLines(container, { exitCode = 1 } = {}) {
  const name = container?.name ?? "app";
  return [
    `Error: connect ECONNREFUSED 10.0.12.34:5432`,
    `    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)`,
    `FATAL ${name}: database unavailable during startup, exiting with code ${exitCode}`,
  ];
}

/** Lines printed when a task is stopped normally (SIGTERM from ECS). */
export function shutdownLines(container, { stoppedReason } = {}) {
  return [
    `Received SIGTERM${stoppedReason ? ` (${stoppedReason})` : ""}, draining connections`,
    `${container?.name ?? "app"} stopped`,
  ];
}

const JOBS = ["send-invoice", "resize-image", "sync-inventory", "charge-card", "export-report"];

/** One line of a worker container (no port mappings): a processed job. */
export function workerLine(ms, { rand = Math.random, cpu = 10 } = {}) {
  const busy = Math.max(0, Math.min(1, (cpu - 60) / 40));
  const job = pick(JOBS, rand);
  const id = 100000 + Math.floor(rand() * 900000);
  const took = Math.round((5 + rand() * 80) * (1 + busy * 10));
  if (rand() < 0.01 + busy * 0.1) return `WARN job ${job} #${id} failed after ${took}ms, retrying (attempt 2 of 5)`;
  return `INFO job ${job} #${id} done in ${took}ms`;
}
