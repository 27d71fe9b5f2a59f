// Fault rules and AWS-shaped error responses for each wire protocol.
import { randomUUID } from "node:crypto";

export const FAULT_KINDS = ["throttle", "server_error", "latency", "access_denied"];
export const SANDBOX_ACCOUNT = "123456789012";
export const SANDBOX_PRINCIPAL = `arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/PortsideSandbox/session`;
const DEFAULT_LATENCY_MS = 1000;

/** Alternative names people use for a service → the SigV4 signing name the gateway records. */
const SERVICE_ALIASES = {
  cloudwatch: "monitoring",
  "cloudwatch-query": "monitoring",
  elbv2: "elasticloadbalancing",
  elasticloadbalancingv2: "elasticloadbalancing",
  "elastic-load-balancing": "elasticloadbalancing",
  eventbridge: "events",
  "cloudwatch-logs": "logs",
  cloudwatchlogs: "logs",
  "sqs-query": "sqs",
  applicationautoscaling: "application-autoscaling",
  "app-runner": "apprunner",
};
/** Signing name → IAM action prefix (where they differ). */
const IAM_PREFIX = { monitoring: "cloudwatch" };

export function normalizeService(name) {
  if (name == null) return undefined;
  const s = String(name).trim().toLowerCase();
  return SERVICE_ALIASES[s] ?? s;
}

/**
 * Per-protocol error shapes: [code, httpStatus, senderOrReceiver].
 * `queryCode` is what awsQueryCompatible services (SQS JSON, CloudWatch CBOR) put in x-amzn-query-error.
 */
const ERROR_TABLE = {
  throttle: {
    json: ["ThrottlingException", 400, "Sender"],
    "rest-json": ["ThrottlingException", 429, "Sender"],
    cbor: ["ThrottlingException", 400, "Sender"],
    query: ["Throttling", 400, "Sender"],
    ec2: ["RequestLimitExceeded", 503, "Sender"],
    "rest-xml": ["Throttling", 400, "Sender"],
    s3: ["SlowDown", 503, "Sender"],
    queryCode: "Throttling",
  },
  access_denied: {
    json: ["AccessDeniedException", 400, "Sender"],
    "rest-json": ["AccessDeniedException", 403, "Sender"],
    cbor: ["AccessDeniedException", 403, "Sender"],
    query: ["AccessDenied", 403, "Sender"],
    ec2: ["UnauthorizedOperation", 403, "Sender"],
    "rest-xml": ["AccessDenied", 403, "Sender"],
    s3: ["AccessDenied", 403, "Sender"],
    queryCode: "AccessDenied",
  },
  server_error: {
    json: ["ServiceUnavailableException", 500, "Receiver"],
    "rest-json": ["ServiceUnavailableException", 500, "Receiver"],
    cbor: ["ServiceUnavailableException", 500, "Receiver"],
    query: ["InternalFailure", 500, "Receiver"],
    ec2: ["InternalError", 500, "Receiver"],
    "rest-xml": ["InternalFailure", 500, "Receiver"],
    s3: ["InternalError", 500, "Receiver"],
    queryCode: "InternalFailure",
  },
};

