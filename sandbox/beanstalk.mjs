// Elastic Beanstalk, served by the gateway itself. moto's elasticbeanstalk keeps applications and
// environments with few fields and nothing moves (no health, events, deployments, versions), so
// every elasticbeanstalk call is answered here and none reaches moto.
//
// AWS Query protocol (form-encoded Action=..., XML answers in the 2010-12-01 namespace), signing
// name "elasticbeanstalk". State per account (12-digit access key ids as in moto, else the
// sandbox account) and region, cleared by POST /_sandbox/reset. Transitions are paced
// (`paceMs` per step, POST /_sandbox/beanstalk) and applied lazily when a call arrives, so
// nothing runs in the background. Source bundles and the storage bucket live in moto's S3.
// See sandbox/README.md ("Elastic Beanstalk").
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";
import { MAX_BUNDLE_BYTES, readBundle, zipFiles } from "./beanstalk-bundle.mjs";

export const BEANSTALK_DEFAULT_PACE_MS = 1000;
const NS = "http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/";
const MAX_PARAMS = 2000;
const DELETED_KEPT_MS = 60 * 60_000; // terminated environments stay visible about an hour, as on AWS
const INFO_KEPT_MS = 15 * 60_000;

// ---------------------------------------------------------------------------------------------
// Platforms

const PLATFORMS = [
  ["Docker", "4.5.1", "Docker running on 64bit Amazon Linux 2023", ["zip", "json"]],
  ["Docker", "4.4.3", "Docker running on 64bit Amazon Linux 2023", ["zip", "json"]],
  ["Docker", "4.3.4", "Docker running on 64bit Amazon Linux 2023", ["zip", "json"]],
  ["ECS", "4.5.1", "ECS running on 64bit Amazon Linux 2023", ["zip", "json"]],
  ["ECS", "4.4.3", "ECS running on 64bit Amazon Linux 2023", ["zip", "json"]],
  ["Node.js 22", "6.6.1", "Node.js 22 running on 64bit Amazon Linux 2023", ["zip"]],
  ["Node.js 20", "6.6.1", "Node.js 20 running on 64bit Amazon Linux 2023", ["zip"]],
  ["Python 3.13", "4.5.1", "Python 3.13 running on 64bit Amazon Linux 2023", ["zip"]],
  ["Python 3.12", "4.5.1", "Python 3.12 running on 64bit Amazon Linux 2023", ["zip"]],
  ["Docker", "4.1.2", "Docker running on 64bit Amazon Linux 2", ["zip", "json"]],
].map(([runtime, version, branch, fileTypes]) => {
  const os = branch.endsWith("Linux 2") ? "2" : "2023";
  return {
    SolutionStackName: `64bit Amazon Linux ${os} v${version} running ${runtime}`,
    PlatformName: branch,
    PlatformVersion: version,
    PlatformBranchName: branch,
    runtime,
    os,
    fileTypes,
  };
});

const platformArn = (region, p) => `arn:aws:elasticbeanstalk:${region}::platform/${p.PlatformName}/${p.PlatformVersion}`;
const isDockerPlatform = (p) => p.runtime === "Docker" || p.runtime === "ECS";

/** The solution stacks the sandbox offers, newest first within a branch (as ListAvailableSolutionStacks). */
export const SOLUTION_STACKS = PLATFORMS.map((p) => p.SolutionStackName);

// ---------------------------------------------------------------------------------------------
// Query protocol: form parameters in, XML out

/** Flat Query parameters ("OptionSettings.member.1.Namespace") → nested values with arrays; bounded. */
export function parseQuery(params) {
  const root = {};
  let n = 0;
  for (const [key, value] of params) {
    if (++n > MAX_PARAMS) throw new ApiError("ValidationError", `Too many parameters (more than ${MAX_PARAMS}).`);
    const parts = key.split(".");
    if (parts.length > 8 || key.length > 256) continue;
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const k = parts[i];
      if (k === "__proto__" || k === "constructor" || k === "prototype") break;
      if (typeof node[k] !== "object" || node[k] === null) node[k] = {};
      node = node[k];
    }
    const last = parts.at(-1);
    if (last === "__proto__" || last === "constructor" || last === "prototype") continue;
    if (typeof node === "object") node[last] = String(value).slice(0, 32_768);
  }
  return normalize(root);
}

function normalize(node) {
  if (typeof node !== "object" || node === null) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === "member" || keys[0] === "entry") && typeof node[keys[0]] === "object") {
    const items = node[keys[0]];
    return Object.keys(items)
      .filter((k) => /^\d{1,4}$/.test(k))
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => normalize(items[k]));
  }
  const out = {};
  for (const k of keys) out[k] = normalize(node[k]);
  return out;
}

const xmlEscape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A value as Query-protocol XML: arrays as <member> lists, Dates as ISO 8601. */
export function toXml(name, value) {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return `<${name}>${value.map((v) => toXml("member", v)).join("")}</${name}>`;
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === "object") return `<${name}>${Object.entries(value).map(([k, v]) => toXml(k, v)).join("")}</${name}>`;
  return `<${name}>${xmlEscape(value)}</${name}>`;
}

function xmlReply(action, result, status = 200) {
  const requestId = randomUUID();
  const inner = result ? Object.entries(result).map(([k, v]) => toXml(k, v)).join("") : "";
  const text =
    `<${action}Response xmlns="${NS}"><${action}Result>${inner}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  const body = Buffer.from(text);
  return { status, headers: { "Content-Type": "text/xml", "Content-Length": String(body.length), "x-amzn-RequestId": requestId }, body };
}

function xmlError(code, message, status = 400) {
  const requestId = randomUUID();
  const body = Buffer.from(
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`,
  );
  return { status, headers: { "Content-Type": "text/xml", "Content-Length": String(body.length), "x-amzn-RequestId": requestId }, body };
}

