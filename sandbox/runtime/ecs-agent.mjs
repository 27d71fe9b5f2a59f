// Sandbox ECS runtime agent: makes the sandbox's ECS behave like ECS.
//
// moto keeps clusters, task definitions and services; it never runs anything. The agent, living
// in the gateway, holds every ECS task itself and drives it PROVISIONING → PENDING → RUNNING →
// (DEACTIVATING →) STOPPING → DEPROVISIONING → STOPPED at a configurable pace:
//   - services get tasks up to their desired count and lose them when scaled down;
//   - a new task definition or forceNewDeployment starts a rolling deployment honouring
//     minimumHealthyPercent / maximumPercent; the old deployment drains and disappears;
//   - a task whose essential container image contains "crash" runs ~2 s, then exits 1; the
//     service replaces it, and the deployment circuit breaker fails (and rolls back) like ECS;
//   - services carry deployments[] and events[] like ECS.
// The gateway serves RunTask, StopTask, ListTasks and DescribeTasks from here and lays the
// service view over moto's DescribeServices / Create / Update / DeleteService answers
// (ecs-overlay.mjs). The agent's own calls go straight to moto, so the gateway never counts them.
// See sandbox/README.md ("Runtime agent", "Corrections to moto").
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "../faults.mjs";
import { ApiError, callMoto, jsonError, jsonResponse } from "../apprunner.mjs";
import { createTelemetry } from "./telemetry.mjs";
import { TargetRegistry } from "./targets.mjs";
import { decodeToken, encodeToken, overlayService, renderTask } from "./ecs-overlay.mjs";
import { mergeSettings } from "./settings.mjs";
import { DeploymentLedger, advanceShift, arnList, hookStagesReached, invokeHooks, newShift, shiftingLoadBalancer, weightParams } from "./service-deployments.mjs";
import { motoQuery } from "../moto-query.mjs";
import { deploymentReason } from "../deployment-events.mjs";
import { pollAlarms, triggeredAlarm, watchedAlarms } from "./deployment-alarms.mjs";
import { newPause, pauseAt } from "./pause-hooks.mjs";

const CT = "application/x-amz-json-1.1";
const TARGET = "AmazonEC2ContainerServiceV20141113";
const MAX_HOOK_CALLS = 500;

export const AGENT_DEFAULTS = Object.freeze({
  paused: false,
  /** PROVISIONING → RUNNING takes this long; stopping takes about as long. */
  paceMs: 1500,
  /** How often the agent advances tasks and reconciles services. */
  tickMs: 250,
  /** A "crash" task (or a one-off task running `exit 0`) exits this long after RUNNING. */
  crashAfterMs: 2000,
  /** How often the agent looks in moto for services it has not seen through the gateway. */
  sweepMs: 30_000,
  /** Stopped tasks stay listable / describable this long (ECS: at least an hour). */
  retentionMs: 3_600_000,
  /** One minute of a deployment's bake times and traffic-shift intervals (service-deployments.mjs). */
  minuteMs: 1000,
});
const MAX_EVENTS = 100;
const SERVED = new Set(["RunTask", "StopTask", "ListTasks", "DescribeTasks", "ListServiceDeployments", "DescribeServiceDeployments", "DescribeServiceRevisions", "StopServiceDeployment", "ContinueServiceDeployment"]);
const OBSERVED = new Set(["CreateService", "UpdateService", "DeleteService", "DescribeServices", "DescribeClusters"]);
const PENDING_PHASES = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);

const invalid = (message) => new ApiError("InvalidParameterException", message);
const clusterNotFound = () => new ApiError("ClusterNotFoundException", "Cluster not found.");
const hex = (n) => randomBytes(Math.ceil(n / 2)).toString("hex").slice(0, n);
const newDeploymentId = () => `ecs-svc/${String(randomInt(1, 2 ** 47))}${String(randomInt(100000, 999999))}`.slice(0, 27);
const lastSegment = (s) => String(s).split("/").pop();

/** ECS's deployment circuit breaker threshold: 0.5 × desired count, at least 3, at most 200. */
export function failureThreshold(desired) {
  return Math.min(Math.max(3, Math.ceil(0.5 * desired)), 200);
}

/** Does any essential container image name contain "crash"? */
export function isCrashing(td) {
  return (td?.containerDefinitions ?? []).some((c) => c.essential !== false && String(c.image ?? "").includes("crash"));
}

/** A one-off task whose (overridden) essential command runs `exit 0` finishes by itself. */
function exitsZero(td, overrides) {
  const byName = new Map((overrides?.containerOverrides ?? []).map((o) => [o.name, o]));
  return (td?.containerDefinitions ?? []).some((c) => {
    if (c.essential === false) return false;
    const cmd = byName.get(c.name)?.command ?? c.command ?? [];
    return /(^|[\s;&|])exit 0(\s|;|$)/.test(cmd.join(" "));
  });
}

/** An IPv4 address inside `cidr` (avoiding the network, AWS-reserved and broadcast addresses). */
function ipInCidr(cidr) {
  const [base, bitsStr] = String(cidr ?? "10.0.0.0/24").split("/");
  const bits = Number(bitsStr) || 24;
  const n = base.split(".").reduce((a, p) => a * 256 + Number(p), 0);
  const size = 2 ** (32 - bits);
  const host = size > 8 ? randomInt(4, size - 1) : 1;
  const v = n + host;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join(".");
}

export class EcsAgent {
  #upstream;
  #settings;
  #initialSettings;
  #telemetry;
  /** serviceArn → service record */
  #services = new Map();
  /** taskArn → task record */
  #tasks = new Map();
  /** task records with a pending transition (nextAt) */
  #moving = new Set();
  /** RUNNING task records (telemetry.tick) */
  #running = new Set();
  /** services to reconcile at the next tick */
  #dirty = new Set();
  /** "region|arn-or-name" → Promise<taskDefinition | null> */
  #taskDefs = new Map();
  /** "region|subnetId" → Promise<{ az, cidr } | null> */
  #subnets = new Map();
  /** "region|clusterName" → cluster ARN (known to exist) */
  #clusters = new Map();
  #regions = new Set(["us-east-1"]);
  #timer = null;
  #lastSweep = 0;
  #sweeping = null;
  #stateManager = null;
  #generation = 0;
  #closed = false;
  #stats = { ticks: 0, lastTickMs: 0, maxTickMs: 0, totalTickMs: 0, sweeps: 0, lastSweepMs: 0 };
  #taskListeners = new Set();
  #deploymentListeners = new Set();
  /** Lambda lifecycle hook invocations, oldest first (GET /_sandbox/hooks), at most MAX_HOOK_CALLS. */
  #hookCalls = [];

  /** @param {{ upstream: string, settings?: Partial<typeof AGENT_DEFAULTS>, telemetry?: object }} options */
  constructor({ upstream, settings = {}, telemetry } = {}) {
    this.#upstream = upstream;
    this.targets = new TargetRegistry({ upstream });
    this.ledger = new DeploymentLedger();
    this.#settings = { ...AGENT_DEFAULTS };
    this.configure(settings);
    this.#initialSettings = this.settings();
    try {
      this.#telemetry = telemetry ?? createTelemetry({ motoUrl: upstream });
    } catch {
      this.#telemetry = null;
    }
    this.#schedule();
  }

  // ------------------------------------------------------------------------------------------
  // Settings, state, lifecycle

