// CloudWatch in the sandbox gateway: corrections to what moto 5.2.1 answers, and RPC v2 CBOR.
//
// The SDK the panel uses (@aws-sdk/client-cloudwatch 3.1162) speaks AWS JSON 1.0 with
// awsQueryCompatible (X-Amz-Target: GraniteServiceVersion20100801.<Op>), which moto serves as is:
// GetMetricData, GetMetricStatistics, PutMetricData, DescribeAlarms, PutMetricAlarm, DeleteAlarms and
// SetAlarmState pass straight through. Corrected here:
//
// - ListMetrics: moto lists one entry per stored datapoint for metrics with two or more dimensions
//   (its duplicate check compares every dimension with every other one, so it never matches), and
//   pages those duplicates 500 at a time. AWS lists each metric once. The gateway reads all of moto's
//   pages, keeps one entry per namespace + name + dimension set, and pages that list itself (500 per
//   page, as AWS does).
// - PutMetricData: the SDK gzips request bodies over 10 KiB (Content-Encoding: gzip, as CloudWatch
//   accepts); moto cannot read them and answers an HTML 500. The gateway inflates the body and passes
//   the call on.
// - Smithy RPC v2 CBOR (POST /service/GraniteServiceVersion20100801/operation/<Op>, what some SDK
//   versions send): moto has no such route (HTML 404). The gateway decodes the CBOR, asks moto over
//   JSON 1.0 and encodes the answer (or error) back to CBOR, timestamps as CBOR tag 1.
import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";

const TARGET = "GraniteServiceVersion20100801";
const PAGE = 500;

/** Does the gateway answer this CloudWatch call itself (instead of proxying it to moto)? */
export function cloudWatchHandles(ident, req) {
  if (ident.service !== "monitoring") return false;
  if (ident.protocol === "cbor") return true;
  if (ident.protocol !== "json") return false;
  if (ident.operation === "ListMetrics") return true;
  return /gzip/i.test(String(req?.headers?.["content-encoding"] ?? ""));
}

// ---------------------------------------------------------------------------------------------
// CBOR (RFC 8949): what Smithy RPC v2 uses. Maps, arrays, text, bytes, integers, floats, booleans,
// null, and tag 1 (epoch-seconds timestamps).

export class CborTag {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
}

/** Decode one CBOR item. Tag 1 becomes its number (epoch seconds); byte strings become Buffers. */
export function cborDecode(buf) {
  let pos = 0;
  const need = (n) => {
    if (pos + n > buf.length) throw new Error("CBOR: truncated");
  };
  function arg(ai) {
    if (ai < 24) return ai;
    if (ai === 24) return need(1), buf[pos++];
    if (ai === 25) return need(2), (pos += 2), buf.readUInt16BE(pos - 2);
    if (ai === 26) return need(4), (pos += 4), buf.readUInt32BE(pos - 4);
    if (ai === 27) return need(8), (pos += 8), Number(buf.readBigUInt64BE(pos - 8));
    if (ai === 31) return -1; // indefinite length
    throw new Error(`CBOR: bad additional info ${ai}`);
  }
  function item() {
    need(1);
    const ib = buf[pos++];
    const major = ib >> 5;
    const ai = ib & 31;
    if (major === 7) {
      if (ai === 20) return false;
      if (ai === 21) return true;
      if (ai === 22 || ai === 23) return null;
      if (ai === 25) {
        need(2);
        pos += 2;
        const h = buf.readUInt16BE(pos - 2);
        const exp = (h >> 10) & 0x1f;
        const mant = h & 0x3ff;
        const sign = h & 0x8000 ? -1 : 1;
        if (exp === 0) return sign * mant * 2 ** -24;
        if (exp === 31) return mant ? NaN : sign * Infinity;
        return sign * (1 + mant / 1024) * 2 ** (exp - 15);
      }
      if (ai === 26) return need(4), (pos += 4), buf.readFloatBE(pos - 4);
      if (ai === 27) return need(8), (pos += 8), buf.readDoubleBE(pos - 8);
      if (ai === 31) throw new Error("CBOR: unexpected break");
      return null;
    }
    const n = arg(ai);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
      case 3: {
        let bytes;
        if (n === -1) {
          const parts = [];
          while (buf[pos] !== 0xff) parts.push(Buffer.from(item(), major === 3 ? "utf8" : undefined));
          pos++;
          bytes = Buffer.concat(parts);
        } else {
          need(n);
          bytes = buf.subarray(pos, (pos += n));
        }
        return major === 3 ? bytes.toString("utf8") : Buffer.from(bytes);
      }
      case 4: {
        const out = [];
        if (n === -1) {
          while (buf[pos] !== 0xff) out.push(item());
          pos++;
        } else for (let i = 0; i < n; i++) out.push(item());
        return out;
      }
      case 5: {
        const out = {};
        const one = () => {
          const k = item();
          out[String(k)] = item();
        };
        if (n === -1) {
          while (buf[pos] !== 0xff) one();
          pos++;
        } else for (let i = 0; i < n; i++) one();
        return out;
      }
      case 6:
        return item(); // tag 1 (timestamp): its epoch-seconds number is what JSON 1.0 sends too
    }
    throw new Error(`CBOR: bad major type ${major}`);
  }
  if (buf.length === 0) return {};
  const v = item();
  if (pos !== buf.length) throw new Error("CBOR: trailing bytes");
  return v;
}

