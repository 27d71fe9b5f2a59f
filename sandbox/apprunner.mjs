// App Runner, served by the gateway itself (moto has no App Runner).
//
// AWS JSON 1.0 protocol, X-Amz-Target "AppRunner.<Operation>", signing name "apprunner".
// In-memory state per gateway and per region, cleared by POST /_sandbox/reset. Services move
// through the real lifecycle (OPERATION_IN_PROGRESS → RUNNING / PAUSED / DELETED) after a pace,
// and deployments write App Runner-style lines into moto's CloudWatch Logs.
// See sandbox/README.md ("App Runner").
import { randomBytes, randomUUID } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";

export const APPRUNNER_DEFAULT_PACE_MS = 2000;

/**
 * Regions where App Runner has an endpoint (AWS General Reference, "AWS App Runner endpoints and
 * quotas"). Elsewhere apprunner.<region>.amazonaws.com does not exist: the gateway drops the
 * connection, as an unresolvable endpoint would fail.
 */
export const APPRUNNER_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
];

export const NEW_CUSTOMER_REFUSAL = {
  code: "AccessDeniedException",
  message:
    "Your account is not allowlisted to use AWS App Runner: App Runner is no longer open to new customers " +
    "(since April 30, 2026) and this account is not an existing App Runner customer. AWS recommends " +
    "Amazon ECS Express Mode (CreateExpressGatewayService) for new web services. For more information, see " +
    "https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html",
};

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by express.mjs)

const hex = (bytes) => randomBytes(bytes).toString("hex");
const epoch = (ms = Date.now()) => ms / 1000;
const clone = (v) => (v === undefined ? undefined : structuredClone(v));

/** A JSON-protocol success response. */
export function jsonResponse(value, contentType = "application/x-amz-json-1.0") {
  const body = Buffer.from(JSON.stringify(value));
  return {
    status: 200,
    headers: { "Content-Type": contentType, "Content-Length": String(body.length), "x-amzn-RequestId": randomUUID() },
    body,
  };
}

/** A JSON-protocol error response, shaped like AWS (x-amzn-ErrorType + {"__type", "message"}). */
export function jsonError(code, message, { status = 400, contentType = "application/x-amz-json-1.0", messageKey = "message" } = {}) {
  const body = Buffer.from(JSON.stringify({ __type: code, [messageKey]: message }));
  return {
    status,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(body.length),
      "x-amzn-RequestId": randomUUID(),
      "x-amzn-ErrorType": code,
    },
    body,
  };
}

