// CloudWatch in the sandbox gateway: corrections to what moto 5.2.1 answers.
//
// The SDK the panel uses (@aws-sdk/client-cloudwatch 3.1162) speaks AWS JSON 1.0 with
// awsQueryCompatible (X-Amz-Target: GraniteServiceVersion20100801.<Op>), which moto serves as is:
// GetMetricData, GetMetricStatistics, PutMetricData, DescribeAlarms, PutMetricAlarm, DeleteAlarms and
// SetAlarmState pass straight through. One answer is wrong and is corrected here:
//
// - ListMetrics: moto lists one entry per stored datapoint for metrics with two or more dimensions
//   (its duplicate check compares every dimension with every other one, so it never matches), and
//   pages those duplicates 500 at a time. AWS lists each metric once. The gateway reads all of moto's
//   pages, keeps one entry per namespace + name + dimension set, and pages that list itself (500 per
//   page, as AWS does).
// - PutMetricData: the SDK gzips request bodies over 10 KiB (Content-Encoding: gzip, as CloudWatch
//   accepts); moto cannot read them and answers an HTML 500. The gateway inflates the body and passes
//   the call on.
import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";

const TARGET = "GraniteServiceVersion20100801";
const PAGE = 500;

/** Does the gateway answer this CloudWatch call itself (instead of proxying it to moto)? */
export function cloudWatchHandles(ident, req) {
  if (ident.service !== "monitoring" || ident.protocol !== "json") return false;
  if (ident.operation === "ListMetrics") return true;
  return /gzip/i.test(String(req?.headers?.["content-encoding"] ?? ""));
}

const PASS_HEADERS = ["content-type", "x-amz-target", "x-amzn-query-mode", "authorization", "x-amz-date"];

async function forward(upstream, req, body) {
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

const metricKey = (m) =>
  [
    m.Namespace,
    m.MetricName,
    ...(m.Dimensions ?? [])
      .map((d) => `${d.Name}=${d.Value}`)
      .sort(),
  ].join("\u0000");

function json(status, value, extra = {}) {
  const body = Buffer.from(JSON.stringify(value));
  return {
    status,
    headers: {
      "Content-Type": "application/x-amz-json-1.0",
      "Content-Length": String(body.length),
      "x-amzn-RequestId": randomUUID(),
      ...extra,
    },
    body,
  };
}

function invalidToken() {
  return json(
    400,
    { __type: "com.amazonaws.cloudwatch#InvalidParameterValueException", message: "Request parameter NextToken is invalid" },
    { "x-amzn-query-error": "InvalidParameterValue;Sender", "x-amzn-ErrorType": "InvalidParameterValue" },
  );
}

/**
 * Answer a CloudWatch call `cloudWatchHandles` accepted.
 * @param {string} upstream moto base URL
 * @param {{ headers: Record<string, any> }} req the incoming request (its Authorization is passed on for the region)
 * @param {Buffer} body
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: Buffer }>}
 */
export async function handleCloudWatch(upstream, req, body) {
  if (/gzip/i.test(String(req.headers["content-encoding"] ?? ""))) {
    try {
      body = gunzipSync(body);
    } catch {
      return json(400, { __type: "SerializationException", message: "Request body is not valid gzip" });
    }
  }
  const target = String(req.headers["x-amz-target"] ?? "");
  if (!target.endsWith(".ListMetrics")) return forward(upstream, req, body);
  let input;
  try {
    input = body.length ? JSON.parse(body.toString("utf8")) : {};
  } catch {
    return json(400, { __type: "SerializationException", message: "Request body is not valid JSON" });
  }
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
  const headers = {
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Target": `${TARGET}.ListMetrics`,
    "x-amzn-query-mode": "true",
  };
  if (req.headers.authorization) headers.Authorization = req.headers.authorization;

  const seen = new Set();
  const metrics = [];
  let token;
  for (let page = 0; page < 10_000; page++) {
    const res = await fetch(upstream + "/", {
      method: "POST",
      headers,
      body: JSON.stringify(token ? { ...query, NextToken: token } : query),
      signal: AbortSignal.timeout(30_000),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    if (!res.ok) {
      // moto's own error, passed on unchanged.
      const out = { "Content-Length": String(buf.length) };
      for (const [k, v] of res.headers) if (!["content-length", "connection", "transfer-encoding"].includes(k)) out[k] = v;
      if (!res.headers.has("x-amzn-requestid")) out["x-amzn-RequestId"] = randomUUID();
      return { status: res.status, headers: out, body: buf };
    }
    const data = JSON.parse(buf.toString("utf8") || "{}");
    for (const m of data.Metrics ?? []) {
      const k = metricKey(m);
      if (seen.has(k)) continue;
      seen.add(k);
      metrics.push(m);
    }
    token = data.NextToken;
    if (!token) break;
  }
  if (offset > metrics.length) return invalidToken();
  const pageItems = metrics.slice(offset, offset + PAGE);
  const out = { Metrics: pageItems };
  if (offset + PAGE < metrics.length) out.NextToken = Buffer.from(JSON.stringify({ o: offset + PAGE })).toString("base64url");
  return json(200, out);
}