function head(major, n) {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  if (n < 0x100000000) {
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = (major << 5) | 27;
  b.writeBigUInt64BE(BigInt(n), 1);
  return b;
}

/** Encode a value; `CborTag` and `Date` (tag 1) become tagged items; undefined members are left out. */
export function cborEncode(value) {
  if (value instanceof CborTag) return Buffer.concat([head(6, value.tag), cborEncode(value.value)]);
  if (value instanceof Date) return cborEncode(new CborTag(1, value.getTime() / 1000));
  if (typeof value === "string") {
    const s = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, s.length), s]);
  }
  if (typeof value === "boolean") return Buffer.from([value ? 0xf5 : 0xf4]);
  if (value === null || value === undefined) return Buffer.from([0xf6]);
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return value >= 0 ? head(0, value) : head(1, -1 - value);
    const b = Buffer.alloc(9);
    b[0] = 0xfb;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cborEncode)]);
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cborEncode(k), cborEncode(v)])]);
  }
  throw new TypeError(`cborEncode: unsupported ${typeof value}`);
}

// Timestamp members of CloudWatch outputs: JSON 1.0 numbers (or strings) → CBOR tag 1.
const TIMESTAMP_KEYS = new Set([
  "Timestamp",
  "Timestamps",
  "StateUpdatedTimestamp",
  "StateTransitionedTimestamp",
  "AlarmConfigurationUpdatedTimestamp",
  "LastModified",
  "StartTime",
  "EndTime",
  "ExpectedTimestamp",
]);
const toTag = (v) => {
  const seconds = typeof v === "number" ? v : typeof v === "string" ? Date.parse(v) / 1000 : NaN;
  return Number.isFinite(seconds) ? new CborTag(1, seconds) : v;
};
function tagTimestamps(value, key) {
  if (Array.isArray(value)) return key && TIMESTAMP_KEYS.has(key) ? value.map(toTag) : value.map((v) => tagTimestamps(v));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = TIMESTAMP_KEYS.has(k) && !Array.isArray(v) ? toTag(v) : tagTimestamps(v, k);
    return out;
  }
  return value;
}
/** CBOR byte strings (blobs) go to JSON as base64, as JSON 1.0 sends them. */
function blobsToBase64(value) {
  if (Buffer.isBuffer(value)) return value.toString("base64");
  if (Array.isArray(value)) return value.map(blobsToBase64);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blobsToBase64(v)]));
  return value;
}

// ---------------------------------------------------------------------------------------------

const PASS_HEADERS = ["content-type", "x-amz-target", "x-amzn-query-mode", "authorization", "x-amz-date"];