export class ApiError extends Error {
  constructor(code, message, status = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/**
 * Call moto's JSON API directly (not through the gateway: these calls are not counted).
 * Resolves with the parsed body; throws ApiError with moto's error code on a non-2xx answer.
 */
export async function callMoto(upstream, { service, target, region, body, version = "1.1" }) {
  const res = await fetch(upstream + "/", {
    method: "POST",
    headers: {
      "Content-Type": `application/x-amz-json-${version}`,
      "X-Amz-Target": target,
      Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body ?? {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let data = {};
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = { message: text.slice(0, 300) };
  }
  if (!res.ok) {
    const code = String(data.__type ?? res.headers.get("x-amzn-errortype") ?? "InternalFailure").split("#").pop();
    throw new ApiError(code, data.message ?? data.Message ?? `moto ${target} answered HTTP ${res.status}`, res.status);
  }
  return data;
}

/** Write log lines into moto's CloudWatch Logs, creating the group and stream as needed. */
export async function putLogLines(upstream, region, logGroupName, logStreamName, lines) {
  if (!lines.length) return;
  const logs = (op, body) => callMoto(upstream, { service: "logs", target: `Logs_20140328.${op}`, region, body });
  const ignoreExists = (err) => {
    if (err?.code !== "ResourceAlreadyExistsException") throw err;
  };
  await logs("CreateLogGroup", { logGroupName }).catch(ignoreExists);
  await logs("CreateLogStream", { logGroupName, logStreamName }).catch(ignoreExists);
  const now = Date.now();
  await logs("PutLogEvents", {
    logGroupName,
    logStreamName,
    logEvents: lines.map((message, i) => ({ timestamp: now - (lines.length - 1 - i), message })),
  });
}

function validationError(value, member, constraint) {
  return new ApiError(
    "InvalidRequestException",
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Instance configuration

const CPU_UNITS = { "0.25": 256, "0.5": 512, "1": 1024, "2": 2048, "4": 4096 };
const MEMORY_GB = { "0.5": 512, "1": 1024, "2": 2048, "3": 3072, "4": 4096, "6": 6144, "8": 8192, "10": 10240, "12": 12288 };
/** cpu units → allowed memory MB (the combinations App Runner allows). */
export const APPRUNNER_CPU_MEMORY = {
  256: [512, 1024],
  512: [1024],
  1024: [2048, 3072, 4096],
  2048: [4096, 6144],
  4096: [8192, 10240, 12288],
};

/** "1024" / "1 vCPU" / "1vcpu" → 1024; null when not a valid App Runner CPU value. */
export function parseAppRunnerCpu(value) {
  const s = String(value).trim();
  if (/^\d+$/.test(s)) return APPRUNNER_CPU_MEMORY[Number(s)] ? Number(s) : null;
  const m = /^(\d+(?:\.\d+)?)\s*vCPU$/i.exec(s);
  return m ? (CPU_UNITS[String(Number(m[1]))] ?? null) : null;
}

/** "2048" / "2 GB" / "2GB" → 2048; null when not a valid App Runner memory value. */
export function parseAppRunnerMemory(value) {
  const s = String(value).trim();
  if (/^\d+$/.test(s)) return Object.values(MEMORY_GB).includes(Number(s)) ? Number(s) : null;
  const m = /^(\d+(?:\.\d+)?)\s*GB$/i.exec(s);
  return m ? (MEMORY_GB[String(Number(m[1]))] ?? null) : null;
}

const vcpuLabel = (units) => `${units / 1024} vCPU`;
const gbLabel = (mb) => `${mb / 1024} GB`;

function normalizeInstanceConfiguration(input, previous) {
  const cpuRaw = input?.Cpu ?? previous?.Cpu ?? "1024";
  const memRaw = input?.Memory ?? previous?.Memory ?? "2048";
  const cpu = parseAppRunnerCpu(cpuRaw);
  if (cpu === null) {
    throw validationError(cpuRaw, "instanceConfiguration.cpu", "Member must satisfy regular expression pattern: 256|512|1024|2048|4096|(0.25|0.5|1|2|4) vCPU");
  }
  const mem = parseAppRunnerMemory(memRaw);
  if (mem === null) {
    throw validationError(
      memRaw,
      "instanceConfiguration.memory",
      "Member must satisfy regular expression pattern: 512|1024|2048|3072|4096|6144|8192|10240|12288|(0.5|1|2|3|4|6|8|10|12) GB",
    );
  }
  if (!APPRUNNER_CPU_MEMORY[cpu].includes(mem)) {
    throw new ApiError(
      "InvalidRequestException",
      `Invalid InstanceConfiguration: ${gbLabel(mem)} of memory isn't supported with ${vcpuLabel(cpu)}. ` +
        `Supported memory for ${vcpuLabel(cpu)}: ${APPRUNNER_CPU_MEMORY[cpu].map(gbLabel).join(", ")}.`,
    );
  }
  const out = { Cpu: String(cpu), Memory: String(mem) };
  const role = input && "InstanceRoleArn" in input ? input.InstanceRoleArn : previous?.InstanceRoleArn;
  if (role) {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(role)) {
      throw validationError(role, "instanceConfiguration.instanceRoleArn", "Member must satisfy regular expression pattern: arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::[0-9]{12}:(role|role\\/service-role)\\/[\\w+=,.@\\-/]{1,1000}");
    }
    out.InstanceRoleArn = role;
  }
  return out;
}

function normalizeHealthCheck(input, previous) {
  const hc = {
    Protocol: "TCP",
    Path: "/",
    Interval: 5,
    Timeout: 2,
    HealthyThreshold: 1,
    UnhealthyThreshold: 5,
    ...previous,
    ...Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== undefined && v !== null)),
  };
  if (!["TCP", "HTTP"].includes(hc.Protocol)) {
    throw validationError(hc.Protocol, "healthCheckConfiguration.protocol", "Member must satisfy enum value set: [HTTP, TCP]");
  }
  for (const [k, member] of [
    ["Interval", "interval"],
    ["Timeout", "timeout"],
    ["HealthyThreshold", "healthyThreshold"],
    ["UnhealthyThreshold", "unhealthyThreshold"],
  ]) {
    const v = hc[k];
    if (!Number.isInteger(v) || v < 1 || v > 20) {
      throw validationError(v, `healthCheckConfiguration.${member}`, `Member must have value ${v < 1 ? "greater than or equal to 1" : "less than or equal to 20"}`);
    }
  }
  if (typeof hc.Path !== "string" || !hc.Path.startsWith("/")) {
    throw validationError(hc.Path, "healthCheckConfiguration.path", "Member must have length greater than or equal to 1 and start with /");
  }
  return hc;
}

function normalizeSource(input, region) {
  if (!input) throw new ApiError("InvalidRequestException", "SourceConfiguration is required.");
  if (input.CodeRepository && input.ImageRepository) {
    throw new ApiError("InvalidRequestException", "SourceConfiguration must contain either CodeRepository or ImageRepository, not both.");
  }
  const src = clone(input);
  if (src.ImageRepository) {
    const img = src.ImageRepository;
    if (!img.ImageIdentifier) throw new ApiError("InvalidRequestException", "ImageRepository.ImageIdentifier is required.");
    if (!["ECR", "ECR_PUBLIC"].includes(img.ImageRepositoryType)) {
      throw validationError(img.ImageRepositoryType, "sourceConfiguration.imageRepository.imageRepositoryType", "Member must satisfy enum value set: [ECR, ECR_PUBLIC]");
    }
    if (img.ImageRepositoryType === "ECR_PUBLIC" && !/^public\.ecr\.aws\//.test(img.ImageIdentifier)) {
      throw new ApiError("InvalidRequestException", `Invalid image identifier for ECR_PUBLIC: ${img.ImageIdentifier}. It must start with public.ecr.aws/.`);
    }
    if (img.ImageRepositoryType === "ECR" && !/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/.+/.test(img.ImageIdentifier)) {
      throw new ApiError("InvalidRequestException", `Invalid image identifier for ECR: ${img.ImageIdentifier}. Expected <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>.`);
    }
    if (img.ImageRepositoryType === "ECR" && !src.AuthenticationConfiguration?.AccessRoleArn) {
      throw new ApiError("InvalidRequestException", "Authentication configuration is invalid: an AccessRoleArn is required to access an image in Amazon ECR.");
    }
    if (img.ImageRepositoryType === "ECR_PUBLIC" && src.AutoDeploymentsEnabled === true) {
      throw new ApiError("InvalidRequestException", "Automatic deployment isn't supported for an image in Amazon ECR Public. Set AutoDeploymentsEnabled to false.");
    }
    img.ImageConfiguration = { Port: "8080", ...img.ImageConfiguration };
    const port = img.ImageConfiguration.Port;
    if (!/^\d+$/.test(String(port)) || Number(port) < 1 || Number(port) > 51200) {
      throw validationError(port, "sourceConfiguration.imageRepository.imageConfiguration.port", "Member must be a port number between 1 and 51200");
    }
    img.ImageConfiguration.Port = String(Number(port));
    if (src.AutoDeploymentsEnabled === undefined) {
      const sameAccountEcr =
        img.ImageRepositoryType === "ECR" && img.ImageIdentifier.startsWith(`${SANDBOX_ACCOUNT}.dkr.ecr.`);
      src.AutoDeploymentsEnabled = sameAccountEcr;
    }
  } else if (src.CodeRepository) {
    if (!src.AuthenticationConfiguration?.ConnectionArn) {
      throw new ApiError("InvalidRequestException", "A ConnectionArn is required for a source code repository.");
    }
    src.AutoDeploymentsEnabled ??= true;
  } else {
    throw new ApiError("InvalidRequestException", "SourceConfiguration must contain either CodeRepository or ImageRepository.");
  }
  void region;
  return src;
}

function normalizeNetwork(input, previous) {
  const prev = previous ?? {
    EgressConfiguration: { EgressType: "DEFAULT" },
    IngressConfiguration: { IsPubliclyAccessible: true },
    IpAddressType: "IPV4",
  };
  const out = clone(prev);
  if (input?.EgressConfiguration) out.EgressConfiguration = { ...out.EgressConfiguration, ...input.EgressConfiguration };
  if (input?.IngressConfiguration) out.IngressConfiguration = { ...out.IngressConfiguration, ...input.IngressConfiguration };
  if (input?.IpAddressType) out.IpAddressType = input.IpAddressType;
  if (out.EgressConfiguration.EgressType === "VPC" && !out.EgressConfiguration.VpcConnectorArn) {
    throw new ApiError("InvalidRequestException", "VpcConnectorArn is required when EgressType is VPC.");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9\-_]{3,39}$/;
const ASC_NAME = /^[A-Za-z0-9][A-Za-z0-9\-_]{3,31}$/;

/** One page of `items`. Without MaxResults App Runner returns everything in one response. */
function paginate(items, { MaxResults, NextToken }, max = 100) {
  if (MaxResults !== undefined && MaxResults !== null && (!Number.isInteger(MaxResults) || MaxResults < 1 || MaxResults > max)) {
    throw validationError(MaxResults, "maxResults", `Member must have value ${MaxResults < 1 ? "greater than or equal to 1" : `less than or equal to ${max}`}`);
  }
  const limit = MaxResults ?? Infinity;
  let start = 0;
  if (NextToken) {
    const n = Number(Buffer.from(String(NextToken), "base64url").toString("utf8"));
    if (!Number.isInteger(n) || n < 0) throw new ApiError("InvalidRequestException", "The NextToken is invalid.");
    start = n;
  }
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(String(start + limit)).toString("base64url") : undefined;
  return { page, next };
}

class RegionState {
  constructor(region) {
    this.region = region;
    /** @type {Map<string, object>} ServiceArn → service record */
    this.services = new Map();
    /** auto scaling configuration records (all revisions, including INACTIVE) */
    this.ascs = [];
    /** ServiceArn → OperationSummary[] (newest first) */
    this.operations = new Map();
    /** ResourceArn → Tag[] */
    this.tags = new Map();
    const now = epoch(Date.parse("2021-05-18T00:00:00Z"));
    this.ascs.push({
      AutoScalingConfigurationArn: `arn:aws:apprunner:${region}:${SANDBOX_ACCOUNT}:autoscalingconfiguration/DefaultConfiguration/1/00000000000000000000000000000001`,
      AutoScalingConfigurationName: "DefaultConfiguration",
      AutoScalingConfigurationRevision: 1,
      Latest: true,
      Status: "ACTIVE",
      MaxConcurrency: 100,
      MinSize: 1,
      MaxSize: 25,
      CreatedAt: now,
      IsDefault: true,
    });
  }
}

export class AppRunnerSandbox {
  #upstream;
  #regions = new Map();
  #timers = new Set();
  #refuseNewCustomers = false;
  #paceMs;
  /** pending log writes, so tests can wait for them */
  #pending = new Set();

  constructor({ upstream, paceMs } = {}) {
    this.#upstream = upstream;
    const envPace = Number(process.env.SANDBOX_APPRUNNER_PACE_MS);
    this.#paceMs = paceMs ?? (Number.isFinite(envPace) && envPace >= 0 ? envPace : APPRUNNER_DEFAULT_PACE_MS);
  }

  /** Whether App Runner has an endpoint in this region ("unknown" = unsigned request: served). */
  offeredIn(region) {
    return !region || region === "unknown" || APPRUNNER_REGIONS.includes(region);
  }

  settings() {
    return { refuseNewCustomers: this.#refuseNewCustomers, paceMs: this.#paceMs };
  }

  configure({ refuseNewCustomers, paceMs } = {}) {
    if (refuseNewCustomers !== undefined) {
      if (typeof refuseNewCustomers !== "boolean") throw new Error("refuseNewCustomers must be true or false");
      this.#refuseNewCustomers = refuseNewCustomers;
    }
    if (paceMs !== undefined) {
      if (!Number.isFinite(paceMs) || paceMs < 0 || paceMs > 600_000) throw new Error("paceMs must be a number from 0 to 600000");
      this.#paceMs = paceMs;
    }
    return this.settings();
  }

  /** Forget every service, configuration and operation, stop pending transitions, reset the switch and pace. */
  reset() {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#regions.clear();
    this.#refuseNewCustomers = false;
    const envPace = Number(process.env.SANDBOX_APPRUNNER_PACE_MS);
    this.#paceMs = Number.isFinite(envPace) && envPace >= 0 ? envPace : APPRUNNER_DEFAULT_PACE_MS;
  }

  close() {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  /** Resolves when the log writes started so far have finished. */
  async settled() {
    while (this.#pending.size) await Promise.allSettled([...this.#pending]);
  }

  #region(region) {
    const r = !region || region === "unknown" ? "us-east-1" : region;
    let state = this.#regions.get(r);
    if (!state) this.#regions.set(r, (state = new RegionState(r)));
    return state;
  }

  /**
   * Answer one App Runner request.
   * @param {{ operation: string, region: string }} ident
   * @param {Buffer} body
   */
  async handle(ident, body) {
    let input = {};
    try {
      const text = body.toString("utf8").trim();
      input = text ? JSON.parse(text) : {};
    } catch {
      return jsonError("SerializationException", "Failed to parse the request body as JSON.", { messageKey: "Message" });
    }
    const fn = this.#ops[ident.operation];
    if (!fn) {
      return jsonError("UnknownOperationException", `The App Runner sandbox does not implement ${ident.operation}.`, {
        messageKey: "Message",
      });
    }
    try {
      return jsonResponse(await fn.call(this, this.#region(ident.region), input ?? {}));
    } catch (err) {
      if (err instanceof ApiError) return jsonError(err.code, err.message, { status: err.status, messageKey: "Message" });
      throw err;
    }
  }

  // -------------------------------------------------------------------------------------------
  // helpers

  #service(state, arn, { allowDeleted = false } = {}) {
    if (!arn) throw validationError("null", "serviceArn", "Member must not be null");
    const svc = state.services.get(arn);
    if (!svc || (svc.Status === "DELETED" && !allowDeleted)) {
      throw new ApiError("ResourceNotFoundException", `Resource doesn't exist: ${arn}`);
    }
    return svc;
  }

  #findAsc(state, arn) {
    const m = /^arn:aws[a-z-]*:apprunner:[^:]*:\d{12}:autoscalingconfiguration\/([^/]+)(?:\/(\d+)(?:\/([0-9a-f]+))?)?$/.exec(arn ?? "");
    if (!m) throw new ApiError("InvalidRequestException", `Invalid auto scaling configuration ARN: ${arn}`);
    const [, name, rev] = m;
    const active = state.ascs.filter((a) => a.AutoScalingConfigurationName === name && a.Status === "ACTIVE");
    const found = rev
      ? active.find((a) => a.AutoScalingConfigurationRevision === Number(rev))
      : active.sort((a, b) => b.AutoScalingConfigurationRevision - a.AutoScalingConfigurationRevision)[0];
    if (!found) throw new ApiError("ResourceNotFoundException", `Resource doesn't exist: ${arn}`);
    return found;
  }

  #defaultAsc(state) {
    return state.ascs.find((a) => a.IsDefault && a.Status === "ACTIVE") ?? state.ascs.find((a) => a.AutoScalingConfigurationName === "DefaultConfiguration" && a.Status === "ACTIVE");
  }

  #ascView(state, asc) {
    const latestRev = Math.max(
      ...state.ascs
        .filter((a) => a.AutoScalingConfigurationName === asc.AutoScalingConfigurationName && a.Status === "ACTIVE")
        .map((a) => a.AutoScalingConfigurationRevision),
      0,
    );
    const hasService = [...state.services.values()].some(
      (s) => s.Status !== "DELETED" && s.ascArn === asc.AutoScalingConfigurationArn,
    );
    return {
      ...asc,
      Latest: asc.Status === "ACTIVE" && asc.AutoScalingConfigurationRevision === latestRev,
      HasAssociatedService: hasService,
      IsDefault: asc.IsDefault === true,
    };
  }

  #ascSummary(state, asc) {
    const v = this.#ascView(state, asc);
    return {
      AutoScalingConfigurationArn: v.AutoScalingConfigurationArn,
      AutoScalingConfigurationName: v.AutoScalingConfigurationName,
      AutoScalingConfigurationRevision: v.AutoScalingConfigurationRevision,
      Status: v.Status,
      CreatedAt: v.CreatedAt,
      HasAssociatedService: v.HasAssociatedService,
      IsDefault: v.IsDefault,
    };
  }

  #serviceView(state, svc) {
    const asc = state.ascs.find((a) => a.AutoScalingConfigurationArn === svc.ascArn);
    const out = {
      ServiceName: svc.ServiceName,
      ServiceId: svc.ServiceId,
      ServiceArn: svc.ServiceArn,
      ServiceUrl: svc.ServiceUrl,
      CreatedAt: svc.CreatedAt,
      UpdatedAt: svc.UpdatedAt,
      Status: svc.Status,
      SourceConfiguration: clone(svc.SourceConfiguration),
      InstanceConfiguration: clone(svc.InstanceConfiguration),
      HealthCheckConfiguration: clone(svc.HealthCheckConfiguration),
      AutoScalingConfigurationSummary: asc
        ? {
            AutoScalingConfigurationArn: asc.AutoScalingConfigurationArn,
            AutoScalingConfigurationName: asc.AutoScalingConfigurationName,
            AutoScalingConfigurationRevision: asc.AutoScalingConfigurationRevision,
            Status: asc.Status,
            CreatedAt: asc.CreatedAt,
            HasAssociatedService: svc.Status !== "DELETED",
            IsDefault: asc.IsDefault === true,
          }
        : undefined,
      NetworkConfiguration: clone(svc.NetworkConfiguration),
      ObservabilityConfiguration: clone(svc.ObservabilityConfiguration),
    };
    if (svc.EncryptionConfiguration) out.EncryptionConfiguration = clone(svc.EncryptionConfiguration);
    if (svc.DeletedAt) out.DeletedAt = svc.DeletedAt;
    return out;
  }

  #logGroups(svc) {
    const base = `/aws/apprunner/${svc.ServiceName}/${svc.ServiceId}`;
    return { service: `${base}/service`, application: `${base}/application` };
  }

  #writeLogs(state, group, stream, lines) {
    if (this.#regions.get(state.region) !== state) return Promise.resolve(); // reset meanwhile
    const p = putLogLines(this.#upstream, state.region, group, stream, lines).catch(() => {});
    this.#pending.add(p);
    p.finally(() => this.#pending.delete(p));
    return p;
  }

  #deployStartLines(svc, opId, trigger) {
    const img = svc.SourceConfiguration.ImageRepository;
    const lines = [`[AppRunner] Deployment with ID : ${opId} started. Triggering event : ${trigger}`];
    if (img) lines.push(`[AppRunner] Pulling image ${img.ImageIdentifier} from ${img.ImageRepositoryType === "ECR_PUBLIC" ? "ECR Public" : "ECR"} repository.`);
    return lines;
  }

  #deployDoneLines(svc, opId) {
    const img = svc.SourceConfiguration.ImageRepository;
    const port = img?.ImageConfiguration?.Port ?? "8080";
    const hc = svc.HealthCheckConfiguration;
    return [
      img ? "[AppRunner] Successfully pulled your application image from ECR." : "[AppRunner] Successfully built source code.",
      `[AppRunner] Provisioning instances and deploying image for ${svc.NetworkConfiguration.IngressConfiguration?.IsPubliclyAccessible === false ? "privately" : "publicly"} accessible service.`,
      `[AppRunner] Performing health check on protocol \`${hc.Protocol}\` [${hc.Protocol === "HTTP" ? `Path: '${hc.Path}', ` : ""}Port: '${port}'].`,
      `[AppRunner] Health check on port '${port}' is successful.`,
      `[AppRunner] Deployment with ID : ${opId} completed successfully.`,
    ];
  }

  #applicationLines(svc) {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    const mon = d.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
    const day = d.toLocaleString("en-US", { weekday: "short", timeZone: "UTC" });
    const clf = `${pad(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
    const errTime = `${day} ${mon} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, "0")}000 ${d.getUTCFullYear()}`;
    const ip = `169.254.${Math.floor(Math.random() * 200) + 1}.${Math.floor(Math.random() * 250) + 2}`;
    const path = svc.HealthCheckConfiguration.Protocol === "HTTP" ? svc.HealthCheckConfiguration.Path : "/";
    return [
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`,
      `[${errTime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations`,
      `[${errTime}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
      `${ip} - - [${clf}] "GET ${path} HTTP/1.1" 200 45`,
      `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)} - - [${clf}] "GET / HTTP/1.1" 200 45`,
    ];
  }

  /**
   * Start an asynchronous operation: record it, write the start log lines, and after the pace
   * finish it (write the completion lines, then move the service to its final status).
   */
  #startOperation(state, svc, type, { finalStatus, trigger }) {
    const id = hex(16);
    const now = epoch();
    const op = { Id: id, Type: type, Status: "IN_PROGRESS", TargetArn: svc.ServiceArn, StartedAt: now, UpdatedAt: now };
    const ops = state.operations.get(svc.ServiceArn) ?? [];
    ops.unshift(op);
    state.operations.set(svc.ServiceArn, ops);
    svc.Status = "OPERATION_IN_PROGRESS";
    svc.UpdatedAt = now;
    const groups = this.#logGroups(svc);
    const deploys = ["CREATE_SERVICE", "UPDATE_SERVICE", "START_DEPLOYMENT", "RESUME_SERVICE"].includes(type);
    let chain = Promise.resolve();
    if (deploys) {
      const lines = this.#deployStartLines(svc, id, trigger);
      if (type === "CREATE_SERVICE") lines.unshift("[AppRunner] Service creation started.");
      chain = this.#writeLogs(state, groups.service, "events", lines);
    } else if (type === "PAUSE_SERVICE") {
      chain = this.#writeLogs(state, groups.service, "events", ["[AppRunner] Service pause started."]);
    } else if (type === "DELETE_SERVICE") {
      chain = this.#writeLogs(state, groups.service, "events", ["[AppRunner] Service deletion started."]);
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      const finish = () => {
        if (state.services.get(svc.ServiceArn) !== svc) return; // reset meanwhile
        const end = epoch();
        op.Status = "SUCCEEDED";
        op.EndedAt = end;
        op.UpdatedAt = end;
        svc.Status = finalStatus;
        svc.UpdatedAt = end;
        if (finalStatus === "DELETED") svc.DeletedAt = end;
      };
      let done;
      if (deploys) {
        done = chain.then(() =>
          Promise.all([
            this.#writeLogs(state, groups.service, "events", this.#deployDoneLines(svc, id)),
            this.#writeLogs(state, groups.application, `instance/${svc.instanceId}`, this.#applicationLines(svc)),
          ]),
        );
      } else if (type === "PAUSE_SERVICE") {
        done = chain.then(() => this.#writeLogs(state, groups.service, "events", ["[AppRunner] Service paused successfully."]));
      } else {
        done = chain.then(() => this.#writeLogs(state, groups.service, "events", ["[AppRunner] Service deleted successfully."]));
      }
      done.then(finish, finish);
    }, this.#paceMs);
    timer.unref?.();
    this.#timers.add(timer);
    return id;
  }

  #requireStatus(svc, allowed, verb) {
    if (!allowed.includes(svc.Status)) {
      throw new ApiError(
        "InvalidStateException",
        `You can't ${verb} service ${svc.ServiceArn} in its current state: ${svc.Status}.`,
      );
    }
  }

  #applyTags(state, arn, tags) {
    if (!tags?.length) return;
    const existing = state.tags.get(arn) ?? [];
    for (const t of tags) {
      if (!t?.Key) throw validationError(t?.Key, "tags.member.key", "Member must have length greater than or equal to 1");
      const i = existing.findIndex((e) => e.Key === t.Key);
      if (i >= 0) existing[i] = { Key: t.Key, Value: t.Value ?? "" };
      else existing.push({ Key: t.Key, Value: t.Value ?? "" });
    }
    if (existing.length > 50) throw new ApiError("InvalidRequestException", "A resource can have at most 50 tags.");
    state.tags.set(arn, existing);
  }

  #resourceExists(state, arn) {
    const svc = state.services.get(arn);
    if (svc) return svc.Status !== "DELETED";
    return state.ascs.some((a) => a.AutoScalingConfigurationArn === arn && a.Status === "ACTIVE");
  }

  // -------------------------------------------------------------------------------------------
  // operations

  #ops = {
    CreateService(state, input) {
      if (this.#refuseNewCustomers) throw new ApiError(NEW_CUSTOMER_REFUSAL.code, NEW_CUSTOMER_REFUSAL.message);
      const name = input.ServiceName;
      if (typeof name !== "string" || !SERVICE_NAME.test(name)) {
        throw validationError(name, "serviceName", "Member must satisfy regular expression pattern: [A-Za-z0-9][A-Za-z0-9-_]{3,39}");
      }
      const sourceConfiguration = normalizeSource(input.SourceConfiguration, state.region);
      const instanceConfiguration = normalizeInstanceConfiguration(input.InstanceConfiguration);
      const healthCheck = normalizeHealthCheck(input.HealthCheckConfiguration);
      const network = normalizeNetwork(input.NetworkConfiguration);
      const asc = input.AutoScalingConfigurationArn ? this.#findAsc(state, input.AutoScalingConfigurationArn) : this.#defaultAsc(state);
      if ([...state.services.values()].some((s) => s.ServiceName === name && s.Status !== "DELETED")) {
        throw new ApiError("InvalidRequestException", `Service with the provided name already exists: ${name}`);
      }
      const id = hex(16);
      const now = epoch();
      const svc = {
        ServiceName: name,
        ServiceId: id,
        ServiceArn: `arn:aws:apprunner:${state.region}:${SANDBOX_ACCOUNT}:service/${name}/${id}`,
        ServiceUrl: `${randomBytes(8).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x").slice(0, 10)}.${state.region}.awsapprunner.com`,
        CreatedAt: now,
        UpdatedAt: now,
        Status: "OPERATION_IN_PROGRESS",
        SourceConfiguration: sourceConfiguration,
        InstanceConfiguration: instanceConfiguration,
        HealthCheckConfiguration: healthCheck,
        NetworkConfiguration: network,
        ObservabilityConfiguration: input.ObservabilityConfiguration
          ? clone(input.ObservabilityConfiguration)
          : { ObservabilityEnabled: false },
        EncryptionConfiguration: input.EncryptionConfiguration ? clone(input.EncryptionConfiguration) : undefined,
        ascArn: asc.AutoScalingConfigurationArn,
        instanceId: hex(16),
      };
      state.services.set(svc.ServiceArn, svc);
      this.#applyTags(state, svc.ServiceArn, input.Tags);
      const opId = this.#startOperation(state, svc, "CREATE_SERVICE", { finalStatus: "RUNNING", trigger: "SERVICE_CREATE" });
      return { Service: this.#serviceView(state, svc), OperationId: opId };
    },

    DescribeService(state, input) {
      return { Service: this.#serviceView(state, this.#service(state, input.ServiceArn)) };
    },

    ListServices(state, input) {
      const all = [...state.services.values()]
        .filter((s) => s.Status !== "DELETED")
        .sort((a, b) => b.CreatedAt - a.CreatedAt);
      const { page, next } = paginate(all, input, 20);
      return {
        ServiceSummaryList: page.map((s) => ({
          ServiceName: s.ServiceName,
          ServiceId: s.ServiceId,
          ServiceArn: s.ServiceArn,
          ServiceUrl: s.ServiceUrl,
          CreatedAt: s.CreatedAt,
          UpdatedAt: s.UpdatedAt,
          Status: s.Status,
        })),
        ...(next ? { NextToken: next } : {}),
      };
    },

    UpdateService(state, input) {
      const svc = this.#service(state, input.ServiceArn);
      this.#requireStatus(svc, ["RUNNING", "CREATE_FAILED"], "update");
      // Validate everything before changing anything.
      let source = svc.SourceConfiguration;
      if (input.SourceConfiguration) {
        const merged = clone(input.SourceConfiguration);
        if (merged.ImageRepository && svc.SourceConfiguration.ImageRepository) {
          merged.ImageRepository.ImageConfiguration ??= clone(svc.SourceConfiguration.ImageRepository.ImageConfiguration);
        }
        if (!merged.AuthenticationConfiguration && svc.SourceConfiguration.AuthenticationConfiguration) {
          merged.AuthenticationConfiguration = clone(svc.SourceConfiguration.AuthenticationConfiguration);
        }
        source = normalizeSource(merged, state.region);
      }
      const instance = input.InstanceConfiguration
        ? normalizeInstanceConfiguration(input.InstanceConfiguration, svc.InstanceConfiguration)
        : svc.InstanceConfiguration;
      const hc = input.HealthCheckConfiguration ? normalizeHealthCheck(input.HealthCheckConfiguration, svc.HealthCheckConfiguration) : svc.HealthCheckConfiguration;
      const network = input.NetworkConfiguration ? normalizeNetwork(input.NetworkConfiguration, svc.NetworkConfiguration) : svc.NetworkConfiguration;
      const asc = input.AutoScalingConfigurationArn ? this.#findAsc(state, input.AutoScalingConfigurationArn) : null;
      svc.SourceConfiguration = source;
      svc.InstanceConfiguration = instance;
      svc.HealthCheckConfiguration = hc;
      svc.NetworkConfiguration = network;
      if (input.ObservabilityConfiguration) svc.ObservabilityConfiguration = clone(input.ObservabilityConfiguration);
      if (asc) svc.ascArn = asc.AutoScalingConfigurationArn;
      const opId = this.#startOperation(state, svc, "UPDATE_SERVICE", { finalStatus: "RUNNING", trigger: "CONFIGURATION_UPDATE" });
      return { Service: this.#serviceView(state, svc), OperationId: opId };
    },

    PauseService(state, input) {
      const svc = this.#service(state, input.ServiceArn);
      this.#requireStatus(svc, ["RUNNING"], "pause");
      const opId = this.#startOperation(state, svc, "PAUSE_SERVICE", { finalStatus: "PAUSED" });
      return { Service: this.#serviceView(state, svc), OperationId: opId };
    },

    ResumeService(state, input) {
      const svc = this.#service(state, input.ServiceArn);
      this.#requireStatus(svc, ["PAUSED"], "resume");
      const opId = this.#startOperation(state, svc, "RESUME_SERVICE", { finalStatus: "RUNNING", trigger: "SERVICE_RESUME" });
      return { Service: this.#serviceView(state, svc), OperationId: opId };
    },

    StartDeployment(state, input) {
      const svc = this.#service(state, input.ServiceArn);
      this.#requireStatus(svc, ["RUNNING"], "start a deployment for");
      const opId = this.#startOperation(state, svc, "START_DEPLOYMENT", { finalStatus: "RUNNING", trigger: "MANUAL_DEPLOY" });
      return { OperationId: opId };
    },

    DeleteService(state, input) {
      const svc = this.#service(state, input.ServiceArn);
      this.#requireStatus(svc, ["RUNNING", "PAUSED", "CREATE_FAILED", "DELETE_FAILED"], "delete");
      const opId = this.#startOperation(state, svc, "DELETE_SERVICE", { finalStatus: "DELETED" });
      return { Service: this.#serviceView(state, svc), OperationId: opId };
    },

    ListOperations(state, input) {
      const svc = this.#service(state, input.ServiceArn);
      const ops = state.operations.get(svc.ServiceArn) ?? [];
      const { page, next } = paginate(ops, input, 20);
      return { OperationSummaryList: page.map((o) => ({ ...o })), ...(next ? { NextToken: next } : {}) };
    },

    CreateAutoScalingConfiguration(state, input) {
      const name = input.AutoScalingConfigurationName;
      if (typeof name !== "string" || !ASC_NAME.test(name)) {
        throw validationError(name, "autoScalingConfigurationName", "Member must satisfy regular expression pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{3,31}");
      }
      const MaxConcurrency = input.MaxConcurrency ?? 100;
      const MinSize = input.MinSize ?? 1;
      const MaxSize = input.MaxSize ?? 25;
      for (const [v, member, lo, hi] of [
        [MaxConcurrency, "maxConcurrency", 1, 200],
        [MinSize, "minSize", 1, 25],
        [MaxSize, "maxSize", 1, 25],
      ]) {
        if (!Number.isInteger(v) || v < lo || v > hi) {
          throw validationError(v, member, `Member must have value ${v < lo ? `greater than or equal to ${lo}` : `less than or equal to ${hi}`}`);
        }
      }
      if (MinSize > MaxSize) {
        throw new ApiError("InvalidRequestException", `MinSize (${MinSize}) can't be greater than MaxSize (${MaxSize}).`);
      }
      const revisions = state.ascs.filter((a) => a.AutoScalingConfigurationName === name);
      if (revisions.filter((a) => a.Status === "ACTIVE").length >= 5) {
        throw new ApiError("ServiceQuotaExceededException", `You have reached the maximum number of revisions (5) for auto scaling configuration ${name}.`);
      }
      const rev = Math.max(0, ...revisions.map((a) => a.AutoScalingConfigurationRevision)) + 1;
      const hasDefault = state.ascs.some((a) => a.IsDefault && a.Status === "ACTIVE");
      const asc = {
        AutoScalingConfigurationArn: `arn:aws:apprunner:${state.region}:${SANDBOX_ACCOUNT}:autoscalingconfiguration/${name}/${rev}/${hex(16)}`,
        AutoScalingConfigurationName: name,
        AutoScalingConfigurationRevision: rev,
        Latest: true,
        Status: "ACTIVE",
        MaxConcurrency,
        MinSize,
        MaxSize,
        CreatedAt: epoch(),
        IsDefault: !hasDefault,
      };
      state.ascs.push(asc);
      this.#applyTags(state, asc.AutoScalingConfigurationArn, input.Tags);
      return { AutoScalingConfiguration: this.#ascView(state, asc) };
    },

    DescribeAutoScalingConfiguration(state, input) {
      return { AutoScalingConfiguration: this.#ascView(state, this.#findAsc(state, input.AutoScalingConfigurationArn)) };
    },

    ListAutoScalingConfigurations(state, input) {
      let all = state.ascs.filter((a) => a.Status === "ACTIVE");
      if (input.AutoScalingConfigurationName) all = all.filter((a) => a.AutoScalingConfigurationName === input.AutoScalingConfigurationName);
      if (input.LatestOnly) all = all.filter((a) => this.#ascView(state, a).Latest);
      all = [...all].sort((a, b) =>
        a.AutoScalingConfigurationName === b.AutoScalingConfigurationName
          ? b.AutoScalingConfigurationRevision - a.AutoScalingConfigurationRevision
          : a.AutoScalingConfigurationName.localeCompare(b.AutoScalingConfigurationName),
      );
      const { page, next } = paginate(all, input, 100);
      return {
        AutoScalingConfigurationSummaryList: page.map((a) => this.#ascSummary(state, a)),
        ...(next ? { NextToken: next } : {}),
      };
    },

    DeleteAutoScalingConfiguration(state, input) {
      const asc = this.#findAsc(state, input.AutoScalingConfigurationArn);
      const targets = input.DeleteAllRevisions
        ? state.ascs.filter((a) => a.AutoScalingConfigurationName === asc.AutoScalingConfigurationName && a.Status === "ACTIVE")
        : [asc];
      for (const t of targets) {
        if (this.#ascView(state, t).HasAssociatedService) {
          throw new ApiError(
            "InvalidRequestException",
            `You can't delete auto scaling configuration ${t.AutoScalingConfigurationArn} because it's associated with one or more services.`,
          );
        }
      }
      const now = epoch();
      for (const t of targets) {
        t.Status = "INACTIVE";
        t.DeletedAt = now;
        t.IsDefault = false;
      }
      return { AutoScalingConfiguration: this.#ascView(state, asc) };
    },

    ListTagsForResource(state, input) {
      if (!this.#resourceExists(state, input.ResourceArn)) {
        throw new ApiError("ResourceNotFoundException", `Resource doesn't exist: ${input.ResourceArn}`);
      }
      return { Tags: clone(state.tags.get(input.ResourceArn) ?? []) };
    },

    TagResource(state, input) {
      if (!this.#resourceExists(state, input.ResourceArn)) {
        throw new ApiError("ResourceNotFoundException", `Resource doesn't exist: ${input.ResourceArn}`);
      }
      if (!Array.isArray(input.Tags)) throw validationError("null", "tags", "Member must not be null");
      this.#applyTags(state, input.ResourceArn, input.Tags);
      return {};
    },

    UntagResource(state, input) {
      if (!this.#resourceExists(state, input.ResourceArn)) {
        throw new ApiError("ResourceNotFoundException", `Resource doesn't exist: ${input.ResourceArn}`);
      }
      const keys = new Set(input.TagKeys ?? []);
      state.tags.set(input.ResourceArn, (state.tags.get(input.ResourceArn) ?? []).filter((t) => !keys.has(t.Key)));
      return {};
    },
  };
}
