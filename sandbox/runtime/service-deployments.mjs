// ECS service deployments and service revisions (2024/2025 APIs moto lacks), and the phases of
// ECS's native blue/green, linear and canary strategies, for the sandbox's runtime agent.
//
// Every deployment the agent starts (create, new revision, forceNewDeployment, a rollback) is
// recorded as a service deployment with a target service revision and its source revisions, so
// ListServiceDeployments / DescribeServiceDeployments / DescribeServiceRevisions answer with
// AWS's shapes. A deployment of a service whose deploymentConfiguration.strategy is BLUE_GREEN,
// LINEAR or CANARY (and whose load balancer has an advancedConfiguration) follows ECS's lifecycle:
// SCALE_UP (green tasks to the full desired count, registered in the alternate target group),
// TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT in the strategy's steps (the production listener
// rule's weights changed in moto's ELBv2 at each step), BAKE_TIME, CLEAN_UP (blue scaled down).
// A rollback (StopServiceDeployment ROLLBACK, or the circuit breaker) puts 100 % back on blue
// and stops green. A deployment minute lasts `minuteMs` (agent setting) so tests run in seconds.
// See sandbox/README.md ("Service deployments and traffic-shifting strategies").
import { randomBytes } from "node:crypto";
import { SANDBOX_ACCOUNT } from "../faults.mjs";
import { ApiError } from "../apprunner.mjs";
import { hookDetails } from "./pause-hooks.mjs";