export class ApiError extends Error {
  constructor(code, message, status = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

const invalid = (message) => new ApiError("InvalidParameterValue", message);
const list = (v) => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]);
const lower = (n) => [...randomBytes(n)].map((b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
const upperId = (n) => [...randomBytes(n)].map((b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[b % 36]).join("");
const instanceId = () => `i-0${randomBytes(8).toString("hex")}`;
const bool = (v, dflt) => (v === undefined ? dflt : String(v).toLowerCase() === "true");

function requireString(input, name, { min = 1, max = 100 } = {}) {
  const v = input[name];
  if (typeof v !== "string" || v.length === 0) throw new ApiError("MissingParameter", `The request must contain the parameter ${name}.`);
  if (v.length < min || v.length > max) {
    throw new ApiError("ValidationError", `1 validation error detected: Value '${v.slice(0, 120)}' at '${name[0].toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must have length between ${min} and ${max}`);
  }
  return v;
}

function pageOf(items, maxRecords, token, limit = 1000) {
  let start = 0;
  if (token !== undefined) {
    start = Number(Buffer.from(String(token), "base64url").toString("utf8"));
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalid("Invalid NextToken.");
  }
  let max = limit;
  if (maxRecords !== undefined) {
    max = Number(maxRecords);
    if (!Number.isInteger(max) || max < 1 || max > limit) throw new ApiError("ValidationError", `1 validation error detected: Value '${maxRecords}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and ${limit}`);
  }
  const page = items.slice(start, start + max);
  const next = start + max < items.length ? Buffer.from(String(start + max)).toString("base64url") : undefined;
  return { page, next };
}

// ---------------------------------------------------------------------------------------------
// Option settings

const NS_ENV = "aws:elasticbeanstalk:environment";
const NS_ASG = "aws:autoscaling:asg";
const NS_LC = "aws:autoscaling:launchconfiguration";
const NS_CMD = "aws:elasticbeanstalk:command";
const NS_HEALTH = "aws:elasticbeanstalk:healthreporting:system";
const NS_VARS = "aws:elasticbeanstalk:application:environment";
const NS_SPLIT = "aws:elasticbeanstalk:trafficsplitting";

/** What AWS fills in when an environment does not say (the Docker platform's defaults). */
function defaultOptions(loadBalanced) {
  const d = [
    [NS_ENV, "EnvironmentType", loadBalanced ? "LoadBalanced" : "SingleInstance"],
    [NS_ASG, "MinSize", "1"],
    [NS_ASG, "MaxSize", loadBalanced ? "4" : "1"],
    [NS_LC, "InstanceType", "t3.micro"],
    ["aws:ec2:instances", "InstanceTypes", "t3.micro, t3.small"],
    [NS_CMD, "DeploymentPolicy", "AllAtOnce"],
    [NS_CMD, "BatchSizeType", "Percentage"],
    [NS_CMD, "BatchSize", "100"],
    [NS_CMD, "Timeout", "600"],
    [NS_HEALTH, "SystemType", "enhanced"],
    ["aws:autoscaling:trigger", "MeasureName", "NetworkOut"],
    ["aws:autoscaling:trigger", "Statistic", "Average"],
    ["aws:autoscaling:trigger", "Unit", "Bytes"],
    ["aws:autoscaling:trigger", "UpperThreshold", "6000000"],
    ["aws:autoscaling:trigger", "LowerThreshold", "2000000"],
    ["aws:autoscaling:trigger", "Period", "5"],
    ["aws:autoscaling:trigger", "BreachDuration", "5"],
    ["aws:autoscaling:trigger", "UpperBreachScaleIncrement", "1"],
    ["aws:autoscaling:trigger", "LowerBreachScaleIncrement", "-1"],
    ["aws:elasticbeanstalk:environment:process:default", "Port", "80"],
    ["aws:elasticbeanstalk:environment:process:default", "HealthCheckPath", "/"],
    [NS_SPLIT, "NewVersionPercent", "10"],
    [NS_SPLIT, "EvaluationTime", "5"],
  ];
  if (loadBalanced) d.push([NS_ENV, "LoadBalancerType", "application"]);
  return d.map(([Namespace, OptionName, Value]) => ({ Namespace, OptionName, Value }));
}

function optionKey(o) {
  return `${o.ResourceName ?? ""}|${o.Namespace}|${o.OptionName}`;
}

/** The instance type both ways AWS takes it: aws:ec2:instances InstanceTypes (first) wins over the launch configuration's InstanceType; the two are kept in step. */
function syncInstanceType(options, updates) {
  const set = (ns, name) => updates.some((u) => u?.Namespace === ns && u?.OptionName === name);
  const lc = options.find((o) => o.Namespace === NS_LC && o.OptionName === "InstanceType" && !o.ResourceName);
  const types = options.find((o) => o.Namespace === "aws:ec2:instances" && o.OptionName === "InstanceTypes" && !o.ResourceName);
  if (set("aws:ec2:instances", "InstanceTypes") && types) {
    const first = String(types.Value).split(",")[0].trim();
    if (lc && first) lc.Value = first;
  } else if (set(NS_LC, "InstanceType") && lc && types) {
    types.Value = lc.Value;
  }
  return options;
}

function mergeOptions(base, updates = [], removals = []) {
  const map = new Map(base.map((o) => [optionKey(o), { ...o }]));
  for (const r of removals) map.delete(optionKey({ ResourceName: r.ResourceName, Namespace: r.Namespace, OptionName: r.OptionName }));
  for (const u of updates) {
    if (!u || typeof u.Namespace !== "string" || typeof u.OptionName !== "string") throw invalid("Each option setting needs a Namespace and an OptionName.");
    const o = { Namespace: u.Namespace, OptionName: u.OptionName, Value: u.Value ?? "" };
    if (u.ResourceName) o.ResourceName = u.ResourceName;
    map.set(optionKey(o), o);
  }
  return syncInstanceType([...map.values()], updates);
}

const opt = (options, ns, name) => options.find((o) => o.Namespace === ns && o.OptionName === name && !o.ResourceName)?.Value;

function validateOptions(options) {
  for (const o of options) {
    if (o.Namespace === NS_ENV && o.OptionName === "EnvironmentType" && !["SingleInstance", "LoadBalanced"].includes(o.Value)) {
      throw new ApiError("ConfigurationValidationException", `Configuration validation exception: Invalid option value: '${o.Value}' (Namespace: '${NS_ENV}', OptionName: 'EnvironmentType'): Value is not one of the allowed values: [SingleInstance, LoadBalanced]`);
    }
    if (o.Namespace === NS_CMD && o.OptionName === "DeploymentPolicy" && !["AllAtOnce", "Rolling", "RollingWithAdditionalBatch", "Immutable", "TrafficSplitting"].includes(o.Value)) {
      throw new ApiError("ConfigurationValidationException", `Configuration validation exception: Invalid option value: '${o.Value}' (Namespace: '${NS_CMD}', OptionName: 'DeploymentPolicy'): Value is not one of the allowed values: [AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable, TrafficSplitting]`);
    }
    if (o.Namespace === NS_CMD && o.OptionName === "BatchSizeType" && !["Percentage", "Fixed"].includes(o.Value)) {
      throw new ApiError("ConfigurationValidationException", `Configuration validation exception: Invalid option value: '${o.Value}' (Namespace: '${NS_CMD}', OptionName: 'BatchSizeType'): Value is not one of the allowed values: [Percentage, Fixed]`);
    }
    if (o.Namespace === NS_ASG && (o.OptionName === "MinSize" || o.OptionName === "MaxSize")) {
      const n = Number(o.Value);
      if (!Number.isInteger(n) || n < 0 || n > 10000) {
        throw new ApiError("ConfigurationValidationException", `Configuration validation exception: Invalid option value: '${o.Value}' (Namespace: '${NS_ASG}', OptionName: '${o.OptionName}'): Value does not satisfy regex: '^\\d+$'`);
      }
    }
    if (o.Namespace === NS_CMD && o.OptionName === "BatchSize") {
      const n = Number(o.Value);
      if (!Number.isInteger(n) || n < 1 || n > 10000) {
        throw new ApiError("ConfigurationValidationException", `Configuration validation exception: Invalid option value: '${o.Value}' (Namespace: '${NS_CMD}', OptionName: 'BatchSize'): Value is less than minimum allowed value: 1`);
      }
    }
  }
  const min = Number(opt(options, NS_ASG, "MinSize") ?? 1);
  const max = Number(opt(options, NS_ASG, "MaxSize") ?? 4);
  if (min > max) throw new ApiError("ConfigurationValidationException", "Configuration validation exception: MinSize must be less than or equal to MaxSize.");
}

// ---------------------------------------------------------------------------------------------
// Health

const HEALTH_COLOR = { Ok: "Green", Info: "Green", Pending: "Grey", NoData: "Grey", Unknown: "Grey", Suspended: "Grey", Warning: "Yellow", Degraded: "Red", Severe: "Red" };
const SEVERITY_RANK = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4, FATAL: 5 };

function secondsSince(ms, now) {
  return Math.max(0, Math.round((now - ms) / 1000));
}

/** One instance's enhanced health: pending while it boots, info while deploying, severe when the app does not run. */
function instanceHealth(i, now) {
  if (i.state === "pending") return { HealthStatus: "Pending", Causes: [`Initialization in progress (running for ${secondsSince(i.launchedAt, now)} seconds).`] };
  if (i.deployment.Status === "InProgress") return { HealthStatus: "Info", Causes: [`Performing application deployment (running for ${secondsSince(i.deployment.startedAt, now)} seconds).`] };
  if (i.crashing) {
    return {
      HealthStatus: "Severe",
      Causes: ["Following services are not running: application.", `Application deployment failed at ${new Date(i.deployment.DeploymentTime).toISOString()} with exit status 1 and error: Engine execution has encountered an error.`],
    };
  }
  return { HealthStatus: "Ok", Causes: [] };
}

// ---------------------------------------------------------------------------------------------

export class BeanstalkSandbox {
  #paceMs;
  #states = new Map();
  /** path → { text | zip, expires } of log files RetrieveEnvironmentInfo hands out. */
  #logs = new Map();

  constructor({ upstream, paceMs } = {}) {
    this.upstream = upstream;
    this.#paceMs = paceMs ?? BeanstalkSandbox.envPace();
  }

  static envPace() {
    const v = Number(process.env.SANDBOX_BEANSTALK_PACE_MS);
    return Number.isFinite(v) && v >= 0 && process.env.SANDBOX_BEANSTALK_PACE_MS !== "" && process.env.SANDBOX_BEANSTALK_PACE_MS !== undefined ? v : BEANSTALK_DEFAULT_PACE_MS;
  }

  settings() {
    return { paceMs: this.#paceMs };
  }

  configure({ paceMs } = {}) {
    if (paceMs !== undefined) {
      if (!Number.isFinite(paceMs) || paceMs < 0 || paceMs > 600_000) throw new Error("paceMs must be a number from 0 to 600000");
      this.#paceMs = paceMs;
    }
    return this.settings();
  }

  reset() {
    this.#states.clear();
    this.#logs.clear();
    this.#paceMs = BeanstalkSandbox.envPace();
  }

  /** What the control API shows: every environment with status, health and instances. */
  state() {
    const environments = [];
    for (const [key, st] of this.#states) {
      this.#tick(st);
      for (const env of st.environments.values()) {
        environments.push({ key, name: env.EnvironmentName, id: env.EnvironmentId, status: env.Status, health: env.Health, healthStatus: env.HealthStatus, cname: env.CNAME, versionLabel: env.VersionLabel, instances: env.instances.map((i) => ({ id: i.id, state: i.state, version: i.deployment.VersionLabel, deployment: i.deployment.Status })) });
      }
    }
    return { ...this.settings(), environments };
  }

  handles(ident) {
    return ident.service === "elasticbeanstalk";
  }

  /** A GET of a log file RetrieveEnvironmentInfo handed out (a presigned-looking S3 URL on the gateway). */
  servesLog(req) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = new URL(req.url ?? "/", "http://x").pathname;
    return /^\/elasticbeanstalk-[a-z0-9-]+-\d{12}\/resources\/environments\/logs\//.test(path);
  }

  serveLog(req) {
    const url = new URL(req.url ?? "/", "http://x");
    const entry = this.#logs.get(decodeURIComponent(url.pathname));
    const requestId = randomUUID();
    if (!entry || entry.expires < Date.now()) {
      const body = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${xmlEscape(url.pathname.split("/").slice(2).join("/"))}</Key><RequestId>${requestId}</RequestId></Error>`);
      return { status: 404, headers: { "Content-Type": "application/xml", "Content-Length": String(body.length), "x-amz-request-id": requestId, "x-amzn-RequestId": requestId }, body };
    }
    const body = entry.body;
    return {
      status: 200,
      headers: { "Content-Type": entry.contentType, "Content-Length": String(body.length), ETag: `"${createHash("md5").update(body).digest("hex")}"`, "x-amz-request-id": requestId, "x-amzn-RequestId": requestId },
      body: req.method === "HEAD" ? Buffer.alloc(0) : body,
    };
  }

  async handle(req, ident, body) {
    const raw = new URLSearchParams(req.method === "GET" ? new URL(req.url ?? "/", "http://x").search : body.toString("utf8"));
    const action = raw.get("Action") ?? ident.operation;
    const auth = String(req.headers.authorization ?? "");
    const akid = /Credential=([^/,\s]+)\//.exec(auth)?.[1] ?? "";
    const account = /^\d{12}$/.test(akid) ? akid : SANDBOX_ACCOUNT;
    const region = ident.region && ident.region !== "unknown" ? ident.region : "us-east-1";
    const ctx = { account, region, accessKey: akid || "test", host: req.headers.host ?? "127.0.0.1" };
    let input;
    try {
      input = parseQuery([...raw].filter(([k]) => k !== "Action" && k !== "Version"));
    } catch (err) {
      return xmlError(err.code ?? "ValidationError", err.message);
    }
    const st = this.#stateFor(ctx);
    this.#tick(st);
    const fn = /^[A-Za-z]{1,64}$/.test(action) ? this[`op${action}`] : undefined;
    if (typeof fn !== "function") {
      const known = OPERATIONS.has(action);
      const answer = known
        ? xmlError("InvalidAction", `The sandbox does not emulate Elastic Beanstalk ${action} (sandbox/beanstalk.mjs).`, 400)
        : xmlError("InvalidAction", `The action ${action} is not valid for this web service.`, 400);
      answer.unimplemented = known;
      return answer;
    }
    try {
      const result = await fn.call(this, st, input, ctx);
      return xmlReply(action, result);
    } catch (err) {
      if (err instanceof ApiError) return xmlError(err.code, err.message, err.status);
      throw err;
    }
  }

  // -------------------------------------------------------------------------------------------
  // State, time and events

  #stateFor({ account, region }) {
    const key = `${account}:${region}`;
    let st = this.#states.get(key);
    if (!st) {
      st = { key, account, region, applications: new Map(), versions: new Map(), environments: new Map(), events: [], seq: 0, tags: new Map(), info: [] };
      this.#states.set(key, st);
    }
    return st;
  }

  /** Apply every paced step that is due, oldest first, and forget environments terminated long ago. */
  #tick(st, now = Date.now()) {
    for (const env of st.environments.values()) {
      while (env.queue.length && env.queue[0].at <= now) {
        const step = env.queue.shift();
        step.run(step.at);
        this.#noteHealth(st, env, step.at);
      }
    }
    for (const [id, env] of st.environments) if (env.Status === "Terminated" && env.terminatedAt + DELETED_KEPT_MS < now) st.environments.delete(id);
    st.info = st.info.filter((r) => r.at + INFO_KEPT_MS > now);
    for (const r of st.info) {
      if (r.announced || r.at > now) continue;
      r.announced = true;
      const env = st.environments.get(r.envId);
      if (env) this.#event(st, env, "requestEnvironmentInfo completed successfully.", { at: r.at });
    }
    for (const [path, entry] of this.#logs) if (entry.expires < now) this.#logs.delete(path);
  }

  /** Queue steps one pace apart after whatever the environment already has queued. */
  #schedule(env, steps) {
    let at = Math.max(Date.now(), env.queue.at(-1)?.at ?? 0);
    for (const run of steps) {
      at += this.#paceMs;
      env.queue.push({ at, run });
    }
  }

  #event(st, env, message, { severity = "INFO", at = Date.now(), versionLabel, requestId, applicationName } = {}) {
    st.seq += 1;
    st.events.push({
      seq: st.seq,
      EventDate: new Date(at + (st.seq % 1000) / 1000),
      Message: message,
      ApplicationName: applicationName ?? env?.ApplicationName,
      VersionLabel: versionLabel,
      EnvironmentName: env?.EnvironmentName,
      PlatformArn: env?.PlatformArn,
      RequestId: requestId ?? env?.requestId,
      Severity: severity,
    });
    if (st.events.length > 20_000) st.events.splice(0, st.events.length - 20_000);
  }

  /** Health of an environment from its instances, as enhanced health reports it. */
  #health(env, now = Date.now()) {
    if (env.Status === "Terminated" || env.Status === "Terminating") return { HealthStatus: "Suspended", Color: "Grey", Causes: [] };
    const live = env.instances.filter((i) => i.state !== "terminated");
    const per = live.map((i) => instanceHealth(i, now));
    const count = (s) => per.filter((h) => h.HealthStatus === s).length;
    if (!live.length || (env.Status === "Launching" && count("Pending") === live.length)) {
      return { HealthStatus: "Pending", Color: "Grey", Causes: env.Status === "Launching" ? [`Initialization in progress (running for ${secondsSince(env.launchStartedAt, now)} seconds).${live.length ? "" : " There are no instances."}`] : [] };
    }
    const severe = count("Severe");
    if (severe === live.length) {
      return {
        HealthStatus: "Severe",
        Color: "Red",
        Causes: ["Following services are not running: application.", `Command failed on all instances.`, `100.0 % of the requests are failing with HTTP 5xx.`].slice(0, env.loadBalanced ? 3 : 2),
      };
    }
    if (severe > 0) return { HealthStatus: "Degraded", Color: "Red", Causes: [`Following services are not running: application on ${severe} out of ${live.length} instances.`] };
    const info = count("Info");
    if (info > 0) return { HealthStatus: "Info", Color: "Green", Causes: [`Command is executing on ${info} out of ${live.length} instances.`] };
    return { HealthStatus: "Ok", Color: "Green", Causes: [] };
  }

  /** After a step: record the health, and write AWS's "Environment health has transitioned" event when it settled somewhere new. */
  #noteHealth(st, env, at) {
    const h = this.#health(env, at);
    env.Health = h.Color;
    env.HealthStatus = h.HealthStatus;
    if (env.Status === "Terminating" || env.Status === "Terminated") return;
    if (h.HealthStatus === "Info" || h.HealthStatus === "Pending") return;
    const from = env.reported ?? "Pending";
    if (from === h.HealthStatus) return;
    env.reported = h.HealthStatus;
    if (from === "Pending" && h.HealthStatus === "Ok") {
      const ago = Math.max(1, Math.round(this.#paceMs / 1000));
      const took = Math.max(1, secondsSince(env.launchStartedAt, at));
      this.#event(st, env, `Environment health has transitioned from Pending to Ok. Initialization completed ${ago} ${ago === 1 ? "second" : "seconds"} ago and took ${took} ${took === 1 ? "second" : "seconds"}.`, { at });
      return;
    }
    const sev = ["Severe", "Degraded", "Warning"].includes(h.HealthStatus) ? "WARN" : "INFO";
    this.#event(st, env, `Environment health has transitioned from ${from} to ${h.HealthStatus}.${h.Causes.length ? ` ${h.Causes.join(" ")}` : ""}`, { severity: sev, at });
  }

  // -------------------------------------------------------------------------------------------
  // S3 through moto (the storage bucket and source bundles)

  #s3Headers(ctx) {
    return { Authorization: `AWS4-HMAC-SHA256 Credential=${ctx.accessKey}/20260101/${ctx.region}/s3/aws4_request, SignedHeaders=host, Signature=0`, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" };
  }

  #s3Path(bucket, key = "") {
    return `${this.upstream}/${encodeURIComponent(bucket)}${key ? `/${key.split("/").map(encodeURIComponent).join("/")}` : ""}`;
  }

  async #getObject(ctx, bucket, key) {
    const res = await fetch(this.#s3Path(bucket, key), { headers: this.#s3Headers(ctx), signal: AbortSignal.timeout(10_000) });
    if (!res.ok) {
      await res.arrayBuffer();
      return { ok: false, status: res.status };
    }
    const length = Number(res.headers.get("content-length") ?? 0);
    if (length > MAX_BUNDLE_BYTES) {
      await res.body?.cancel();
      return { ok: true, tooLarge: true, body: Buffer.alloc(0) };
    }
    return { ok: true, body: Buffer.from(await res.arrayBuffer()) };
  }

  // -------------------------------------------------------------------------------------------
  // Lookups

  #app(st, name) {
    const app = st.applications.get(name);
    if (!app) throw invalid(`No Application named '${name}' found.`);
    return app;
  }

  #env(st, input, { idKey = "EnvironmentId", nameKey = "EnvironmentName", live = true } = {}) {
    const id = input[idKey];
    const name = input[nameKey];
    if (!id && !name) throw new ApiError("MissingParameter", `The request must contain the parameter ${nameKey} or ${idKey}.`);
    const candidates = [...st.environments.values()].filter((e) => (id ? e.EnvironmentId === id : e.EnvironmentName === name) && (!live || e.Status !== "Terminated"));
    const env = candidates.at(-1);
    if (!env) throw invalid(id ? `No Environment found for EnvironmentId = '${id}'.` : `No Environment found for EnvironmentName = '${name}'.`);
    return env;
  }

  #requireReady(env) {
    if (env.Status !== "Ready") throw invalid(`Environment named ${env.EnvironmentName} is in an invalid state for this operation. Must be Ready.`);
  }

  #platform(st, input) {
    if (input.PlatformArn) {
      const p = PLATFORMS.find((x) => platformArn(st.region, x) === input.PlatformArn);
      if (!p) throw invalid(`No Platform named '${input.PlatformArn}' found.`);
      return p;
    }
    if (input.SolutionStackName) {
      const p = PLATFORMS.find((x) => x.SolutionStackName === input.SolutionStackName);
      if (!p) throw invalid(`No Solution Stack named '${input.SolutionStackName}' found.`);
      return p;
    }
    return null;
  }

  #cnameTaken(fqdn, region) {
    for (const st of this.#states.values()) {
      if (st.region !== region) continue;
      for (const e of st.environments.values()) if (e.Status !== "Terminated" && e.CNAME === fqdn) return true;
    }
    return false;
  }

  #storageBucket(st) {
    return `elasticbeanstalk-${st.region}-${st.account}`;
  }

  #describeEnv(st, env) {
    const out = {
      EnvironmentName: env.EnvironmentName,
      EnvironmentId: env.EnvironmentId,
      ApplicationName: env.ApplicationName,
      VersionLabel: env.VersionLabel,
      SolutionStackName: env.platform.SolutionStackName,
      PlatformArn: env.PlatformArn,
      Description: env.Description,
      EndpointURL: env.Status === "Terminated" ? undefined : env.EndpointURL,
      CNAME: env.CNAME,
      DateCreated: new Date(env.DateCreated),
      DateUpdated: new Date(env.DateUpdated),
      Status: env.Status,
      AbortableOperationInProgress: env.AbortableOperationInProgress,
      Health: env.Health,
      HealthStatus: env.HealthStatus,
      Resources: env.loadBalanced && env.Status !== "Terminated" ? { LoadBalancer: { LoadBalancerName: env.lbName, Domain: env.EndpointURL, Listeners: [{ Protocol: "http", Port: 80 }] } } : undefined,
      Tier: env.Tier,
      EnvironmentLinks: [],
      EnvironmentArn: env.EnvironmentArn,
    };
    return out;
  }

  #version(st, app, label) {
    return st.versions.get(`${app}\u0000${label}`);
  }

  #versionFails(env, label) {
    if (!isDockerPlatform(env.platform)) return false;
    const v = env.versionsSeen.get(label);
    if (!v) return false; // the sample application
    return !v.manifest.ok || v.manifest.image.includes("crash");
  }

  #newInstance(env, at, version, deploymentId, { pending = true } = {}) {
    const azs = ["a", "b", "c"];
    env.azIndex = (env.azIndex ?? 0) + 1;
    return {
      id: instanceId(),
      state: pending ? "pending" : "running",
      launchedAt: at,
      az: `${env.region}${azs[env.azIndex % 3]}`,
      crashing: false,
      deployment: { VersionLabel: version, DeploymentId: deploymentId, Status: "InProgress", DeploymentTime: at, startedAt: at },
    };
  }

  #deployTo(env, instances, label, deploymentId, at) {
    for (const i of instances) {
      i.previous = { ...i.deployment, crashing: i.crashing };
      i.deployment = { VersionLabel: label, DeploymentId: deploymentId, Status: "InProgress", DeploymentTime: at, startedAt: at };
    }
  }

  #finishOn(env, instances, label, at) {
    const fails = this.#versionFails(env, label);
    for (const i of instances) {
      i.state = "running";
      i.crashing = fails;
      i.deployment = { ...i.deployment, Status: fails ? "Failed" : "Deployed", DeploymentTime: at };
    }
    return !fails;
  }

  // -------------------------------------------------------------------------------------------
  // Storage, DNS, platforms

  async opCreateStorageLocation(st, _input, ctx) {
    const bucket = this.#storageBucket(st);
    const res = await fetch(this.#s3Path(bucket), {
      method: "PUT",
      headers: this.#s3Headers(ctx),
      body: st.region === "us-east-1" ? undefined : `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${st.region}</LocationConstraint></CreateBucketConfiguration>`,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok && !/BucketAlreadyOwnedByYou/.test(text)) throw new ApiError("S3LocationNotInServiceRegionException", `Unable to create the storage bucket ${bucket}: ${text.slice(0, 200)}`);
    return { S3Bucket: bucket };
  }

  opCheckDNSAvailability(st, input) {
    const prefix = requireString(input, "CNAMEPrefix", { min: 4, max: 63 });
    const fqdn = `${prefix.toLowerCase()}.${st.region}.elasticbeanstalk.com`;
    return { Available: /^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$/.test(prefix) && !this.#cnameTaken(fqdn, st.region), FullyQualifiedCNAME: fqdn };
  }

  opListAvailableSolutionStacks() {
    return {
      SolutionStacks: PLATFORMS.map((p) => p.SolutionStackName),
      SolutionStackDetails: PLATFORMS.map((p) => ({ SolutionStackName: p.SolutionStackName, PermittedFileTypes: p.fileTypes })),
    };
  }

  #platformDescription(st, p) {
    return {
      PlatformArn: platformArn(st.region, p),
      PlatformOwner: "AWSElasticBeanstalk",
      PlatformName: p.PlatformName,
      PlatformVersion: p.PlatformVersion,
      SolutionStackName: p.SolutionStackName,
      PlatformStatus: "Ready",
      DateCreated: new Date("2026-10-01T00:00:00Z"),
      DateUpdated: new Date("2026-10-01T00:00:00Z"),
      PlatformCategory: p.runtime.replace(/ .*/, ""),
      Description: p.PlatformName,
      OperatingSystemName: "Amazon Linux",
      OperatingSystemVersion: p.os,
      ProgrammingLanguages: [{ Name: p.runtime.replace(/ \d.*/, ""), Version: p.runtime.replace(/^\D+/, "") || undefined }],
      Frameworks: [],
      CustomAmiList: [],
      SupportedTierList: ["WebServer/Standard", "Worker/SQS/HTTP"],
      SupportedAddonList: ["Log/S3", "Monitoring/Healthd", "WorkerDaemon/SQSD"],
      PlatformLifecycleState: PLATFORMS.find((x) => x.PlatformBranchName === p.PlatformBranchName) === p ? "Recommended" : undefined,
      PlatformBranchName: p.PlatformBranchName,
      PlatformBranchLifecycleState: "Supported",
    };
  }

  opDescribePlatformVersion(st, input) {
    const p = PLATFORMS.find((x) => platformArn(st.region, x) === input.PlatformArn);
    if (!p) throw invalid(`No Platform named '${input.PlatformArn ?? ""}' found.`);
    return { PlatformDescription: this.#platformDescription(st, p) };
  }

  opListPlatformVersions(st) {
    return {
      PlatformSummaryList: PLATFORMS.map((p) => {
        const d = this.#platformDescription(st, p);
        return { PlatformArn: d.PlatformArn, PlatformOwner: d.PlatformOwner, PlatformStatus: "Ready", PlatformCategory: d.PlatformCategory, OperatingSystemName: d.OperatingSystemName, OperatingSystemVersion: d.OperatingSystemVersion, SupportedTierList: d.SupportedTierList, SupportedAddonList: d.SupportedAddonList, PlatformLifecycleState: d.PlatformLifecycleState, PlatformVersion: d.PlatformVersion, PlatformBranchName: d.PlatformBranchName, PlatformBranchLifecycleState: "Supported" };
      }),
    };
  }

  opDescribeAccountAttributes() {
    return { ResourceQuotas: { ApplicationQuota: { Maximum: 75 }, ApplicationVersionQuota: { Maximum: 1000 }, EnvironmentQuota: { Maximum: 200 }, ConfigurationTemplateQuota: { Maximum: 2000 }, CustomPlatformQuota: { Maximum: 50 } } };
  }

  opValidateConfigurationSettings(st, input) {
    this.#app(st, requireString(input, "ApplicationName"));
    try {
      validateOptions(list(input.OptionSettings));
    } catch (err) {
      return { Messages: [{ Message: err.message, Severity: "error" }] };
    }
    return { Messages: [] };
  }

  // -------------------------------------------------------------------------------------------
  // Applications

  #describeApp(st, app) {
    const versions = [...st.versions.values()].filter((v) => v.ApplicationName === app.ApplicationName).sort((a, b) => b.DateCreated - a.DateCreated).map((v) => v.VersionLabel);
    return { ApplicationArn: app.ApplicationArn, ApplicationName: app.ApplicationName, Description: app.Description, DateCreated: new Date(app.DateCreated), DateUpdated: new Date(app.DateUpdated), Versions: versions, ConfigurationTemplates: [], ResourceLifecycleConfig: app.ResourceLifecycleConfig };
  }

  #tagsFrom(arn, st, tags) {
    const t = list(tags);
    if (t.length > 50) throw new ApiError("TooManyTagsException", "Too many tags: at most 50 per resource.");
    const map = new Map();
    for (const tag of t) {
      if (!tag || typeof tag.Key !== "string" || !tag.Key || tag.Key.length > 128) throw invalid("Tag keys must be 1 to 128 characters.");
      if (tag.Key.startsWith("aws:") || tag.Key.startsWith("elasticbeanstalk:")) throw invalid(`Tag keys starting with 'aws:' or 'elasticbeanstalk:' are reserved.`);
      map.set(tag.Key, String(tag.Value ?? "").slice(0, 256));
    }
    st.tags.set(arn, map);
  }

  opCreateApplication(st, input) {
    const name = requireString(input, "ApplicationName", { max: 100 });
    if (st.applications.has(name)) throw invalid(`Application ${name} already exists.`);
    if (st.applications.size >= 75) throw new ApiError("TooManyApplicationsException", "You have reached the maximum number of applications (75) for this account and region.");
    const now = Date.now();
    const app = {
      ApplicationName: name,
      ApplicationArn: `arn:aws:elasticbeanstalk:${st.region}:${st.account}:application/${name}`,
      Description: input.Description ? String(input.Description).slice(0, 200) : undefined,
      DateCreated: now,
      DateUpdated: now,
      ResourceLifecycleConfig: input.ResourceLifecycleConfig ?? { VersionLifecycleConfig: { MaxCountRule: { Enabled: false, MaxCount: 200, DeleteSourceFromS3: false }, MaxAgeRule: { Enabled: false, MaxAgeInDays: 180, DeleteSourceFromS3: false } } },
    };
    this.#tagsFrom(app.ApplicationArn, st, input.Tags);
    st.applications.set(name, app);
    return { Application: this.#describeApp(st, app) };
  }

  opDescribeApplications(st, input) {
    const names = list(input.ApplicationNames);
    const apps = [...st.applications.values()].filter((a) => !names.length || names.includes(a.ApplicationName));
    return { Applications: apps.map((a) => this.#describeApp(st, a)) };
  }

  opUpdateApplication(st, input) {
    const app = this.#app(st, requireString(input, "ApplicationName"));
    if (input.Description !== undefined) app.Description = String(input.Description).slice(0, 200) || undefined;
    app.DateUpdated = Date.now();
    return { Application: this.#describeApp(st, app) };
  }

  opDeleteApplication(st, input) {
    const app = this.#app(st, requireString(input, "ApplicationName"));
    const running = [...st.environments.values()].filter((e) => e.ApplicationName === app.ApplicationName && e.Status !== "Terminated");
    if (running.length && !bool(input.TerminateEnvByForce, false)) {
      throw new ApiError("OperationInProgressFailure", `Unable to delete application ${app.ApplicationName} because it has running environments: ${running.map((e) => e.EnvironmentName).join(", ")}. Terminate them first, or set TerminateEnvByForce.`);
    }
    for (const env of running) this.#terminate(st, env, {});
    for (const [k, v] of st.versions) if (v.ApplicationName === app.ApplicationName) st.versions.delete(k);
    st.applications.delete(app.ApplicationName);
    st.tags.delete(app.ApplicationArn);
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Application versions

  #describeVersion(v) {
    return {
      ApplicationVersionArn: v.ApplicationVersionArn,
      ApplicationName: v.ApplicationName,
      Description: v.Description,
      VersionLabel: v.VersionLabel,
      SourceBundle: v.SourceBundle,
      DateCreated: new Date(v.DateCreated),
      DateUpdated: new Date(v.DateUpdated),
      Status: v.Status,
    };
  }

  async opCreateApplicationVersion(st, input, ctx) {
    const appName = requireString(input, "ApplicationName");
    const label = requireString(input, "VersionLabel");
    if (/[/\\]/.test(label)) throw invalid(`Invalid version label '${label}': it must not contain '/' or '\\'.`);
    let app = st.applications.get(appName);
    if (!app) {
      if (!bool(input.AutoCreateApplication, false)) throw invalid(`No Application named '${appName}' found.`);
      this.opCreateApplication(st, { ApplicationName: appName });
      app = st.applications.get(appName);
    }
    if (this.#version(st, appName, label)) throw invalid(`Application Version ${label} already exists.`);
    const bundle = input.SourceBundle;
    let manifest = { ok: true, kind: "sample", image: "", port: 0, error: "" };
    if (bundle) {
      if (!bundle.S3Bucket || !bundle.S3Key) throw new ApiError("MissingParameter", "SourceBundle needs both S3Bucket and S3Key.");
      const got = await this.#getObject(ctx, bundle.S3Bucket, bundle.S3Key);
      if (!got.ok) {
        throw new ApiError("InvalidParameterCombination", `Unable to download from S3 location (Bucket: ${bundle.S3Bucket}  Key: ${bundle.S3Key}). Reason: ${got.status === 404 ? "Not Found" : got.status === 403 ? "Access Denied" : `HTTP ${got.status}`}`);
      }
      manifest = got.tooLarge ? { ok: true, kind: "unknown", image: "", port: 0, error: "" } : readBundle(got.body);
    }
    const process = bool(input.Process, false);
    const now = Date.now();
    const v = {
      ApplicationVersionArn: `arn:aws:elasticbeanstalk:${st.region}:${st.account}:applicationversion/${appName}/${label}`,
      ApplicationName: appName,
      Description: input.Description ? String(input.Description).slice(0, 200) : undefined,
      VersionLabel: label,
      SourceBundle: bundle ? { S3Bucket: bundle.S3Bucket, S3Key: bundle.S3Key } : undefined,
      DateCreated: now,
      DateUpdated: now,
      Status: process ? (manifest.ok ? "PROCESSED" : "FAILED") : "UNPROCESSED",
      manifest,
    };
    this.#tagsFrom(v.ApplicationVersionArn, st, input.Tags);
    st.versions.set(`${appName}\u0000${label}`, v);
    if (process && !manifest.ok) {
      this.#event(st, null, `Created a new application version '${label}', but it failed validation: ${manifest.error}`, { severity: "ERROR", versionLabel: label, applicationName: appName });
    }
    return { ApplicationVersion: this.#describeVersion(v) };
  }

  opDescribeApplicationVersions(st, input) {
    const labels = list(input.VersionLabels);
    const all = [...st.versions.values()]
      .filter((v) => (!input.ApplicationName || v.ApplicationName === input.ApplicationName) && (!labels.length || labels.includes(v.VersionLabel)))
      .sort((a, b) => b.DateCreated - a.DateCreated);
    const { page, next } = pageOf(all, input.MaxRecords, input.NextToken);
    return { ApplicationVersions: page.map((v) => this.#describeVersion(v)), NextToken: next };
  }

  opUpdateApplicationVersion(st, input) {
    const v = this.#version(st, requireString(input, "ApplicationName"), requireString(input, "VersionLabel"));
    if (!v) throw invalid(`No Application Version named '${input.VersionLabel}' found.`);
    if (input.Description !== undefined) v.Description = String(input.Description).slice(0, 200) || undefined;
    v.DateUpdated = Date.now();
    return { ApplicationVersion: this.#describeVersion(v) };
  }

  async opDeleteApplicationVersion(st, input, ctx) {
    const appName = requireString(input, "ApplicationName");
    const label = requireString(input, "VersionLabel");
    this.#app(st, appName);
    const v = this.#version(st, appName, label);
    if (!v) throw invalid(`No Application Version named '${label}' found.`);
    const users = [...st.environments.values()].filter((e) => e.ApplicationName === appName && e.Status !== "Terminated" && e.VersionLabel === label);
    if (users.length) throw invalid(`Unable to delete application version '${label}' because it is being used by environment(s): ${users.map((e) => e.EnvironmentName).join(", ")}.`);
    st.versions.delete(`${appName}\u0000${label}`);
    st.tags.delete(v.ApplicationVersionArn);
    if (bool(input.DeleteSourceBundle, false) && v.SourceBundle) {
      const res = await fetch(this.#s3Path(v.SourceBundle.S3Bucket, v.SourceBundle.S3Key), { method: "DELETE", headers: this.#s3Headers(ctx), signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Environments: create

  opCreateEnvironment(st, input) {
    const appName = requireString(input, "ApplicationName");
    const name = requireString(input, "EnvironmentName", { min: 4, max: 40 });
    if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{2,38}[a-zA-Z0-9]$/.test(name)) {
      throw invalid(`Value ${name} at 'EnvironmentName' failed to satisfy constraint: Environment name must be 4 to 40 characters in length. It can contain only letters, numbers, and hyphens. It can't start or end with a hyphen.`);
    }
    this.#app(st, appName);
    if ([...st.environments.values()].some((e) => e.EnvironmentName === name && e.Status !== "Terminated")) throw invalid(`Environment ${name} already exists.`);
    if (input.TemplateName) throw invalid(`No Configuration Template named '${appName}/${input.TemplateName}' found.`);
    const platform = this.#platform(st, input);
    if (!platform) throw new ApiError("MissingParameter", "Either SolutionStackName, PlatformArn or TemplateName must be specified.");
    if (input.SolutionStackName && input.PlatformArn) throw new ApiError("InvalidParameterCombination", "You cannot specify both SolutionStackName and PlatformArn.");
    let version;
    if (input.VersionLabel) {
      version = this.#version(st, appName, input.VersionLabel);
      if (!version) throw invalid(`No Application Version named '${input.VersionLabel}' found.`);
      if (version.Status === "FAILED") throw invalid(`Application version '${input.VersionLabel}' failed validation and cannot be deployed: ${version.manifest.error}`);
    }
    const tier = input.Tier?.Name === "Worker" ? { Name: "Worker", Type: "SQS/HTTP", Version: "1.0" } : { Name: "WebServer", Type: "Standard", Version: "1.0" };
    if (input.Tier?.Name && !["Worker", "WebServer"].includes(input.Tier.Name)) throw invalid(`Invalid tier name '${input.Tier.Name}': it must be WebServer or Worker.`);
    const given = list(input.OptionSettings);
    const lbGiven = given.find((o) => o?.Namespace === NS_ENV && o?.OptionName === "EnvironmentType")?.Value;
    const loadBalanced = (lbGiven ?? "LoadBalanced") === "LoadBalanced";
    const options = mergeOptions(defaultOptions(loadBalanced), given, list(input.OptionsToRemove));
    validateOptions(options);
    if (!opt(options, NS_LC, "IamInstanceProfile")) {
      throw invalid("Environment must have instance profile associated with it.");
    }
    let cname;
    if (input.CNAMEPrefix !== undefined) {
      const prefix = String(input.CNAMEPrefix);
      if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/.test(prefix)) throw invalid(`Invalid CNAMEPrefix '${prefix}': it must be 4 to 63 letters, numbers and hyphens, not starting or ending with a hyphen.`);
      cname = `${prefix.toLowerCase()}.${st.region}.elasticbeanstalk.com`;
      if (this.#cnameTaken(cname, st.region)) throw invalid(`DNS name (${cname}) is not available.`);
    } else {
      cname = `${name.toLowerCase()}.eba-${lower(8)}.${st.region}.elasticbeanstalk.com`;
    }
    const now = Date.now();
    const id = `e-${lower(10)}`;
    const stackId = upperId(12);
    const env = {
      EnvironmentName: name,
      EnvironmentId: id,
      ApplicationName: appName,
      VersionLabel: version?.VersionLabel,
      platform,
      PlatformArn: platformArn(st.region, platform),
      Description: input.Description ? String(input.Description).slice(0, 200) : undefined,
      CNAME: cname,
      EndpointURL: loadBalanced ? `awseb--AWSEB-${stackId}-${1_000_000_000 + (randomBytes(4).readUInt32BE() % 900_000_000)}.${st.region}.elb.amazonaws.com` : `54.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
      DateCreated: now,
      DateUpdated: now,
      Status: "Launching",
      AbortableOperationInProgress: false,
      Health: "Grey",
      HealthStatus: "Pending",
      Tier: tier,
      EnvironmentArn: `arn:aws:elasticbeanstalk:${st.region}:${st.account}:environment/${appName}/${name}`,
      region: st.region,
      loadBalanced,
      options,
      instances: [],
      queue: [],
      deploymentId: 1,
      launchStartedAt: now,
      versionsSeen: new Map(),
      asgName: `awseb-${id}-stack-AWSEBAutoScalingGroup-${upperId(12)}`,
      lcName: `awseb-${id}-stack-AWSEBAutoScalingLaunchConfiguration-${upperId(12)}`,
      sgName: `awseb-${id}-stack-AWSEBSecurityGroup-${upperId(12)}`,
      lbName: `awseb--AWSEB-${stackId}`,
      requestId: randomUUID(),
    };
    if (version) env.versionsSeen.set(version.VersionLabel, version);
    this.#tagsFrom(env.EnvironmentArn, st, input.Tags);
    st.environments.set(id, env);
    this.#event(st, env, "createEnvironment is starting.");
    this.#launch(st, env, "createEnvironment");
    return this.#describeEnv(st, env);
  }

  /** The launch (or rebuild) of an environment's resources and instances, paced. */
  #launch(st, env, verb) {
    const label = env.VersionLabel ?? "Sample Application";
    const count = env.loadBalanced ? Math.max(1, Number(opt(env.options, NS_ASG, "MinSize") ?? 1)) : 1;
    const sgId = `sg-0${randomBytes(8).toString("hex")}`;
    this.#schedule(env, [
      (at) => {
        this.#event(st, env, `Using ${this.#storageBucket(st)} as Amazon S3 storage bucket for environment data.`, { at });
        this.#event(st, env, `Created security group named: ${sgId}`, { at });
        if (env.loadBalanced) {
          this.#event(st, env, `Created target group named: arn:aws:elasticloadbalancing:${st.region}:${st.account}:targetgroup/awseb-AWSEB-${upperId(12)}/${randomBytes(8).toString("hex")}`, { at });
          this.#event(st, env, `Created security group named: ${env.sgName}`, { at });
        }
      },
      (at) => {
        this.#event(st, env, `Created Auto Scaling group named: ${env.asgName}`, { at });
        this.#event(st, env, "Waiting for EC2 instances to launch. This may take a few minutes.", { at });
        env.instances = Array.from({ length: count }, () => this.#newInstance(env, at, label, env.deploymentId));
        if (env.loadBalanced) {
          this.#event(st, env, `Created Auto Scaling group policy named: arn:aws:autoscaling:${st.region}:${st.account}:scalingPolicy:${randomUUID()}:autoScalingGroupName/${env.asgName}:policyName/awseb-${env.EnvironmentId}-stack-AWSEBAutoScalingScaleUpPolicy-${upperId(12)}`, { at });
          this.#event(st, env, `Created CloudWatch alarm named: awseb-${env.EnvironmentId}-stack-AWSEBCloudwatchAlarmHigh-${upperId(12)}`, { at });
          this.#event(st, env, `Created load balancer named: arn:aws:elasticloadbalancing:${st.region}:${st.account}:loadbalancer/app/${env.lbName}/${randomBytes(8).toString("hex")}`, { at });
        } else {
          this.#event(st, env, `Created EIP: ${env.EndpointURL}`, { at });
        }
      },
      (at) => {
        const ok = this.#finishOn(env, env.instances, label, at);
        if (ok) this.#event(st, env, "Instance deployment completed successfully.", { at });
        else {
          for (const i of env.instances) this.#event(st, env, `[Instance: ${i.id}] Command failed on instance. Return code: 1 Output: Engine execution has encountered an error..`, { severity: "ERROR", at });
          this.#event(st, env, "Instance deployment failed. For details, see 'eb-engine.log'.", { severity: "ERROR", at });
        }
      },
      (at) => {
        const ok = !env.instances.some((i) => i.crashing);
        env.Status = "Ready";
        env.DateUpdated = at;
        if (verb === "createEnvironment") {
          if (ok) this.#event(st, env, `Successfully launched environment: ${env.EnvironmentName}`, { at });
          else this.#event(st, env, "Create environment operation is complete, but with errors. For more information, see troubleshooting documentation.", { severity: "ERROR", at });
        } else {
          this.#event(st, env, ok ? `${verb} completed successfully.` : `${verb} completed, but with errors. For more information, see troubleshooting documentation.`, { severity: ok ? "INFO" : "ERROR", at });
        }
      },
    ]);
  }

  // -------------------------------------------------------------------------------------------
  // Environments: describe

  opDescribeEnvironments(st, input) {
    const ids = list(input.EnvironmentIds);
    const names = list(input.EnvironmentNames);
    const includeDeleted = bool(input.IncludeDeleted, true);
    const backTo = input.IncludedDeletedBackTo ? Date.parse(input.IncludedDeletedBackTo) : 0;
    const all = [...st.environments.values()].filter(
      (e) =>
        (!input.ApplicationName || e.ApplicationName === input.ApplicationName) &&
        (!input.VersionLabel || e.VersionLabel === input.VersionLabel) &&
        (!ids.length || ids.includes(e.EnvironmentId)) &&
        (!names.length || names.includes(e.EnvironmentName)) &&
        (e.Status !== "Terminated" || (includeDeleted && (!backTo || e.terminatedAt >= backTo))),
    );
    const { page, next } = pageOf(all, input.MaxRecords, input.NextToken);
    return { Environments: page.map((e) => this.#describeEnv(st, e)), NextToken: next };
  }

  opDescribeEnvironmentResources(st, input) {
    const env = this.#env(st, input);
    const live = env.instances.filter((i) => i.state !== "terminated");
    return {
      EnvironmentResources: {
        EnvironmentName: env.EnvironmentName,
        AutoScalingGroups: [{ Name: env.asgName }],
        Instances: live.map((i) => ({ Id: i.id })),
        LaunchConfigurations: [],
        LaunchTemplates: [{ Id: `lt-0${createHash("sha256").update(env.EnvironmentId).digest("hex").slice(0, 16)}` }],
        LoadBalancers: env.loadBalanced ? [{ Name: `arn:aws:elasticloadbalancing:${st.region}:${st.account}:loadbalancer/app/${env.lbName}/${createHash("sha256").update(env.lbName).digest("hex").slice(0, 16)}` }] : [],
        Triggers: [],
        Queues: [],
      },
    };
  }

  opDescribeEvents(st, input) {
    const min = input.Severity ? SEVERITY_RANK[input.Severity] : 0;
    if (min === undefined) throw invalid(`Invalid Severity '${input.Severity}': it must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL.`);
    const start = input.StartTime ? Date.parse(input.StartTime) : -Infinity;
    const end = input.EndTime ? Date.parse(input.EndTime) : Infinity;
    let envName = input.EnvironmentName;
    if (input.EnvironmentId) {
      const env = st.environments.get(input.EnvironmentId);
      envName = env?.EnvironmentName ?? "\u0000none";
    }
    const all = st.events
      .filter(
        (e) =>
          (!input.ApplicationName || e.ApplicationName === input.ApplicationName) &&
          (!envName || e.EnvironmentName === envName) &&
          (!input.VersionLabel || e.VersionLabel === input.VersionLabel) &&
          (!input.RequestId || e.RequestId === input.RequestId) &&
          (!input.PlatformArn || e.PlatformArn === input.PlatformArn) &&
          SEVERITY_RANK[e.Severity] >= min &&
          e.EventDate.getTime() >= start &&
          e.EventDate.getTime() < end,
      )
      .sort((a, b) => b.EventDate - a.EventDate || b.seq - a.seq);
    const { page, next } = pageOf(all, input.MaxRecords, input.NextToken);
    return { Events: page.map(({ seq, ...e }) => e), NextToken: next };
  }

  opDescribeEnvironmentHealth(st, input) {
    const env = this.#env(st, input, { live: false });
    if (opt(env.options, NS_HEALTH, "SystemType") !== "enhanced") throw invalid(`Enhanced health reporting is not enabled for environment ${env.EnvironmentName}.`);
    const now = Date.now();
    const h = this.#health(env, now);
    const live = env.instances.filter((i) => i.state !== "terminated");
    const counts = { NoData: 0, Unknown: 0, Pending: 0, Ok: 0, Info: 0, Warning: 0, Degraded: 0, Severe: 0 };
    for (const i of live) counts[instanceHealth(i, now).HealthStatus] += 1;
    const running = live.filter((i) => i.state === "running" && !i.crashing).length;
    const failing = live.filter((i) => i.crashing).length;
    return {
      EnvironmentName: env.EnvironmentName,
      HealthStatus: h.HealthStatus,
      Status: env.Status,
      Color: h.Color,
      Causes: h.Causes,
      ApplicationMetrics: env.loadBalanced
        ? {
            Duration: 10,
            RequestCount: (running + failing) * 12,
            StatusCodes: { Status2xx: running * 12, Status3xx: 0, Status4xx: 0, Status5xx: failing * 12 },
            Latency: { P999: 0.012, P99: 0.008, P95: 0.005, P90: 0.004, P85: 0.003, P75: 0.002, P50: 0.001, P10: 0.001 },
          }
        : { Duration: 10 },
      InstancesHealth: counts,
      RefreshedAt: new Date(now),
    };
  }

  opDescribeInstancesHealth(st, input) {
    const env = this.#env(st, input, { live: false });
    if (opt(env.options, NS_HEALTH, "SystemType") !== "enhanced") throw invalid(`Enhanced health reporting is not enabled for environment ${env.EnvironmentName}.`);
    const now = Date.now();
    const live = env.instances.filter((i) => i.state !== "terminated");
    const { page, next } = pageOf(live, undefined, input.NextToken, 1000);
    return {
      InstanceHealthList: page.map((i) => {
        const h = instanceHealth(i, now);
        return {
          InstanceId: i.id,
          HealthStatus: h.HealthStatus,
          Color: HEALTH_COLOR[h.HealthStatus],
          Causes: h.Causes,
          LaunchedAt: new Date(i.launchedAt),
          ApplicationMetrics: { Duration: 10, RequestCount: i.crashing ? 0 : 12, StatusCodes: { Status2xx: i.crashing ? 0 : 12, Status3xx: 0, Status4xx: 0, Status5xx: i.crashing ? 12 : 0 } },
          System: { CPUUtilization: { User: 1.2, Nice: 0, System: 0.4, Idle: 98.2, IOWait: 0.1, IRQ: 0, SoftIRQ: 0.1, Privileged: 0 }, LoadAverage: [0.02, 0.05, 0.01] },
          Deployment: { VersionLabel: i.deployment.VersionLabel, DeploymentId: i.deployment.DeploymentId, Status: i.deployment.Status, DeploymentTime: new Date(i.deployment.DeploymentTime) },
          AvailabilityZone: i.az,
          InstanceType: opt(env.options, NS_LC, "InstanceType") ?? "t3.micro",
        };
      }),
      RefreshedAt: new Date(now),
      NextToken: next,
    };
  }

  opDescribeConfigurationSettings(st, input) {
    const appName = requireString(input, "ApplicationName");
    this.#app(st, appName);
    if (input.TemplateName) throw invalid(`No Configuration Template named '${appName}/${input.TemplateName}' found.`);
    const env = this.#env(st, { EnvironmentName: input.EnvironmentName }, {});
    if (env.ApplicationName !== appName) throw invalid(`No Environment found for EnvironmentName = '${input.EnvironmentName}'.`);
    return {
      ConfigurationSettings: [
        {
          SolutionStackName: env.platform.SolutionStackName,
          PlatformArn: env.PlatformArn,
          ApplicationName: env.ApplicationName,
          Description: env.Description,
          EnvironmentName: env.EnvironmentName,
          DeploymentStatus: "deployed",
          DateCreated: new Date(env.DateCreated),
          DateUpdated: new Date(env.DateUpdated),
          OptionSettings: env.options.map((o) => ({ ResourceName: o.ResourceName, Namespace: o.Namespace, OptionName: o.OptionName, Value: o.Value })),
        },
      ],
    };
  }

  // -------------------------------------------------------------------------------------------
  // Environments: update and deployments

  opUpdateEnvironment(st, input) {
    const env = this.#env(st, input);
    if (input.ApplicationName && input.ApplicationName !== env.ApplicationName) throw invalid(`No Environment found for EnvironmentName = '${env.EnvironmentName}' in application '${input.ApplicationName}'.`);
    this.#requireReady(env);
    let version;
    if (input.VersionLabel) {
      version = this.#version(st, env.ApplicationName, input.VersionLabel);
      if (!version) throw invalid(`No Application Version named '${input.VersionLabel}' found.`);
      if (version.Status === "FAILED") throw invalid(`Application version '${input.VersionLabel}' failed validation and cannot be deployed: ${version.manifest.error}`);
    }
    if (input.TemplateName) throw invalid(`No Configuration Template named '${env.ApplicationName}/${input.TemplateName}' found.`);
    const newPlatform = this.#platform(st, input);
    const updates = list(input.OptionSettings);
    const removals = list(input.OptionsToRemove);
    if (updates.some((o) => o?.Namespace === NS_ENV && o?.OptionName === "EnvironmentType" && (o.Value === "LoadBalanced") !== env.loadBalanced)) {
      throw invalid("You cannot change the environment type (SingleInstance / LoadBalanced) with UpdateEnvironment in the sandbox; create a new environment.");
    }
    const options = mergeOptions(env.options, updates, removals);
    validateOptions(options);
    if (!opt(options, NS_LC, "IamInstanceProfile")) throw invalid("Environment must have instance profile associated with it.");
    if (input.Description !== undefined) env.Description = String(input.Description).slice(0, 200) || undefined;
    const configChanged = updates.length > 0 || removals.length > 0 || (newPlatform && newPlatform !== env.platform);
    if (!configChanged && !version) {
      env.DateUpdated = Date.now();
      return this.#describeEnv(st, env);
    }
    env.requestId = randomUUID();
    env.Status = "Updating";
    env.AbortableOperationInProgress = true;
    env.DateUpdated = Date.now();
    env.rollback = { options: env.options, platform: env.platform, VersionLabel: env.VersionLabel, instances: env.instances.map((i) => ({ ...i, deployment: { ...i.deployment } })) };
    this.#event(st, env, "Environment update is starting.");
    if (configChanged) {
      const oldOptions = env.options;
      env.options = options;
      if (newPlatform) env.platform = newPlatform;
      env.PlatformArn = platformArn(st.region, env.platform);
      this.#configUpdate(st, env, oldOptions, !version);
    }
    if (version) {
      env.versionsSeen.set(version.VersionLabel, version);
      this.#deploy(st, env, version.VersionLabel);
    }
    return this.#describeEnv(st, env);
  }

  #configUpdate(st, env, oldOptions, last) {
    const min = Number(opt(env.options, NS_ASG, "MinSize") ?? 1);
    const max = Number(opt(env.options, NS_ASG, "MaxSize") ?? 4);
    const changedVars = env.options.some((o) => o.Namespace === NS_VARS && opt(oldOptions, NS_VARS, o.OptionName) !== o.Value) || oldOptions.some((o) => o.Namespace === NS_VARS && opt(env.options, NS_VARS, o.OptionName) === undefined);
    this.#schedule(env, [
      (at) => {
        this.#event(st, env, `Updating environment ${env.EnvironmentName}'s configuration settings.`, { at });
        if (env.loadBalanced) {
          const live = env.instances.filter((i) => i.state !== "terminated");
          const want = Math.min(max, Math.max(min, live.length));
          const label = env.VersionLabel ?? "Sample Application";
          if (want > live.length) {
            const added = Array.from({ length: want - live.length }, () => this.#newInstance(env, at, label, env.deploymentId));
            env.instances.push(...added);
            this.#event(st, env, `Added instance [${added.map((i) => i.id).join(", ")}] to your environment.`, { at });
          } else if (want < live.length) {
            const removed = live.slice(want);
            for (const i of removed) i.state = "terminated";
            this.#event(st, env, `Removed instance [${removed.map((i) => i.id).join(", ")}] from your environment.`, { at });
          }
        }
        if (changedVars) for (const i of env.instances) if (i.state !== "terminated") i.restartedAt = at;
      },
      (at) => {
        const label = env.VersionLabel ?? "Sample Application";
        this.#finishOn(env, env.instances.filter((i) => i.state === "pending"), label, at);
        this.#event(st, env, `Successfully deployed new configuration to environment.`, { at });
        if (last) this.#complete(st, env, at, true);
      },
    ]);
  }

  #complete(st, env, at, ok, message) {
    env.Status = "Ready";
    env.AbortableOperationInProgress = false;
    env.DateUpdated = at;
    env.instances = env.instances.filter((i) => i.state !== "terminated");
    env.rollback = undefined;
    if (ok) this.#event(st, env, message ?? "Environment update completed successfully.", { at });
    else this.#event(st, env, message ?? "Failed to deploy application.", { severity: "ERROR", at });
  }

  #batches(env, instances) {
    const type = opt(env.options, NS_CMD, "BatchSizeType") ?? "Percentage";
    const size = Number(opt(env.options, NS_CMD, "BatchSize") ?? 100);
    const per = type === "Fixed" ? Math.max(1, size) : Math.max(1, Math.ceil((instances.length * size) / 100));
    const out = [];
    for (let i = 0; i < instances.length; i += per) out.push(instances.slice(i, i + per));
    return { out, per };
  }

  /** A new version applied with the environment's deployment policy, batch by batch. */
  #deploy(st, env, label) {
    env.deploymentId += 1;
    const deploymentId = env.deploymentId;
    let policy = opt(env.options, NS_CMD, "DeploymentPolicy") ?? "AllAtOnce";
    // Single-instance environments support only all at once and immutable (AWS docs, "Deployment policies").
    if (!env.loadBalanced && policy !== "Immutable") policy = "AllAtOnce";
    const steps = [];
    const fails = this.#versionFails(env, label);
    const ids = (xs) => `[${xs.map((i) => i.id).join(", ")}]`;
    const live = () => env.instances.filter((i) => i.state !== "terminated");
    const finishOk = (at) => {
      env.VersionLabel = label;
      this.#event(st, env, "New application version was deployed to running EC2 instances.", { at });
      this.#complete(st, env, at, true);
    };

    if (policy === "AllAtOnce") {
      steps.push((at) => {
        this.#event(st, env, "Deploying new version to instance(s).", { at });
        this.#deployTo(env, live(), label, deploymentId, at);
      });
      steps.push((at) => {
        if (this.#finishOn(env, live(), label, at)) this.#event(st, env, "Instance deployment completed successfully.", { at });
        else {
          for (const i of live()) this.#event(st, env, `[Instance: ${i.id}] Command failed on instance. Return code: 1 Output: Engine execution has encountered an error..`, { severity: "ERROR", at });
          this.#event(st, env, "Instance deployment failed. For details, see 'eb-engine.log'.", { severity: "ERROR", at });
        }
      });
      steps.push((at) => {
        if (!fails) return finishOk(at);
        this.#event(st, env, `Unsuccessful command execution on instance id(s) '${live().map((i) => i.id).join(",")}'. Aborting the operation.`, { severity: "ERROR", at });
        this.#complete(st, env, at, false);
      });
    } else if (policy === "Rolling" || policy === "RollingWithAdditionalBatch") {
      const original = live();
      const { per } = this.#batches(env, original);
      // With an additional batch, the last batch of original instances is not updated but retired at the end.
      const retired = policy === "RollingWithAdditionalBatch" ? original.slice(Math.max(0, original.length - per)) : [];
      const batches = this.#batches(env, original.slice(0, original.length - retired.length)).out;
      let extra = [];
      let n = 0;
      let failed = false;
      if (policy === "RollingWithAdditionalBatch") {
        steps.push((at) => {
          n += 1;
          extra = Array.from({ length: per }, () => this.#newInstance(env, at, label, deploymentId));
          env.instances.push(...extra);
          this.#event(st, env, `Batch ${n}: Starting application deployment on instance(s) ${ids(extra)}.`, { at });
          this.#event(st, env, `Added instance ${ids(extra)} to your environment.`, { at });
        });
        steps.push((at) => {
          if (this.#finishOn(env, extra, label, at)) this.#event(st, env, `Batch ${n}: Completed application deployment.`, { at });
          else {
            failed = true;
            this.#event(st, env, `Batch ${n}: Failed application deployment on instance(s) ${ids(extra)}.`, { severity: "ERROR", at });
          }
        });
      }
      for (const batch of batches) {
        steps.push((at) => {
          if (failed) return;
          n += 1;
          this.#event(st, env, `Batch ${n}: Starting application deployment on instance(s) ${ids(batch)}.`, { at });
          this.#deployTo(env, batch, label, deploymentId, at);
        });
        steps.push((at) => {
          if (failed) return;
          if (this.#finishOn(env, batch, label, at)) this.#event(st, env, `Batch ${n}: Completed application deployment.`, { at });
          else {
            failed = true;
            this.#event(st, env, `Batch ${n}: Failed application deployment on instance(s) ${ids(batch)}.`, { severity: "ERROR", at });
          }
        });
      }
      steps.push((at) => {
        if (failed) {
          if (extra.length && extra.some((i) => i.crashing)) {
            for (const i of extra) i.state = "terminated";
            this.#event(st, env, `Removed instance ${ids(extra)} from your environment.`, { at });
          }
          this.#event(st, env, "Rolling deployment stopped after a failed batch: instances of the completed batches run the new version, the rest keep the previous one. Deploy a working version to finish.", { severity: "WARN", at });
          return this.#complete(st, env, at, false);
        }
        if (retired.length) {
          for (const i of retired) i.state = "terminated";
          this.#event(st, env, `Removed instance ${ids(retired)} from your environment.`, { at });
        }
        finishOk(at);
      });
    } else {
      // Immutable and TrafficSplitting: new instances in a temporary Auto Scaling group; the originals stay untouched until the new ones are healthy.
      const original = live();
      const tempAsg = `awseb-${env.EnvironmentId}-immutable-stack-AWSEBAutoScalingGroup-${upperId(12)}`;
      let fresh = [];
      steps.push((at) => {
        if (policy === "Immutable") this.#event(st, env, "Immutable deployment policy enabled. Launching one instance with the new settings to verify health.", { at });
        else this.#event(st, env, "Traffic splitting deployment policy enabled. Launching new instances with the new version.", { at });
        this.#event(st, env, `Created temporary auto scaling group ${tempAsg}.`, { at });
        fresh = [this.#newInstance(env, at, label, deploymentId)];
        env.instances.push(...fresh);
      });
      steps.push((at) => {
        if (!this.#finishOn(env, fresh, label, at)) {
          this.#event(st, env, `[Instance: ${fresh[0].id}] Command failed on instance. Return code: 1 Output: Engine execution has encountered an error..`, { severity: "ERROR", at });
          return;
        }
        if (original.length > 1) {
          const more = Array.from({ length: original.length - 1 }, () => this.#newInstance(env, at, label, deploymentId));
          fresh.push(...more);
          env.instances.push(...more);
          this.#event(st, env, `Launched ${more.length} more instance(s) in the temporary auto scaling group: ${ids(more)}.`, { at });
        }
      });
      steps.push((at) => {
        if (fresh.some((i) => i.crashing)) return;
        this.#finishOn(env, fresh.filter((i) => i.state === "pending"), label, at);
        if (policy === "TrafficSplitting") {
          const pct = opt(env.options, NS_SPLIT, "NewVersionPercent") ?? "10";
          const mins = opt(env.options, NS_SPLIT, "EvaluationTime") ?? "5";
          this.#event(st, env, `Sending ${pct}% of traffic to the new instances and evaluating their health for ${mins} minutes.`, { at });
        } else {
          this.#event(st, env, `Adding new instance(s) ${ids(fresh)} to the permanent auto scaling group ${env.asgName}.`, { at });
        }
      });
      steps.push((at) => {
        if (fresh.some((i) => i.crashing)) {
          for (const i of fresh) i.state = "terminated";
          this.#event(st, env, `The new instances failed their health checks. Rolling back: terminating ${ids(fresh)} and deleting temporary auto scaling group ${tempAsg}. The original instances keep running version '${env.VersionLabel ?? "Sample Application"}'.`, { severity: "ERROR", at });
          return this.#complete(st, env, at, false);
        }
        if (policy === "TrafficSplitting") this.#event(st, env, "Shifting all traffic to the new instances.", { at });
        for (const i of original) i.state = "terminated";
        this.#event(st, env, `Removing original instance(s) ${ids(original)} from auto scaling group ${env.asgName}.`, { at });
        this.#event(st, env, `Deleted temporary auto scaling group ${tempAsg}.`, { at });
        finishOk(at);
      });
    }
    this.#schedule(env, steps);
  }

  opAbortEnvironmentUpdate(st, input) {
    const env = this.#env(st, input);
    if (env.Status !== "Updating" || !env.AbortableOperationInProgress || !env.rollback) {
      throw invalid(`Environment named ${env.EnvironmentName} is not in a state that can be aborted: there is no abortable operation in progress.`);
    }
    const back = env.rollback;
    env.queue = [];
    env.AbortableOperationInProgress = false;
    this.#event(st, env, "Aborting the current environment update: rolling back to the previous version and configuration.", { severity: "WARN" });
    this.#schedule(env, [
      (at) => {
        env.options = back.options;
        env.platform = back.platform;
        env.VersionLabel = back.VersionLabel;
        const keep = new Map(back.instances.map((i) => [i.id, i]));
        const current = env.instances.filter((i) => keep.has(i.id) || i.state === "terminated");
        for (const i of current) {
          const old = keep.get(i.id);
          if (old) Object.assign(i, { ...old, deployment: { ...old.deployment, DeploymentTime: at } });
        }
        env.instances = [...keep.values()].map((old) => current.find((i) => i.id === old.id) ?? old);
        env.Status = "Ready";
        env.DateUpdated = at;
        env.rollback = undefined;
        this.#event(st, env, "Environment update was aborted. The environment runs its previous version and configuration.", { severity: "WARN", at });
      },
    ]);
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Environments: swap, rebuild, restart, terminate

  opSwapEnvironmentCNAMEs(st, input) {
    const a = this.#env(st, input, { idKey: "SourceEnvironmentId", nameKey: "SourceEnvironmentName" });
    const b = this.#env(st, input, { idKey: "DestinationEnvironmentId", nameKey: "DestinationEnvironmentName" });
    if (a === b) throw invalid("The source and destination environments must be different.");
    if (a.ApplicationName !== b.ApplicationName) throw invalid("You can only swap the CNAMEs of environments in the same application.");
    for (const env of [a, b]) if (env.Status !== "Ready") throw invalid(`Environment named ${env.EnvironmentName} is in an invalid state for this operation. Must be Ready.`);
    const requestId = randomUUID();
    for (const env of [a, b]) this.#event(st, env, "swapEnvironmentCNAMEs is starting.", { requestId });
    [a.CNAME, b.CNAME] = [b.CNAME, a.CNAME];
    const now = Date.now();
    a.DateUpdated = b.DateUpdated = now;
    for (const env of [a, b]) this.#event(st, env, `Completed swapping CNAMEs for environments '${a.EnvironmentName}' and '${b.EnvironmentName}'.`, { requestId });
    return null;
  }

  opRebuildEnvironment(st, input) {
    const env = this.#env(st, input);
    this.#requireReady(env);
    env.requestId = randomUUID();
    env.Status = "Launching";
    env.HealthStatus = "Pending";
    env.Health = "Grey";
    env.launchStartedAt = Date.now();
    env.DateUpdated = Date.now();
    env.reported = "Pending";
    this.#event(st, env, "rebuildEnvironment is starting.");
    this.#schedule(env, [
      (at) => {
        this.#event(st, env, `Deleted Auto Scaling group named: ${env.asgName}`, { at });
        for (const i of env.instances) i.state = "terminated";
        env.instances = [];
        env.asgName = `awseb-${env.EnvironmentId}-stack-AWSEBAutoScalingGroup-${upperId(12)}`;
      },
    ]);
    this.#launch(st, env, "rebuildEnvironment");
    return null;
  }

  opRestartAppServer(st, input) {
    const env = this.#env(st, input);
    this.#requireReady(env);
    env.requestId = randomUUID();
    env.Status = "Updating";
    this.#event(st, env, "restartAppServer is starting.");
    this.#schedule(env, [
      (at) => {
        for (const i of env.instances) i.restartedAt = at;
        const ok = !env.instances.some((i) => i.crashing);
        env.Status = "Ready";
        env.DateUpdated = at;
        this.#event(st, env, ok ? "restartAppServer completed successfully." : "restartAppServer completed, but the application is not running on some instances.", { severity: ok ? "INFO" : "ERROR", at });
      },
    ]);
    return null;
  }

  #terminate(st, env) {
    env.queue = [];
    env.requestId = randomUUID();
    env.Status = "Terminating";
    env.AbortableOperationInProgress = false;
    env.Health = "Grey";
    env.DateUpdated = Date.now();
    this.#event(st, env, "terminateEnvironment is starting.");
    this.#schedule(env, [
      (at) => {
        this.#event(st, env, `Deleted Auto Scaling group named: ${env.asgName}`, { at });
        if (env.loadBalanced) this.#event(st, env, `Deleted load balancer named: arn:aws:elasticloadbalancing:${st.region}:${st.account}:loadbalancer/app/${env.lbName}`, { at });
        else this.#event(st, env, `Deleted EIP: ${env.EndpointURL}`, { at });
        for (const i of env.instances) i.state = "terminated";
      },
      (at) => {
        this.#event(st, env, `Deleted security group named: ${env.sgName}`, { at });
        env.instances = [];
        env.Status = "Terminated";
        env.terminatedAt = at;
        env.DateUpdated = at;
        this.#event(st, env, "terminateEnvironment completed successfully.", { at });
      },
    ]);
  }

  opTerminateEnvironment(st, input) {
    const env = this.#env(st, input);
    if (env.Status === "Terminating") throw invalid(`Environment named ${env.EnvironmentName} is in an invalid state for this operation. Must be Ready.`);
    if (env.Status !== "Ready" && !bool(input.ForceTerminate, false)) {
      throw invalid(`Environment named ${env.EnvironmentName} is in an invalid state for this operation. Must be Ready.`);
    }
    this.#terminate(st, env);
    return this.#describeEnv(st, env);
  }

  // -------------------------------------------------------------------------------------------
  // Logs

  opRequestEnvironmentInfo(st, input, ctx) {
    const env = this.#env(st, input);
    const type = requireString(input, "InfoType", { max: 10 });
    if (type !== "tail" && type !== "bundle") throw invalid(`Invalid InfoType '${type}': it must be tail or bundle.`);
    const at = Date.now() + this.#paceMs;
    st.info.push({ envId: env.EnvironmentId, type, at, host: ctx.host });
    this.#event(st, env, "requestEnvironmentInfo is starting.");
    return null;
  }

  opRetrieveEnvironmentInfo(st, input, ctx) {
    const env = this.#env(st, input, { live: false });
    const type = requireString(input, "InfoType", { max: 10 });
    if (type !== "tail" && type !== "bundle") throw invalid(`Invalid InfoType '${type}': it must be tail or bundle.`);
    const now = Date.now();
    const items = [];
    for (const r of st.info) {
      if (r.envId !== env.EnvironmentId || r.type !== type || r.at > now) continue;
      r.files ??= env.instances.filter((i) => i.state !== "terminated").map((i) => this.#writeLog(st, env, i, r));
      for (const f of r.files) items.push({ InfoType: type, Ec2InstanceId: f.instanceId, SampleTimestamp: new Date(r.at), Message: `http://${ctx.host}${f.path}?${f.query}` });
    }
    return { EnvironmentInfo: items };
  }

  #writeLog(st, env, instance, r) {
    const stamp = Math.floor(r.at / 1000);
    const file = r.type === "tail" ? `TailLogs-${stamp}.out` : `BundleLogs-${stamp}.zip`;
    const path = `/${this.#storageBucket(st)}/resources/environments/logs/${r.type}/${env.EnvironmentId}/${instance.id}/${file}`;
    const files = logFiles(env, instance, new Date(r.at));
    let body;
    if (r.type === "tail") {
      body = Buffer.from(Object.entries(files).map(([name, text]) => `----------------------------------------\n/${name}\n----------------------------------------\n${text.split("\n").slice(-100).join("\n")}\n`).join("\n"));
    } else {
      body = zipFiles(files);
    }
    this.#logs.set(path, { body, contentType: r.type === "tail" ? "application/octet-stream" : "application/zip", expires: r.at + INFO_KEPT_MS });
    const date = new Date(r.at).toISOString().replace(/[-:]|\.\d{3}/g, "");
    const query = new URLSearchParams({
      "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
      "X-Amz-Credential": `ASIAEXAMPLEBEANSTALK/${date.slice(0, 8)}/${st.region}/s3/aws4_request`,
      "X-Amz-Date": date,
      "X-Amz-Expires": "900",
      "X-Amz-SignedHeaders": "host",
      "X-Amz-Signature": createHash("sha256").update(path).digest("hex"),
    }).toString();
    return { instanceId: instance.id, path, query };
  }

  // -------------------------------------------------------------------------------------------
  // Tags

  #arnTags(st, arn) {
    const known =
      [...st.applications.values()].some((a) => a.ApplicationArn === arn) ||
      [...st.versions.values()].some((v) => v.ApplicationVersionArn === arn) ||
      [...st.environments.values()].some((e) => e.EnvironmentArn === arn && e.Status !== "Terminated");
    if (!known) throw new ApiError("ResourceNotFoundException", `Resource ${arn} not found.`);
    if (!st.tags.has(arn)) st.tags.set(arn, new Map());
    return st.tags.get(arn);
  }

  opListTagsForResource(st, input) {
    const arn = requireString(input, "ResourceArn", { max: 1600 });
    const tags = this.#arnTags(st, arn);
    return { ResourceArn: arn, ResourceTags: [...tags].map(([Key, Value]) => ({ Key, Value })) };
  }

  opUpdateTagsForResource(st, input) {
    const arn = requireString(input, "ResourceArn", { max: 1600 });
    const tags = this.#arnTags(st, arn);
    for (const k of list(input.TagsToRemove)) tags.delete(String(k));
    for (const t of list(input.TagsToAdd)) {
      if (!t || typeof t.Key !== "string" || !t.Key) throw invalid("Tag keys must be 1 to 128 characters.");
      tags.set(t.Key, String(t.Value ?? ""));
    }
    if (tags.size > 50) throw new ApiError("TooManyTagsException", "Too many tags: at most 50 per resource.");
    return null;
  }
}

