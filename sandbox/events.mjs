// Sandbox EventBridge delivery: moto keeps S3 buckets, EventBridge rules and targets but delivers
// nothing, and drops a bucket's EventBridgeConfiguration. The gateway makes the flow real:
//   - PutBucketNotificationConfiguration with <EventBridgeConfiguration/> is remembered per bucket
//     and shown again by GetBucketNotificationConfiguration;
//   - PutObject / CopyObject / CompleteMultipartUpload on such a bucket emits the "Object Created"
//     event (source aws.s3) on the default bus, and events:PutEvents entries are emitted too;
//   - every ENABLED rule of the default bus whose pattern matches (sandbox/event-patterns.mjs)
//     has its ECS targets run: RunTask through the runtime agent, with the target's transformed
//     input as the task overrides, startedBy "events-rule/<rule>" as on AWS.
//   - the runtime agent's task state changes are emitted as "ECS Task State Change" events;
//   - SNS topic targets, and sns:Publish calls, deliver to the topic's e-mail subscriptions:
//     the messages land in an outbox (GET /_sandbox/sns/outbox) instead of anyone's inbox.
// Deliveries and failed invocations are kept for GET /_sandbox/events. See sandbox/README.md.
import { randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";
import { callMoto, jsonError, jsonResponse } from "./apprunner.mjs";
import { matchesPattern, targetInput } from "./event-patterns.mjs";
import { deploymentStateChangeEvent } from "./deployment-events.mjs";
import { publishRuleMetrics } from "./events-metrics.mjs";

const MAX_LOG = 200;
const RULES_TTL_MS = 2_000;
const CT = "application/x-amz-json-1.1";
const CREATED = new Map([["PutObject", "PutObject"], ["CopyObject", "CopyObject"], ["POST /{Bucket}/{Key+}", "CompleteMultipartUpload"]]);

/** Bucket and key of a path-style S3 request (the SDK's forcePathStyle; what the sandbox is sent). */
export function bucketAndKey(url) {
  const path = new URL(url, "http://x").pathname;
  const [bucket, ...rest] = path.replace(/^\//, "").split("/");
  return { bucket: decodeURIComponent(bucket ?? ""), key: rest.length ? decodeURIComponent(rest.join("/")) : "" };
}

/** moto's notification configuration with the <EventBridgeConfiguration/> it dropped put back. */
export function withEventBridge(xml) {
  const element = "<EventBridgeConfiguration></EventBridgeConfiguration>";
  if (/<NotificationConfiguration[^>]*\/>/.test(xml)) return xml.replace(/<NotificationConfiguration([^>]*?)\s*\/>/, `<NotificationConfiguration$1>${element}</NotificationConfiguration>`);
  return xml.replace(/<\/NotificationConfiguration>\s*$/, `${element}</NotificationConfiguration>`);
}

/** The event S3 sends to EventBridge for a created object (detail-type "Object Created"). */
export function objectCreatedEvent({ region, bucket, key, size, etag, reason, requestId = randomUUID(), now = new Date() }) {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "Object Created",
    source: "aws.s3",
    account: SANDBOX_ACCOUNT,
    time: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    region,
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: "0",
      bucket: { name: bucket },
      object: { key, size, etag, sequencer: now.getTime().toString(16).toUpperCase().padStart(18, "0") },
      "request-id": requestId,
      requester: SANDBOX_ACCOUNT,
      "source-ip-address": "127.0.0.1",
      reason,
    },
  };
}