function kebab(s) {
  return s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** A plausible resource ARN for the access-denied message: CreateCluster → ...:cluster/*. */
export function guessResourceArn(service, operation, region) {
  const prefix = IAM_PREFIX[service] ?? service;
  if (service === "sts") return /^AssumeRole/.test(operation) ? `arn:aws:iam::${SANDBOX_ACCOUNT}:role/*` : "*";
  if (service === "s3") return "arn:aws:s3:::*";
  const global = ["iam", "route53", "cloudfront"].includes(service);
  const r = global || !region || region === "unknown" ? "" : region;
  const m = /^(?:Create|Describe|Delete|List|Update|Register|Deregister|Get|Put|Run|Start|Stop|Tag|Untag)([A-Z][A-Za-z]*)$/.exec(
    operation,
  );
  if (!m) return "*";
  let noun = m[1].replace(/(Attributes|ForResource|Settings|Configs?|Versions?)$/, "") || m[1];
  if (noun.endsWith("ies")) noun = noun.slice(0, -3) + "y";
  else if (noun.endsWith("s") && !/(ss|us)$/.test(noun)) noun = noun.slice(0, -1);
  return `arn:aws:${prefix}:${r}:${SANDBOX_ACCOUNT}:${kebab(noun)}/*`;
}

export function accessDeniedMessage(service, operation, region) {
  const action = `${IAM_PREFIX[service] ?? service}:${operation}`;
  return (
    `User: ${SANDBOX_PRINCIPAL} is not authorized to perform: ${action} on resource: ` +
    `${guessResourceArn(service, operation, region)} because no identity-based policy allows the ${action} action`
  );
}

function defaultMessage(kind, protocol, ident) {
  if (kind === "access_denied") {
    const m = accessDeniedMessage(ident.service, ident.operation, ident.region);
    return protocol === "ec2" ? `You are not authorized to perform this operation. ${m}` : m;
  }
  if (kind === "throttle") {
    if (protocol === "ec2") return "Request limit exceeded.";
    if (ident.service === "s3") return "Please reduce your request rate.";
    return "Rate exceeded";
  }
  if (protocol === "ec2") return "An internal error has occurred";
  if (protocol === "query" || protocol === "rest-xml") {
    return "The request processing has failed because of an unknown error, exception or failure.";
  }
  return "Service Unavailable";
}

const xmlEscape = (s) =>
  String(s).replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]);

// Minimal CBOR encoder: maps with text keys and text/number/boolean values (enough for errors).
function cborHead(major, n) {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}
export function cborEncode(value) {
  if (typeof value === "string") {
    const s = Buffer.from(value, "utf8");
    return Buffer.concat([cborHead(3, s.length), s]);
  }
  if (typeof value === "boolean") return Buffer.from([value ? 0xf5 : 0xf4]);
  if (value == null) return Buffer.from([0xf6]);
  if (typeof value === "number" && Number.isInteger(value)) {
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    return Buffer.concat([cborHead(5, entries.length), ...entries.flatMap(([k, v]) => [cborEncode(k), cborEncode(v)])]);
  }
  throw new TypeError(`cborEncode: unsupported ${typeof value}`);
}

/**
 * Build the HTTP response for an error fault, shaped like real AWS for the request's protocol.
 * @returns {{ status: number, headers: Record<string,string>, body: Buffer, code: string, requestId: string }}
 */