  settings() {
    return { ...this.#settings };
  }

  configure(input = {}) {
    const next = mergeSettings(this.#settings, input, [
      ["paceMs", 0, 600_000],
      ["tickMs", 10, 60_000],
      ["crashAfterMs", 0, 600_000],
      ["sweepMs", 0, 3_600_000],
      ["retentionMs", 0, 86_400_000],
      ["minuteMs", 10, 60_000],
    ]);
    const tickChanged = next.tickMs !== this.#settings.tickMs;
    this.#settings = next;
    if (tickChanged && this.#timer) this.#schedule();
    return this.settings();
  }

  /** Summary for GET /_sandbox/agent. */
  state() {
    let running = 0;
    let stopped = 0;
    for (const t of this.#tasks.values()) {
      if (t.phase === "RUNNING") running += 1;
      else if (t.phase === "STOPPED") stopped += 1;
    }
    const s = this.#stats;
    return {
      ...this.settings(),
      settled: this.settled(),
      services: this.#services.size,
      tasks: this.#tasks.size,
      runningTasks: running,
      stoppedTasks: stopped,
      transitioning: this.#moving.size,
      stats: {
        ticks: s.ticks,
        lastTickMs: round(s.lastTickMs),
        maxTickMs: round(s.maxTickMs),
        avgTickMs: s.ticks ? round(s.totalTickMs / s.ticks) : 0,
        sweeps: s.sweeps,
        lastSweepMs: round(s.lastSweepMs),
      },
    };
  }

  /** The Lambda lifecycle hooks the agent invoked, oldest first: what a test checks ECS called, and in which order. */
  hookInvocations() {
    return [...this.#hookCalls];
  }

  /** Nothing in flight: no task transitions pending except crash timers, no service to reconcile, every service steady or failed. */
  settled() {
    if (this.#dirty.size) return false;
    for (const t of this.#moving) if (t.phase !== "RUNNING") return false;
    for (const svc of this.#services.values()) {
      if (svc.status !== "ACTIVE") return false;
      if (!svc.steady && svc.deployments[0]?.rolloutState !== "FAILED" && !svc.failing) return false;
    }
    return true;
  }

  /** Forget everything and go back to the settings the agent started with (POST /_sandbox/reset). */
  reset() {
    this.configure(this.#initialSettings);
    this.#generation += 1;
    this.#services.clear();
    this.#tasks.clear();
    this.#moving.clear();
    this.#running.clear();
    this.#dirty.clear();
    this.#taskDefs.clear();
    this.#subnets.clear();
    this.#clusters.clear();
    this.#regions = new Set(["us-east-1"]);
    this.#stateManager = null;
    this.#lastSweep = 0;
    this.#stats = { ticks: 0, lastTickMs: 0, maxTickMs: 0, totalTickMs: 0, sweeps: 0, lastSweepMs: 0 };
    this.targets.reset();
    this.ledger.reset();
    this.#hookCalls = [];
    try {
      this.#telemetry?.reset?.();
    } catch {}
  }

  close() {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    try {
      this.#telemetry?.close?.();
    } catch {}
  }

  #schedule() {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      try {
        this.tick();
      } finally {
        this.#schedule();
      }
    }, this.#settings.tickMs);
    this.#timer.unref?.();
  }

  // ------------------------------------------------------------------------------------------
  // moto

  #moto(region, op, body) {
    return callMoto(this.#upstream, { service: "ecs", target: `${TARGET}.${op}`, region, body });
  }

  /** moto's ECS tasks must not move when described (they should not exist, but a direct RunTask can make some). */
  async #ensureStateManager() {
    this.#stateManager ??= fetch(this.#upstream + "/moto-api/state-manager/set-transition", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ model_name: "ecs::task", transition: { progression: "manual", times: 1_000_000_000 } }),
      signal: AbortSignal.timeout(5000),
    })
      .then((r) => r.arrayBuffer())
      .catch(() => {
        this.#stateManager = null;
      });
    return this.#stateManager;
  }

  /** A task definition from moto (cached by ARN; "family" alone is looked up each time). */
  taskDefinition(region, ref) {
    const key = `${region}|${ref}`;
    const isArnOrRevision = /:\d+$/.test(String(ref));
    let p = isArnOrRevision ? this.#taskDefs.get(key) : undefined;
    if (!p) {
      p = this.#moto(region, "DescribeTaskDefinition", { taskDefinition: ref }).then(
        (r) => r.taskDefinition ?? null,
        (err) => (err instanceof ApiError && err.status < 500 ? null : Promise.reject(err)),
      );
      if (isArnOrRevision) {
        this.#taskDefs.set(key, p);
        p.catch(() => this.#taskDefs.delete(key));
      }
      p.then((td) => {
        const arnKey = `${region}|${td?.taskDefinitionArn}`;
        if (td?.taskDefinitionArn && !this.#taskDefs.has(arnKey)) {
          const done = Promise.resolve(td);
          Object.assign(done, { settled: true, value: td, tracking: true });
          this.#taskDefs.set(arnKey, done);
        }
      }, () => {});
    }
    return p;
  }

  /** Cache a task definition promise with its value readable synchronously once settled. */
  #warmTaskDefinition(region, arn) {
    const key = `${region}|${arn}`;
    let p = this.#taskDefs.get(key);
    if (p?.settled) return p.value;
    if (!p || !p.tracking) {
      p = p ?? this.taskDefinition(region, arn);
      p.tracking = true;
      const gen = this.#generation;
      p.then(
        (td) => {
          p.settled = true;
          p.value = td;
          if (gen !== this.#generation) return;
          for (const svc of this.#services.values()) {
            if (svc.region === region && svc.deployments.some((d) => d.taskDefinition === arn)) this.#dirty.add(svc);
          }
        },
        () => {
          this.#taskDefs.delete(key);
        },
      );
      this.#taskDefs.set(key, p);
    }
    return undefined;
  }

  async #ec2(region, params) {
    const res = await fetch(this.#upstream + "/", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: new URLSearchParams({ Version: "2016-11-15", ...params }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    return { ok: res.ok, text: await res.text() };
  }

  /** Subnet AZ and CIDR (cached). null when the subnet does not exist. */
  subnet(region, subnetId) {
    const key = `${region}|${subnetId}`;
    let p = this.#subnets.get(key);
    if (!p) {
      p = this.#ec2(region, { Action: "DescribeSubnets", "SubnetId.1": subnetId }).then(({ ok, text }) => {
        if (!ok) return null;
        const az = /<availabilityZone>([^<]+)<\/availabilityZone>/.exec(text)?.[1];
        const cidr = /<cidrBlock>([^<]+)<\/cidrBlock>/.exec(text)?.[1];
        return az ? { az, cidr } : null;
      });
      p.catch(() => this.#subnets.delete(key));
      this.#subnets.set(key, p);
      p.then((v) => {
        p.settled = true;
        p.value = v;
      }, () => {});
    }
    return p;
  }

  async #clusterArn(region, ref) {
    const name = lastSegment(ref ?? "default");
    const key = `${region}|${name}`;
    const known = this.#clusters.get(key);
    if (known) return { arn: known, name };
    const r = await this.#moto(region, "DescribeClusters", { clusters: [name] });
    const c = (r.clusters ?? []).find((x) => x.status === "ACTIVE");
    if (!c) throw clusterNotFound();
    this.#clusters.set(key, c.clusterArn);
    return { arn: c.clusterArn, name };
  }

  // ------------------------------------------------------------------------------------------
  // Gateway hooks

  /** Operations the gateway serves from the agent (never forwarded to moto). */
  handles(operation) {
    return SERVED.has(operation);
  }

  /** Note the region of an ECS call, so the sweep looks there too. */
  noteRegion(region) {
    if (region && region !== "unknown") this.#regions.add(region);
  }

  async handle(ident, body) {
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
      const out = await this[`op${ident.operation}`](region, input ?? {});
      return jsonResponse(out, CT);
    } catch (err) {
      if (err instanceof ApiError) return jsonError(err.code, err.message, { status: err.status, contentType: CT });
      return jsonError("ServerException", `sandbox: ${err?.message ?? err}`, { status: 500, contentType: CT });
    }
  }

  /**
   * A rewrite of moto's answer to an ECS call the agent watches (may return a promise), or undefined.
   * CreateService / UpdateService / DeleteService are recorded; every service answer gains counts,
   * deployments, events and the settings moto drops.
   */
  transformFor(ident, body) {
    if (!OBSERVED.has(ident.operation)) return undefined;
    const region = !ident.region || ident.region === "unknown" ? "us-east-1" : ident.region;
    this.noteRegion(region);
    let input = {};
    try {
      input = JSON.parse(body.toString("utf8") || "{}") ?? {};
    } catch {}
    switch (ident.operation) {
      case "CreateService":
        return async (data) => {
          if (data?.service) overlayService(data.service, await this.#prime(this.#adopt(region, data.service, input, { created: true })));
          return data;
        };
      case "UpdateService":
        return async (data) => {
          if (data?.service) overlayService(data.service, await this.#prime(await this.#updated(region, data.service, input)));
          return data;
        };
      case "DeleteService":
        return (data) => {
          if (data?.service) {
            const svc = this.#services.get(data.service.serviceArn);
            if (svc) {
              this.#drain(svc);
              overlayService(data.service, svc);
            }
          }
          return data;
        };
      case "DescribeClusters":
        return (data) => {
          for (const c of data?.clusters ?? []) this.#countCluster(c);
          return data;
        };
      case "DescribeServices":
        return async (data) => {
          for (const s of data?.services ?? []) {
            let svc = this.#services.get(s.serviceArn);
            if (!svc && s.status === "ACTIVE") svc = this.#adopt(region, s, {});
            else if (svc) await this.#followMoto(svc, s);
            if (svc) overlayService(s, svc);
          }
          return data;
        };
    }
    return undefined;
  }

  /**
   * moto's DescribeClusters counts no tasks (it never runs any) and no services: the counts ECS
   * shows on a cluster come from the tasks and services the agent runs.
   */
  #countCluster(c) {
    let running = 0;
    let pending = 0;
    let services = 0;
    for (const t of this.#tasks.values()) {
      if (t.clusterArn !== c.clusterArn) continue;
      if (t.phase === "RUNNING") running += 1;
      else if (PENDING_PHASES.has(t.phase)) pending += 1;
    }
    for (const svc of this.#services.values()) if (svc.clusterArn === c.clusterArn && svc.status === "ACTIVE") services += 1;
    c.runningTasksCount = running;
    c.pendingTasksCount = pending;
    // Services made straight in moto are adopted lazily; never report fewer than moto knows of.
    c.activeServicesCount = Math.max(c.activeServicesCount ?? 0, services);
  }

  // ------------------------------------------------------------------------------------------
  // Services

  /** Start tracking a service from moto's service object (CreateService answer, DescribeServices, sweep). */
  #adopt(region, s, input, { created = false } = {}) {
    const existing = this.#services.get(s.serviceArn);
    if (existing) return existing;
    const now = Date.now();
    const clusterName = lastSegment(s.clusterArn);
    this.#clusters.set(`${region}|${clusterName}`, s.clusterArn);
    const cps = input.capacityProviderStrategy ?? s.capacityProviderStrategy;
    const svc = {
      arn: s.serviceArn,
      name: s.serviceName,
      region,
      clusterArn: s.clusterArn,
      clusterName,
      status: "ACTIVE",
      desiredCount: s.desiredCount ?? 0,
      launchType: s.launchType ?? (cps?.length ? undefined : "EC2"),
      capacityProviderStrategy: cps?.length ? cps : undefined,
      platformVersion: input.platformVersion ?? s.platformVersion,
      networkConfiguration: s.networkConfiguration && Object.keys(s.networkConfiguration).length ? s.networkConfiguration : input.networkConfiguration,
      loadBalancers: s.loadBalancers ?? [],
      config: {
        deploymentConfiguration: input.deploymentConfiguration ?? s.deploymentConfiguration,
        healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds ?? s.healthCheckGracePeriodSeconds,
        enableExecuteCommand: input.enableExecuteCommand ?? s.enableExecuteCommand,
      },
      deployments: [],
      events: [],
      steady: false,
      failing: false,
      unstableNoted: false,
      lastCompleted: null,
      motoTaskDefinition: s.taskDefinition,
      createdAt: now,
    };
    const motoDep = s.deployments?.find((d) => d.status === "PRIMARY");
    svc.deployments.push(this.#newDeployment(svc, s.taskDefinition, { id: motoDep?.id, now }));
    this.ledger.started(svc, svc.deployments[0], [], now);
    if (created) this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_IN_PROGRESS", svc.deployments[0].id, now);
    if (!created && svc.desiredCount === 0) svc.steady = true;
    this.#services.set(svc.arn, svc);
    this.#dirty.add(svc);
    if (svc.deployments[0].taskDefinition) this.#warmTaskDefinition(region, svc.deployments[0].taskDefinition);
    return svc;
  }

  /** Have the service's task definition and subnets at hand, then act on it at once (tasks appear with the answer). */
  async #prime(svc) {
    try {
      const td = svc.deployments[0]?.taskDefinition;
      if (td) {
        this.#warmTaskDefinition(svc.region, td);
        await this.#taskDefs.get(`${svc.region}|${td}`);
      }
      await Promise.all((svc.networkConfiguration?.awsvpcConfiguration?.subnets ?? []).map((id) => this.subnet(svc.region, id)));
      await new Promise((r) => setImmediate(r)); // let the cache entries settle
      if (!this.#settings.paused && this.#services.get(svc.arn) === svc) {
        this.#dirty.delete(svc);
        this.#reconcile(svc, Date.now());
      }
    } catch {}
    return svc;
  }

  #newDeployment(svc, taskDefinition, { id, now = Date.now(), reason } = {}) {
    const depId = id ?? newDeploymentId();
    return {
      id: depId,
      status: "PRIMARY",
      taskDefinition,
      desiredCount: svc.desiredCount,
      failedTasks: 0,
      createdAt: now,
      updatedAt: now,
      launchType: svc.launchType,
      capacityProviderStrategy: svc.capacityProviderStrategy,
      platformVersion: svc.platformVersion,
      networkConfiguration: svc.networkConfiguration,
      rolloutState: "IN_PROGRESS",
      rolloutStateReason: reason ?? `ECS deployment ${depId} in progress.`,
      live: new Set(),
      stopping: new Set(),
    };
  }

  async #updated(region, s, input) {
    let svc = this.#services.get(s.serviceArn);
    if (!svc) return this.#adopt(region, s, input);
    const now = Date.now();
    if (s.taskDefinition) svc.motoTaskDefinition = s.taskDefinition;
    // moto stores the task definition as given ("web" or "web:3"); ECS answers its ARN.
    let tdArn = svc.deployments[0]?.taskDefinition;
    if (input.taskDefinition) {
      const td = await this.taskDefinition(region, input.taskDefinition).catch(() => null);
      tdArn = td?.taskDefinitionArn ?? input.taskDefinition;
    }
    if (input.deploymentConfiguration) {
      let prev = svc.config.deploymentConfiguration ?? {};
      // A new strategy brings its own settings: the previous strategy's (canary, linear, bake, hooks) go.
      if (input.deploymentConfiguration.strategy) {
        const { strategy: _s, bakeTimeInMinutes: _b, canaryConfiguration: _c, linearConfiguration: _l, lifecycleHooks: _h, ...rest } = prev;
        prev = rest;
      }
      svc.config.deploymentConfiguration = {
        ...prev,
        ...input.deploymentConfiguration,
        ...(input.deploymentConfiguration.deploymentCircuitBreaker
          ? { deploymentCircuitBreaker: { ...(prev.deploymentCircuitBreaker ?? {}), ...input.deploymentConfiguration.deploymentCircuitBreaker } }
          : {}),
      };
    }
    if (Array.isArray(input.loadBalancers)) svc.loadBalancers = input.loadBalancers;
    if (input.healthCheckGracePeriodSeconds != null) svc.config.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
    if (input.enableExecuteCommand != null) svc.config.enableExecuteCommand = input.enableExecuteCommand;
    let redeploy = Boolean(input.forceNewDeployment) || tdArn !== svc.deployments[0]?.taskDefinition;
    if (input.capacityProviderStrategy) {
      redeploy ||= JSON.stringify(input.capacityProviderStrategy) !== JSON.stringify(svc.capacityProviderStrategy ?? []);
      svc.capacityProviderStrategy = input.capacityProviderStrategy.length ? input.capacityProviderStrategy : undefined;
      if (svc.capacityProviderStrategy) svc.launchType = undefined;
    }
    if (input.networkConfiguration) {
      redeploy ||= JSON.stringify(input.networkConfiguration) !== JSON.stringify(svc.networkConfiguration ?? null);
      svc.networkConfiguration = input.networkConfiguration;
    }
    if (input.platformVersion && input.platformVersion !== svc.platformVersion) {
      redeploy = true;
      svc.platformVersion = input.platformVersion;
    }
    if (input.desiredCount != null) svc.desiredCount = input.desiredCount;
    else if (s.desiredCount != null) svc.desiredCount = s.desiredCount;
    if (redeploy) {
      const sources = svc.deployments.filter((d) => d.live.size > 0 || d.status === "PRIMARY");
      this.ledger.finish(this.ledger.of(svc.deployments[0]), "STOPPED", "Stopped by a newer deployment of the service.", now);
      for (const d of svc.deployments) d.status = "ACTIVE";
      const dep = this.#newDeployment(svc, tdArn, { now });
      // Blue/green, linear and canary shift traffic from the tasks serving now; a first start has none.
      if (sources.some((d) => d.live.size > 0)) dep.shift = newShift(svc, shiftingLoadBalancer(svc), now);
      svc.deployments.unshift(dep);
      this.ledger.started(svc, dep, sources, now);
      this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_IN_PROGRESS", dep.id, now);
      this.#warmTaskDefinition(region, tdArn);
    }
    const primary = svc.deployments[0];
    if (primary) {
      primary.desiredCount = svc.desiredCount;
      primary.updatedAt = now;
    }
    svc.steady = false;
    svc.failing = false;
    this.#dirty.add(svc);
    return svc;
  }

  /**
   * Follow changes made straight in moto, not through the gateway (ECS Express Mode's emulation,
   * a seeding script): a deleted service drains, a new desired count or task definition applies.
   */
  async #followMoto(svc, s) {
    if (svc.status !== "ACTIVE") return;
    if (s.status !== "ACTIVE") return this.#drain(svc);
    const change = {};
    // (While the agent's own rollback update is on its way to moto, moto still shows the old value.)
    if (s.taskDefinition && s.taskDefinition !== svc.motoTaskDefinition && !svc.motoSync) change.taskDefinition = s.taskDefinition;
    if (s.desiredCount != null && s.desiredCount !== svc.desiredCount) change.desiredCount = s.desiredCount;
    if (Object.keys(change).length) await this.#updated(svc.region, s, change);
  }

  #drain(svc) {
    if (svc.status !== "ACTIVE") return;
    svc.status = "DRAINING";
    svc.desiredCount = 0;
    for (const d of svc.deployments) d.desiredCount = 0;
    this.#dirty.add(svc);
  }

  #event(svc, message, now = Date.now()) {
    svc.events.unshift({ id: randomUUID(), createdAt: now, message });
    if (svc.events.length > MAX_EVENTS) svc.events.length = MAX_EVENTS;
  }

  #depSettings(svc) {
    const dc = svc.config.deploymentConfiguration ?? {};
    return {
      max: dc.maximumPercent ?? 200,
      min: dc.minimumHealthyPercent ?? 100,
      breaker: dc.deploymentCircuitBreaker?.enable === true,
      rollback: dc.deploymentCircuitBreaker?.rollback === true,
    };
  }

  /** Bring a service one step closer to its desired state. Synchronous (tasks are the agent's own). */
  #reconcile(svc, now) {
    const primary = svc.deployments[0];
    if (!primary) return;
    if (svc.status === "DRAINING") {
      const stopping = [];
      for (const d of svc.deployments) for (const t of d.live) stopping.push(t);
      this.#stopTasks(svc, stopping, now);
      // Gone once its last task has stopped (each STOPPED task marks the service dirty again).
      if (![...this.#moving].some((t) => t.service === svc)) {
        svc.status = "INACTIVE";
        this.#services.delete(svc.arn);
      }
      return;
    }
    const { max, min, breaker, rollback } = this.#depSettings(svc);
    const desired = svc.desiredCount;
    if (!primary.shift && this.#rollingAlarm(svc, primary, now)) return this.#reconcile(svc, now);

    // Circuit breaker.
    if (breaker && primary.rolloutState === "IN_PROGRESS" && primary.failedTasks >= failureThreshold(desired)) {
      primary.rolloutState = "FAILED";
      primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
      primary.updatedAt = now;
      this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) deployment failed: tasks failed to start.`, now);
      this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_FAILED", primary.id, now);
      if (primary.shift && rollback) return this.#rollBackShift(svc, primary, "Circuit breaker: tasks failed to start; traffic back on the previous revision.", now);
      const back = svc.lastCompleted;
      if (rollback && back && back.taskDefinition !== primary.taskDefinition) {
        for (const d of svc.deployments) d.status = "ACTIVE";
        const dep = this.#newDeployment(svc, back.taskDefinition, {
          now,
          reason: `ECS deployment circuit breaker: rolling back to deploymentId ${back.id}.`,
        });
        svc.deployments.unshift(dep);
        const rec = this.ledger.of(primary);
        this.ledger.rollingBack(rec, "ECS deployment circuit breaker: tasks failed to start.", this.ledger.revisionFor(svc, dep, now)?.serviceRevisionArn, now);
        dep.serviceDeploymentArn = rec?.serviceDeploymentArn;
        dep.rollbackOf = rec;
        this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) rolling back to deployment ${back.id} (${lastSegment(back.taskDefinition)}).`, now);
        this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_IN_PROGRESS", dep.id, now, { rollbackTo: back.id });
        this.#warmTaskDefinition(svc.region, dep.taskDefinition);
        // moto's service follows (the agent's call goes straight to moto, uncounted).
        svc.motoTaskDefinition = back.taskDefinition;
        svc.motoSync = this.#moto(svc.region, "UpdateService", { cluster: svc.clusterName, service: svc.name, taskDefinition: back.taskDefinition })
          .catch(() => {})
          .finally(() => {
            svc.motoSync = null;
          });
        return this.#reconcile(svc, now);
      }
      svc.failing = true;
      this.ledger.finish(this.ledger.of(primary), "STOPPED", "ECS deployment circuit breaker: tasks failed to start.", now);
    }

    const td = this.#warmTaskDefinition(svc.region, primary.taskDefinition);
    if (td === undefined && primary.taskDefinition) {
      this.#dirty.add(svc); // wait for the task definition
      return;
    }
    const olds = svc.deployments.slice(1);
    const canLaunch = primary.rolloutState !== "FAILED" && td !== null;
    const live = (d) => d.live.size;
    const runningIn = (d) => {
      let n = 0;
      for (const t of d.live) if (t.phase === "RUNNING") n += 1;
      return n;
    };
    let primaryLive = live(primary);
    const toStop = [];

    if (td) this.ledger.noteImages(primary, td);
    if (primary.shift && (olds.length > 0 || primary.shift.rollingBack) && primary.shift.stage !== "DONE") {
      this.#reconcileShift(svc, primary, olds, td, canLaunch, now);
    } else if (olds.length === 0 || olds.every((d) => live(d) === 0)) {
      if (primaryLive < desired && canLaunch) this.#launch(svc, primary, td, desired - primaryLive, now);
      if (primaryLive > desired) toStop.push(...this.#pickToStop([...primary.live], primaryLive - desired));
    } else {
      const maxTotal = Math.max(Math.floor((desired * max) / 100), desired > 0 ? 1 : 0);
      const minHealthy = Math.ceil((desired * min) / 100);
      let total = primaryLive + olds.reduce((n, d) => n + live(d), 0);
      let running = runningIn(primary) + olds.reduce((n, d) => n + runningIn(d), 0);
      // Old tasks that are not running yet never count as healthy: stop those first.
      const oldTasks = olds.flatMap((d) => [...d.live]);
      const notRunning = oldTasks.filter((t) => t.phase !== "RUNNING");
      const oldRunning = oldTasks.filter((t) => t.phase === "RUNNING");
      toStop.push(...notRunning);
      total -= notRunning.length;
      let launchN = canLaunch ? Math.min(desired - primaryLive, Math.max(0, maxTotal - total)) : 0;
      const stopN = Math.min(oldRunning.length, Math.max(0, running - minHealthy));
      toStop.push(...this.#pickToStop(oldRunning, stopN));
      if (launchN <= 0 && stopN <= 0 && notRunning.length === 0 && primaryLive < desired && canLaunch) {
        // Neither limit lets the rollout move (e.g. 100% / 100%): replace one task at a time.
        if (oldRunning.length) toStop.push(...this.#pickToStop(oldRunning, 1));
        else launchN = 1;
      }
      if (launchN > 0) this.#launch(svc, primary, td, launchN, now);
      if (primaryLive > desired) toStop.push(...this.#pickToStop([...primary.live], primaryLive - desired));
    }
    if (toStop.length) this.#stopTasks(svc, toStop, now);

    // Drained deployments disappear.
    for (const d of olds) {
      if (live(d) === 0 && d.stopping.size === 0) {
        d.status = "INACTIVE";
        svc.deployments.splice(svc.deployments.indexOf(d), 1);
      }
    }

    // Rollout and steady state.
    primaryLive = live(primary);
    const primaryRunning = runningIn(primary);
    // A task that is about to crash is no sign of a finished rollout.
    let crashing = 0;
    for (const t of primary.live) if (t.crashing) crashing += 1;
    const done = svc.deployments.length === 1 && primaryLive === desired && primaryRunning === desired && crashing === 0;
    if (done && primary.rolloutState === "IN_PROGRESS") {
      primary.rolloutState = "COMPLETED";
      primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
      primary.updatedAt = now;
      svc.lastCompleted = { id: primary.id, taskDefinition: primary.taskDefinition };
      if (primary.shift) {
        primary.shift.stage = "DONE";
        svc.liveTargetGroup = primary.shift.green;
      }
      if (primary.rollbackOf) this.ledger.finish(primary.rollbackOf, "ROLLBACK_SUCCESSFUL", primary.rollbackOf.rollback?.reason, now);
      else this.ledger.finish(this.ledger.of(primary), "SUCCESSFUL", `Service deployment completed: ${lastSegment(primary.taskDefinition)} runs ${svc.desiredCount} task(s).`, now);
      this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) deployment completed.`, now);
      this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_COMPLETED", primary.id, now);
    }
    if (done && !svc.steady) {
      svc.steady = true;
      svc.failing = false;
      this.#event(svc, `(service ${svc.name}) has reached a steady state.`, now);
    }
  }

  /**
   * One step of a blue/green, linear or canary deployment (service-deployments.mjs): green up to
   * the full desired count beside blue, then traffic moved on the listener rule step by step,
   * bake, and blue stopped; or, rolling back, green stopped and blue serving again.
   */
  #reconcileShift(svc, primary, olds, td, canLaunch, now) {
    const shift = primary.shift;
    const desired = svc.desiredCount;
    let greenRunning = 0;
    let crashing = 0;
    for (const t of primary.live) {
      if (t.phase === "RUNNING") greenRunning += 1;
      if (t.crashing) crashing += 1;
    }
    const hookFailed = (stages) => {
      const failed = shift.rollingBack ? null : invokeHooks(shift.hooks, stages, (call) => this.#recordHook(svc, primary, call, now));
      if (failed) this.#rollBackShift(svc, primary, `Lifecycle hook ${failed.name} failed in ${failed.stage}.`, now);
      return failed;
    };
    shift.passed ??= new Set();
    if (!shift.hooksStarted) {
      const first = hookStagesReached(shift, shift.stage);
      if (hookFailed(first)) return;
      const pause = shift.rollingBack ? null : pauseAt(shift.hooks, first, shift.passed);
      if (pause) this.#startPause(svc, primary, pause, now);
    }
    if (this.#alarmRollback(svc, primary, now)) return;
    if (this.#holdPause(svc, primary, now)) return;
    if (!shift.rollingBack && primary.live.size < desired && canLaunch) this.#launch(svc, primary, td, desired - primary.live.size, now);
    const before = shift.stage;
    const beforeStep = shift.step;
    const blueLive = olds.reduce((n, d) => n + d.live.size, 0);
    const facts = { greenReady: greenRunning >= desired && primary.live.size === desired && crashing === 0, blueLive, greenLive: primary.live.size };
    if (!shift.rollingBack) {
      // A pause hook holds the deployment before it passes its stage: look one step ahead on a copy.
      const probe = { ...shift };
      advanceShift(probe, facts, now, this.#settings.minuteMs);
      const moved = probe.stage !== shift.stage || probe.step !== shift.step;
      const ahead = moved ? hookStagesReached({ ...probe, hooksStarted: true }, shift.stage, shift.step) : [];
      const pause = pauseAt(shift.hooks, ahead, shift.passed, probe.step);
      if (pause) {
        this.#startPause(svc, primary, pause, now);
        return;
      }
    }
    const out = advanceShift(shift, facts, now, this.#settings.minuteMs);
    // A failing hook stops the shift before its traffic moves (the rollback puts 100 % on blue).
    if (hookFailed(hookStagesReached(shift, before, beforeStep))) return;
    if (out.weightChanged) {
      this.#writeWeights(svc, shift);
      this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) production traffic: ${100 - shift.greenWeight}% blue, ${shift.greenWeight}% green.`, now);
    }
    if (shift.stage !== before) this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) lifecycle stage ${shift.stage}.`, now);
    if (out.stopBlue) this.#stopTasks(svc, olds.flatMap((d) => [...d.live]), now);
    if (out.stopGreen) this.#stopTasks(svc, [...primary.live], now);
    if (shift.rollingBack && primary.live.size === 0 && primary.stopping.size === 0) {
      // Rolled back: green is gone and blue, which never stopped serving, is the service again.
      shift.stage = "DONE";
      svc.deployments.splice(svc.deployments.indexOf(primary), 1);
      primary.status = "INACTIVE";
      if (svc.deployments[0]) svc.deployments[0].status = "PRIMARY";
      const rec = this.ledger.of(primary);
      this.ledger.finish(rec, "ROLLBACK_SUCCESSFUL", rec?.rollback?.reason, now);
      this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) rolled back: all traffic on the previous revision.`, now);
      if (svc.deployments[0]) this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_COMPLETED", svc.deployments[0].id, now);
    }
    svc.steady = false;
    this.#dirty.add(svc); // time moves the shift on, not only task changes
  }

  /**
   * deploymentConfiguration.alarms (deployment-alarms.mjs): read the watched alarms while the
   * deployment lasts; one in ALARM is noted on the service deployment and, with rollback on,
   * rolls it back. True when it did.
   */
  #alarmRollback(svc, primary, now) {
    const shift = primary.shift;
    const rec = this.ledger.of(primary);
    const dc = rec?.deploymentConfiguration ?? {};
    const names = watchedAlarms(dc);
    if (shift.rollingBack || !rec || !names.length || shift.stage === "CLEAN_UP") return false;
    shift.alarms ??= { names, states: {} };
    pollAlarms(shift.alarms, this.#upstream, svc.region, now, () => this.#dirty.add(svc));
    const hit = triggeredAlarm(names, shift.alarms.states);
    if (!hit) return false;
    rec.triggeredAlarmNames = [hit];
    if (!dc.alarms.rollback) return false;
    this.#rollBackShift(svc, primary, `CloudWatch alarm ${hit} is in ALARM.`, now);
    return true;
  }

  /** One Lambda hook invocation (service-deployments.mjs invokeHooks), kept for GET /_sandbox/hooks. */
  #recordHook(svc, primary, call, now) {
    const rec = this.ledger.of(primary);
    this.#hookCalls.push({ at: new Date(now).toISOString(), serviceArn: svc.arn, serviceDeploymentArn: rec?.serviceDeploymentArn, step: primary.shift?.step, ...call });
    if (this.#hookCalls.length > MAX_HOOK_CALLS) this.#hookCalls.shift();
  }

  /** Hold the deployment at a pause hook's stage (pause-hooks.mjs) until ContinueServiceDeployment or the hook's timeout. */
  #startPause(svc, primary, { hook, stage, key }, now) {
    const shift = primary.shift;
    shift.pause = newPause(hook, stage, now, this.#settings.minuteMs, key);
    (shift.pauses ??= []).push(shift.pause);
    this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) paused in ${stage} by a pause hook (${shift.pause.hookId}); waiting for ContinueServiceDeployment.`, now);
    svc.steady = false;
    this.#dirty.add(svc);
  }

  /** True while a pause hook holds the deployment; its timeout continues or rolls back as configured. */
  #holdPause(svc, primary, now) {
    const shift = primary.shift;
    const pause = shift.pause;
    if (!pause || shift.rollingBack) return false;
    if (now >= pause.expiresAt) {
      pause.status = "TIMED_OUT";
      shift.pause = null;
      shift.passed.add(pause.key ?? pause.stage);
      if (pause.timeoutAction === "ROLLBACK") {
        this.#rollBackShift(svc, primary, `Pause hook in ${pause.stage} timed out.`, now);
        return true;
      }
      return false;
    }
    svc.steady = false;
    this.#dirty.add(svc);
    return true;
  }

  /**
   * deploymentConfiguration.alarms on a rolling deployment: while it is in progress, a watched
   * alarm in ALARM (with rollback on) rolls it back to the last completed revision. True when it did.
   */
  #rollingAlarm(svc, primary, now) {
    const rec = this.ledger.of(primary);
    const dc = rec?.deploymentConfiguration ?? {};
    const names = watchedAlarms(dc);
    if (!rec || !names.length || primary.rolloutState !== "IN_PROGRESS" || primary.rollbackOf || rec.status !== "IN_PROGRESS") return false;
    primary.alarmWatch ??= { names, states: {} };
    pollAlarms(primary.alarmWatch, this.#upstream, svc.region, now, () => this.#dirty.add(svc));
    this.#dirty.add(svc);
    const hit = triggeredAlarm(names, primary.alarmWatch.states);
    if (!hit) return false;
    rec.triggeredAlarmNames = [hit];
    const back = svc.lastCompleted;
    if (!dc.alarms.rollback || !back || back.taskDefinition === primary.taskDefinition) return false;
    this.#rollBackRolling(svc, primary, `CloudWatch alarm ${hit} is in ALARM.`, now);
    return true;
  }

  /** Point the production (and test) listener rule at blue and green with the shift's weights, in order. */
  #writeWeights(svc, shift) {
    const rules = [shift.rule, ...(shift.testRule ? [shift.testRule] : [])];
    svc.weightChain = (svc.weightChain ?? Promise.resolve())
      .then(() => Promise.all(rules.map((rule) => motoQuery(this.#upstream, svc.region, "elbv2", weightParams(rule, shift.blue, shift.green, shift.greenWeight)))))
      .catch((err) => this.#event(svc, `(service ${svc.name}) could not update listener rule weights: ${err?.message ?? err}`));
  }

  /** Roll a traffic-shifting deployment back: all traffic to blue at once, green stopped. */
  #rollBackShift(svc, primary, reason, now) {
    const shift = primary.shift;
    if (shift.rollingBack) return;
    shift.rollingBack = true;
    shift.greenWeight = 0;
    this.#writeWeights(svc, shift);
    primary.rolloutState = "FAILED";
    primary.rolloutStateReason = reason;
    primary.updatedAt = now;
    const blue = svc.deployments.find((d) => d !== primary);
    this.ledger.rollingBack(this.ledger.of(primary), reason, blue?.serviceRevisionArn, now);
    this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) rolling back: ${reason}`, now);
    if (blue) this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_IN_PROGRESS", blue.id, now, { rollbackTo: blue.id });
    if (blue) {
      svc.motoTaskDefinition = blue.taskDefinition;
      svc.motoSync = this.#moto(svc.region, "UpdateService", { cluster: svc.clusterName, service: svc.name, taskDefinition: blue.taskDefinition })
        .catch(() => {})
        .finally(() => {
          svc.motoSync = null;
        });
    }
    this.#dirty.add(svc);
  }

  /** Roll a rolling deployment back to the last completed one, as the circuit breaker does. */
  #rollBackRolling(svc, primary, reason, now) {
    const back = svc.lastCompleted;
    if (!back || back.taskDefinition === primary.taskDefinition) throw invalid("The service has no earlier completed deployment to roll back to.");
    primary.rolloutState = "FAILED";
    primary.rolloutStateReason = reason;
    primary.updatedAt = now;
    for (const d of svc.deployments) d.status = "ACTIVE";
    const dep = this.#newDeployment(svc, back.taskDefinition, { now, reason: `Rolling back to deploymentId ${back.id}.` });
    svc.deployments.unshift(dep);
    const rec = this.ledger.of(primary);
    this.ledger.rollingBack(rec, reason, this.ledger.revisionFor(svc, dep, now)?.serviceRevisionArn, now);
    dep.serviceDeploymentArn = rec?.serviceDeploymentArn;
    dep.rollbackOf = rec;
    this.#event(svc, `(service ${svc.name}) (deployment ${primary.id}) rolling back to deployment ${back.id} (${lastSegment(back.taskDefinition)}).`, now);
    this.#deploymentChanged(svc, "SERVICE_DEPLOYMENT_IN_PROGRESS", dep.id, now, { rollbackTo: back.id, reason: `ECS deployment ${dep.id} in progress: rolling back to deploymentId ${back.id}.` });
    this.#warmTaskDefinition(svc.region, dep.taskDefinition);
    svc.motoTaskDefinition = back.taskDefinition;
    svc.motoSync = this.#moto(svc.region, "UpdateService", { cluster: svc.clusterName, service: svc.name, taskDefinition: back.taskDefinition })
      .catch(() => {})
      .finally(() => {
        svc.motoSync = null;
      });
    this.#dirty.add(svc);
  }

  /** The agent's service for a ListServiceDeployments request (name or ARN, cluster name or ARN). */
  #serviceFor(region, service, cluster) {
    const clusterName = lastSegment(cluster ?? "default");
    const name = lastSegment(service);
    for (const svc of this.#services.values()) {
      if (svc.region === region && svc.clusterName === clusterName && svc.name === name) return svc;
    }
    return null;
  }

  async opListServiceDeployments(region, input) {
    if (typeof input.service !== "string" || !input.service) throw invalid("service can't be empty.");
    const svc = this.#serviceFor(region, input.service, input.cluster);
    if (!svc) {
      const clusterName = lastSegment(input.cluster ?? "default");
      const r = await this.#moto(region, "DescribeServices", { cluster: clusterName, services: [lastSegment(input.service)] }).catch(() => null);
      const found = r?.services?.[0];
      if (!found) throw new ApiError("ServiceNotFoundException", "Service not found.");
      return this.ledger.list(this.#adopt(region, found, {}), input);
    }
    return this.ledger.list(svc, input);
  }

  async opDescribeServiceDeployments(_region, input) {
    return this.ledger.describe(arnList(input, "serviceDeploymentArns"));
  }

  async opDescribeServiceRevisions(_region, input) {
    return this.ledger.describeRevisions(arnList(input, "serviceRevisionArns"));
  }

  /** StopServiceDeployment: ROLLBACK of an in-progress deployment (ABORT refused, as AWS documents). */
  async opStopServiceDeployment(_region, input) {
    const rec = typeof input.serviceDeploymentArn === "string" ? this.ledger.get(input.serviceDeploymentArn) : undefined;
    if (!rec) throw new ApiError("ServiceDeploymentNotFoundException", "The service deployment does not exist.");
    const stopType = input.stopType ?? "ROLLBACK";
    // AWS's API reference lists ABORT | ROLLBACK but documents only ROLLBACK as valid ("The valid
    // values are ROLLBACK"); the sandbox answers ABORT as that documentation says.
    if (stopType === "ABORT") throw invalid("stopType ABORT is not supported: the valid values are ROLLBACK.");
    if (stopType !== "ROLLBACK") throw invalid(`1 validation error detected: Value '${String(stopType).slice(0, 64)}' at 'stopType' failed to satisfy constraint: Member must satisfy enum value set: [ABORT, ROLLBACK]`);
    const svc = rec.svc;
    const primary = svc.deployments[0];
    if (rec.status !== "IN_PROGRESS" || primary !== rec.target || svc.status !== "ACTIVE") {
      throw new ApiError("ConflictException", `The service deployment is ${rec.status}; only an IN_PROGRESS deployment can be rolled back.`);
    }
    const now = Date.now();
    const reason = "Rolled back by StopServiceDeployment (ROLLBACK).";
    if (primary.shift) {
      if (primary.shift.stage === "CLEAN_UP") throw new ApiError("ConflictException", "The deployment is cleaning up the previous revision; it can no longer be rolled back.");
      this.#rollBackShift(svc, primary, reason, now);
    } else {
      this.#rollBackRolling(svc, primary, reason, now);
    }
    return { serviceDeploymentArn: rec.serviceDeploymentArn };
  }

  /** ContinueServiceDeployment: CONTINUE or ROLLBACK a deployment held by a pause hook (pause-hooks.mjs). */
  async opContinueServiceDeployment(_region, input) {
    const rec = typeof input.serviceDeploymentArn === "string" ? this.ledger.get(input.serviceDeploymentArn) : undefined;
    if (!rec) throw new ApiError("ServiceDeploymentNotFoundException", "The service deployment does not exist.");
    const action = input.action ?? "CONTINUE";
    if (action !== "CONTINUE" && action !== "ROLLBACK") {
      throw invalid(`1 validation error detected: Value '${String(action).slice(0, 64)}' at 'action' failed to satisfy constraint: Member must satisfy enum value set: [CONTINUE, ROLLBACK]`);
    }
    const shift = rec.target.shift;
    const pause = shift?.pause;
    if (rec.status !== "IN_PROGRESS" || !pause || pause.status !== "AWAITING_ACTION") throw new ApiError("ConflictException", "The service deployment has no lifecycle hook in AWAITING_ACTION.");
    if (input.hookId !== pause.hookId) throw invalid("The hookId is not the lifecycle hook awaiting action.");
    pause.status = "SUCCEEDED";
    shift.pause = null;
    shift.passed.add(pause.key ?? pause.stage);
    if (action === "ROLLBACK") this.#rollBackShift(rec.svc, rec.target, `Rolled back by ContinueServiceDeployment (ROLLBACK) at the pause in ${pause.stage}.`, Date.now());
    this.#dirty.add(rec.svc);
    return { serviceDeploymentArn: rec.serviceDeploymentArn };
  }

  /** Which tasks to stop when scaling in: not-yet-running first, then the newest in the AZ with the most tasks. */
  #pickToStop(candidates, n) {
    if (n <= 0) return [];
    const picked = [];
    const rest = [];
    for (const t of candidates) (t.phase !== "RUNNING" ? picked : rest).push(t);
    picked.sort((a, b) => b.createdAt - a.createdAt);
    if (picked.length >= n) return picked.slice(0, n);
    const byAz = new Map();
    for (const t of rest) {
      const list = byAz.get(t.availabilityZone) ?? [];
      list.push(t);
      byAz.set(t.availabilityZone, list);
    }
    for (const list of byAz.values()) list.sort((a, b) => a.createdAt - b.createdAt);
    while (picked.length < n) {
      let best = null;
      for (const [az, list] of byAz) if (list.length && (!best || list.length > byAz.get(best).length || (list.length === byAz.get(best).length && az > best))) best = az;
      if (!best) break;
      picked.push(byAz.get(best).pop());
    }
    return picked;
  }

  #stopTasks(svc, tasks, now) {
    if (!tasks.length) return;
    const dep = svc.deployments[0];
    const reason = svc.status === "DRAINING" ? "Service deletion initiated." : `Scaling activity initiated by (deployment ${dep?.id})`;
    const stoppedRunning = [];
    for (const t of tasks) {
      const wasRunning = t.phase === "RUNNING";
      if (this.#beginStop(t, { stopCode: "ServiceSchedulerInitiated", reason, now }) && wasRunning) stoppedRunning.push(t);
    }
    svc.steady = false;
    for (let i = 0; i < stoppedRunning.length; i += 10) {
      const chunk = stoppedRunning.slice(i, i + 10);
      this.#event(svc, `(service ${svc.name}) has stopped ${chunk.length} running tasks: ${chunk.map((t) => `(task ${t.taskId})`).join(" ")}.`, now);
    }
  }

  #launch(svc, dep, td, n, now) {
    if (n <= 0 || !td) return;
    const started = [];
    const awsvpc = td.networkMode === "awsvpc";
    const subnets = awsvpc ? (svc.networkConfiguration?.awsvpcConfiguration?.subnets ?? []) : [];
    if (awsvpc) {
      // Wait until every subnet's AZ is known, so tasks spread across AZs.
      const infos = subnets.map((id) => this.subnet(svc.region, id));
      if (!subnets.length || infos.some((p) => !p.settled)) {
        Promise.allSettled(infos).then(() => this.#dirty.add(svc));
        return;
      }
    }
    for (let i = 0; i < n; i++) {
      let subnetId;
      if (awsvpc) {
        // The subnet whose AZ holds the fewest of this service's tasks.
        const perAz = new Map();
        for (const d of svc.deployments) for (const t of d.live) perAz.set(t.availabilityZone, (perAz.get(t.availabilityZone) ?? 0) + 1);
        let best = null;
        for (const id of subnets) {
          const info = this.#subnets.get(`${svc.region}|${id}`)?.value;
          if (!info) continue;
          const c = perAz.get(info.az) ?? 0;
          if (!best || c < best.c) best = { id, c };
        }
        subnetId = best?.id;
        if (!subnetId) {
          if (!svc.placementNoted) {
            svc.placementNoted = true;
            this.#event(svc, `(service ${svc.name}) was unable to place a task. Reason: none of the service's subnets exists (${subnets.join(", ")}).`, now);
          }
          break;
        }
      }
      const task = this.#createTask({
        region: svc.region,
        clusterArn: svc.clusterArn,
        clusterName: svc.clusterName,
        td,
        service: svc,
        deployment: dep,
        group: `service:${svc.name}`,
        startedBy: dep.id,
        launchType: svc.launchType,
        capacityProviderName: svc.capacityProviderStrategy?.[0]?.capacityProvider,
        platformVersion: svc.platformVersion,
        subnetId,
        enableExecuteCommand: svc.config.enableExecuteCommand,
        tags: [],
        now,
      });
      // Green tasks register with the alternate target group; after a shift, the service serves from it.
      const tg = dep.shift ? dep.shift.green : svc.liveTargetGroup;
      if (tg && svc.loadBalancers?.length) task.loadBalancers = svc.loadBalancers.map((l, i) => (i === 0 ? { ...l, targetGroupArn: tg } : l));
      dep.live.add(task);
      started.push(task);
    }
    if (!started.length) return;
    svc.steady = false;
    for (let i = 0; i < started.length; i += 10) {
      const chunk = started.slice(i, i + 10);
      this.#event(svc, `(service ${svc.name}) has started ${chunk.length} tasks: ${chunk.map((t) => `(task ${t.taskId})`).join(" ")}.`, now);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Tasks

  #createTask({ region, clusterArn, clusterName, td, service = null, deployment = null, group, startedBy, launchType, capacityProviderName, platformVersion, subnetId, enableExecuteCommand, overrides, tags, now }) {
    const taskId = hex(32);
    const taskArn = `arn:aws:ecs:${region}:${SANDBOX_ACCOUNT}:task/${clusterName}/${taskId}`;
    let eni = null;
    let availabilityZone = `${region}a`;
    if (subnetId) {
      const info = this.#subnets.get(`${region}|${subnetId}`)?.value;
      availabilityZone = info?.az ?? availabilityZone;
      const privateIp = ipInCidr(info?.cidr);
      eni = {
        attachmentId: randomUUID(),
        eniId: `eni-${hex(17)}`,
        subnetId,
        privateIp,
        mac: Array.from(randomBytes(6), (b, i) => (i === 0 ? (b & 0xfe) | 0x02 : b).toString(16).padStart(2, "0")).join(":"),
        privateDnsName: `ip-${privateIp.replaceAll(".", "-")}.${region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`}`,
      };
    }
    const containers = (td.containerDefinitions ?? []).map((c) => ({
      name: c.name,
      image: c.image,
      essential: c.essential !== false,
      hasHealthCheck: Boolean(c.healthCheck?.command?.length),
      cpu: c.cpu,
      memory: c.memory,
      memoryReservation: c.memoryReservation,
      containerArn: `arn:aws:ecs:${region}:${SANDBOX_ACCOUNT}:container/${clusterName}/${taskId}/${randomUUID()}`,
      runtimeSuffix: String(randomInt(1_000_000_000, 9_999_999_999)),
      imageDigest: `sha256:${hex(64)}`,
    }));
    const task = {
      taskArn,
      taskId,
      region,
      clusterArn,
      clusterName,
      service,
      deployment,
      group,
      startedBy: startedBy ?? "",
      td,
      taskDefinitionArn: td.taskDefinitionArn,
      family: td.family,
      launchType: capacityProviderName ? (td.requiresCompatibilities?.includes("FARGATE") ? "FARGATE" : "EC2") : (launchType ?? "EC2"),
      capacityProviderName,
      platformVersion,
      cpu: td.cpu ?? String((td.containerDefinitions ?? []).reduce((n, c) => n + (c.cpu ?? 0), 0) || 256),
      memory: td.memory ?? String((td.containerDefinitions ?? []).reduce((n, c) => n + (c.memory ?? c.memoryReservation ?? 0), 0) || 512),
      cpuArchitecture: td.runtimePlatform?.cpuArchitecture === "ARM64" ? "arm64" : "x86_64",
      overrides: overrides ?? { containerOverrides: [], inferenceAcceleratorOverrides: [] },
      tags: tags ?? [],
      enableExecuteCommand: enableExecuteCommand ?? false,
      crashing: isCrashing(td),
      exitsZero: !service && exitsZero(td, overrides),
      containers,
      eni,
      availabilityZone,
      phase: "PROVISIONING",
      desiredStatus: "RUNNING",
      version: 1,
      createdAt: now,
      nextAt: now + Math.round(this.#settings.paceMs / 2),
      pullStartedAt: null,
      pullStoppedAt: null,
      startedAt: null,
      connectivityAt: null,
      stoppingAt: null,
      executionStoppedAt: null,
      stoppedAt: null,
      stopCode: undefined,
      stoppedReason: undefined,
      exitCode: undefined,
      telemetry: null,
    };
    this.#tasks.set(taskArn, task);
    this.#moving.add(task);
    return task;
  }

  #telemetryTask(t) {
    t.telemetry ??= {
      clusterArn: t.clusterArn,
      clusterName: t.clusterName,
      serviceName: t.service?.name ?? null,
      loadBalancers: t.service?.loadBalancers,
      taskArn: t.taskArn,
      taskId: t.taskId,
      group: t.group,
      startedAt: t.startedAt,
      taskDefinition: t.td,
      crashing: t.crashing,
    };
    return t.telemetry;
  }

  #callTelemetry(fn, ...args) {
    try {
      const r = this.#telemetry?.[fn]?.(...args);
      if (r && typeof r.catch === "function") r.catch(() => {});
    } catch {}
  }

  /** Move a task one phase on. */
  #advance(t, now) {
    const pace = this.#settings.paceMs;
    t.version += 1;
    switch (t.phase) {
      case "PROVISIONING":
        t.phase = "PENDING";
        t.pullStartedAt = now;
        t.connectivityAt = now;
        // Its network is up: ECS registers it with the service's target groups.
        if (t.service) this.targets.register(t);
        t.nextAt = now + Math.round(pace / 2);
        return;
      case "PENDING":
        t.phase = "RUNNING";
        t.pullStoppedAt = now;
        t.startedAt = now;
        this.#running.add(t);
        this.targets.running(t);
        this.#callTelemetry("taskStarted", this.#telemetryTask(t));
        if (t.crashing || t.exitsZero) t.nextAt = now + this.#settings.crashAfterMs;
        else this.#moving.delete(t);
        if (t.service) this.#dirty.add(t.service);
        return;
      case "RUNNING":
        // The essential container exited by itself.
        this.#beginStop(t, {
          stopCode: "EssentialContainerExited",
          reason: "Essential container in task exited",
          exitCode: t.crashing ? 1 : 0,
          failed: t.crashing,
          now,
        });
        return;
      case "DEACTIVATING":
        t.phase = "STOPPING";
        t.nextAt = now + Math.round(pace / 3);
        return;
      case "STOPPING":
        t.phase = "DEPROVISIONING";
        t.executionStoppedAt = now;
        t.nextAt = now + Math.round(pace / 3);
        return;
      case "DEPROVISIONING":
        t.phase = "STOPPED";
        t.stoppedAt = now;
        this.targets.stopped(t);
        this.#moving.delete(t);
        t.deployment?.stopping.delete(t);
        if (t.service) this.#dirty.add(t.service);
        return;
    }
  }

  /**
   * Calls `listener(region, { serviceArn, eventName, deploymentId, reason, at })` each time a
   * service deployment starts, completes, fails or rolls back (sandbox/events.mjs turns this into
   * "ECS Deployment State Change" events). Returns a function that removes the listener.
   */
  onDeploymentChange(listener) {
    this.#deploymentListeners.add(listener);
    return () => this.#deploymentListeners.delete(listener);
  }

  /** Tell the listeners (sandbox/events.mjs) a service deployment started, completed, failed or rolls back. */
  #deploymentChanged(svc, eventName, deploymentId, now, { rollbackTo, reason } = {}) {
    const change = { serviceArn: svc.arn, eventName, deploymentId, reason: reason ?? deploymentReason(eventName, deploymentId, { rollbackTo }), at: new Date(now) };
    for (const listener of this.#deploymentListeners) {
      try {
        listener(svc.region, change);
      } catch {}
    }
  }

  /**
   * Calls `listener(region, task)` with the task as DescribeTasks shows it each time its last
   * status changes (sandbox/events.mjs turns this into "ECS Task State Change" events).
   * Returns a function that removes the listener.
   */
  onTaskChange(listener) {
    this.#taskListeners.add(listener);
    return () => this.#taskListeners.delete(listener);
  }

  #taskChanged(t) {
    if (!this.#taskListeners.size) return;
    const task = this.#render(t);
    for (const listener of this.#taskListeners) {
      try {
        listener(t.region, task);
      } catch {}
    }
  }

  /** Start stopping a task. Returns false if it was already stopping. */
  #beginStop(t, { stopCode, reason, exitCode, failed = false, now = Date.now() }) {
    if (t.desiredStatus === "STOPPED") return false;
    const pace = this.#settings.paceMs;
    t.version += 1;
    t.desiredStatus = "STOPPED";
    t.stoppingAt = now;
    t.stopCode = stopCode;
    t.stoppedReason = reason;
    t.exitCode = t.startedAt != null ? (exitCode ?? 0) : undefined;
    if (t.phase === "PROVISIONING" || t.phase === "PENDING") {
      t.phase = "DEPROVISIONING";
      t.nextAt = now + Math.round(pace / 3);
    } else {
      t.phase = t.service?.loadBalancers?.length ? "DEACTIVATING" : "STOPPING";
      t.nextAt = now + Math.round(pace / 3);
    }
    this.#moving.add(t);
    this.targets.draining(t);
    if (this.#running.delete(t)) {
      const tel = this.#telemetryTask(t);
      tel.exitCode = t.exitCode;
      tel.stoppedReason = reason;
      this.#callTelemetry("taskStopped", tel);
    }
    if (t.deployment) {
      t.deployment.live.delete(t);
      t.deployment.stopping.add(t);
      if (failed) {
        t.deployment.failedTasks += 1;
        t.deployment.updatedAt = now;
        const svc = t.service;
        if (svc && !svc.unstableNoted && t.deployment.failedTasks >= 3 && !this.#depSettings(svc).breaker) {
          svc.unstableNoted = true;
          this.#event(
            svc,
            `(service ${svc.name}) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
            now,
          );
        }
      }
    }
    if (t.service) {
      t.service.steady = false;
      this.#dirty.add(t.service);
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------
  // The loop

  /** One step of the agent. Synchronous: tasks live here; moto is only read in the background. */
  tick(now = Date.now()) {
    if (this.#settings.paused || this.#closed) return;
    const t0 = performance.now();
    for (const t of this.#moving) {
      // A stopping phase may be followed by another within one tick only on the next tick.
      if (t.nextAt <= now) {
        const before = t.phase;
        this.#advance(t, now);
        if (t.phase !== before) this.#taskChanged(t);
      }
    }
    const dirty = [...this.#dirty];
    this.#dirty.clear();
    for (const svc of dirty) if (this.#services.get(svc.arn) === svc) this.#reconcile(svc, now);
    const ms = performance.now() - t0;
    const s = this.#stats;
    s.ticks += 1;
    s.lastTickMs = ms;
    s.totalTickMs += ms;
    if (ms > s.maxTickMs) s.maxTickMs = ms;
    if (this.#telemetry && this.#running.size) {
      this.#callTelemetry("tick", now, Array.from(this.#running, (t) => this.#telemetryTask(t)));
    }
    if (this.#settings.sweepMs > 0 && now - this.#lastSweep >= this.#settings.sweepMs && !this.#sweeping) {
      this.#lastSweep = now;
      this.sweep().catch(() => {});
    }
  }

  /**
   * Look in moto for services the gateway has not shown the agent (created straight in moto) and
   * for services deleted behind its back; forget stopped tasks past their retention.
   */
  sweep() {
    this.#sweeping ??= (async () => {
      const gen = this.#generation;
      const t0 = performance.now();
      try {
        const now = Date.now();
        for (const [arn, t] of this.#tasks) {
          if (t.phase === "STOPPED" && now - t.stoppedAt > this.#settings.retentionMs) this.#tasks.delete(arn);
        }
        for (const region of [...this.#regions]) {
          const clusters = [];
          let token;
          do {
            const r = await this.#moto(region, "ListClusters", { maxResults: 100, ...(token ? { nextToken: token } : {}) });
            clusters.push(...(r.clusterArns ?? []));
            token = r.nextToken;
          } while (token);
          for (const clusterArn of clusters) {
            const arns = [];
            token = undefined;
            do {
              const r = await this.#moto(region, "ListServices", { cluster: clusterArn, maxResults: 100, ...(token ? { nextToken: token } : {}) });
              arns.push(...(r.serviceArns ?? []));
              token = r.nextToken;
            } while (token);
            if (gen !== this.#generation) return;
            const present = new Set(arns);
            for (const svc of this.#services.values()) {
              if (svc.clusterArn === clusterArn && svc.region === region && !present.has(svc.arn)) this.#drain(svc);
            }
            const unknown = arns.filter((a) => !this.#services.has(a));
            for (let i = 0; i < unknown.length; i += 10) {
              const r = await this.#moto(region, "DescribeServices", { cluster: clusterArn, services: unknown.slice(i, i + 10) });
              if (gen !== this.#generation) return;
              for (const s of r.services ?? []) if (s.status === "ACTIVE") this.#adopt(region, s, {});
            }
          }
        }
      } finally {
        this.#stats.sweeps += 1;
        this.#stats.lastSweepMs = performance.now() - t0;
        this.#sweeping = null;
      }
    })();
    return this.#sweeping;
  }

  // ------------------------------------------------------------------------------------------
  // ECS operations served by the agent

  #render(t, includeTags = false) {
    return renderTask(t, { now: Date.now(), healthDelayMs: this.#settings.paceMs, includeTags });
  }

  #findTask(region, clusterName, ref) {
    const s = String(ref ?? "");
    if (s.startsWith("arn:")) {
      const t = this.#tasks.get(s);
      return t && t.clusterName === clusterName ? t : undefined;
    }
    const t = this.#tasks.get(`arn:aws:ecs:${region}:${SANDBOX_ACCOUNT}:task/${clusterName}/${lastSegment(s)}`);
    return t;
  }

  async opRunTask(region, input) {
    const count = input.count ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 10) throw invalid("count must be between 1 and 10.");
    if (!input.taskDefinition) throw invalid("taskDefinition is required.");
    if (input.launchType && input.capacityProviderStrategy?.length) {
      throw invalid("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    }
    if (input.launchType && !["EC2", "FARGATE", "EXTERNAL"].includes(input.launchType)) throw invalid("launch type should be one of [EC2,FARGATE,EXTERNAL]");
    const cluster = await this.#clusterArn(region, input.cluster);
    const td = await this.taskDefinition(region, input.taskDefinition);
    if (!td) throw new ApiError("ClientException", "Unable to describe task definition.");
    if (td.status === "INACTIVE") throw new ApiError("ClientException", "TaskDefinition is inactive");
    let subnets = [];
    if (td.networkMode === "awsvpc") {
      const vpc = input.networkConfiguration?.awsvpcConfiguration;
      if (!vpc) throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
      subnets = vpc.subnets ?? [];
      if (!subnets.length) throw invalid("subnets can not be empty.");
      for (const id of subnets) {
        if (!(await this.subnet(region, id))) {
          throw invalid(`Error retrieving subnet information for [${id}]: The subnet ID '${id}' does not exist (ErrorCode: InvalidSubnetID.NotFound)`);
        }
      }
    }
    await this.#ensureStateManager();
    const now = Date.now();
    const tasks = [];
    for (let i = 0; i < count; i++) {
      const t = this.#createTask({
        region,
        clusterArn: cluster.arn,
        clusterName: cluster.name,
        td,
        group: input.group ?? `family:${td.family}`,
        startedBy: input.startedBy,
        launchType: input.launchType,
        capacityProviderName: input.capacityProviderStrategy?.[0]?.capacityProvider,
        platformVersion: input.platformVersion,
        subnetId: subnets.length ? subnets[i % subnets.length] : undefined,
        enableExecuteCommand: input.enableExecuteCommand,
        overrides: input.overrides ? { containerOverrides: [], inferenceAcceleratorOverrides: [], ...input.overrides } : undefined,
        tags: input.tags,
        now,
      });
      tasks.push(this.#render(t, true));
    }
    return { tasks, failures: [] };
  }

  async opStopTask(region, input) {
    if (!input.task) throw invalid("task is required.");
    const cluster = await this.#clusterArn(region, input.cluster);
    const t = this.#findTask(region, cluster.name, input.task);
    if (!t) throw invalid("The referenced task was not found.");
    this.#beginStop(t, { stopCode: "UserInitiated", reason: input.reason || "Task stopped by user", now: Date.now() });
    return { task: this.#render(t) };
  }

  async opDescribeTasks(region, input) {
    const refs = input.tasks ?? [];
    if (!Array.isArray(refs) || refs.length === 0) throw invalid("Tasks cannot be empty.");
    if (refs.length > 100) throw invalid("Tasks can have at most 100 items.");
    const cluster = await this.#clusterArn(region, input.cluster);
    const includeTags = (input.include ?? []).includes("TAGS");
    const tasks = [];
    const failures = [];
    for (const ref of refs) {
      const t = this.#findTask(region, cluster.name, ref);
      if (t) tasks.push(this.#render(t, includeTags));
      else failures.push({ arn: String(ref).startsWith("arn:") ? ref : `arn:aws:ecs:${region}:${SANDBOX_ACCOUNT}:task/${cluster.name}/${ref}`, reason: "MISSING" });
    }
    return { tasks, failures };
  }

  async opListTasks(region, input) {
    const max = input.maxResults ?? 100;
    if (!Number.isInteger(max) || max < 1 || max > 100) throw invalid("maxResults must be between 1 and 100.");
    const cluster = await this.#clusterArn(region, input.cluster);
    const desired = input.desiredStatus ?? "RUNNING";
    if (!["RUNNING", "PENDING", "STOPPED"].includes(desired)) throw invalid("desiredStatus must be RUNNING, PENDING or STOPPED.");
    if (input.serviceName && input.family) throw invalid("Cannot specify both family and serviceName.");
    const serviceName = input.serviceName ? lastSegment(input.serviceName) : undefined;
    if (input.containerInstance) return { taskArns: [] };
    const now = Date.now();
    const out = [];
    for (const t of this.#tasks.values()) {
      if (t.clusterName !== cluster.name || t.region !== region) continue;
      // ECS: PENDING lists tasks asked to run that are not running yet.
      if (desired === "PENDING" ? t.desiredStatus !== "RUNNING" || t.phase === "RUNNING" : t.desiredStatus !== desired) continue;
      if (desired === "STOPPED" && t.stoppedAt != null && now - t.stoppedAt > this.#settings.retentionMs) continue;
      if (serviceName && t.group !== `service:${serviceName}`) continue;
      if (input.family && t.family !== input.family) continue;
      if (input.startedBy && t.startedBy !== input.startedBy) continue;
      if (input.launchType && t.launchType !== input.launchType) continue;
      out.push(t.taskArn);
    }
    let offset = 0;
    if (input.nextToken) {
      offset = decodeToken(input.nextToken);
      if (offset === null) throw invalid("Invalid nextToken.");
    }
    const page = out.slice(offset, offset + max);
    return offset + max < out.length ? { taskArns: page, nextToken: encodeToken(offset + max) } : { taskArns: page };
  }
}

function round(ms) {
  return Math.round(ms * 1000) / 1000;
}