/** Why PutEvents refuses one entry (AWS answers it in the entry, not as an error), or null. */
function entryProblem(e) {
  if (!e || typeof e.Source !== "string" || !e.Source) return { ErrorCode: "InvalidArgument", ErrorMessage: "Parameter Source is not valid. Reason: Source is a required argument." };
  if (typeof e.DetailType !== "string" || !e.DetailType) return { ErrorCode: "InvalidArgument", ErrorMessage: "Parameter DetailType is not valid. Reason: DetailType is a required argument." };
  try {
    const detail = JSON.parse(e.Detail ?? "");
    if (detail === null || typeof detail !== "object" || Array.isArray(detail)) throw new Error("not an object");
  } catch {
    return { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." };
  }
  return null;
}

const iso = (ms) => (typeof ms === "number" ? new Date(ms * (ms < 1e11 ? 1000 : 1)).toISOString() : ms instanceof Date ? ms.toISOString() : ms);

/** The "ECS Task State Change" event ECS sends for a task as DescribeTasks shows it. */
export function taskStateChangeEvent(region, task, now = new Date()) {
  const detail = {
    clusterArn: task.clusterArn,
    taskArn: task.taskArn,
    taskDefinitionArn: task.taskDefinitionArn,
    group: task.group,
    startedBy: task.startedBy,
    launchType: task.launchType,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    containers: (task.containers ?? []).map((c) => ({ name: c.name, image: c.image, lastStatus: c.lastStatus, exitCode: c.exitCode, reason: c.reason, containerArn: c.containerArn })),
    overrides: task.overrides,
    createdAt: iso(task.createdAt),
    startedAt: iso(task.startedAt),
    stoppingAt: iso(task.stoppingAt),
    stoppedAt: iso(task.stoppedAt),
    version: task.version,
  };
  for (const k of Object.keys(detail)) if (detail[k] === undefined) delete detail[k];
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": "ECS Task State Change",
    source: "aws.ecs",
    account: SANDBOX_ACCOUNT,
    time: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    region,
    resources: [task.taskArn],
    detail,
  };
}

