// Sandbox gateway: the single AWS endpoint Portside talks to in local development and tests.
//
// A reverse proxy in front of moto_server that
//   - names every AWS call (service:Operation) and counts it,
//   - injects faults shaped exactly like real AWS errors (throttle, 5xx, latency, access denied),
//   - guarantees an x-amzn-RequestId header on every response,
//   - serves a JSON control API under /_sandbox/.
// See sandbox/README.md.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { identifyRequest } from "./operations.mjs";
import { FaultStore, buildFaultResponse } from "./faults.mjs";
import { AppRunnerSandbox } from "./apprunner.mjs";
import { ExpressSandbox } from "./express.mjs";
import { EksSandbox } from "./eks.mjs";
import { EcsAgent } from "./runtime/ecs-agent.mjs";
import { Autoscaler } from "./runtime/autoscaler.mjs";
import { loadStoreFor } from "./runtime/metrics.mjs";
import { telemetriesFor, telemetrySettled } from "./runtime/telemetry.mjs";
import { seedFleet } from "./fleet.mjs";
import { cloudWatchHandles, handleCloudWatch } from "./cloudwatch.mjs";
import { EcrScans } from "./ecr.mjs";
import { EcrLifecyclePreviews } from "./ecr-lifecycle.mjs";
import { EcrPublicSandbox } from "./ecr-public.mjs";
import { EcrPullThroughRules } from "./ecr-pull-through.mjs";
import { EcrPulls } from "./ecr-pulls.mjs";
import { DefaultVpcs } from "./default-vpc.mjs";
import { guardDeleteSecurityGroup } from "./ec2-dependencies.mjs";
import { EventsSandbox } from "./events.mjs";
import { SnsSubscriptions } from "./sns-subscriptions.mjs";
import { Ec2Hosts } from "./ec2-hosts.mjs";
import { IamPropagation } from "./iam-propagation.mjs";
import { BeanstalkSandbox } from "./beanstalk.mjs";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "expect",
]);

/** In-memory call counters keyed "service:Operation". */
export class CallCounters {
  #calls = new Map();
  #byRegion = new Map();
  #faulted = new Map();
  #unimplemented = new Map();
  #total = 0;

