// Preloaded into `next start` (NODE_OPTIONS=--require …, see scripts/start.mjs) so that a request
// whose body is too large to take from an unknown sender is refused before Next reads a byte of it
// (bodyRefusal), and every other request carries facts about the client that the client cannot
// forge: its address and whether it came over https (read by lib/core/security/request-info.ts).
// Before Next sees a request, any client-sent stamp is deleted; so are X-Forwarded-For/-Proto/-Host
// unless the socket's peer is a trusted proxy (PORTSIDE_TRUSTED_PROXIES, comma-separated addresses),
// because Next only fills them in when absent, which would let a direct client claim to be anyone
// over https.
"use strict";
const http = require("node:http");
const https = require("node:https");
const net = require("node:net");

const CLIENT_IP = "x-portside-client-ip";
const PROTO = "x-portside-proto";
const FORWARDED = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"];

/** `::ffff:127.0.0.1` → `127.0.0.1`; anything else as given, trimmed. */
function normaliseAddress(address) {
  const a = String(address ?? "").trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/**
 * PORTSIDE_TRUSTED_PROXIES: addresses and CIDR ranges (an ALB's nodes change address within its
 * subnets: give the subnets, e.g. `10.0.0.0/24,10.0.1.0/24`). Anything else is ignored.
 * @returns {{ has(address: string): boolean }}
 */
function parseTrustedProxies(value) {
  const exact = new Set();
  const ranges = new net.BlockList();
  for (const entry of String(value ?? "").split(",").map((e) => e.trim()).filter(Boolean).slice(0, 256)) {
    const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
    if (!cidr) {
      exact.add(normaliseAddress(entry));
      continue;
    }
    const family = net.isIPv4(cidr[1]) ? "ipv4" : net.isIPv6(cidr[1]) ? "ipv6" : null;
    const prefix = Number(cidr[2]);
    if (family && prefix <= (family === "ipv4" ? 32 : 128)) ranges.addSubnet(cidr[1], prefix, family);
  }
  return {
    has(address) {
      const a = normaliseAddress(address);
      if (exact.has(a)) return true;
      const family = net.isIPv4(a) ? "ipv4" : net.isIPv6(a) ? "ipv6" : null;
      return family !== null && ranges.check(a, family);
    },
  };
}

function listOf(value) {
  const joined = Array.isArray(value) ? value.join(",") : String(value ?? "");
  return joined.split(",").map((v) => v.trim()).filter(Boolean);
}

/**
 * The client address and scheme for a request that arrived on a socket from `remoteAddress`
 * (TLS iff `encrypted`), given its headers (Node's lower-cased `req.headers`).
 * @returns {{ clientIp: string, proto: "http" | "https", trustedPeer: boolean }}
 */
function stampFor({ headers, remoteAddress, encrypted, trustedProxies }) {
  const peer = normaliseAddress(remoteAddress);
  const socketProto = encrypted ? "https" : "http";
  if (!trustedProxies.has(peer)) return { clientIp: peer, proto: socketProto, trustedPeer: false };
  // The right-most X-Forwarded-For entry not added by one of our proxies is the client our
  // outermost proxy saw; entries further left were written by the client and prove nothing.
  const hops = listOf(headers["x-forwarded-for"]).map(normaliseAddress);
  let clientIp = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    clientIp = hops[i];
    if (!trustedProxies.has(hops[i])) break;
  }
  const protos = listOf(headers["x-forwarded-proto"]).map((p) => p.toLowerCase());
  const forwardedProto = protos[protos.length - 1];
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : socketProto;
  return { clientIp, proto, trustedPeer: true };
}

/** Rewrites `req.headers` and `req.rawHeaders` in place with the stamp for this request. */
function stampRequest(req, trustedProxies) {
  const socket = req.socket ?? {};
  const headers = req.headers;
  const { clientIp, proto, trustedPeer } = stampFor({
    headers,
    remoteAddress: socket.remoteAddress,
    encrypted: Boolean(socket.encrypted),
    trustedProxies,
  });
  const drop = new Set([CLIENT_IP, PROTO, ...(trustedPeer ? [] : FORWARDED)]);
  for (const name of drop) delete headers[name];
  headers[CLIENT_IP] = clientIp;
  headers[PROTO] = proto;
  // Keep rawHeaders consistent with headers: anything reading either sees the same request.
  if (Array.isArray(req.rawHeaders)) {
    const raw = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (!drop.has(String(req.rawHeaders[i]).toLowerCase())) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    raw.push(CLIENT_IP, clientIp, PROTO, proto);
    req.rawHeaders = raw;
  }
}

/**
 * The largest request body Portside takes before it knows who sent it: server actions (Next's
 * 1 MB limit, plus room for the multipart framing) and everything else. Without this, Next buffers
 * up to 10 MB of any request's body for proxy.ts before a session is looked at.
 */
const BODY_LIMIT = 1024 * 1024 + 64 * 1024;
/** Routes that check the session first and then bound the body themselves (the zip bundle upload). */
const OWN_BODY_LIMIT = new Set(["/api/beanstalk/bundles"]);

/**
 * Why a request is answered here without reading its body, or null to pass it on: a body announced
 * above BODY_LIMIT (413). A chunked body (no length: proxies may re-chunk what a browser sent with
 * one) passes, and Next buffers at most `experimental.proxyClientMaxBodySize` (next.config.ts, the
 * same limit) of it for proxy.ts.
 * @returns {{ status: 413, message: string } | null}
 */
function bodyRefusal({ method, url, headers }) {
  const verb = String(method ?? "GET").toUpperCase();
  if (verb === "GET" || verb === "HEAD" || verb === "OPTIONS") return null;
  if (OWN_BODY_LIMIT.has(String(url ?? "").split("?")[0])) return null;
  const announced = headers["content-length"];
  if (announced === undefined) return null;
  const length = /^\d{1,16}$/.test(String(announced).trim()) ? Number(String(announced).trim()) : NaN;
  if (!(length <= BODY_LIMIT)) return { status: 413, message: `Requests to Portside are at most ${BODY_LIMIT} bytes.` };
  return null;
}

/** Answers a refused request at once and closes the connection, so its body is never read. */
function refuse(res, { status, message }) {
  res.shouldKeepAlive = false;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", connection: "close" });
  res.end(message);
}

function install(trustedProxies = parseTrustedProxies(process.env.PORTSIDE_TRUSTED_PROXIES)) {
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    if (emit.__portsideStamp) continue;
    const patched = function (event, req, ...rest) {
      if (event === "request" && req) {
        const refusal = bodyRefusal(req);
        if (refusal && rest[0]) {
          refuse(rest[0], refusal);
          return true;
        }
        stampRequest(req, trustedProxies);
      }
      return emit.call(this, event, req, ...rest);
    };
    patched.__portsideStamp = true;
    Server.prototype.emit = patched;
  }
}

module.exports = { normaliseAddress, parseTrustedProxies, stampFor, stampRequest, bodyRefusal, install, BODY_LIMIT, CLIENT_IP, PROTO };

// Preloaded with --require: install at once. Imported by a unit test: leave its servers alone.
if (!process.env.VITEST) install();