/** What an instance's logs hold: eb-engine.log with the deployment, the container's stdout. */
export function logFiles(env, instance, at) {
  const v = env.versionsSeen.get(instance.deployment.VersionLabel);
  const image = v?.manifest?.image || "amazon/aws-eb-sample-docker";
  const port = v?.manifest?.port || 80;
  const t = (s) => new Date(at.getTime() - s * 1000).toISOString().replace("T", " ").replace("Z", "").replace(/-/g, "/");
  const engine = [
    `${t(40)} [INFO] Starting...`,
    `${t(40)} [INFO] Starting EBPlatform-PlatformEngine`,
    `${t(39)} [INFO] Executing instruction: StageApplication`,
    `${t(39)} [INFO] Downloading application version ${instance.deployment.VersionLabel} (deployment ${instance.deployment.DeploymentId}) to /opt/elasticbeanstalk/deployment/app_source_bundle`,
    `${t(38)} [INFO] Executing instruction: Docker Specific Build Application`,
    `${t(37)} [INFO] Running command: docker pull ${image}`,
    `${t(30)} [INFO] Status: Downloaded newer image for ${image}`,
    `${t(29)} [INFO] Running command: docker run -d -p 80:${port} ${image}`,
  ];
  const stdout = [];
  if (instance.crashing) {
    engine.push(`${t(27)} [ERROR] container for ${image} exited with code 1`, `${t(27)} [ERROR] An error occurred during execution of command [app-deploy] - [Docker Specific Build Application]. Stop running the command. Error: failed to run docker container: container exited with code 1`, `${t(26)} [INFO] Executing cleanup logic`);
    stdout.push(`${t(28)} starting ${image}`, `${t(27)} fatal: crash on start (the sandbox's "crash" image convention)`, `${t(27)} process exited with code 1`);
  } else {
    engine.push(`${t(27)} [INFO] Executing instruction: RunAppDeployPostDeployHooks`, `${t(26)} [INFO] Executing cleanup logic`, `${t(26)} [INFO] Instance deployment completed successfully.`);
    stdout.push(`${t(28)} starting ${image}`, `${t(27)} listening on 0.0.0.0:${port}`, `${t(10)} 172.31.0.10 - - "GET / HTTP/1.1" 200 615 "-" "ELB-HealthChecker/2.0"`, `${t(5)} 172.31.0.10 - - "GET / HTTP/1.1" 200 615 "-" "ELB-HealthChecker/2.0"`);
  }
  return {
    "var/log/eb-engine.log": engine.join("\n"),
    [`var/log/eb-docker/containers/eb-current-app/eb-${createHash("sha256").update(instance.id).digest("hex").slice(0, 12)}-stdouterr.log`]: stdout.join("\n"),
    "var/log/nginx/access.log": instance.crashing ? `${t(5)} 502 upstream unavailable` : `172.31.0.10 - - [${at.toUTCString()}] "GET / HTTP/1.1" 200 615 "-" "ELB-HealthChecker/2.0"`,
  };
}