  static #bump(map, key) {
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  record(ident) {
    const key = `${ident.service}:${ident.operation}`;
    this.#total += 1;
    CallCounters.#bump(this.#calls, key);
    let region = this.#byRegion.get(ident.region);
    if (!region) this.#byRegion.set(ident.region, (region = new Map()));
    CallCounters.#bump(region, key);
    return key;
  }
  markFaulted(key) {
    CallCounters.#bump(this.#faulted, key);
  }
  markUnimplemented(key) {
    CallCounters.#bump(this.#unimplemented, key);
  }
  get total() {
    return this.#total;
  }
  count(key) {
    return this.#calls.get(key) ?? 0;
  }
  snapshot() {
    const obj = (m) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      total: this.#total,
      calls: obj(this.#calls),
      byRegion: Object.fromEntries([...this.#byRegion].map(([r, m]) => [r, obj(m)])),
      faulted: obj(this.#faulted),
      unimplemented: obj(this.#unimplemented),
    };
  }
  reset() {
    this.#calls.clear();
    this.#byRegion.clear();
    this.#faulted.clear();
    this.#unimplemented.clear();
    this.#total = 0;
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Turn Node rawHeaders into an object keeping the original casing and repeated headers. */
function rawToObject(raw, { drop = HOP_BY_HOP } = {}) {
  const out = {};
  const seen = new Map(); // lowercase → key used in out
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    const lower = name.toLowerCase();
    if (drop.has(lower)) continue;
    const existing = seen.get(lower);
    if (existing === undefined) {
      seen.set(lower, name);
      out[name] = raw[i + 1];
    } else {
      out[existing] = [].concat(out[existing], raw[i + 1]);
    }
  }
  return out;
}

function sendJson(res, status, value, extraHeaders = {}) {
  const body = Buffer.from(JSON.stringify(value, null, 2) + "\n");
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": body.length, ...extraHeaders });
  res.end(body);
}

function sendEmulated(res, { status, headers, body }) {
  res.writeHead(status, headers);
  res.end(body);
}

/** moto answers operations it lacks with an HTML 500 (or an HTML 404 when no route matches at all). */
function isUnimplementedResponse(status, headers) {
  return (status >= 500 || status === 404) && String(headers["content-type"] ?? "").startsWith("text/html");
}

/**
 * Start the gateway.
 * @param {{ port?: number, host?: string, upstream: string, agent?: object }} options
 *   port 0/undefined = pick a free port; upstream = moto base URL, e.g. "http://127.0.0.1:5001";
 *   agent = initial ECS runtime agent settings (sandbox/runtime/ecs-agent.mjs AGENT_DEFAULTS).
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void>, counters: CallCounters, faults: FaultStore, server: http.Server, appRunner: AppRunnerSandbox, express: ExpressSandbox, eks: EksSandbox, ecsAgent: EcsAgent }>}
 */
export async function startGateway({ port = 0, host = "127.0.0.1", upstream, agent: agentSettings = {} } = {}) {
  if (!upstream) throw new Error("startGateway: `upstream` (moto base URL) is required");
  const up = new URL(upstream);
  const upstreamBase = up.origin;
  const counters = new CallCounters();
  const faults = new FaultStore();
  // moto (Werkzeug) answers "Connection: close"; don't try to reuse sockets.
  const agent = new http.Agent({ keepAlive: false, maxSockets: 256 });
  const pendingTimers = new AbortController();
  // Services moto lacks, served by the gateway itself (in-memory, cleared by POST /_sandbox/reset).
  const appRunner = new AppRunnerSandbox({ upstream: upstreamBase });
  const express = new ExpressSandbox({ upstream: upstreamBase, paceMs: () => appRunner.settings().paceMs });
  // EKS: moto's clusters, node groups and Fargate profiles with paced status, plus add-ons and updates.
  const eks = new EksSandbox({ upstream: upstreamBase });
  // ECS runtime: tasks, service counts, deployments and events (sandbox/runtime/ecs-agent.mjs).
  const ecsAgent = new EcsAgent({ upstream: upstreamBase, settings: agentSettings });
  // Auto scaling: alarms evaluated, policies and schedules applied, activities kept (sandbox/runtime/autoscaler.mjs).
  const autoscaler = new Autoscaler({ upstream: upstreamBase, agent: ecsAgent });
  // The default VPC public as on AWS (internet gateway, 0.0.0.0/0 in the main table); sandbox/default-vpc.mjs.
  const defaultVpcs = new DefaultVpcs({ upstream: upstreamBase });
  // ECR image scanning: scan on push, scan status in DescribeImages, findings (sandbox/ecr.mjs).
  const ecrScans = new EcrScans({ upstream: upstreamBase });
  // ECR lifecycle policy previews, evaluated over moto's images (sandbox/ecr-lifecycle.mjs).
  const ecrLifecycle = new EcrLifecyclePreviews({ upstream: upstreamBase });
  // ECR Public (us-east-1 only), pull-through cache rules, last-pulled times (sandbox/ecr-public.mjs, ecr-pull-through.mjs, ecr-pulls.mjs).
  const ecrPublic = new EcrPublicSandbox();
  const ecrPullThrough = new EcrPullThroughRules();
  const ecrPulls = new EcrPulls();
  ecsAgent.onTaskChange((region, task) => ecrPulls.taskChanged(region, task));
  // EventBridge delivery: S3 "Object Created" and PutEvents matched against rules, ECS targets run (sandbox/events.mjs).
  // E-mail subscriptions pending until confirmed, as on AWS (sandbox/sns-subscriptions.mjs).
  const snsSubscriptions = new SnsSubscriptions();
  const events = new EventsSandbox({ upstream: upstreamBase, agent: ecsAgent, subscriptions: snsSubscriptions });
  // EC2 Docker hosts: console output from user data, Run Command output, container logs (sandbox/ec2-hosts.mjs).
  const ec2Hosts = new Ec2Hosts({ upstream: upstreamBase });
  // IAM eventual consistency behind a switch (sandbox/iam-propagation.mjs).
  const iamPropagation = new IamPropagation();
  // Elastic Beanstalk, every action served here (moto's is too thin): sandbox/beanstalk.mjs.
  const beanstalk = new BeanstalkSandbox({ upstream: upstreamBase });

  async function upstreamFetch(path, init = {}) {
    return fetch(upstreamBase + path, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 10_000) });
  }

  function proxy(req, res, body, onUpstreamResponse, transformJson) {
    const headers = rawToObject(req.rawHeaders);
    const hadBody =
      body.length > 0 || req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined;
    if (hadBody) {
      for (const k of Object.keys(headers)) if (k.toLowerCase() === "content-length") delete headers[k];
      headers["Content-Length"] = String(body.length);
    }
    const upReq = http.request({
      protocol: up.protocol,
      hostname: up.hostname,
      port: up.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    });
    res.on("close", () => {
      if (!res.writableFinished) upReq.destroy();
    });
    upReq.on("error", (err) => {
      if (res.headersSent) return res.destroy(err);
      const requestId = randomUUID();
      sendJson(
        res,
        502,
        { __type: "SandboxUpstreamUnavailable", message: `sandbox gateway: moto at ${upstreamBase} unreachable: ${err.message}` },
        { "x-amzn-RequestId": requestId, "x-amzn-ErrorType": "SandboxUpstreamUnavailable" },
      );
    });
    upReq.on("response", (upRes) => {
      onUpstreamResponse?.(upRes);
      const outHeaders = rawToObject(upRes.rawHeaders);
      if (transformJson && upRes.statusCode === 200) {
        // Rewrite a JSON body (e.g. ECS DescribeServices gains resourceManagementType for Express services).
        readBody(upRes).then(
          async (buf) => {
            let out = buf;
            try {
              out = Buffer.from(JSON.stringify(await transformJson(JSON.parse(buf.toString("utf8")))));
            } catch {}
            for (const k of Object.keys(outHeaders)) if (k.toLowerCase() === "content-length") delete outHeaders[k];
            outHeaders["Content-Length"] = String(out.length);
            if (upRes.headers["x-amzn-requestid"] === undefined) outHeaders["x-amzn-RequestId"] = randomUUID();
            res.writeHead(upRes.statusCode, upRes.statusMessage, outHeaders);
            res.end(out);
          },
          (err) => res.destroy(err),
        );
        return;
      }
      const hasRequestId = upRes.headers["x-amzn-requestid"] !== undefined;
      const ct = String(upRes.headers["content-type"] ?? "");
      if (!hasRequestId && /xml/i.test(ct) && req.method !== "HEAD") {
        // Query/XML responses carry their request id in the body; expose the same one as a header.
        readBody(upRes).then(
          (buf) => {
            const m = /<Request(?:Id|ID)>([^<]+)<\/Request(?:Id|ID)>/.exec(buf.toString("utf8"));
            outHeaders["x-amzn-RequestId"] = m ? m[1] : upRes.headers["x-amz-request-id"] ?? randomUUID();
            for (const k of Object.keys(outHeaders)) if (k.toLowerCase() === "content-length") delete outHeaders[k];
            outHeaders["Content-Length"] = String(buf.length);
            res.writeHead(upRes.statusCode, upRes.statusMessage, outHeaders);
            res.end(buf);
          },
          (err) => res.destroy(err),
        );
        return;
      }
      if (!hasRequestId) outHeaders["x-amzn-RequestId"] = upRes.headers["x-amz-request-id"] ?? randomUUID();
      res.writeHead(upRes.statusCode, upRes.statusMessage, outHeaders);
      upRes.pipe(res);
    });
    upReq.end(body);
  }

  async function describeTargetHealth(req, body) {
    const headers = rawToObject(req.rawHeaders);
    for (const k of Object.keys(headers)) if (/^(content-length|host|connection|transfer-encoding)$/i.test(k)) delete headers[k];
    const r = await upstreamFetch(req.url ?? "/", { method: req.method, headers, body: body.length ? body : undefined });
    let text = await r.text();
    const params = new URLSearchParams(req.method === "GET" ? new URL(req.url ?? "/", "http://x").search : body.toString("utf8"));
    if (r.ok) text = ecsAgent.targets.overlay(text, params.get("TargetGroupArn") ?? "");
    const requestId = /<RequestId>([^<]+)<\/RequestId>/.exec(text)?.[1] ?? randomUUID();
    return { status: r.status, headers: { "Content-Type": r.headers.get("content-type") ?? "text/xml", "x-amzn-RequestId": requestId }, body: text };
  }

  /** Forward a call to moto and hold its whole answer, so sandbox/events.mjs can act on it. */
  async function forwardWatched(req, ident, body) {
    const headers = rawToObject(req.rawHeaders);
    for (const k of Object.keys(headers)) if (/^(content-length|host|connection|transfer-encoding)$/i.test(k)) delete headers[k];
    const r = await upstreamFetch(req.url ?? "/", { method: req.method, headers, body: body.length ? body : undefined });
    const text = await r.text();
    const replaced = snsSubscriptions.watches(ident) ? snsSubscriptions.after(ident, body, r.status, text) : events.after(ident, req, body, r.status, text);
    const out = Buffer.from(replaced ?? text);
    const outHeaders = {};
    r.headers.forEach((v, k) => {
      if (!/^(content-length|transfer-encoding|connection|content-encoding)$/i.test(k)) outHeaders[k] = v;
    });
    outHeaders["Content-Length"] = String(out.length);
    outHeaders["x-amzn-RequestId"] ??= r.headers.get("x-amzn-requestid") ?? r.headers.get("x-amz-request-id") ?? randomUUID();
    return { status: r.status, headers: outHeaders, body: out };
  }

  async function control(req, res, pathname) {
    const route = `${req.method} ${pathname.replace(/\/+$/, "") || "/"}`;
    const jsonBody = async () => {
      const raw = (await readBody(req)).toString("utf8").trim();
      return raw ? JSON.parse(raw) : {};
    };
    switch (route) {
      case "GET /_sandbox":
        return sendJson(res, 200, {
          upstream: upstreamBase,
          endpoints: [
            "GET /_sandbox/health",
            "GET /_sandbox/calls",
            "POST /_sandbox/calls/reset",
            "GET /_sandbox/faults",
            "POST /_sandbox/faults",
            "DELETE /_sandbox/faults",
            "DELETE /_sandbox/faults/{id}",
            "POST /_sandbox/reset",
            "GET /_sandbox/apprunner",
            "POST /_sandbox/apprunner",
            "GET /_sandbox/express",
            "GET /_sandbox/eks",
            "POST /_sandbox/eks",
            "GET /_sandbox/agent",
            "POST /_sandbox/agent",
            "POST /_sandbox/agent/sync",
            "GET /_sandbox/hooks",
            "GET /_sandbox/load",
            "POST /_sandbox/load",
            "POST /_sandbox/fleet",
            "GET /_sandbox/telemetry",
            "POST /_sandbox/telemetry",
            "GET /_sandbox/autoscaling",
            "POST /_sandbox/autoscaling",
            "GET /_sandbox/events",
            "GET /_sandbox/sns/outbox",
            "GET /_sandbox/sns/subscriptions",
            "POST /_sandbox/sns/confirm",
            "GET /_sandbox/beanstalk",
            "POST /_sandbox/beanstalk",
          ],
        });
      case "GET /_sandbox/health":
        try {
          const r = await upstreamFetch("/moto-api/", { timeoutMs: 3000 });
          await r.arrayBuffer();
          if (!r.ok) throw new Error(`moto answered HTTP ${r.status}`);
          return sendJson(res, 200, { ok: true, upstream: upstreamBase });
        } catch (err) {
          return sendJson(res, 503, { ok: false, upstream: upstreamBase, error: String(err?.message ?? err) });
        }
      case "GET /_sandbox/calls":
        return sendJson(res, 200, counters.snapshot());
      case "POST /_sandbox/calls/reset":
        counters.reset();
        return sendJson(res, 200, { ok: true });
      case "GET /_sandbox/faults":
        return sendJson(res, 200, { faults: faults.list() });
      case "POST /_sandbox/faults": {
        let rule;
        try {
          rule = faults.add(await jsonBody());
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
        return sendJson(res, 201, rule);
      }
      case "DELETE /_sandbox/faults":
        faults.clear();
        return sendJson(res, 200, { ok: true });
      case "POST /_sandbox/reset":
        // Forget the gateway-served services first and let their in-flight log writes land, so
        // nothing reaches moto after its reset.
        appRunner.reset();
        express.reset();
        eks.reset();
        ecsAgent.reset();
        autoscaler.reset();
        defaultVpcs.reset();
        ecrScans.reset();
        ecrLifecycle.reset();
        ecrPublic.reset();
        ecrPullThrough.reset();
        ecrPulls.reset();
        ec2Hosts.reset();
        iamPropagation.reset();
        beanstalk.reset();
        await events.settled();
        events.reset();
        snsSubscriptions.reset();
        await autoscaler.settled();
        await appRunner.settled();
        await ecsAgent.targets.settled(); // registrations already sent to moto
        await telemetrySettled(upstreamBase); // the agent's log/metric writes already sent
        try {
          const r = await upstreamFetch("/moto-api/reset", { method: "POST" });
          await r.arrayBuffer();
          if (!r.ok) throw new Error(`moto reset answered HTTP ${r.status}`);
        } catch (err) {
          return sendJson(res, 502, { ok: false, error: String(err?.message ?? err) });
        }
        counters.reset();
        faults.clear();
        loadStoreFor(upstreamBase).clear();
        return sendJson(res, 200, { ok: true });
      case "GET /_sandbox/apprunner":
        return sendJson(res, 200, appRunner.settings());
      case "POST /_sandbox/apprunner": {
        try {
          return sendJson(res, 200, appRunner.configure(await jsonBody()));
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
      }
      case "GET /_sandbox/express":
        return sendJson(res, 200, { services: express.list() });
      case "GET /_sandbox/agent":
        return sendJson(res, 200, ecsAgent.state());
      case "POST /_sandbox/agent": {
        try {
          ecsAgent.configure(await jsonBody());
          return sendJson(res, 200, ecsAgent.state());
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
      }
      case "GET /_sandbox/hooks":
        return sendJson(res, 200, { invocations: ecsAgent.hookInvocations() });
      case "POST /_sandbox/agent/sync":
        try {
          await ecsAgent.sweep();
        } catch (err) {
          return sendJson(res, 502, { error: String(err?.message ?? err) });
        }
        return sendJson(res, 200, ecsAgent.state());
      case "GET /_sandbox/eks":
        return sendJson(res, 200, eks.state());
      case "POST /_sandbox/eks": {
        try {
          return sendJson(res, 200, eks.configure(await jsonBody()));
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
      }
      case "GET /_sandbox/load":
        return sendJson(res, 200, { loads: loadStoreFor(upstreamBase).list() });
      case "POST /_sandbox/load": {
        // Telemetry (sandbox/runtime/telemetry.mjs) reads the same store: CPU/memory metrics and log rate go up.
        try {
          return sendJson(res, 200, loadStoreFor(upstreamBase).set(await jsonBody()));
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
      }
      case "GET /_sandbox/telemetry":
      case "POST /_sandbox/telemetry": {
        // The agent's log lines / metrics (sandbox/runtime/telemetry.mjs): settings and counters.
        const all = telemetriesFor(upstreamBase);
        if (!all.length) return sendJson(res, 404, { error: "no telemetry: the ECS runtime agent is not running" });
        if (req.method === "POST") {
          try {
            const next = await jsonBody();
            all[0].configure(next); // throws on bad input before any is changed
            for (const t of all.slice(1)) t.configure(next);
          } catch (err) {
            return sendJson(res, 400, { error: String(err?.message ?? err) });
          }
        }
        const { settings, ...stats } = all[0].stats();
        return sendJson(res, 200, { settings, stats });
      }
      case "GET /_sandbox/iam-propagation":
        return sendJson(res, 200, iamPropagation.state());
      case "POST /_sandbox/iam-propagation":
        try {
          return sendJson(res, 200, iamPropagation.configure(await jsonBody()));
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
      case "GET /_sandbox/events":
        return sendJson(res, 200, events.state());
      case "GET /_sandbox/sns/outbox":
        return sendJson(res, 200, events.outbox());
      case "GET /_sandbox/sns/subscriptions":
        return sendJson(res, 200, snsSubscriptions.state());
      case "POST /_sandbox/sns/confirm": {
        const confirmed = snsSubscriptions.confirm(await jsonBody());
        return sendJson(res, confirmed.length ? 200 : 404, { confirmed });
      }
      case "GET /_sandbox/beanstalk":
        return sendJson(res, 200, beanstalk.state());
      case "POST /_sandbox/beanstalk":
        try {
          beanstalk.configure(await jsonBody());
          return sendJson(res, 200, beanstalk.state());
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
      case "GET /_sandbox/autoscaling":
        return sendJson(res, 200, autoscaler.state());
      case "POST /_sandbox/autoscaling":
        try {
          autoscaler.configure(await jsonBody());
          return sendJson(res, 200, autoscaler.state());
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
      case "POST /_sandbox/fleet": {
        let input;
        try {
          input = await jsonBody();
        } catch (err) {
          return sendJson(res, 400, { error: String(err?.message ?? err) });
        }
        try {
          return sendJson(res, 200, await seedFleet(upstreamBase, input));
        } catch (err) {
          return sendJson(res, err?.code ? 502 : 400, { error: String(err?.message ?? err) });
        }
      }
    }
    const del = /^DELETE \/_sandbox\/faults\/([^/]+)$/.exec(route);
    if (del) {
      return faults.remove(decodeURIComponent(del[1]))
        ? sendJson(res, 200, { ok: true })
        : sendJson(res, 404, { error: `no fault rule ${del[1]}` });
    }
    return sendJson(res, 404, { error: `unknown sandbox control route: ${route}` });
  }

  async function handle(req, res) {
    const pathname = new URL(req.url ?? "/", "http://gateway.invalid").pathname;
    if (pathname === "/_sandbox" || pathname.startsWith("/_sandbox/")) return control(req, res, pathname);

    const body = await readBody(req);
    if (pathname === "/moto-api" || pathname.startsWith("/moto-api/") || req.method === "OPTIONS") {
      return proxy(req, res, body);
    }

    const ident = identifyRequest(req, body);
    const key = counters.record(ident);
    const { latencyMs, error } = faults.take(ident);
    if (latencyMs > 0) {
      try {
        await sleep(latencyMs, undefined, { signal: pendingTimers.signal });
      } catch {
        return res.destroy();
      }
    }
    if (error) {
      counters.markFaulted(key);
      const f = buildFaultResponse(error.fault, ident, error);
      res.writeHead(f.status, f.headers);
      return res.end(f.body);
    }
    await defaultVpcs.ensure(ident.region);
    if (ident.service === "apprunner") {
      // No App Runner endpoint in this region: fail like a connection to a host that doesn't exist.
      if (!appRunner.offeredIn(ident.region)) return res.destroy();
      return sendEmulated(res, await appRunner.handle(ident, body));
    }
    if (ident.service === "ecs" && express.handles(ident.operation)) {
      return sendEmulated(res, await express.handle(ident, body));
    }
    if (cloudWatchHandles(ident, req)) {
      // ListMetrics deduplicated, gzipped PutMetricData inflated, RPC v2 CBOR translated (sandbox/cloudwatch.mjs).
      return sendEmulated(res, await handleCloudWatch(upstreamBase, req, body, ident));
    }
    if (ident.service === "eks") {
      const answer = await eks.handle(req, ident, body);
      if (isUnimplementedResponse(answer.status, { "content-type": answer.headers["Content-Type"] })) counters.markUnimplemented(key);
      return sendEmulated(res, answer);
    }
    if (ecrScans.handles(ident)) return sendEmulated(res, await ecrScans.handle(ident, body));
    if (ecrLifecycle.handles(ident)) return sendEmulated(res, await ecrLifecycle.handle(ident, body));
    if (ecrPullThrough.handles(ident)) return sendEmulated(res, ecrPullThrough.handle(ident, body));
    if (ecrPublic.handles(ident)) {
      // ECR Public's API lives in us-east-1 only: elsewhere there is no host to connect to.
      if (!ecrPublic.offeredIn(ident.region)) return res.destroy();
      return sendEmulated(res, ecrPublic.handle(ident, body));
    }
    const notYetSeen = iamPropagation.check(ident, body);
    if (notYetSeen) return sendEmulated(res, notYetSeen);
    if (ec2Hosts.handles(ident)) return sendEmulated(res, await ec2Hosts.handle(req, ident, body));
    if (beanstalk.handles(ident)) {
      const answer = await beanstalk.handle(req, ident, body);
      if (answer.unimplemented) counters.markUnimplemented(key);
      return sendEmulated(res, answer);
    }
    if (ident.service === "s3" && beanstalk.servesLog(req)) return sendEmulated(res, beanstalk.serveLog(req));
    autoscaler.noteRegion(ident.region);
    if (autoscaler.handles(ident)) return sendEmulated(res, autoscaler.handle(ident, body));
    if (ident.service === "ecs" && ecsAgent.handles(ident.operation)) {
      return sendEmulated(res, await ecsAgent.handle(ident, body));
    }
    if (ident.service === "elasticloadbalancing" && ident.operation === "DescribeTargetHealth") {
      // moto calls every registered target healthy; the agent knows which tasks are starting or draining.
      return sendEmulated(res, await describeTargetHealth(req, body));
    }
    if (events.watches(ident) || snsSubscriptions.watches(ident)) return sendEmulated(res, await forwardWatched(req, ident, body));
    if (events.handles(ident)) return sendEmulated(res, events.putEvents(ident, body));
    const refused = await guardDeleteSecurityGroup(upstreamBase, ident, body);
    if (refused) {
      res.writeHead(refused.status, refused.headers);
      return res.end(refused.body);
    }
    let transform;
    if (ident.service === "ecs") {
      const expressT = express.transformFor(ident.operation, body);
      const agentT = ecsAgent.transformFor(ident, body);
      transform = expressT && agentT ? async (data) => agentT(await expressT(data)) : (expressT ?? agentT);
    } else if (ident.service === "ecr") {
      const scansT = ecrScans.transformFor(ident, body);
      const pullsT = ecrPulls.transformFor(ident, body);
      transform = scansT && pullsT ? async (data) => pullsT(await scansT(data)) : (scansT ?? pullsT);
    }
    proxy(
      req,
      res,
      body,
      (upRes) => {
        if (isUnimplementedResponse(upRes.statusCode, upRes.headers)) counters.markUnimplemented(key);
        // Once moto holds a changed rule or target, the next event reads the rules again.
        if (ident.service === "events") events.rulesChanged();
      },
      transform,
    );
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { error: `sandbox gateway: ${err?.message ?? err}` });
      else res.destroy(err);
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${actualPort}`;

  let stopped = null;
  function stop() {
    stopped ??= new Promise((resolve) => {
      pendingTimers.abort();
      appRunner.close();
      express.close();
      eks.close();
      ecsAgent.close();
      autoscaler.close();
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    });
    return stopped;
  }

  return { url, port: actualPort, stop, counters, faults, server, appRunner, express, eks, ecsAgent, autoscaler, events, beanstalk };
}