/** Subscriptions of a topic from moto's ListSubscriptionsByTopic (Query/XML) answer. */
export function parseSubscriptions(xml) {
  const out = [];
  for (const m of xml.matchAll(/<member>([\s\S]*?)<\/member>/g)) {
    const field = (name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(m[1])?.[1] ?? "";
    const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    out.push({ subscriptionArn: decode(field("SubscriptionArn")), protocol: field("Protocol"), endpoint: decode(field("Endpoint")) });
  }
  return out;
}

/** RunTask's request for an ECS target of a rule (EventBridge's EcsParameters → ECS's RunTask). */
export function runTaskRequest(rule, target, overrides) {
  const p = target.EcsParameters ?? {};
  const vpc = p.NetworkConfiguration?.awsvpcConfiguration;
  return {
    cluster: target.Arn,
    taskDefinition: p.TaskDefinitionArn,
    count: p.TaskCount ?? 1,
    ...(p.LaunchType ? { launchType: p.LaunchType } : {}),
    ...(p.CapacityProviderStrategy?.length
      ? { capacityProviderStrategy: p.CapacityProviderStrategy.map((c) => ({ capacityProvider: c.capacityProvider, weight: c.weight, base: c.base })) }
      : {}),
    ...(p.PlatformVersion ? { platformVersion: p.PlatformVersion } : {}),
    ...(p.Group ? { group: p.Group } : {}),
    ...(vpc ? { networkConfiguration: { awsvpcConfiguration: { subnets: vpc.Subnets ?? [], securityGroups: vpc.SecurityGroups ?? [], assignPublicIp: vpc.AssignPublicIp ?? "DISABLED" } } } : {}),
    startedBy: `events-rule/${rule.Name}`.slice(0, 128),
    ...(overrides ? { overrides } : {}),
  };
}

export class EventsSandbox {
  #upstream;
  #agent;
  #bridged = new Set(); // "region|bucket" with EventBridge notifications on
  #log = [];
  #pending = new Set();
  #outbox = [];
  #ruleCache = new Map(); // region → { at, rules }

  #subscriptions;

  /** @param {{ upstream: string, agent: { opRunTask(region: string, input: object): Promise<{ tasks: object[] }> }, subscriptions?: { pendingNow(): Set<string> } }} options */
  constructor({ upstream, agent, subscriptions }) {
    this.#upstream = upstream;
    this.#agent = agent;
    this.#subscriptions = subscriptions;
    agent.onTaskChange?.((region, task) => this.#track(this.emit(region, taskStateChangeEvent(region, task))));
    agent.onDeploymentChange?.((region, change) => this.#track(this.emit(region, deploymentStateChangeEvent(region, change, change.at))));
  }

  /** A rule or target changed through the gateway: read the rules again on the next event. */
  rulesChanged() {
    this.#ruleCache.clear();
  }

  /** The S3 calls this module watches (after moto answers them). */
  watches(ident) {
    if (ident.service === "sns") return ident.operation === "Publish";
    return ident.service === "s3" && (ident.operation === "PUT /{Bucket}?notification" || ident.operation === "GET /{Bucket}?notification" || ident.operation === "DeleteBucket" || CREATED.has(ident.operation));
  }

  /** events:PutEvents is served here: moto's fails (HTML 500) as soon as a matching rule has a target it cannot reach. */
  handles(ident) {
    return ident.service === "events" && ident.operation === "PutEvents";
  }

  /** PutEvents: each entry checked as AWS does, given an id, and put on the default bus. */
  putEvents(ident, body) {
    const region = !ident.region || ident.region === "unknown" ? "us-east-1" : ident.region;
    let entries;
    try {
      entries = JSON.parse(body.toString("utf8") || "{}").Entries;
    } catch {
      return jsonError("SerializationException", "Failed to parse the request body as JSON.", { contentType: CT });
    }
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) {
      return jsonError("ValidationException", "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and 10", { contentType: CT });
    }
    const results = [];
    for (const e of entries) {
      const problem = entryProblem(e);
      if (problem) {
        results.push(problem);
        continue;
      }
      const id = randomUUID();
      results.push({ EventId: id });
      if (e.EventBusName && e.EventBusName !== "default" && !String(e.EventBusName).endsWith(":event-bus/default")) continue;
      this.#track(this.emit(region, {
        version: "0",
        id,
        "detail-type": e.DetailType,
        source: e.Source,
        account: SANDBOX_ACCOUNT,
        time: (e.Time ? new Date(e.Time) : new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
        region,
        resources: Array.isArray(e.Resources) ? e.Resources : [],
        detail: JSON.parse(e.Detail),
      }));
    }
    return jsonResponse({ FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results }, CT);
  }

  /**
   * Called with moto's answer to a watched call. Returns a replacement body for
   * GetBucketNotificationConfiguration (moto drops EventBridgeConfiguration), else undefined.
   */
  after(ident, req, body, status, responseText) {
    const region = !ident.region || ident.region === "unknown" ? "us-east-1" : ident.region;
    if (status < 200 || status >= 300) return undefined;
    if (ident.service === "sns") {
      const form = new URLSearchParams(body.toString("utf8"));
      const topicArn = form.get("TopicArn") ?? "";
      if (topicArn) this.#track(this.#toEmail(region, topicArn, form.get("Message") ?? "", form.get("Subject") ?? undefined, "Publish"));
      return undefined;
    }
    const { bucket, key } = bucketAndKey(req.url ?? "/");
    const id = `${region}|${bucket}`;
    switch (ident.operation) {
      case "PUT /{Bucket}?notification":
        if (/<EventBridgeConfiguration\s*\/?>/.test(body.toString("utf8"))) this.#bridged.add(id);
        else this.#bridged.delete(id);
        return undefined;
      case "GET /{Bucket}?notification":
        if (!this.#bridged.has(id) || /<EventBridgeConfiguration/.test(responseText)) return undefined;
        return withEventBridge(responseText);
      case "DeleteBucket":
        this.#bridged.delete(id);
        return undefined;
      default: {
        if (!this.#bridged.has(id)) return undefined;
        const size = Number(req.headers["content-length"] ?? body.length) || body.length;
        const etag = /<ETag>"?([^<"]+)"?<\/ETag>/.exec(responseText)?.[1] ?? "";
        this.#track(this.emit(region, objectCreatedEvent({ region, bucket, key, size, etag, reason: CREATED.get(ident.operation) })));
        return undefined;
      }
    }
  }

  /** Is EventBridge switched on for this bucket (as the sandbox recorded it)? */
  bridged(region, bucket) {
    return this.#bridged.has(`${region}|${bucket}`);
  }

  /** Put an event on the region's default bus: match every enabled rule, deliver to its ECS targets. */
  async emit(region, event) {
    const rules = await this.#rules(region);
    const delivered = [];
    for (const rule of rules) {
      let pattern;
      try {
        pattern = JSON.parse(rule.EventPattern);
      } catch {
        continue;
      }
      if (!matchesPattern(pattern, event)) continue;
      const targets = (await callMoto(this.#upstream, { service: "events", target: "AWSEvents.ListTargetsByRule", region, body: { Rule: rule.Name, EventBusName: "default" } })).Targets ?? [];
      const outcomes = [];
      for (const target of targets) outcomes.push(await this.#deliver(region, rule, target, event));
      delivered.push(...outcomes);
      await publishRuleMetrics(this.#upstream, region, rule.Name, outcomes).catch((err) => this.#logged({ at: new Date().toISOString(), rule: rule.Name, ok: false, error: `sandbox: AWS/Events metrics: ${err?.message ?? err}` }));
    }
    return delivered;
  }

  async #rules(region) {
    const cached = this.#ruleCache.get(region);
    if (cached && Date.now() - cached.at < RULES_TTL_MS) return cached.rules;
    const out = [];
    let NextToken;
    do {
      const page = await callMoto(this.#upstream, { service: "events", target: "AWSEvents.ListRules", region, body: { EventBusName: "default", Limit: 100, ...(NextToken ? { NextToken } : {}) } });
      out.push(...(page.Rules ?? []).filter((r) => r.State === "ENABLED" && r.EventPattern));
      NextToken = page.NextToken;
    } while (NextToken);
    this.#ruleCache.set(region, { at: Date.now(), rules: out });
    return out;
  }

  /** An SNS message for a topic's e-mail subscriptions: into the outbox, one entry per address. */
  async #toEmail(region, topicArn, message, subject, via) {
    // Taken before the first await: an address confirmed while this message is on its way still misses it, as on AWS.
    const pending = this.#subscriptions?.pendingNow() ?? new Set();
    const body = new URLSearchParams({ Action: "ListSubscriptionsByTopic", Version: "2010-03-31", TopicArn: topicArn });
    const res = await fetch(this.#upstream + "/", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/sns/aws4_request, SignedHeaders=host, Signature=0` },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`topic ${topicArn}: ${/<Message>([^<]*)</.exec(text)?.[1] ?? `HTTP ${res.status}`}`);
    // AWS mails nothing to an address that has not confirmed its subscription (sandbox/sns-subscriptions.mjs).
    const emails = parseSubscriptions(text).filter((s) => (s.protocol === "email" || s.protocol === "email-json") && !pending.has(s.subscriptionArn));
    for (const s of emails) {
      this.#outbox.push({ at: new Date().toISOString(), topicArn, subscriptionArn: s.subscriptionArn, protocol: s.protocol, to: s.endpoint, subject: subject ?? "AWS Notification Message", message, via });
    }
    if (this.#outbox.length > MAX_LOG) this.#outbox.splice(0, this.#outbox.length - MAX_LOG);
    return emails.length;
  }

  /** The e-mails SNS would have sent. */
  outbox() {
    return { messages: [...this.#outbox] };
  }

  async #deliver(region, rule, target, event) {
    const entry = { at: new Date().toISOString(), rule: rule.Name, targetId: target.Id, targetArn: target.Arn, eventId: event.id, source: event.source, detailType: event["detail-type"] };
    try {
      if (/^arn:aws[a-z-]*:sns:/.test(target.Arn)) {
        const input = targetInput(target, event);
        const sent = await this.#toEmail(region, target.Arn, input, undefined, `events-rule/${rule.Name}`);
        Object.assign(entry, { ok: true, input, emails: sent });
        return this.#logged(entry);
      }
      if (!/^arn:aws[a-z-]*:ecs:[^:]+:\d{12}:cluster\//.test(target.Arn) || !target.EcsParameters) {
        throw new Error(`the sandbox delivers to ECS and SNS targets only; ${target.Arn} was skipped`);
      }
      const input = targetInput(target, event);
      let overrides;
      try {
        overrides = JSON.parse(input);
      } catch {
        throw new Error(`the transformed input is not JSON: ${input.slice(0, 200)}`);
      }
      const out = await this.#agent.opRunTask(region, runTaskRequest(rule, target, overrides && typeof overrides === "object" ? overrides : undefined));
      Object.assign(entry, { ok: true, input, tasks: (out.tasks ?? []).map((t) => t.taskArn) });
    } catch (err) {
      Object.assign(entry, { ok: false, error: String(err?.message ?? err) });
    }
    return this.#logged(entry);
  }

  #logged(entry) {
    this.#log.push(entry);
    if (this.#log.length > MAX_LOG) this.#log.splice(0, this.#log.length - MAX_LOG);
    return entry;
  }

  #track(promise) {
    const p = Promise.resolve(promise)
      .catch((err) => this.#log.push({ at: new Date().toISOString(), ok: false, error: `sandbox: ${err?.message ?? err}` }))
      .finally(() => this.#pending.delete(p));
    this.#pending.add(p);
  }

  /** Deliveries still under way (a reset waits for them). */
  async settled() {
    await Promise.allSettled([...this.#pending]);
  }

  state() {
    return { bridgedBuckets: [...this.#bridged].map((id) => { const [region, bucket] = id.split("|"); return { region, bucket }; }), invocations: [...this.#log] };
  }

  reset() {
    this.#bridged.clear();
    this.#log = [];
    this.#outbox = [];
    this.#ruleCache.clear();
  }
}
