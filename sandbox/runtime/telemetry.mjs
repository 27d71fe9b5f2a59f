// Sandbox telemetry: what running ECS tasks would produce in AWS — awslogs log lines and
// AWS/ECS CPU/memory metrics — written straight to moto (not through the gateway, so not counted).
// Called by the sandbox ECS runtime agent (sandbox/runtime/ecs-*.mjs). See sandbox/README.md "Telemetry".
import { callMoto } from "../apprunner.mjs";
import { accessLine, crashLines, shutdownLines, startupLines, workerLine } from "./log-lines.mjs";
import { loadStoreFor, metricRound, nameOf, regionOf } from "./metrics.mjs";

/**
 * @typedef {{ clusterArn: string, clusterName: string, serviceName: string|null, taskArn: string,
 *   taskId: string, group: string, startedAt: number, taskDefinition: any, crashing: boolean,
 *   exitCode?: number, stoppedReason?: string, loadBalancers?: { targetGroupArn?: string }[] }} TelemetryTask
 * loadBalancers (optional, the service's): adds AWS/ApplicationELB RequestCountPerTarget per target group.
 */

const envNumber = (name, fallback) => {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) && v >= 0 ? v : fallback;
};

// Calls to moto in flight, per moto (shared by every telemetry of that moto, so the gateway's
// POST /_sandbox/reset can wait for them without holding the agent's telemetry object).
const pendingByMoto = new Map();
function pendingFor(origin) {
  let set = pendingByMoto.get(origin);
  if (!set) pendingByMoto.set(origin, (set = new Set()));
  return set;
}

/** Resolves when no telemetry call to this moto is in flight (after reset(), before resetting moto). */
export async function telemetrySettled(motoUrl) {
  const set = pendingFor(new URL(motoUrl).origin);
  while (set.size) await Promise.allSettled([...set]);
}

// Live telemetries per moto, so the gateway's /_sandbox/telemetry can read and tune the agent's.
const instancesByMoto = new Map();
/** The telemetries (normally one, the agent's) writing to this moto. */
export function telemetriesFor(motoUrl) {
  return [...(instancesByMoto.get(new URL(motoUrl).origin) ?? [])];
}

const MAX_EVENTS_PER_PUT = 5_000; // PutLogEvents allows 10,000 events / 1 MiB
const MAX_BUFFERED_PER_STREAM = 20_000; // beyond this the oldest unsent lines are dropped
const MAX_METRICS_PER_PUT = 500; // PutMetricData allows 1,000

/**
 * @param {{ motoUrl: string, linesPerSecond?: number, maxLinesPerSecond?: number,
 *   metricsIntervalMs?: number, maxDatapointsPerMinute?: number, logFlushMs?: number, maxPutsPerSecond?: number, concurrency?: number, rand?: () => number,
 *   log?: (msg: string) => void }} options
 *   linesPerSecond: access-log lines per task per second (env SANDBOX_LOG_LINES_PER_SECOND, default 1);
 *   maxLinesPerSecond: cap over all tasks, rates are scaled down beyond it (SANDBOX_LOG_MAX_LINES_PER_SECOND, 200);
 *   metricsIntervalMs: at most one metrics round per this much tick time (SANDBOX_METRICS_INTERVAL_MS, 10000; 0 = every tick);
 *   maxDatapointsPerMinute: rounds are spaced further apart when a round has more datapoints than this
 *     per minute (SANDBOX_METRICS_MAX_PER_MINUTE, 600; 1,000 services → one round every 5 minutes);
 *   logFlushMs: a stream's lines wait at most this long before one PutLogEvents sends them (SANDBOX_LOG_FLUSH_MS, 1000),
 *     longer when more streams than maxPutsPerSecond (50) have lines waiting;
 *   concurrency: parallel PutLogEvents calls to moto (8).
 */
