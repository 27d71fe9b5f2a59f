// Tiny client for the sandbox gateway's control API (tests, benchmarks, scripts).
// `endpoint` is the gateway URL, e.g. "http://127.0.0.1:4566".

async function call(endpoint, method, path, body) {
  const res = await fetch(new URL(path, endpoint), {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = { raw: text };
  }
  if (!res.ok) {
    throw new Error(`sandbox ${method} ${path} → HTTP ${res.status}: ${data.error ?? data.message ?? text}`);
  }
  return data;
}

/** @returns {Promise<{ total: number, calls: Record<string, number>, byRegion: object, faulted: Record<string, number>, unimplemented: Record<string, number> }>} */
export function sandboxCalls(endpoint) {
  return call(endpoint, "GET", "/_sandbox/calls");
}

export function resetSandboxCalls(endpoint) {
  return call(endpoint, "POST", "/_sandbox/calls/reset");
}

/**
 * @param {string} endpoint
 * @param {{ service?: string, operation?: string, fault: "throttle"|"server_error"|"latency"|"access_denied",
 *           count?: number, latencyMs?: number, code?: string, message?: string, status?: number }} rule
 * @returns {Promise<object>} the stored rule, with its id
 */
export function injectFault(endpoint, rule) {
  return call(endpoint, "POST", "/_sandbox/faults", rule);
}

export async function listFaults(endpoint) {
  return (await call(endpoint, "GET", "/_sandbox/faults")).faults;
}

export function clearFaults(endpoint) {
  return call(endpoint, "DELETE", "/_sandbox/faults");
}

/** Reset moto's state, the call counters and the fault rules. */
export function resetSandbox(endpoint) {
  return call(endpoint, "POST", "/_sandbox/reset");
}

export function sandboxHealth(endpoint) {
  return call(endpoint, "GET", "/_sandbox/health");
}

/**
 * Configure the gateway's App Runner: refuse CreateService as for an account new to App Runner,
 * and/or the pace of lifecycle transitions (ms). Returns the settings now in force.
 * @param {string} endpoint
 * @param {{ refuseNewCustomers?: boolean, paceMs?: number }} settings
 * @returns {Promise<{ refuseNewCustomers: boolean, paceMs: number }>}
 */
export function setAppRunner(endpoint, settings = {}) {
  return call(endpoint, "POST", "/_sandbox/apprunner", settings);
}

/** @returns {Promise<{ refuseNewCustomers: boolean, paceMs: number }>} */
export function getAppRunner(endpoint) {
  return call(endpoint, "GET", "/_sandbox/apprunner");
}

/**
 * The Express Mode services the gateway knows (every region, including DRAINING/INACTIVE ones).
 * @returns {Promise<{ serviceArn: string, serviceName: string, cluster: string, region: string, status: string, endpoint: string }[]>}
 */
export async function expressServices(endpoint) {
  return (await call(endpoint, "GET", "/_sandbox/express")).services;
}

/**
 * Configure the gateway's EKS emulation: the pace (ms) of CREATING → ACTIVE, DELETING → gone and
 * update InProgress → Successful. Returns the settings now in force.
 * @param {string} endpoint
 * @param {{ paceMs?: number }} settings
 * @returns {Promise<{ paceMs: number }>}
 */
export async function setEks(endpoint, settings = {}) {
  return call(endpoint, "POST", "/_sandbox/eks", settings);
}

/**
 * The EKS emulation's settings and the add-ons it holds (every region), with the
 * resolveConflicts each was created or last updated with.
 * @returns {Promise<{ paceMs: number, addons: object[] }>}
 */
export function getEks(endpoint) {
  return call(endpoint, "GET", "/_sandbox/eks");
}

/**
 * Push a service's CPU / memory up (sandbox telemetry): `cpu`/`memory` are extra utilization in
 * percent of one task, spread over the service's running tasks; `requests` is requests per second
 * (more access-log lines). Omitted fields keep their value; all zero removes the load.
 * @param {string} endpoint
 * @param {{ cluster: string, service: string, cpu?: number, memory?: number, requests?: number }} load
 */
export function setLoad(endpoint, load) {
  return call(endpoint, "POST", "/_sandbox/load", load);
}

/** @returns {Promise<{ loads: { cluster: string, service: string, cpu: number, memory: number, requests: number }[] }>} */
export function getLoad(endpoint) {
  return call(endpoint, "GET", "/_sandbox/load");
}

/**
 * Create clusters, task definitions and services (desired counts summing to `tasks`) straight in moto.
 * @param {string} endpoint
 * @param {{ clusters?: number, services?: number, tasks?: number, region?: string, prefix?: string }} [options]
 */
export function seedFleet(endpoint, options = {}) {
  return call(endpoint, "POST", "/_sandbox/fleet", options);
}

/**
 * The ECS runtime agent's settings and state (sandbox/runtime/ecs-agent.mjs).
 * @returns {Promise<{ paused: boolean, paceMs: number, tickMs: number, crashAfterMs: number, sweepMs: number, retentionMs: number,
 *   settled: boolean, services: number, tasks: number, runningTasks: number, stoppedTasks: number, transitioning: number, stats: object }>}
 */
export function getAgent(endpoint) {
  return call(endpoint, "GET", "/_sandbox/agent");
}

/**
 * Configure the ECS runtime agent: pause/resume it, the pace of task transitions (ms), its tick (ms),
 * how long a "crash" task runs before exiting, how often it looks in moto for services, how long
 * stopped tasks stay listable. Returns its state.
 * @param {string} endpoint
 * @param {{ paused?: boolean, paceMs?: number, tickMs?: number, crashAfterMs?: number, sweepMs?: number, retentionMs?: number }} settings
 */
export function setAgent(endpoint, settings = {}) {
  return call(endpoint, "POST", "/_sandbox/agent", settings);
}

/**
 * The Lambda lifecycle hooks the ECS agent invoked during service deployments, oldest first
 * ({ at, serviceArn, serviceDeploymentArn, step, hookTargetArn, stage, status }).
 * @param {string} endpoint
 */
export async function hookInvocations(endpoint) {
  return (await call(endpoint, "GET", "/_sandbox/hooks")).invocations;
}

/** Make the agent look in moto now for services created there directly (e.g. a seeded fleet). Returns its state. */
export function syncAgent(endpoint) {
  return call(endpoint, "POST", "/_sandbox/agent/sync");
}

/**
 * Wait until the agent has nothing in flight: every service steady (or its deployment failed),
 * no task between states. A service whose tasks keep crashing never settles.
 * @param {string} endpoint
 * @param {{ timeoutMs?: number, intervalMs?: number }} [options]
 */
export async function waitForAgent(endpoint, { timeoutMs = 30_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await getAgent(endpoint);
    if (state.settled) return state;
    if (Date.now() > deadline) throw new Error(`sandbox ECS agent not settled after ${timeoutMs} ms: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * The sandbox telemetry's settings and counters (log lines / metrics of the agent's tasks).
 * @returns {Promise<{ settings: { linesPerSecond: number, maxLinesPerSecond: number, metricsIntervalMs: number,
 *   maxDatapointsPerMinute: number, logFlushMs: number, maxPutsPerSecond: number },
 *   stats: { linesWritten: number, linesDropped: number, putLogEventsCalls: number, putMetricDataCalls: number,
 *   errors: number, lastError: string|null, tasks: number, streams: number, pendingLines: number } }>}
 */
export function getTelemetry(endpoint) {
  return call(endpoint, "GET", "/_sandbox/telemetry");
}

/**
 * Tune the telemetry until the next POST /_sandbox/reset (e.g. `{ metricsIntervalMs: 1000 }` for a
 * scaling test, `{ linesPerSecond: 0 }` for a quiet benchmark). Returns the same as getTelemetry.
 * @param {string} endpoint
 * @param {{ linesPerSecond?: number, maxLinesPerSecond?: number, metricsIntervalMs?: number,
 *   maxDatapointsPerMinute?: number, logFlushMs?: number, maxPutsPerSecond?: number }} settings
 */
export function setTelemetry(endpoint, settings) {
  return call(endpoint, "POST", "/_sandbox/telemetry", settings);
}

/**
 * The sandbox auto scaling's settings and counters (alarm evaluation, scaling, scheduled actions).
 * @returns {Promise<{ settings: { paused: boolean, evalMs: number, timeScale: number, drainPerTask: number },
 *   stats: { rounds: number, lastRoundMs: number, alarmsEvaluated: number, stateChanges: number, scalings: number,
 *   scheduledRuns: number, messagesDrained: number, errors: number, lastError: string|null, activities: number } }>}
 */
export function getAutoscaling(endpoint) {
  return call(endpoint, "GET", "/_sandbox/autoscaling");
}

/**
 * Tune auto scaling until the next POST /_sandbox/reset, e.g. `{ evalMs: 250, timeScale: 60 }` so a
 * 60 s alarm period lasts 1 s. Returns the same as getAutoscaling.
 * @param {string} endpoint
 * @param {{ paused?: boolean, evalMs?: number, timeScale?: number, drainPerTask?: number }} settings
 */
export function setAutoscaling(endpoint, settings) {
  return call(endpoint, "POST", "/_sandbox/autoscaling", settings);
}

/** What sandbox/events.mjs holds: buckets with EventBridge on, and each rule target's invocation. */
export function sandboxEvents(endpoint) {
  return call(endpoint, "GET", "/_sandbox/events");
}

/** The e-mails SNS would have sent to topics' email / email-json subscriptions. */
export function snsOutbox(endpoint) {
  return call(endpoint, "GET", "/_sandbox/sns/outbox");
}

/** Follow an e-mail subscription's confirmation link (by ARN, or by topic and address). */
export function confirmSnsSubscription(endpoint, which) {
  return call(endpoint, "POST", "/_sandbox/sns/confirm", which);
}

/** The gateway's Elastic Beanstalk: its pace and every environment with status, health and instances. */
export function getBeanstalk(endpoint) {
  return call(endpoint, "GET", "/_sandbox/beanstalk");
}

/** Set the pace (ms per step) of Beanstalk launches, deployments and terminations until the next reset. */
export function setBeanstalk(endpoint, settings) {
  return call(endpoint, "POST", "/_sandbox/beanstalk", settings);
}