export function buildFaultResponse(kind, ident, rule = {}) {
  const table = ERROR_TABLE[kind];
  if (!table) throw new Error(`not an error fault: ${kind}`);
  const protocol = ident.protocol;
  const key = ident.service === "s3" ? "s3" : protocol;
  let [code, status, type] = table[key] ?? table["rest-json"];
  let queryCode = table.queryCode;
  if (rule.code) code = queryCode = rule.code;
  if (rule.status) status = rule.status;
  const message = rule.message ?? defaultMessage(kind, protocol, ident);
  const requestId = randomUUID();
  const headers = { "x-amzn-RequestId": requestId, "x-amz-request-id": requestId, date: new Date().toUTCString() };
  let body;

  switch (protocol) {
    case "json":
      headers["Content-Type"] = "application/x-amz-json-1.1";
      headers["x-amzn-ErrorType"] = code;
      if (ident.queryCompatible) headers["x-amzn-query-error"] = `${queryCode};${type}`;
      body = Buffer.from(JSON.stringify({ __type: code, message }));
      break;
    case "cbor":
      headers["Content-Type"] = "application/cbor";
      headers["smithy-protocol"] = "rpc-v2-cbor";
      if (ident.queryCompatible) headers["x-amzn-query-error"] = `${queryCode};${type}`;
      body = cborEncode({ __type: code, message });
      break;
    case "query":
      headers["Content-Type"] = "text/xml";
      body = Buffer.from(
        `<ErrorResponse><Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code>` +
          `<Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
      break;
    case "ec2":
      headers["Content-Type"] = "text/xml;charset=UTF-8";
      body = Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlEscape(code)}</Code>` +
          `<Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      );
      break;
    case "rest-xml":
      headers["Content-Type"] = "application/xml";
      if (ident.service === "s3") {
        headers["x-amz-id-2"] = Buffer.from(requestId).toString("base64");
        body = Buffer.from(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message>` +
            `<RequestId>${requestId}</RequestId><HostId>${headers["x-amz-id-2"]}</HostId></Error>`,
        );
      } else {
        body = Buffer.from(
          `<?xml version="1.0"?>\n<ErrorResponse><Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code>` +
            `<Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        );
      }
      break;
    default: // rest-json
      headers["Content-Type"] = "application/json";
      headers["x-amzn-ErrorType"] = code;
      body = Buffer.from(JSON.stringify({ message }));
  }
  headers["Content-Length"] = String(body.length);
  return { status, headers, body, code, requestId };
}

/** Validate and normalise a rule posted to /_sandbox/faults. Throws with a readable message. */
export function normalizeRule(input, id) {
  if (!input || typeof input !== "object") throw new Error("fault rule must be a JSON object");
  const { service, operation, fault } = input;
  if (!FAULT_KINDS.includes(fault)) throw new Error(`fault must be one of ${FAULT_KINDS.join(", ")}`);
  let count = input.count ?? 1;
  if (!Number.isInteger(count) || (count < 1 && count !== -1)) {
    throw new Error("count must be a positive integer, or -1 for until cleared");
  }
  let svc = normalizeService(service);
  let op = operation == null ? undefined : String(operation);
  // Accept "ecs:CreateCluster" in `operation`.
  const colon = op ? /^([a-z0-9-]+):(.+)$/.exec(op) : null;
  if (colon) {
    svc ??= normalizeService(colon[1]);
    op = colon[2];
  }
  const rule = { id, service: svc, operation: op, fault, count };
  if (fault === "latency") {
    const ms = input.latencyMs ?? DEFAULT_LATENCY_MS;
    if (typeof ms !== "number" || !(ms >= 0)) throw new Error("latencyMs must be a non-negative number");
    rule.latencyMs = ms;
  }
  if (input.message != null) rule.message = String(input.message);
  if (input.code != null) rule.code = String(input.code);
  if (input.status != null) {
    if (!Number.isInteger(input.status) || input.status < 400 || input.status > 599) {
      throw new Error("status must be an HTTP error status (400–599)");
    }
    rule.status = input.status;
  }
  return rule;
}

export function ruleMatches(rule, ident) {
  if (rule.service && rule.service !== normalizeService(ident.service)) return false;
  if (rule.operation && rule.operation.toLowerCase() !== ident.operation.toLowerCase()) return false;
  return true;
}

/** In-memory rule list. `take(ident)` consumes counts at request arrival. */
export class FaultStore {
  #rules = [];
  #seq = 0;
  add(input) {
    const rule = normalizeRule(input, `f${++this.#seq}`);
    this.#rules.push(rule);
    return { ...rule };
  }
  list() {
    return this.#rules.map((r) => ({ ...r }));
  }
  remove(id) {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.id !== id);
    return this.#rules.length !== before;
  }
  clear() {
    this.#rules = [];
  }
  #consume(rule) {
    if (rule.count === -1) return;
    rule.count -= 1;
    if (rule.count <= 0) this.#rules = this.#rules.filter((r) => r !== rule);
  }
  /**
   * Every matching latency rule applies (the longest delay wins); then the first matching
   * error rule (throttle / server_error / access_denied) answers instead of moto.
   * @returns {{ latencyMs: number, error: object | null }}
   */
  take(ident) {
    let latencyMs = 0;
    let error = null;
    for (const rule of [...this.#rules]) {
      if (!ruleMatches(rule, ident)) continue;
      if (rule.fault === "latency") {
        latencyMs = Math.max(latencyMs, rule.latencyMs);
        this.#consume(rule);
      } else if (!error) {
        error = { ...rule };
        this.#consume(rule);
      }
    }
    return { latencyMs, error };
  }
}