async function forwardRaw(upstream, req, body) {
  const headers = {};
  for (const h of PASS_HEADERS) if (req.headers[h] !== undefined) headers[h] = String(req.headers[h]);
  const res = await fetch(upstream + "/", { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
  const buf = Buffer.from(await res.arrayBuffer());
  const out = {};
  for (const [k, v] of res.headers) if (!["content-length", "connection", "transfer-encoding", "content-encoding"].includes(k)) out[k] = v;
  out["Content-Length"] = String(buf.length);
  if (!res.headers.has("x-amzn-requestid")) out["x-amzn-RequestId"] = randomUUID();
  return { status: res.status, headers: out, body: buf };
}

/** Call moto over JSON 1.0: → { status, data, headers } (data = parsed body, or { message } for non-JSON). */
async function motoJson(upstream, operation, input, authorization) {
  const headers = {
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Target": `${TARGET}.${operation}`,
    "x-amzn-query-mode": "true",
  };
  if (authorization) headers.Authorization = authorization;
  const res = await fetch(upstream + "/", { method: "POST", headers, body: JSON.stringify(input), signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = { __type: "InternalFailure", message: `moto answered HTTP ${res.status} for ${operation}` };
  }
  return { status: res.status, data, headers: res.headers };
}

const metricKey = (m) =>
  [
    m.Namespace,
    m.MetricName,
    ...(m.Dimensions ?? [])
      .map((d) => `${d.Name}=${d.Value}`)
      .sort(),
  ].join("\u0000");

const invalidToken = () => ({
  status: 400,
  data: { __type: "com.amazonaws.cloudwatch#InvalidParameterValueException", message: "Request parameter NextToken is invalid" },
  queryError: "InvalidParameterValue;Sender",
});

/** ListMetrics with one entry per metric: → { status, data, queryError? } */
async function listMetrics(upstream, input, authorization) {
  let offset = 0;
  if (input.NextToken !== undefined) {
    try {
      offset = JSON.parse(Buffer.from(String(input.NextToken), "base64url").toString("utf8")).o;
    } catch {
      return invalidToken();
    }
    if (!Number.isInteger(offset) || offset < 0) return invalidToken();
  }
  const { NextToken: _ignored, ...query } = input;
  const seen = new Set();
  const metrics = [];
  let token;
  for (let page = 0; page < 10_000; page++) {
    const r = await motoJson(upstream, "ListMetrics", token ? { ...query, NextToken: token } : query, authorization);
    if (r.status !== 200) return { status: r.status, data: r.data, queryError: r.headers.get("x-amzn-query-error") ?? undefined };
    for (const m of r.data.Metrics ?? []) {
      const k = metricKey(m);
      if (seen.has(k)) continue;
      seen.add(k);
      metrics.push(m);
    }
    token = r.data.NextToken;
    if (!token) break;
  }
  if (offset > metrics.length) return invalidToken();
  const out = { Metrics: metrics.slice(offset, offset + PAGE) };
  if (offset + PAGE < metrics.length) out.NextToken = Buffer.from(JSON.stringify({ o: offset + PAGE })).toString("base64url");
  return { status: 200, data: out };
}

function respond(cbor, { status, data, queryError }) {
  const requestId = randomUUID();
  const headers = { "x-amzn-RequestId": requestId };
  let body;
  if (status >= 300) {
    const code = String(data.__type ?? "InternalFailure").split("#").pop();
    data = { __type: `com.amazonaws.cloudwatch#${code}`, message: data.message ?? data.Message ?? code };
    if (queryError) headers["x-amzn-query-error"] = queryError;
    headers["x-amzn-ErrorType"] = code;
  }
  if (cbor) {
    headers["Content-Type"] = "application/cbor";
    headers["smithy-protocol"] = "rpc-v2-cbor";
    body = cborEncode(status >= 300 ? data : tagTimestamps(data));
  } else {
    headers["Content-Type"] = "application/x-amz-json-1.0";
    body = Buffer.from(JSON.stringify(data));
  }
  headers["Content-Length"] = String(body.length);
  return { status, headers, body };
}

/**
 * Answer a CloudWatch call `cloudWatchHandles` accepted.
 * @param {string} upstream moto base URL
 * @param {{ headers: Record<string, any> }} req the incoming request (its Authorization is passed on for the region)
 * @param {Buffer} body
 * @param {{ operation: string, protocol: string }} ident
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: Buffer }>}
 */
export async function handleCloudWatch(upstream, req, body, ident) {
  const cbor = ident?.protocol === "cbor";
  const operation = ident?.operation ?? String(req.headers["x-amz-target"] ?? "").split(".").pop();
  const bad = (message) => respond(cbor, { status: 400, data: { __type: "SerializationException", message } });
  if (/gzip/i.test(String(req.headers["content-encoding"] ?? ""))) {
    try {
      body = gunzipSync(body);
    } catch {
      return bad("Request body is not valid gzip");
    }
  }
  if (!cbor && operation !== "ListMetrics") return forwardRaw(upstream, req, body);

  let input;
  try {
    input = cbor ? blobsToBase64(cborDecode(body)) : body.length ? JSON.parse(body.toString("utf8")) : {};
  } catch (err) {
    return bad(`Request body is not valid ${cbor ? "CBOR" : "JSON"}: ${err.message}`);
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) return bad("Request body must be a structure");
  const authorization = req.headers.authorization;
  if (operation === "ListMetrics") return respond(cbor, await listMetrics(upstream, input, authorization));
  const r = await motoJson(upstream, operation, input, authorization);
  if (r.status === 404 && !r.headers.get("x-amzn-query-error") && !/json/.test(r.headers.get("content-type") ?? "")) {
    return respond(cbor, { status: 400, data: { __type: "UnknownOperationException", message: `moto does not serve CloudWatch ${operation}` } });
  }
  return respond(cbor, { status: r.status, data: r.data, queryError: r.headers.get("x-amzn-query-error") ?? undefined });
}