export const SHIFTING = new Set(["BLUE_GREEN", "LINEAR", "CANARY"]);
const IN_PROGRESS = new Set(["PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "STOP_REQUESTED"]);
const STATUSES = new Set(["PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"]);
const MAX_KEPT = 100;

const sec = (ms) => (ms == null ? undefined : ms / 1000);
const id = () => randomBytes(10).toString("hex").slice(0, 20);

/**
 * Green's share of production traffic after each step and how long (deployment minutes) it holds
 * before the next: canary is [p, 100], linear p, 2p … 100, blue/green 100 at once.
 */
export function trafficSteps(dc = {}) {
  if (dc.strategy === "CANARY") {
    const p = dc.canaryConfiguration?.canaryPercent ?? 5;
    return [{ green: p, holdMinutes: dc.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10 }, { green: 100, holdMinutes: 0 }];
  }
  if (dc.strategy === "LINEAR") {
    const p = dc.linearConfiguration?.stepPercent ?? 10;
    const hold = dc.linearConfiguration?.stepBakeTimeInMinutes ?? 6;
    const steps = [];
    for (let g = p; g < 100 - 1e-9 && steps.length < 100; g += p) steps.push({ green: Math.round(g * 10) / 10, holdMinutes: hold });
    steps.push({ green: 100, holdMinutes: 0 });
    return steps;
  }
  return [{ green: 100, holdMinutes: 0 }];
}

/** The load balancer whose advancedConfiguration names the alternate target group and the production rule, if any. */
export function shiftingLoadBalancer(svc) {
  const dc = svc.config?.deploymentConfiguration ?? {};
  if (!SHIFTING.has(dc.strategy)) return null;
  const lb = (svc.loadBalancers ?? []).find((l) => l.advancedConfiguration?.alternateTargetGroupArn && l.advancedConfiguration?.productionListenerRule);
  return lb ?? null;
}

/**
 * The shift's state when a deployment starts: blue is the target group serving now, green the other.
 * @returns {object | null} null when the service does not shift traffic
 */
export function newShift(svc, lb, now) {
  if (!lb) return null;
  const dc = svc.config.deploymentConfiguration ?? {};
  const a = lb.advancedConfiguration;
  const blue = svc.liveTargetGroup ?? lb.targetGroupArn;
  const green = blue === lb.targetGroupArn ? a.alternateTargetGroupArn : lb.targetGroupArn;
  return {
    strategy: dc.strategy,
    steps: trafficSteps(dc),
    bakeMinutes: dc.bakeTimeInMinutes ?? 0,
    rule: a.productionListenerRule,
    testRule: a.testListenerRule,
    blue,
    green,
    containerName: lb.containerName,
    containerPort: lb.containerPort,
    hooks: dc.lifecycleHooks ?? [],
    hooksStarted: false,
    stage: "SCALE_UP",
    step: -1,
    greenWeight: 0,
    since: now,
    rollingBack: false,
  };
}

/**
 * One step of the lifecycle, from what the agent sees now. Returns what changed: a new green
 * weight to write to the listener rule, and whether blue may be stopped.
 * @param {{ greenReady: boolean, blueLive: number, greenLive: number }} facts
 */
export function advanceShift(shift, facts, now, minuteMs) {
  const out = { weightChanged: false, stopBlue: false, stopGreen: false };
  if (shift.rollingBack) {
    out.stopGreen = true;
    if (facts.greenLive === 0) shift.stage = "CLEAN_UP";
    return out;
  }
  const setStep = (i) => {
    shift.step = i;
    shift.greenWeight = shift.steps[i].green;
    shift.since = now;
    out.weightChanged = true;
  };
  if (shift.stage === "SCALE_UP" && facts.greenReady) {
    shift.stage = "PRODUCTION_TRAFFIC_SHIFT";
    setStep(0);
  } else if (shift.stage === "PRODUCTION_TRAFFIC_SHIFT") {
    const hold = shift.steps[shift.step].holdMinutes * minuteMs;
    if (shift.step < shift.steps.length - 1 && now >= shift.since + hold) setStep(shift.step + 1);
  }
  if (shift.stage === "PRODUCTION_TRAFFIC_SHIFT" && shift.greenWeight >= 100) {
    shift.stage = "BAKE_TIME";
    shift.since = now;
  }
  if (shift.stage === "BAKE_TIME" && now >= shift.since + shift.bakeMinutes * minuteMs) shift.stage = "CLEAN_UP";
  if (shift.stage === "CLEAN_UP") out.stopBlue = true;
  return out;
}

/**
 * The lifecycle hook stages a shift passes when it moves from `before` (stage, step) to where it is
 * now, in the order ECS passes them. The first call, before green starts, passes RECONCILE_SERVICE
 * and PRE_SCALE_UP; leaving SCALE_UP passes the scale-up and test stages and the first traffic
 * step; each further step of a linear or canary deployment passes PRE_PRODUCTION_TRAFFIC_SHIFT and
 * PRODUCTION_TRAFFIC_SHIFT again; reaching BAKE_TIME passes POST_PRODUCTION_TRAFFIC_SHIFT.
 */
export function hookStagesReached(shift, before, beforeStep = shift.step) {
  if (!shift.hooksStarted) {
    shift.hooksStarted = true;
    return ["RECONCILE_SERVICE", "PRE_SCALE_UP"];
  }
  const stages = [];
  if (before === "SCALE_UP" && shift.stage !== "SCALE_UP") {
    stages.push("POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT");
  } else if (before === "PRODUCTION_TRAFFIC_SHIFT" && shift.step > beforeStep) {
    stages.push("PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT");
  }
  // A zero bake passes BAKE_TIME within the same step, straight to CLEAN_UP.
  const shifted = shift.stage === "BAKE_TIME" || shift.stage === "CLEAN_UP";
  if ((before === "SCALE_UP" || before === "PRODUCTION_TRAFFIC_SHIFT") && shifted) stages.push("POST_PRODUCTION_TRAFFIC_SHIFT");
  return stages;
}

/**
 * Runs the Lambda hooks at `stages`, stage by stage in the order given and, within a stage, in
 * the order the service lists them; each invocation is passed to `record`. The sandbox's switch: a
 * hook whose target (the Lambda function's name) contains "fail" answers FAILED, every other one
 * SUCCEEDED at once. The first failure ends the run (ECS rolls back); later hooks are not invoked.
 * @returns {{ name: string, stage: string } | null} the hook that failed
 */
export function invokeHooks(hooks, stages, record = () => {}) {
  for (const stage of stages) {
    for (const h of hooks ?? []) {
      if (h.targetType === "PAUSE" || !h.hookTargetArn || !(h.lifecycleStages ?? []).includes(stage)) continue;
      const name = String(h.hookTargetArn).split(":").pop();
      const failed = name.includes("fail");
      record({ hookTargetArn: h.hookTargetArn, stage, status: failed ? "FAILED" : "SUCCEEDED", hookDetails: h.hookDetails });
      if (failed) return { name, stage };
    }
  }
  return null;
}

/** ModifyRule's Query parameters: forward to blue and green with their weights. */
export function weightParams(ruleArn, blue, green, greenWeight) {
  const g = Math.round(greenWeight);
  return {
    Action: "ModifyRule",
    RuleArn: ruleArn,
    "Actions.member.1.Type": "forward",
    "Actions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn": blue,
    "Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight": String(100 - g),
    "Actions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn": green,
    "Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight": String(g),
  };
}

const invalid = (message) => new ApiError("InvalidParameterException", message);

/** Service deployments and service revisions, per service, newest first; what the four APIs read. */
export class DeploymentLedger {
  /** arn → record */
  #deployments = new Map();
  /** arn → revision */
  #revisions = new Map();
  /** serviceArn → deployment arns, newest first */
  #byService = new Map();

  reset() {
    this.#deployments.clear();
    this.#revisions.clear();
    this.#byService.clear();
  }

  #arn(kind, svc) {
    return `arn:aws:ecs:${svc.region}:${SANDBOX_ACCOUNT}:${kind}/${svc.clusterName}/${svc.name}/${id()}`;
  }

  /** A service revision for an ECS deployment of the agent (what it runs and how). */
  revisionFor(svc, dep, now) {
    if (dep.serviceRevisionArn) return this.#revisions.get(dep.serviceRevisionArn);
    const rev = {
      serviceRevisionArn: this.#arn("service-revision", svc),
      serviceArn: svc.arn,
      clusterArn: svc.clusterArn,
      taskDefinition: dep.taskDefinition,
      launchType: dep.capacityProviderStrategy?.length ? undefined : dep.launchType,
      capacityProviderStrategy: dep.capacityProviderStrategy?.length ? dep.capacityProviderStrategy : undefined,
      platformVersion: dep.launchType === "FARGATE" ? (dep.platformVersion ?? "LATEST") : undefined,
      platformFamily: dep.launchType === "FARGATE" ? "Linux" : undefined,
      loadBalancers: svc.loadBalancers ?? [],
      serviceRegistries: [],
      networkConfiguration: dep.networkConfiguration,
      containerImages: [],
      guardDutyEnabled: false,
      createdAt: now,
    };
    dep.serviceRevisionArn = rev.serviceRevisionArn;
    this.#revisions.set(rev.serviceRevisionArn, rev);
    return rev;
  }

  /** The images a revision runs, once the agent has its task definition. */
  noteImages(dep, td) {
    const rev = this.#revisions.get(dep.serviceRevisionArn);
    if (!rev || rev.containerImages.length || !td) return;
    rev.containerImages = (td.containerDefinitions ?? []).map((c) => ({ containerName: c.name, image: c.image, imageDigest: `sha256:${id()}${id()}${id()}`.slice(0, 71) }));
  }

  /** A new service deployment moving `svc` from `sources` (ECS deployments) to `target`. */
  started(svc, target, sources, now) {
    const rec = {
      serviceDeploymentArn: this.#arn("service-deployment", svc),
      serviceArn: svc.arn,
      clusterArn: svc.clusterArn,
      createdAt: now,
      startedAt: now,
      updatedAt: now,
      target,
      sources: sources.filter((d) => d !== target),
      status: "IN_PROGRESS",
      statusReason: undefined,
      deploymentConfiguration: structuredClone(svc.config.deploymentConfiguration ?? {}),
      rollback: undefined,
      breakerThreshold: undefined,
      svc,
    };
    this.revisionFor(svc, target, now);
    for (const s of rec.sources) this.revisionFor(svc, s, now);
    target.serviceDeploymentArn = rec.serviceDeploymentArn;
    this.#deployments.set(rec.serviceDeploymentArn, rec);
    const list = this.#byService.get(svc.arn) ?? [];
    list.unshift(rec.serviceDeploymentArn);
    if (list.length > MAX_KEPT) this.#deployments.delete(list.pop());
    this.#byService.set(svc.arn, list);
    return rec;
  }

  get(arn) {
    return this.#deployments.get(arn);
  }

  /** The service deployment an ECS deployment belongs to. */
  of(dep) {
    return dep?.serviceDeploymentArn ? this.#deployments.get(dep.serviceDeploymentArn) : undefined;
  }

  finish(rec, status, reason, now) {
    if (!rec || !IN_PROGRESS.has(rec.status)) return;
    rec.status = status;
    rec.statusReason = reason;
    rec.finishedAt = now;
    rec.updatedAt = now;
    if (status === "STOPPED") rec.stoppedAt = now;
  }

  rollingBack(rec, reason, toRevisionArn, now) {
    if (!rec) return;
    rec.status = "ROLLBACK_IN_PROGRESS";
    rec.statusReason = reason;
    rec.rollback = { reason, startedAt: now, serviceRevisionArn: toRevisionArn };
    rec.updatedAt = now;
  }

  /** ServiceRevisionSummary of an ECS deployment of the agent. */
  #summary(svc, dep, weight) {
    let running = 0;
    let pending = 0;
    for (const t of dep.live ?? []) {
      if (t.phase === "RUNNING") running += 1;
      else if (t.phase === "PROVISIONING" || t.phase === "PENDING") pending += 1;
    }
    return {
      arn: dep.serviceRevisionArn,
      requestedTaskCount: dep.status === "INACTIVE" ? 0 : dep.desiredCount,
      runningTaskCount: running,
      pendingTaskCount: pending,
      ...(weight != null ? { requestedProductionTrafficWeight: weight, requestedTestTrafficWeight: weight } : {}),
    };
  }

  /** DescribeServiceDeployments' shape. */
  render(rec) {
    const shift = rec.target.shift;
    const greenWeight = shift ? shift.greenWeight : undefined;
    const dc = rec.deploymentConfiguration;
    const breaker = dc.deploymentCircuitBreaker?.enable;
    const paused = shift?.pause?.status === "AWAITING_ACTION" ? shift.pause.stage : null;
    const stage = shift ? (IN_PROGRESS.has(rec.status) ? (paused ?? shift.stage) : "CLEAN_UP") : IN_PROGRESS.has(rec.status) ? "SCALE_UP" : "CLEAN_UP";
    return compact({
      serviceDeploymentArn: rec.serviceDeploymentArn,
      serviceArn: rec.serviceArn,
      clusterArn: rec.clusterArn,
      createdAt: sec(rec.createdAt),
      startedAt: sec(rec.startedAt),
      finishedAt: sec(rec.finishedAt),
      stoppedAt: sec(rec.stoppedAt),
      updatedAt: sec(rec.updatedAt),
      sourceServiceRevisions: rec.sources.map((d) => this.#summary(rec.svc, d, greenWeight != null ? 100 - greenWeight : undefined)),
      targetServiceRevision: this.#summary(rec.svc, rec.target, greenWeight),
      status: rec.status,
      statusReason: rec.statusReason,
      lifecycleStage: stage,
      deploymentConfiguration: dc,
      rollback: rec.rollback ? { ...rec.rollback, startedAt: sec(rec.rollback.startedAt) } : undefined,
      lifecycleHookDetails: shift?.pauses?.length ? hookDetails(shift.pauses) : undefined,
      deploymentCircuitBreaker: { status: breaker ? (IN_PROGRESS.has(rec.status) ? "MONITORING" : "MONITORING_COMPLETE") : "DISABLED", failureCount: rec.target.failedTasks ?? 0, threshold: rec.breakerThreshold ?? 0 },
      alarms: {
        status: !dc.alarms?.enable ? "DISABLED" : rec.triggeredAlarmNames?.length ? "TRIGGERED" : IN_PROGRESS.has(rec.status) ? "MONITORING" : "MONITORING_COMPLETE",
        alarmNames: dc.alarms?.alarmNames ?? [],
        triggeredAlarmNames: rec.triggeredAlarmNames ?? [],
      },
    });
  }

  /** ListServiceDeployments for one service: newest first, filtered by status and creation time, paged. */
  list(svc, input) {
    const statuses = input.status ?? [];
    for (const s of statuses) if (!STATUSES.has(s)) throw invalid(`Invalid status: ${s}`);
    const max = input.maxResults ?? 20;
    if (!Number.isInteger(max) || max < 1 || max > 100) throw invalid("maxResults must be between 1 and 100.");
    const after = input.createdAt?.after != null ? Number(input.createdAt.after) * 1000 : -Infinity;
    const before = input.createdAt?.before != null ? Number(input.createdAt.before) * 1000 : Infinity;
    const all = (this.#byService.get(svc.arn) ?? [])
      .map((arn) => this.#deployments.get(arn))
      .filter((r) => r && (!statuses.length || statuses.includes(r.status)) && r.createdAt >= after && r.createdAt <= before);
    const offset = input.nextToken ? Number(Buffer.from(String(input.nextToken), "base64url").toString("utf8")) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalid("Invalid nextToken.");
    const page = all.slice(offset, offset + max);
    return {
      serviceDeployments: page.map((r) =>
        compact({
          serviceDeploymentArn: r.serviceDeploymentArn,
          serviceArn: r.serviceArn,
          clusterArn: r.clusterArn,
          startedAt: sec(r.startedAt),
          createdAt: sec(r.createdAt),
          finishedAt: sec(r.finishedAt),
          targetServiceRevisionArn: r.target.serviceRevisionArn,
          status: r.status,
          statusReason: r.statusReason,
        }),
      ),
      ...(offset + max < all.length ? { nextToken: Buffer.from(String(offset + max)).toString("base64url") } : {}),
    };
  }

  describeRevisions(arns) {
    const serviceRevisions = [];
    const failures = [];
    for (const arn of arns) {
      const rev = this.#revisions.get(arn);
      if (rev) serviceRevisions.push(compact({ ...rev, createdAt: sec(rev.createdAt) }));
      else failures.push({ arn, reason: "MISSING" });
    }
    return { serviceRevisions, failures };
  }

  describe(arns) {
    const serviceDeployments = [];
    const failures = [];
    for (const arn of arns) {
      const rec = this.#deployments.get(arn);
      if (rec) serviceDeployments.push(this.render(rec));
      else failures.push({ arn, reason: "MISSING" });
    }
    return { serviceDeployments, failures };
  }
}

function compact(obj) {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}

/** Request checks shared by the four operations (AWS's limits: 20 ARNs per describe call). */
export function arnList(input, field) {
  const arns = input[field];
  if (!Array.isArray(arns) || arns.length === 0) throw invalid(`${field} can't be empty.`);
  if (arns.length > 20) throw invalid(`${field} can have at most 20 items.`);
  if (arns.some((a) => typeof a !== "string" || a.length > 1600)) throw invalid(`${field} must be ARNs.`);
  return arns;
}
