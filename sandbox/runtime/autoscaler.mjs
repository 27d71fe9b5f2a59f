// Sandbox auto scaling: moto stores Application Auto Scaling targets, policies and scheduled actions
// and CloudWatch alarms, but never evaluates an alarm and never scales anything. This evaluates every
// metric alarm against moto's own metrics, sets its state (SetAlarmState), applies the scaling
// policies an alarm in ALARM names, runs scheduled actions, records scaling activities (served as
// DescribeScalingActivities by the gateway) and publishes AWS/SQS queue metrics. All its calls go
// straight to moto, so the gateway never counts them. See sandbox/README.md "Auto scaling in the sandbox".
import { randomUUID } from "node:crypto";
import { ApiError, callMoto, jsonError, jsonResponse } from "../apprunner.mjs";
import { mergeSettings } from "./settings.mjs";

export const AUTOSCALING_DEFAULTS = Object.freeze({
  paused: false,
  /** How often alarms are evaluated and scheduled actions checked. */
  evalMs: 1000,
  /** Sandbox seconds per real second for alarm periods, cooldowns and SQS metrics (60: a 60 s period is 1 s). */
  timeScale: 1,
  /** Messages each running task of a queue-driven service deletes from its queue per round (0 = off). */
  drainPerTask: 0,
});

const ECS_DIMENSION = "ecs:service:DesiredCount";
const CT = "application/x-amz-json-1.1";
const MAX_ACTIVITIES = 1000; // per resource

function envNumber(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}

const OPERATORS = {
  GreaterThanOrEqualToThreshold: [(v, t) => v >= t, "greater than or equal to"],
  GreaterThanThreshold: [(v, t) => v > t, "greater than"],
  LessThanThreshold: [(v, t) => v < t, "less than"],
  LessThanOrEqualToThreshold: [(v, t) => v <= t, "less than or equal to"],
};

/** "22/11/26 06:01:00", the date format of CloudWatch's StateReason. */
export function reasonDate(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
const fmtThreshold = (t) => (Number.isInteger(t) ? t.toFixed(1) : String(t));
const fmtValue = (v) => String(Number(v.toFixed(4)));

/** The statistic of a bucket of GetMetricStatistics datapoints (SampleCount/Sum/Minimum/Maximum). */
function statOf(points, stat) {
  if (!points.length) return undefined;
  const n = points.reduce((a, p) => a + (p.SampleCount ?? 0), 0);
  const sum = points.reduce((a, p) => a + (p.Sum ?? 0), 0);
  switch (stat) {
    case "Sum":
      return sum;
    case "SampleCount":
      return n;
    case "Minimum":
      return Math.min(...points.map((p) => p.Minimum));
    case "Maximum":
      return Math.max(...points.map((p) => p.Maximum));
    default: // Average, and percentiles (approximated by the average)
      return n ? sum / n : undefined;
  }
}

/**
 * Decide an alarm's state from its evaluation buckets (oldest first; undefined = no data), as
 * CloudWatch does: DatapointsToAlarm of EvaluationPeriods breaching → ALARM; TreatMissingData
 * missing (default) / ignore / breaching / notBreaching.
 * @returns {{ state: "OK"|"ALARM"|"INSUFFICIENT_DATA"|null, reason: string, datapoints: {ms:number,value:number}[] }} null = keep the current state
 */
export function evaluateAlarm({ buckets, threshold, comparison, datapointsToAlarm, treatMissingData = "missing" }) {
  const [cmp, words] = OPERATORS[comparison] ?? OPERATORS.GreaterThanThreshold;
  const n = buckets.length;
  const m = Math.min(n, Math.max(1, datapointsToAlarm ?? n));
  const present = buckets.filter((b) => b.value !== undefined);
  const newestFirst = [...present].reverse();
  const list = (pts) => `[${pts.map((p) => `${fmtValue(p.value)} (${reasonDate(p.ms)})`).join(", ")}]`;
  const noun = (k) => (k === 1 ? "1 datapoint" : `${k} datapoints`);
  if (!present.length) {
    if (treatMissingData === "breaching") return { state: "ALARM", reason: `Threshold Crossed: no datapoints were received for ${noun(n)} and ${noun(n)} were treated as [Breaching].`, datapoints: [] };
    if (treatMissingData === "notBreaching") return { state: "OK", reason: `Threshold Crossed: no datapoints were received for ${noun(n)} and ${noun(n)} were treated as [NonBreaching].`, datapoints: [] };
    if (treatMissingData === "ignore") return { state: null, reason: "", datapoints: [] };
    return { state: "INSUFFICIENT_DATA", reason: `Insufficient Data: ${noun(n)} ${n === 1 ? "was" : "were"} unknown.`, datapoints: [] };
  }
  let breaching = 0;
  for (const b of buckets) {
    if (b.value !== undefined) breaching += cmp(b.value, threshold) ? 1 : 0;
    else if (treatMissingData === "breaching") breaching += 1;
  }
  if (breaching >= m) {
    const pts = newestFirst.filter((p) => cmp(p.value, threshold)).slice(0, m);
    const k = pts.length || breaching;
    return {
      state: "ALARM",
      reason: `Threshold Crossed: ${noun(k)} ${list(pts)} ${k === 1 ? "was" : "were"} ${words} the threshold (${fmtThreshold(threshold)}).`,
      datapoints: pts,
    };
  }
  const calm = newestFirst.filter((p) => !cmp(p.value, threshold)).slice(0, m);
  // Too few datapoints yet to reach DatapointsToAlarm, and none of them below the line.
  if (!calm.length) return { state: "INSUFFICIENT_DATA", reason: `Insufficient Data: ${noun(n - present.length)} ${n - present.length === 1 ? "was" : "were"} unknown.`, datapoints: [] };
  return {
    state: "OK",
    reason: `Threshold Crossed: ${noun(calm.length)} ${list(calm)} ${calm.length === 1 ? "was" : "were"} not ${words} the threshold (${fmtThreshold(threshold)}).`,
    datapoints: calm,
  };
}

/** New capacity for a step scaling policy given how far the metric is past the threshold. */
export function stepCapacity(config, current, delta) {
  const step = (config.StepAdjustments ?? []).find((s) => {
    const lo = s.MetricIntervalLowerBound ?? -Infinity;
    const hi = s.MetricIntervalUpperBound ?? Infinity;
    return delta >= lo && delta < hi;
  });
  if (!step) return null;
  const adj = step.ScalingAdjustment;
  switch (config.AdjustmentType) {
    case "ExactCapacity":
      return adj;
    case "PercentChangeInCapacity": {
      let change = Math.trunc((current * adj) / 100);
      if (change === 0 && adj !== 0) change = Math.sign(adj);
      const mag = config.MinAdjustmentMagnitude;
      if (mag && Math.abs(change) < mag) change = Math.sign(adj) * mag;
      return current + change;
    }
    default:
      return current + adj;
  }
}

/** Desired capacity from a target tracking policy: ⌈current × metric / target⌉. */
export function targetTrackingCapacity(current, metric, target) {
  if (!(target > 0)) return current;
  return Math.max(0, Math.ceil((Math.max(current, 1) * metric) / target - 1e-9));
}

// ---------------------------------------------------------------------------------------------
// Schedules: at(...), rate(...), cron(...) in a time zone

function wallClock(ms, timeZone) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone || "UTC",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
  }).formatToParts(new Date(ms));
  const get = (t) => parts.find((p) => p.type === t)?.value;
  const dow = { Sun: 1, Mon: 2, Tue: 3, Wed: 4, Thu: 5, Fri: 6, Sat: 7 }[get("weekday")];
  return {
    iso: `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`,
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    dow,
  };
}