/** Every Elastic Beanstalk API action (the ones the sandbox does not emulate answer InvalidAction, counted as unimplemented). */
const OPERATIONS = new Set([
  "AbortEnvironmentUpdate", "ApplyEnvironmentManagedAction", "AssociateEnvironmentOperationsRole", "CheckDNSAvailability", "ComposeEnvironments",
  "CreateApplication", "CreateApplicationVersion", "CreateConfigurationTemplate", "CreateEnvironment", "CreatePlatformVersion", "CreateStorageLocation",
  "DeleteApplication", "DeleteApplicationVersion", "DeleteConfigurationTemplate", "DeleteEnvironmentConfiguration", "DeletePlatformVersion",
  "DescribeAccountAttributes", "DescribeApplicationVersions", "DescribeApplications", "DescribeConfigurationOptions", "DescribeConfigurationSettings",
  "DescribeEnvironmentHealth", "DescribeEnvironmentManagedActionHistory", "DescribeEnvironmentManagedActions", "DescribeEnvironmentResources",
  "DescribeEnvironments", "DescribeEvents", "DescribeInstancesHealth", "DescribePlatformVersion", "DisassociateEnvironmentOperationsRole",
  "ListAvailableSolutionStacks", "ListPlatformBranches", "ListPlatformVersions", "ListTagsForResource", "RebuildEnvironment", "RequestEnvironmentInfo",
  "RestartAppServer", "RetrieveEnvironmentInfo", "SwapEnvironmentCNAMEs", "TerminateEnvironment", "UpdateApplication", "UpdateApplicationResourceLifecycle",
  "UpdateApplicationVersion", "UpdateConfigurationTemplate", "UpdateEnvironment", "UpdateTagsForResource", "ValidateConfigurationSettings",
]);