export function createTelemetry({
  motoUrl,
  linesPerSecond = envNumber("SANDBOX_LOG_LINES_PER_SECOND", 1),
  maxLinesPerSecond = envNumber("SANDBOX_LOG_MAX_LINES_PER_SECOND", 200),
  metricsIntervalMs = envNumber("SANDBOX_METRICS_INTERVAL_MS", 10_000),
  maxDatapointsPerMinute = envNumber("SANDBOX_METRICS_MAX_PER_MINUTE", 600),
  logFlushMs = envNumber("SANDBOX_LOG_FLUSH_MS", 1000),
  maxPutsPerSecond = 50,
  concurrency = 8,
  rand = Math.random,
  log = () => {},
} = {}) {
  if (!motoUrl) throw new Error("createTelemetry: `motoUrl` is required");
  const upstream = new URL(motoUrl).origin;
  const load = loadStoreFor(upstream);
  const settings = { linesPerSecond, maxLinesPerSecond, metricsIntervalMs, maxDatapointsPerMinute, logFlushMs, maxPutsPerSecond };
  const initialSettings = { ...settings };

  let epoch = 0; // bumped by reset()/close(): work started before is dropped
  let closed = false;
  /** taskArn → { task, region, containers: [{ container, streamKey }], lastGenMs, carry, cpu } */
  const tasks = new Map();
  /** streamKey → { region, group, stream, events: [{timestamp, message}], lastTs, ready: Promise<boolean>|null, broken: string|null } */
  const streams = new Map();
  const groupsCreated = new Map(); // region\0group → Promise
  const dirty = new Set(); // streamKeys with events waiting
  let inFlight = 0;
  let waiters = [];
  let forcing = false; // flush() in progress: every stream is due
  let lastMetricsMs = -Infinity;
  let lastRoundMs = -Infinity; // tick time of the last published round (for per-round request counts)
  let metricsInFlight = null;
  /** `${cluster}/${service}` → { cpu, memory, runningTasks, at } from the last metrics round */
  const lastUtil = new Map();
  const stats = { linesWritten: 0, linesDropped: 0, putLogEventsCalls: 0, putMetricDataCalls: 0, errors: 0, lastError: null };

  const pending = pendingFor(upstream); // every call to moto still in flight (settled() waits for them)
  const moto = (args) => {
    const p = callMoto(upstream, args);
    pending.add(p);
    const done = () => pending.delete(p);
    p.then(done, done);
    return p;
  };
  const logs = (region, op, body) => moto({ service: "logs", target: `Logs_20140328.${op}`, region, body });
  const ignoreExists = (err) => {
    if (err?.code !== "ResourceAlreadyExistsException") throw err;
  };
  const fail = (err, what) => {
    stats.errors += 1;
    stats.lastError = `${what}: ${err?.code ?? ""} ${err?.message ?? err}`.trim();
    log(`[telemetry] ${stats.lastError}`);
  };

  function awslogsContainers(task) {
    const defs = task.taskDefinition?.containerDefinitions ?? [];
    return defs.filter((c) => c?.logConfiguration?.logDriver === "awslogs" && c.logConfiguration.options?.["awslogs-group"]);
  }

  /**
   * Make sure the group (if awslogs-create-group asks) and the stream exist. Resolves false when the
   * stream cannot be written now; it is marked broken only when the group does not exist (ECS would
   * not start such a task either), otherwise (timeouts, 5xx) the next send tries again.
   */
  function ensureStream(s) {
    s.ready ??= (async () => {
      const myEpoch = epoch;
      try {
        if (String(s.options["awslogs-create-group"]).toLowerCase() === "true") {
          const gk = `${s.region}\u0000${s.group}`;
          let p = groupsCreated.get(gk);
          if (!p) {
            p = logs(s.region, "CreateLogGroup", { logGroupName: s.group }).catch(ignoreExists);
            groupsCreated.set(gk, p);
            p.catch(() => groupsCreated.delete(gk));
          }
          await p;
        }
        if (myEpoch !== epoch) return false;
        await logs(s.region, "CreateLogStream", { logGroupName: s.group, logStreamName: s.stream }).catch(ignoreExists);
        return true;
      } catch (err) {
        fail(err, `log stream ${s.group} ${s.stream}`);
        if (err?.code === "ResourceNotFoundException") s.broken = `${err.code}: ${err.message}`;
        else s.ready = null;
        return false;
      }
    })();
    return s.ready;
  }

  function trackTask(task) {
    let t = tasks.get(task.taskArn);
    if (t) {
      t.task = task;
      return t;
    }
    const region = regionOf(task.clusterArn ?? task.taskArn);
    const containers = awslogsContainers(task).map((container) => {
      const o = container.logConfiguration.options;
      const group = o["awslogs-group"];
      const prefix = o["awslogs-stream-prefix"];
      // What ECS names the stream: prefix-name/container-name/ecs-task-id (no prefix: the task id alone).
      const stream = prefix ? `${prefix}/${container.name}/${task.taskId}` : task.taskId;
      const sRegion = o["awslogs-region"] || region;
      const streamKey = `${sRegion}\u0000${group}\u0000${stream}`;
      let s = streams.get(streamKey);
      if (!s) streams.set(streamKey, (s = { region: sRegion, group, stream, options: o, events: [], lastTs: 0, ready: null, broken: null, failures: 0 }));
      return { container, streamKey };
    });
    t = { task, region, containers, lastGenMs: task.startedAt ?? Date.now(), carry: 0.5, cpu: 10 }; // carry: half a line, so counts round to the nearest
    tasks.set(task.taskArn, t);
    return t;
  }

  function append(streamKey, timestamp, message) {
    const s = streams.get(streamKey);
    if (!s || s.broken) return;
    const ts = Math.max(Math.round(timestamp), s.lastTs);
    s.lastTs = ts;
    if (s.events.length === 0 && !s.sending) s.since = Date.now();
    s.events.push({ timestamp: ts, message });
    if (s.events.length > MAX_BUFFERED_PER_STREAM) {
      const drop = s.events.length - MAX_BUFFERED_PER_STREAM;
      s.events.splice(0, drop);
      stats.linesDropped += drop;
    }
    if (!s.sending) dirty.add(streamKey);
  }

  /** Lines written at once (startup, crash, shutdown): sent without waiting for the flush interval. */
  function appendLines(streamKey, startMs, lines) {
    lines.forEach((line, i) => append(streamKey, startMs + i, line));
    const s = streams.get(streamKey);
    if (s) s.urgent = true;
  }

  function wake() {
    if (inFlight === 0 && dirty.size === 0 && waiters.length) {
      const w = waiters;
      waiters = [];
      forcing = false;
      w.forEach((r) => r());
    }
  }

  /**
   * Send the streams whose lines are due: after taskStarted/taskStopped at once, otherwise once the
   * oldest waiting line is logFlushMs old — longer with many streams, so that moto sees at most
   * about maxPutsPerSecond PutLogEvents calls per second (each one batching what a stream gathered).
   */
  function pump() {
    const myEpoch = epoch;
    const now = Date.now();
    const minAge = Math.max(settings.logFlushMs, ((dirty.size + inFlight) / Math.max(1, settings.maxPutsPerSecond)) * 1000);
    for (const streamKey of dirty) {
      if (closed || inFlight >= concurrency) break;
      const s = streams.get(streamKey);
      if (!s || s.events.length === 0) {
        dirty.delete(streamKey);
        continue;
      }
      if (!(forcing || s.urgent || now - s.since >= minAge)) continue;
      dirty.delete(streamKey);
      s.sending = true;
      s.urgent = false;
      inFlight += 1;
      (async () => {
        try {
          const ok = await ensureStream(s);
          if (myEpoch !== epoch) return;
          if (!ok) {
            // Broken (no group): drop. Otherwise keep the lines for the next try, a few times.
            if (s.broken || ++s.failures > 3) {
              stats.linesDropped += s.events.length;
              s.events = [];
            }
            return;
          }
          while (s.events.length > 0 && myEpoch === epoch) {
            const batch = s.events.splice(0, MAX_EVENTS_PER_PUT);
            try {
              stats.putLogEventsCalls += 1;
              await logs(s.region, "PutLogEvents", { logGroupName: s.group, logStreamName: s.stream, logEvents: batch });
              stats.linesWritten += batch.length;
              s.failures = 0;
            } catch (err) {
              fail(err, `PutLogEvents ${s.group} ${s.stream}`);
              if (err?.code === "ResourceNotFoundException" || ++s.failures > 3) {
                stats.linesDropped += batch.length;
                s.ready = null; // the stream (or group) went away: create it again next time
              } else {
                s.events.unshift(...batch); // moto busy: try again on the next flush
              }
              break;
            }
          }
        } finally {
          s.sending = false;
          inFlight -= 1;
          if (myEpoch === epoch) {
            if (s.events.length > 0) {
              s.since = Date.now();
              dirty.add(streamKey);
            } else if (s.closing) {
              streams.delete(streamKey); // the task stopped and everything it wrote is in moto
            }
          }
          pump();
        }
      })();
    }
    wake();
  }

  function serviceRate(t, runningOfService) {
    const l = t.task.serviceName ? load.get(t.task.clusterName, t.task.serviceName) : null;
    return settings.linesPerSecond + (l?.requests ? l.requests / Math.max(1, runningOfService) : 0);
  }

  async function publishMetrics(nowMs, runningTasks) {
    const myEpoch = epoch;
    const perTask = (t, u) => {
      const tt = tasks.get(t.taskArn);
      if (tt) tt.cpu = u.cpu;
    };
    const elapsedSec = Number.isFinite(lastRoundMs) ? Math.max(0, (nowMs - lastRoundMs) / 1000) : Math.max(1, settings.metricsIntervalMs / 1000);
    lastRoundMs = nowMs;
    const rounds = metricRound(nowMs, runningTasks, load, { rand, perTask, elapsedSec, requestsPerTask: settings.linesPerSecond });
    for (const [region, r] of rounds) {
      for (const m of r.AWS_ECS) {
        const dims = m.Dimensions;
        if (dims.length !== 2) continue;
        const key = `${dims[0].Value}/${dims[1].Value}`;
        const u = lastUtil.get(key) ?? { cpu: 0, memory: 0, runningTasks: 0, at: nowMs };
        if (m.MetricName === "CPUUtilization") u.cpu = m.Value;
        else u.memory = m.Value;
        u.at = nowMs;
        lastUtil.set(key, u);
      }
      for (const m of r.ContainerInsights) {
        const u = lastUtil.get(`${m.Dimensions[0].Value}/${m.Dimensions[1].Value}`);
        if (u) u.runningTasks = m.Value;
      }
      for (const [Namespace, data] of [
        ["AWS/ECS", r.AWS_ECS],
        ["ECS/ContainerInsights", r.ContainerInsights],
        ["AWS/ApplicationELB", r.ALB],
      ]) {
        for (let i = 0; i < data.length; i += MAX_METRICS_PER_PUT) {
          if (myEpoch !== epoch || closed) return;
          const MetricData = data.slice(i, i + MAX_METRICS_PER_PUT).map((m) => ({ ...m, Timestamp: m.Timestamp.getTime() / 1000 }));
          try {
            stats.putMetricDataCalls += 1;
            await moto({
              service: "monitoring",
              target: `GraniteServiceVersion20100801.PutMetricData`,
              region,
              version: "1.0",
              body: { Namespace, MetricData },
            });
          } catch (err) {
            fail(err, `PutMetricData ${Namespace} ${region}`);
          }
        }
      }
    }
  }

  /** Forget everything (moto was reset): tasks, streams, queued lines, load. */
  function reset() {
    epoch += 1;
    tasks.clear();
    streams.clear();
    groupsCreated.clear();
    dirty.clear();
    lastUtil.clear();
    lastMetricsMs = -Infinity;
    lastRoundMs = -Infinity;
    Object.assign(settings, initialSettings); // a test's tuning does not outlive POST /_sandbox/reset
    load.clear();
    const w = waiters;
    waiters = [];
    forcing = false;
    w.forEach((r) => r());
  }

  const api = {
    /** @param {TelemetryTask} task */
    async taskStarted(task) {
      if (closed) return;
      const t = trackTask(task);
      const at = task.startedAt ?? Date.now();
      t.lastGenMs = at + 10;
      for (const { container, streamKey } of t.containers) appendLines(streamKey, at, startupLines(container, task));
      pump();
    },

    /** @param {TelemetryTask} task */
    async taskStopped(task) {
      if (closed) return;
      const t = tasks.get(task.taskArn) ?? trackTask(task);
      const at = Math.max(Date.now(), t.lastGenMs + 1);
      for (const { container, streamKey } of t.containers) {
        const crashed = task.crashing || (task.exitCode !== undefined && task.exitCode !== null && task.exitCode !== 0);
        appendLines(
          streamKey,
          at,
          crashed
            ? crashLines(container, { exitCode: task.exitCode ?? 1 })
            : shutdownLines(container, { stoppedReason: task.stoppedReason }),
        );
      }
      tasks.delete(task.taskArn);
      for (const { streamKey } of t.containers) {
        const s = streams.get(streamKey);
        if (s) s.closing = true;
      }
      pump();
    },

    /**
     * Write the log lines due since the last tick for every running task and, at most once per
     * metricsIntervalMs, publish one round of metrics. Resolves once lines are queued (writes go on
     * in the background; `flush()` waits for them).
     * @param {number} nowMs
     * @param {TelemetryTask[]} runningTasks
     */
    async tick(nowMs, runningTasks) {
      if (closed) return;
      const running = new Set();
      const perService = new Map();
      for (const task of runningTasks) {
        running.add(task.taskArn);
        const k = `${task.clusterName}/${task.serviceName ?? ""}`;
        perService.set(k, (perService.get(k) ?? 0) + 1);
      }
      // Tasks the agent no longer reports (stopped without taskStopped, or a reset) are forgotten.
      for (const [arn, t] of tasks) {
        if (running.has(arn)) continue;
        tasks.delete(arn);
        for (const { streamKey } of t.containers) {
          const s = streams.get(streamKey);
          if (!s) continue;
          s.closing = true;
          if (s.events.length === 0 && !s.sending) streams.delete(streamKey);
        }
      }

      const tracked = runningTasks.filter((t) => !t.crashing).map((task) => trackTask(task));
      const rates = tracked.map((t) => serviceRate(t, perService.get(`${t.task.clusterName}/${t.task.serviceName ?? ""}`) ?? 1));
      const total = rates.reduce((s, r) => s + r, 0); // lines per second over all tasks
      const scale = total > settings.maxLinesPerSecond && total > 0 ? settings.maxLinesPerSecond / total : 1;
      tracked.forEach((t, i) => {
        const from = t.lastGenMs;
        const elapsed = Math.min(Math.max(0, nowMs - from), 60_000);
        t.lastGenMs = nowMs;
        if (elapsed <= 0 || t.containers.length === 0) return;
        const want = t.carry + (rates[i] * scale * elapsed) / 1000;
        const n = Math.floor(want);
        t.carry = want - n;
        for (let k = 0; k < n; k++) {
          const ts = nowMs - elapsed + ((k + 1) * elapsed) / n;
          for (const { container, streamKey } of t.containers) {
            const line = container.portMappings?.length ? accessLine(ts, { rand, cpu: t.cpu }) : workerLine(ts, { rand, cpu: t.cpu });
            append(streamKey, ts, line);
          }
        }
      });
      pump();

      // moto's GetMetricData scans every datapoint it holds (~45 µs each), so a big fleet publishes
      // less often: at most maxDatapointsPerMinute datapoints per minute of tick time.
      const clusters = new Set(runningTasks.map((t) => t.clusterName)).size;
      const roundSize = perService.size * 3 + clusters * 2;
      const interval = Math.max(settings.metricsIntervalMs, (roundSize / Math.max(1, settings.maxDatapointsPerMinute)) * 60_000);
      if (!metricsInFlight && nowMs - lastMetricsMs >= interval) {
        lastMetricsMs = nowMs;
        metricsInFlight = publishMetrics(nowMs, runningTasks).finally(() => {
          metricsInFlight = null;
        });
      }
    },

    /**
     * Resolves when the calls already sent to moto have answered (use after reset(), before
     * resetting moto, so that no late CreateLogGroup lands in the next test's moto).
     */
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },

    /** Resolves when every queued log line and the current metrics round have reached moto. */
    async flush() {
      if (inFlight > 0 || dirty.size > 0) {
        const done = new Promise((r) => waiters.push(r));
        forcing = true;
        pump();
        await done;
      }
      await metricsInFlight;
    },

    /** Change rates at run time (all or nothing); unknown or negative settings throw. */
    configure(next = {}) {
      if (next === null || typeof next !== "object" || Array.isArray(next)) throw new Error("settings must be an object");
      for (const [k, v] of Object.entries(next)) {
        if (!(k in settings)) throw new Error(`unknown telemetry setting ${k} (known: ${Object.keys(settings).join(", ")})`);
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new Error(`${k} must be a number ≥ 0`);
        if ((k === "maxPutsPerSecond" || k === "maxDatapointsPerMinute") && v === 0) throw new Error(`${k} must be above 0`);
      }
      Object.assign(settings, next);
      return { ...settings };
    },

    /** The load knob (same store as POST /_sandbox/load). */
    setLoad(input) {
      return load.set(input);
    },
    getLoad(cluster, service) {
      return load.get(cluster, service);
    },

    /** Utilization from the last metrics round: { cpu, memory, runningTasks, at } or undefined. */
    utilization(cluster, service) {
      return lastUtil.get(`${nameOf(cluster)}/${nameOf(service)}`);
    },

    stats() {
      return { ...stats, tasks: tasks.size, streams: streams.size, pendingLines: [...streams.values()].reduce((s, x) => s + x.events.length, 0), settings: { ...settings } };
    },

    /** Forget everything (moto was reset): tasks, streams, queued lines, load. */
    reset,

    close() {
      closed = true;
      reset();
      instancesByMoto.get(upstream)?.delete(api);
    },
  };
  if (!instancesByMoto.has(upstream)) instancesByMoto.set(upstream, new Set());
  instancesByMoto.get(upstream).add(api);
  return api;
}