const DOW_NAMES = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };
const MONTH_NAMES = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };

function fieldMatcher(expr, min, max, names = {}) {
  if (expr === "*" || expr === "?") return () => true;
  const num = (s) => (names[s.toUpperCase()] ?? Number(s));
  const parts = expr.split(",").map((part) => {
    const [range, stepS] = part.split("/");
    const step = stepS ? Number(stepS) : 1;
    let lo;
    let hi;
    if (range === "*") [lo, hi] = [min, max];
    else if (range.includes("-")) [lo, hi] = range.split("-").map(num);
    else [lo, hi] = [num(range), stepS ? max : num(range)];
    if (![lo, hi, step].every(Number.isFinite)) throw new Error(`unsupported cron field ${expr}`);
    return (v) => v >= lo && v <= hi && (v - lo) % step === 0;
  });
  return (v) => parts.some((p) => p(v));
}

/** A matcher for an AWS cron expression (minutes hours day-of-month month day-of-week year); null when unsupported (L, W, #). */
export function cronMatcher(expr) {
  const f = expr.trim().split(/\s+/);
  if (f.length !== 6 || /[LW#]/.test(f.slice(2, 5).join(" "))) return null;
  try {
    const [mi, h, dom, mo, dow, yr] = [
      fieldMatcher(f[0], 0, 59),
      fieldMatcher(f[1], 0, 23),
      fieldMatcher(f[2], 1, 31),
      fieldMatcher(f[3], 1, 12, MONTH_NAMES),
      fieldMatcher(f[4], 1, 7, DOW_NAMES),
      fieldMatcher(f[5], 1970, 2199),
    ];
    return (w) => mi(w.minute) && h(w.hour) && dom(w.day) && mo(w.month) && dow(w.dow) && yr(w.year);
  } catch {
    return null;
  }
}

/**
 * Did the schedule come due in (fromMs, toMs]? at(yyyy-mm-ddThh:mm:ss) and cron(...) are read in
 * the action's Timezone (UTC by default); rate(n unit) counts from the action's creation, in sandbox time.
 */
export function scheduleDue(action, fromMs, toMs, timeScale = 1) {
  const s = String(action.Schedule ?? "").trim();
  const tz = action.Timezone || "UTC";
  let m = /^at\((.+)\)$/.exec(s);
  if (m) {
    const at = m[1].trim();
    return wallClock(fromMs, tz).iso < at && at <= wallClock(toMs, tz).iso;
  }
  m = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(s);
  if (m) {
    const unit = m[2].startsWith("minute") ? 60_000 : m[2].startsWith("hour") ? 3_600_000 : 86_400_000;
    const every = (Number(m[1]) * unit) / timeScale;
    const created = (action.CreationTime ?? 0) * 1000;
    if (!(every > 0)) return false;
    return Math.floor((toMs - created) / every) > Math.floor((fromMs - created) / every) && toMs > created;
  }
  m = /^cron\((.+)\)$/.exec(s);
  if (m) {
    const match = cronMatcher(m[1]);
    if (!match) return false;
    // each whole minute in (from, to]; at most a day's worth after a long pause
    let t = Math.floor(fromMs / 60_000) * 60_000 + 60_000;
    const end = Math.min(toMs, t + 86_400_000);
    for (; t <= end; t += 60_000) if (match(wallClock(t, tz))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

/** Where the target tracking policy's metric is: namespace, name, dimensions, statistic. */
function trackedMetric(policy) {
  const c = policy.TargetTrackingScalingPolicyConfiguration ?? {};
  const [, cluster, service] = String(policy.ResourceId).split("/");
  const pre = c.PredefinedMetricSpecification;
  if (pre) {
    const ecsDims = [
      { Name: "ClusterName", Value: cluster },
      { Name: "ServiceName", Value: service },
    ];
    switch (pre.PredefinedMetricType) {
      case "ECSServiceAverageCPUUtilization":
        return { Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: ecsDims, Statistic: "Average" };
      case "ECSServiceAverageMemoryUtilization":
        return { Namespace: "AWS/ECS", MetricName: "MemoryUtilization", Dimensions: ecsDims, Statistic: "Average" };
      case "ALBRequestCountPerTarget": {
        const label = String(pre.ResourceLabel ?? "");
        const tg = label.slice(label.indexOf("targetgroup/"));
        return { Namespace: "AWS/ApplicationELB", MetricName: "RequestCountPerTarget", Dimensions: [{ Name: "TargetGroup", Value: tg }], Statistic: "Sum" };
      }
    }
    return null;
  }
  const cu = c.CustomizedMetricSpecification;
  if (cu?.MetricName) return { Namespace: cu.Namespace, MetricName: cu.MetricName, Dimensions: cu.Dimensions ?? [], Statistic: cu.Statistic ?? "Average" };
  return null;
}

export class Autoscaler {
  #upstream;
  #agent;
  #settings;
  #initialSettings;
  #timer = null;
  #closed = false;
  #round = null;
  #generation = 0;
  #regions = new Set(["us-east-1"]);
  /** region → activities, newest first */
  #activities = new Map();
  /** "region|resourceId" → { lastScaleOut, lastScaleIn, lastActivity } (ms) */
  #cooldowns = new Map();
  /** "region|policyArn" → ms of its last scaling */
  #policyRuns = new Map();
  /** "region|ScheduledActionARN" → ms checked up to */
  #scheduleChecked = new Map();
  /** "region|alarm name" → ms of the last metric-alarm config fix (target tracking thresholds) */
  #fixedAlarms = new Set();
  /** "region|alarm name" → ms of its last evaluation (once per period, as CloudWatch) */
  #lastEval = new Map();
  /** "region|alarm name" → the StateReason this set last */
  #reasons = new Map();
  #lastSqsMetrics = 0;
  #stats;

  /** @param {{ upstream: string, agent?: { transformFor: Function }, settings?: Partial<typeof AUTOSCALING_DEFAULTS> }} options */
  constructor({ upstream, agent, settings = {} } = {}) {
    this.#upstream = upstream;
    this.#agent = agent;
    this.#settings = { ...AUTOSCALING_DEFAULTS };
    this.configure({
      evalMs: envNumber("SANDBOX_AUTOSCALING_EVAL_MS", AUTOSCALING_DEFAULTS.evalMs),
      timeScale: envNumber("SANDBOX_AUTOSCALING_TIME_SCALE", AUTOSCALING_DEFAULTS.timeScale),
      drainPerTask: envNumber("SANDBOX_AUTOSCALING_DRAIN_PER_TASK", AUTOSCALING_DEFAULTS.drainPerTask),
    });
    this.configure(settings);
    this.#initialSettings = this.settings();
    this.#stats = this.#freshStats();
    this.#schedule();
  }

  #freshStats() {
    return { rounds: 0, lastRoundMs: 0, alarmsEvaluated: 0, stateChanges: 0, scalings: 0, scheduledRuns: 0, messagesDrained: 0, errors: 0, lastError: null };
  }

  settings() {
    return { ...this.#settings };
  }

  configure(input = {}) {
    const next = mergeSettings(this.#settings, input, [
      ["evalMs", 50, 600_000, true],
      ["timeScale", 0.001, 10_000, false],
      ["drainPerTask", 0, 1000, true],
    ]);
    const evalChanged = next.evalMs !== this.#settings.evalMs;
    this.#settings = next;
    if (evalChanged && this.#timer) this.#schedule();
    return this.settings();
  }

  state() {
    let activities = 0;
    for (const list of this.#activities.values()) activities += list.length;
    return { settings: this.settings(), stats: { ...this.#stats, activities } };
  }

  noteRegion(region) {
    if (region && region !== "unknown") this.#regions.add(region);
  }

  reset() {
    this.#generation += 1;
    this.configure(this.#initialSettings);
    this.#activities.clear();
    this.#cooldowns.clear();
    this.#policyRuns.clear();
    this.#scheduleChecked.clear();
    this.#fixedAlarms.clear();
    this.#lastEval.clear();
    this.#reasons.clear();
    this.#regions = new Set(["us-east-1"]);
    this.#lastSqsMetrics = 0;
    this.#stats = this.#freshStats();
  }

  /** Wait for a round in flight (POST /_sandbox/reset: nothing of it lands after moto's reset). */
  async settled() {
    await this.#round?.catch(() => {});
  }

  close() {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule() {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#closed) return;
    this.#timer = setTimeout(async () => {
      this.#timer = null;
      try {
        if (!this.#settings.paused) await this.evaluate();
      } catch {}
      this.#schedule();
    }, this.#settings.evalMs);
    this.#timer.unref?.();
  }

  // ------------------------------------------------------------------------------------------

  #moto(region, service, target, body, version = "1.1") {
    return callMoto(this.#upstream, { service, target, region, body, version });
  }
  #aas(region, op, body) {
    return this.#moto(region, "application-autoscaling", `AnyScaleFrontendService.${op}`, body);
  }
  #cw(region, op, body) {
    return this.#moto(region, "monitoring", `GraniteServiceVersion20100801.${op}`, body, "1.0");
  }
  #sqs(region, op, body) {
    return this.#moto(region, "sqs", `AmazonSQS.${op}`, body, "1.0");
  }
  #ecs(region, op, body) {
    return this.#moto(region, "ecs", `AmazonEC2ContainerServiceV20141113.${op}`, body);
  }

  async #all(region, op, body, key, { tokenIn = "NextToken", tokenOut = "NextToken", call = this.#aas.bind(this) } = {}) {
    const out = [];
    let token;
    do {
      const r = await call(region, op, { ...body, ...(token ? { [tokenIn]: token } : {}) });
      out.push(...(r[key] ?? []));
      token = r[tokenOut];
    } while (token);
    return out;
  }

  #fail(err, what) {
    this.#stats.errors += 1;
    this.#stats.lastError = `${what}: ${err?.message ?? err}`;
  }

  /** One round: every known region. Rounds never overlap. */
  evaluate(now = Date.now()) {
    this.#round ??= (async () => {
      const t0 = performance.now();
      const gen = this.#generation;
      // AWS publishes queue metrics every minute; twice a sandbox minute here, so a 60 s alarm period always has one.
      const sqsDue = now - this.#lastSqsMetrics >= Math.max(this.#settings.evalMs, 30_000 / this.#settings.timeScale) - 5;
      if (sqsDue) this.#lastSqsMetrics = now;
      try {
        for (const region of [...this.#regions]) {
          if (gen !== this.#generation) return;
          try {
            await this.#evaluateRegion(region, now, gen, sqsDue);
          } catch (err) {
            this.#fail(err, region);
          }
        }
      } finally {
        this.#stats.rounds += 1;
        this.#stats.lastRoundMs = performance.now() - t0;
        this.#round = null;
      }
    })();
    return this.#round;
  }

  async #evaluateRegion(region, now, gen, sqsDue) {
    const scale = this.#settings.timeScale;
    let queues = null;
    if (sqsDue) queues = await this.#publishQueueMetrics(region, now).catch((err) => (this.#fail(err, "SQS metrics"), null));
    const [alarms, targets, policies, scheduled] = await Promise.all([
      this.#all(region, "DescribeAlarms", { MaxRecords: 100 }, "MetricAlarms", { call: this.#cw.bind(this) }),
      this.#all(region, "DescribeScalableTargets", { ServiceNamespace: "ecs" }, "ScalableTargets"),
      this.#all(region, "DescribeScalingPolicies", { ServiceNamespace: "ecs" }, "ScalingPolicies"),
      this.#all(region, "DescribeScheduledActions", { ServiceNamespace: "ecs" }, "ScheduledActions"),
    ]);
    if (gen !== this.#generation) return;
    const targetOf = (resourceId) => targets.find((t) => t.ResourceId === resourceId && t.ScalableDimension === ECS_DIMENSION);

    // Scheduled actions first (they move min/max, which the policies then clamp to).
    for (const a of scheduled) {
      const key = `${region}|${a.ScheduledActionARN}`;
      const from = this.#scheduleChecked.get(key) ?? Math.max(now - this.#settings.evalMs, (a.CreationTime ?? 0) * 1000);
      this.#scheduleChecked.set(key, now);
      if (a.ScalableDimension !== ECS_DIMENSION) continue;
      if (a.StartTime && now < a.StartTime * 1000) continue;
      if (a.EndTime && now > a.EndTime * 1000) continue;
      if (!scheduleDue(a, from, now, scale)) continue;
      const t = targetOf(a.ResourceId);
      if (!t || t.SuspendedState?.ScheduledScalingSuspended) continue;
      await this.#runScheduled(region, t, a, now).catch((err) => this.#fail(err, `scheduled action ${a.ScheduledActionName}`));
    }

    // Alarms.
    for (const alarm of alarms) {
      if (gen !== this.#generation) return;
      if (!alarm.MetricName) continue; // metric math alarms are not evaluated
      try {
        await this.#evaluateOne(region, alarm, policies, targetOf, now, gen);
      } catch (err) {
        this.#fail(err, `alarm ${alarm.AlarmName}`);
      }
    }

    if (this.#settings.drainPerTask > 0 && queues?.length) {
      await this.#drainQueues(region, queues, alarms, policies).catch((err) => this.#fail(err, "queue drain"));
    }
  }

  async #publishQueueMetrics(region, now) {
    const urls = await this.#all(region, "ListQueues", { MaxResults: 1000 }, "QueueUrls", { call: this.#sqs.bind(this) });
    if (!urls.length) return [];
    const queues = [];
    for (const url of urls) {
      const r = await this.#sqs(region, "GetQueueAttributes", { QueueUrl: url, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"] }).catch(() => null);
      if (!r) continue;
      queues.push({ url, name: url.split("/").pop(), visible: Number(r.Attributes?.ApproximateNumberOfMessages ?? 0), notVisible: Number(r.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0), delayed: Number(r.Attributes?.ApproximateNumberOfMessagesDelayed ?? 0) });
    }
    const ts = now / 1000;
    const data = queues.flatMap((q) => {
      const Dimensions = [{ Name: "QueueName", Value: q.name }];
      return [
        { MetricName: "ApproximateNumberOfMessagesVisible", Dimensions, Value: q.visible, Unit: "Count", Timestamp: ts },
        { MetricName: "ApproximateNumberOfMessagesNotVisible", Dimensions, Value: q.notVisible, Unit: "Count", Timestamp: ts },
        { MetricName: "ApproximateNumberOfMessagesDelayed", Dimensions, Value: q.delayed, Unit: "Count", Timestamp: ts },
      ];
    });
    for (let i = 0; i < data.length; i += 500) await this.#cw(region, "PutMetricData", { Namespace: "AWS/SQS", MetricData: data.slice(i, i + 500) });
    return queues;
  }

  /** The alarm's evaluation buckets from moto's datapoints, Period × EvaluationPeriods (in sandbox time) back from now. */
  async #buckets(region, metric, period, count, now) {
    const scale = this.#settings.timeScale;
    const periodMs = Math.max(1000, (period * 1000) / scale);
    const start = now - periodMs * count;
    const r = await this.#cw(region, "GetMetricStatistics", {
      Namespace: metric.Namespace,
      MetricName: metric.MetricName,
      Dimensions: metric.Dimensions ?? [],
      StartTime: Math.floor(start / 1000),
      EndTime: Math.ceil(now / 1000) + 1,
      Period: 1,
      Statistics: ["SampleCount", "Sum", "Minimum", "Maximum"],
    });
    const points = (r.Datapoints ?? []).map((p) => ({ ...p, ms: p.Timestamp * 1000 })).filter((p) => p.ms >= start);
    const buckets = [];
    for (let i = 0; i < count; i++) {
      const lo = start + i * periodMs;
      const hi = lo + periodMs;
      const inside = points.filter((p) => p.ms >= lo && (p.ms < hi || (i === count - 1 && p.ms <= now + 1000)));
      let value = statOf(inside, metric.Statistic);
      // Sums of per-request counters cover 1/timeScale of the period they stand for.
      if (value !== undefined && metric.Statistic === "Sum" && metric.Namespace === "AWS/ApplicationELB") value *= scale;
      buckets.push({ ms: inside.length ? Math.max(...inside.map((p) => p.ms)) : hi, value });
    }
    return buckets;
  }

  async #evaluateOne(region, alarm, policies, targetOf, now, gen) {
    const actionPolicies = policies.filter((p) => (alarm.AlarmActions ?? []).some((a) => a === p.PolicyARN || a.startsWith(`${p.PolicyARN}:`)));
    const tt = actionPolicies.find((p) => p.PolicyType === "TargetTrackingScaling");
    let metric = { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions, Statistic: alarm.Statistic ?? "Average" };
    let threshold = alarm.Threshold;
    let comparison = alarm.ComparisonOperator;
    let ttRole = null;
    if (tt) {
      // moto creates the TargetTracking-* alarms with a fixed threshold; AWS uses the target
      // (AlarmHigh) and 90 % of it (AlarmLow) on the policy's metric.
      ttRole = /-AlarmLow-/.test(alarm.AlarmName) ? "low" : "high";
      const target = tt.TargetTrackingScalingPolicyConfiguration?.TargetValue;
      metric = trackedMetric(tt) ?? metric;
      threshold = ttRole === "low" ? Number((target * 0.9).toFixed(6)) : target;
      comparison = ttRole === "low" ? "LessThanThreshold" : "GreaterThanThreshold";
      await this.#fixTargetTrackingAlarm(region, alarm, metric, threshold, comparison);
    }
    const period = alarm.Period ?? 60;
    const count = alarm.EvaluationPeriods ?? 1;
    // Once per period, as CloudWatch; a state set by someone else (SetAlarmState) holds until the next period.
    const key = `${region}|${alarm.AlarmName}`;
    const periodMs = Math.max(1000, (period * 1000) / this.#settings.timeScale);
    const last = this.#lastEval.get(key);
    if (last !== undefined && now - last < periodMs - 50) return;
    // A new (or changed) alarm is first evaluated one period after it was put, as in CloudWatch.
    if (now - (alarm.AlarmConfigurationUpdatedTimestamp ?? 0) * 1000 < periodMs) return;
    const foreign = alarm.StateReason !== this.#reasons.get(key) && !String(alarm.StateReason ?? "").startsWith("Unchecked");
    if (foreign && now - (alarm.StateUpdatedTimestamp ?? 0) * 1000 < periodMs) return;
    this.#lastEval.set(key, now);
    const buckets = await this.#buckets(region, metric, period, count, now);
    if (gen !== this.#generation) return;
    const result = evaluateAlarm({ buckets, threshold, comparison, datapointsToAlarm: alarm.DatapointsToAlarm, treatMissingData: alarm.TreatMissingData });
    this.#stats.alarmsEvaluated += 1;
    const state = result.state ?? alarm.StateValue;
    if (result.state && (result.state !== alarm.StateValue || (alarm.StateReason ?? "").startsWith("Unchecked"))) {
      const reasonData = {
        version: "1.0",
        queryDate: new Date(now).toISOString().replace("Z", "+0000"),
        startDate: new Date(now - Math.max(1000, (period * 1000) / this.#settings.timeScale) * count).toISOString().replace("Z", "+0000"),
        statistic: metric.Statistic,
        period,
        recentDatapoints: buckets.filter((b) => b.value !== undefined).map((b) => Number(b.value.toFixed(4))),
        threshold,
        evaluatedDatapoints: result.datapoints.map((p) => ({ timestamp: new Date(p.ms).toISOString().replace("Z", "+0000"), value: Number(p.value.toFixed(4)) })),
      };
      // Not over a state set meanwhile (a SetAlarmState by hand, a re-created alarm): look again first.
      const fresh = (await this.#cw(region, "DescribeAlarms", { AlarmNames: [alarm.AlarmName] })).MetricAlarms?.[0];
      if (!fresh || fresh.StateUpdatedTimestamp !== alarm.StateUpdatedTimestamp || fresh.StateReason !== alarm.StateReason) {
        this.#lastEval.delete(key);
        return;
      }
      await this.#cw(region, "SetAlarmState", { AlarmName: alarm.AlarmName, StateValue: result.state, StateReason: result.reason, StateReasonData: JSON.stringify(reasonData) });
      this.#reasons.set(key, result.reason);
      this.#stats.stateChanges += 1;
    }
    if (state !== "ALARM" || alarm.ActionsEnabled === false) return;
    for (const p of actionPolicies) {
      if (p.ScalableDimension !== ECS_DIMENSION) continue;
      const t = targetOf(p.ResourceId);
      if (!t) continue;
      const latest = [...buckets].reverse().find((b) => b.value !== undefined)?.value;
      if (latest === undefined) continue;
      await this.#applyPolicy(region, t, p, alarm, { latest, threshold, ttRole }, now);
    }
  }

  /** Give moto's TargetTracking-* alarm the threshold and metric AWS gives it (once per alarm). */
  async #fixTargetTrackingAlarm(region, alarm, metric, threshold, comparison) {
    const key = `${region}|${alarm.AlarmName}|${threshold}`;
    if (this.#fixedAlarms.has(key)) return;
    if (alarm.Threshold === threshold && alarm.ComparisonOperator === comparison && alarm.MetricName === metric.MetricName) {
      this.#fixedAlarms.add(key);
      return;
    }
    await this.#cw(region, "PutMetricAlarm", {
      AlarmName: alarm.AlarmName,
      AlarmDescription: alarm.AlarmDescription,
      ActionsEnabled: alarm.ActionsEnabled ?? true,
      AlarmActions: alarm.AlarmActions ?? [],
      OKActions: alarm.OKActions ?? [],
      InsufficientDataActions: alarm.InsufficientDataActions ?? [],
      Namespace: metric.Namespace,
      MetricName: metric.MetricName,
      Dimensions: metric.Dimensions,
      Statistic: metric.Statistic,
      Period: alarm.Period ?? 60,
      EvaluationPeriods: alarm.EvaluationPeriods ?? 1,
      Threshold: threshold,
      ComparisonOperator: comparison,
      ...(alarm.Unit && metric.Namespace === "AWS/ECS" ? { Unit: alarm.Unit } : {}),
    });
    this.#fixedAlarms.add(key);
    alarm.StateReason = "Unchecked: Initial alarm creation"; // re-created: set its state now
  }

  async #currentDesired(region, resourceId) {
    const [, cluster, service] = String(resourceId).split("/");
    const r = await this.#ecs(region, "DescribeServices", { cluster, services: [service] });
    const s = r.services?.[0];
    return s && s.status === "ACTIVE" ? s : null;
  }

  async #applyPolicy(region, target, policy, alarm, { latest, threshold, ttRole }, now) {
    const scale = this.#settings.timeScale;
    const cdKey = `${region}|${target.ResourceId}`;
    const cd = this.#cooldowns.get(cdKey) ?? { lastScaleOut: -Infinity, lastScaleIn: -Infinity };
    const svc = await this.#currentDesired(region, target.ResourceId);
    if (!svc) return;
    const current = svc.desiredCount ?? 0;
    let desired;
    if (policy.PolicyType === "TargetTrackingScaling") {
      const c = policy.TargetTrackingScalingPolicyConfiguration ?? {};
      desired = targetTrackingCapacity(current, latest, c.TargetValue);
      if (ttRole === "high" && desired <= current) return;
      if (ttRole === "low") {
        if (c.DisableScaleIn || desired >= current) return;
      }
      const outMs = ((c.ScaleOutCooldown ?? 300) * 1000) / scale;
      const inMs = ((c.ScaleInCooldown ?? 300) * 1000) / scale;
      if (desired > current && now - cd.lastScaleOut < outMs) return;
      // AWS scales in more carefully: not during a scale-in cooldown, nor while a scale-out's cooldown runs.
      if (desired < current && (now - cd.lastScaleIn < inMs || now - cd.lastScaleOut < outMs)) return;
    } else if (policy.PolicyType === "StepScaling") {
      const c = policy.StepScalingPolicyConfiguration ?? {};
      const runKey = `${region}|${policy.PolicyARN}`;
      const cooldownMs = ((c.Cooldown ?? 300) * 1000) / scale;
      if (now - (this.#policyRuns.get(runKey) ?? -Infinity) < cooldownMs) return;
      desired = stepCapacity(c, current, latest - threshold);
      if (desired === null) return;
    } else return;
    const min = target.MinCapacity ?? 0;
    const max = target.MaxCapacity ?? desired;
    desired = Math.min(max, Math.max(min, desired));
    if (desired === current) return;
    if (desired > current && target.SuspendedState?.DynamicScalingOutSuspended) return;
    if (desired < current && target.SuspendedState?.DynamicScalingInSuspended) return;
    const start = Date.now();
    await this.#setDesired(region, svc, desired);
    if (desired > current) cd.lastScaleOut = now;
    else cd.lastScaleIn = now;
    this.#cooldowns.set(cdKey, cd);
    this.#policyRuns.set(`${region}|${policy.PolicyARN}`, now);
    this.#stats.scalings += 1;
    this.#record(region, target, {
      Description: `Setting desired count to ${desired}.`,
      Cause: `monitor alarm ${alarm.AlarmName} in state ALARM triggered policy ${policy.PolicyName}`,
      start,
      desired,
    });
  }

  async #runScheduled(region, target, action, now) {
    const ta = action.ScalableTargetAction ?? {};
    const min = ta.MinCapacity ?? target.MinCapacity;
    const max = ta.MaxCapacity ?? target.MaxCapacity;
    const start = Date.now();
    await this.#aas(region, "RegisterScalableTarget", {
      ServiceNamespace: target.ServiceNamespace,
      ResourceId: target.ResourceId,
      ScalableDimension: target.ScalableDimension,
      MinCapacity: min,
      MaxCapacity: max,
    });
    target.MinCapacity = min;
    target.MaxCapacity = max;
    this.#stats.scheduledRuns += 1;
    const what = [ta.MinCapacity != null ? `min capacity to ${min}` : null, ta.MaxCapacity != null ? `max capacity to ${max}` : null].filter(Boolean).join(" and ");
    this.#record(region, target, {
      Description: `Setting ${what || `min capacity to ${min} and max capacity to ${max}`}`,
      Cause: `scheduled action name ${action.ScheduledActionName} was triggered`,
      start,
      message: `Successfully set ${what}. Change successfully fulfilled by ecs.`,
    });
    const svc = await this.#currentDesired(region, target.ResourceId);
    if (!svc) return;
    const current = svc.desiredCount ?? 0;
    const desired = Math.min(max, Math.max(min, current));
    if (desired === current) return;
    const t1 = Date.now();
    await this.#setDesired(region, svc, desired);
    const cd = this.#cooldowns.get(`${region}|${target.ResourceId}`) ?? { lastScaleOut: -Infinity, lastScaleIn: -Infinity };
    if (desired > current) cd.lastScaleOut = now;
    else cd.lastScaleIn = now;
    this.#cooldowns.set(`${region}|${target.ResourceId}`, cd);
    this.#record(region, target, {
      Description: `Setting desired count to ${desired}.`,
      Cause: desired > current ? `minimum capacity was set to ${min}` : `maximum capacity was set to ${max}`,
      start: t1,
      desired,
    });
  }

  /** UpdateService on moto, then let the runtime agent start / stop the tasks at once. */
  async #setDesired(region, svc, desiredCount) {
    const input = { cluster: svc.clusterArn, service: svc.serviceName, desiredCount };
    const data = await this.#ecs(region, "UpdateService", input);
    const transform = this.#agent?.transformFor?.({ service: "ecs", operation: "UpdateService", region }, Buffer.from(JSON.stringify(input)));
    if (transform) await transform(data);
  }

  #record(region, target, { Description, Cause, start, desired, message }) {
    let list = this.#activities.get(region);
    if (!list) this.#activities.set(region, (list = []));
    list.unshift({
      ActivityId: randomUUID(),
      ServiceNamespace: target.ServiceNamespace,
      ResourceId: target.ResourceId,
      ScalableDimension: target.ScalableDimension,
      Description,
      Cause,
      StartTime: start / 1000,
      EndTime: Date.now() / 1000,
      StatusCode: "Successful",
      StatusMessage: message ?? `Successfully set desired count to ${desired}. Change successfully fulfilled by ecs.`,
    });
    if (list.length > MAX_ACTIVITIES * 10) list.length = MAX_ACTIVITIES * 10;
  }

  /** Services whose scaling alarms watch an SQS queue: each running task deletes drainPerTask messages. */
  async #drainQueues(region, queues, alarms, policies) {
    const perQueue = new Map(); // queue name → resourceIds
    for (const a of alarms) {
      if (a.Namespace !== "AWS/SQS") continue;
      const q = a.Dimensions?.find((d) => d.Name === "QueueName")?.Value;
      if (!q) continue;
      for (const p of policies) {
        if ((a.AlarmActions ?? []).some((x) => x === p.PolicyARN || x.startsWith(`${p.PolicyARN}:`))) {
          if (!perQueue.has(q)) perQueue.set(q, new Set());
          perQueue.get(q).add(p.ResourceId);
        }
      }
    }
    for (const [name, resources] of perQueue) {
      const q = queues.find((x) => x.name === name);
      if (!q || !q.visible) continue;
      let tasks = 0;
      for (const rid of resources) tasks += (await this.#currentDesired(region, rid))?.desiredCount ?? 0;
      let left = Math.min(q.visible, tasks * this.#settings.drainPerTask);
      while (left > 0) {
        const r = await this.#sqs(region, "ReceiveMessage", { QueueUrl: q.url, MaxNumberOfMessages: Math.min(10, left), VisibilityTimeout: 30 });
        const msgs = r.Messages ?? [];
        if (!msgs.length) break;
        await this.#sqs(region, "DeleteMessageBatch", { QueueUrl: q.url, Entries: msgs.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) });
        this.#stats.messagesDrained += msgs.length;
        left -= msgs.length;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // DescribeScalingActivities (Application Auto Scaling JSON 1.1), served by the gateway

  handles(ident) {
    return ident.service === "application-autoscaling" && ident.operation === "DescribeScalingActivities";
  }

  handle(ident, body) {
    let input;
    try {
      const text = body.toString("utf8").trim();
      input = text ? JSON.parse(text) : {};
    } catch {
      return jsonError("SerializationException", "Failed to parse the request body as JSON.", { contentType: CT });
    }
    const region = !ident.region || ident.region === "unknown" ? "us-east-1" : ident.region;
    this.noteRegion(region);
    try {
      return jsonResponse(this.describeScalingActivities(region, input ?? {}), CT);
    } catch (err) {
      if (err instanceof ApiError) return jsonError(err.code, err.message, { status: err.status, contentType: CT });
      return jsonError("InternalServiceException", `sandbox: ${err?.message ?? err}`, { status: 500, contentType: CT });
    }
  }

  describeScalingActivities(region, input) {
    const invalid = (m) => new ApiError("ValidationException", m);
    const ns = input.ServiceNamespace;
    const NAMESPACES = ["ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces"];
    if (!ns) throw invalid("1 validation error detected: Value null at 'serviceNamespace' failed to satisfy constraint: Member must not be null");
    if (!NAMESPACES.includes(ns)) {
      throw invalid(`1 validation error detected: Value '${ns}' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set: [${NAMESPACES.join(", ")}]`);
    }
    if (input.ResourceId && !input.ScalableDimension) throw invalid("ScalableDimension is required when ResourceId is specified");
    const maxResults = input.MaxResults ?? 50;
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 50) {
      throw invalid(`1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 50`);
    }
    let offset = 0;
    if (input.NextToken) {
      const m = /^sbx-(\d+)$/.exec(Buffer.from(String(input.NextToken), "base64url").toString("utf8"));
      if (!m) throw invalid("Invalid NextToken");
      offset = Number(m[1]);
    }
    const all = (this.#activities.get(region) ?? []).filter(
      (a) =>
        a.ServiceNamespace === ns &&
        (!input.ResourceId || a.ResourceId === input.ResourceId) &&
        (!input.ScalableDimension || a.ScalableDimension === input.ScalableDimension),
    );
    const page = all.slice(offset, offset + maxResults);
    const next = offset + maxResults < all.length ? Buffer.from(`sbx-${offset + maxResults}`).toString("base64url") : undefined;
    return { ScalingActivities: page.map((a) => ({ ...a })), ...(next ? { NextToken: next } : {}) };
  }
}
