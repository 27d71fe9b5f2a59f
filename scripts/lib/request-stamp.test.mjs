import http from "node:http";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { normaliseAddress, parseTrustedProxies, stampFor, stampRequest } = require("./request-stamp.cjs");

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies(" 10.0.0.5, ::ffff:10.0.0.6 ");

function request(headers, remoteAddress, encrypted = false) {
  const rawHeaders = Object.entries(headers).flatMap(([k, v]) => [k.replace(/^x/, "X"), v]);
  return { headers: { ...headers }, rawHeaders, socket: { remoteAddress, encrypted } };
}

describe("request stamp", () => {
  it("normalises IPv4-mapped IPv6 addresses", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("::1")).toBe("::1");
    expect(["10.0.0.5", "10.0.0.6", "::ffff:10.0.0.6", "10.0.0.7"].map((a) => proxies.has(a))).toEqual([true, true, true, false]);
  });

  it("trusts CIDR ranges (a load balancer's subnets) and ignores malformed entries", () => {
    const subnets = parseTrustedProxies("10.0.0.0/24, 2001:db8::/32, 10.1.0.0/33, nonsense/8, 192.168.1.1");
    expect(["10.0.0.1", "::ffff:10.0.0.254", "2001:db8::1", "192.168.1.1"].every((a) => subnets.has(a))).toBe(true);
    expect(["10.0.1.1", "10.1.0.1", "2001:db9::1", "", "nonsense"].some((a) => subnets.has(a))).toBe(false);
  });

  it("a direct client's forged stamp and forwarded headers are dropped; the socket decides", () => {
    const req = request(
      {
        host: "panel",
        "x-portside-client-ip": "1.2.3.4",
        "x-portside-proto": "https",
        "x-forwarded-for": "1.2.3.4",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "evil.example",
      },
      "::ffff:192.168.1.9",
    );
    stampRequest(req, none);
    expect(req.headers).toEqual({ host: "panel", "x-portside-client-ip": "192.168.1.9", "x-portside-proto": "http" });
    expect(req.rawHeaders).toEqual(["host", "panel", "x-portside-client-ip", "192.168.1.9", "x-portside-proto", "http"]);
  });

  it("a TLS socket is https", () => {
    expect(stampFor({ headers: {}, remoteAddress: "127.0.0.1", encrypted: true, trustedProxies: none })).toEqual({
      clientIp: "127.0.0.1",
      proto: "https",
      trustedPeer: false,
    });
  });

  it("behind a trusted proxy: the right-most untrusted X-Forwarded-For hop and X-Forwarded-Proto", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.6", "x-forwarded-proto": "https" };
    expect(stampFor({ headers, remoteAddress: "::ffff:10.0.0.5", encrypted: false, trustedProxies: proxies })).toEqual({
      clientIp: "203.0.113.7",
      proto: "https",
      trustedPeer: true,
    });
  });

  it("a trusted proxy keeps its forwarded headers, a forged stamp is still dropped", () => {
    const req = request(
      { "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https", "x-forwarded-host": "panel.example", "x-portside-client-ip": "1.1.1.1" },
      "10.0.0.5",
    );
    stampRequest(req, proxies);
    expect(req.headers).toMatchObject({
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-host": "panel.example",
      "x-portside-client-ip": "203.0.113.7",
      "x-portside-proto": "https",
    });
    expect(req.rawHeaders.filter((h) => /portside/i.test(h))).toEqual(["x-portside-client-ip", "x-portside-proto"]);
  });

  it("a trusted proxy without forwarded headers: its own address, the socket's scheme", () => {
    const s = stampFor({ headers: { "x-forwarded-proto": "gopher" }, remoteAddress: "10.0.0.5", encrypted: false, trustedProxies: proxies });
    expect(s).toEqual({ clientIp: "10.0.0.5", proto: "http", trustedPeer: true });
  });

  it("only trusted hops in X-Forwarded-For: the left-most one", () => {
    const s = stampFor({ headers: { "x-forwarded-for": "10.0.0.6, 10.0.0.5" }, remoteAddress: "10.0.0.5", encrypted: false, trustedProxies: proxies });
    expect(s.clientIp).toBe("10.0.0.6");
  });

  it("install() stamps requests of a real http server", async () => {
    const { install } = require("./request-stamp.cjs");
    install(none);
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address();
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-portside-proto": "https", "x-forwarded-proto": "https" } });
      const seen = await res.json();
      expect(seen["x-portside-proto"]).toBe("http");
      expect(seen["x-portside-client-ip"]).toBe("127.0.0.1");
      expect(seen["x-forwarded-proto"]).toBeUndefined();
    } finally {
      server.close();
    }
  });
});

describe("parseTrustedProxies on any text", () => {
  it("ends quickly with a checker that answers for any address", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.string({ maxLength: 60 }), (value, address) => {
        const started = performance.now();
        const trusted = parseTrustedProxies(value);
        expect(typeof trusted.has(address)).toBe("boolean");
        expect(performance.now() - started).toBeLessThan(100);
      }),
      { numRuns: 300 },
    );
  });
});

describe("bodyRefusal: what is answered before Next reads a body", () => {
  const { bodyRefusal, BODY_LIMIT } = require("./request-stamp.cjs");
  const post = (headers, url = "/clusters") => bodyRefusal({ method: "POST", url, headers });

  it("passes reads, small bodies and empty ones", () => {
    expect(bodyRefusal({ method: "GET", url: "/", headers: { "content-length": "999999999" } })).toBeNull();
    expect(post({ "content-length": "1200" })).toBeNull();
    expect(post({ "content-length": String(BODY_LIMIT) })).toBeNull();
    expect(post({})).toBeNull();
  });

  it("refuses a body announced above the limit, or an announcement that is not a byte count", () => {
    expect(post({ "content-length": String(BODY_LIMIT + 1) })).toMatchObject({ status: 413 });
    expect(post({ "content-length": "8388608" })).toMatchObject({ status: 413 });
    expect(post({ "content-length": "1e9" })).toMatchObject({ status: 413 });
    expect(post({ "content-length": "99999999999999999999" })).toMatchObject({ status: 413 });
  });

  it("passes a chunked body on, for Next to buffer no more than the same limit of it", async () => {
    expect(post({ "transfer-encoding": "chunked" })).toBeNull();
    const config = (await import("../../next.config.ts")).default;
    expect(config.experimental?.proxyClientMaxBodySize).toBe(BODY_LIMIT);
  });

  it("leaves the bundle upload route, which checks the session first, to bound its own body", () => {
    expect(post({ "content-length": "5242880" }, "/api/beanstalk/bundles?name=app.zip")).toBeNull();
    expect(post({ "transfer-encoding": "chunked" }, "/api/beanstalk/bundles")).toBeNull();
    expect(post({ "content-length": "5242880" }, "/api/beanstalk/bundles/x")).toMatchObject({ status: 413 });
  });

  it("answers any headers without throwing", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 300 }), fc.option(fc.string({ maxLength: 40 })), fc.option(fc.string({ maxLength: 40 })), (method, url, length, te) => {
        const headers = {};
        if (length !== null) headers["content-length"] = length;
        if (te !== null) headers["transfer-encoding"] = te;
        const r = bodyRefusal({ method, url, headers });
        expect(r === null || r.status === 413).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("a real server answers 413 at once and never reads the body", async () => {
    const { install } = require("./request-stamp.cjs");
    install(parseTrustedProxies(""));
    let handled = 0;
    const server = http.createServer((req, res) => {
      handled += 1;
      res.end("ok");
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address();
      // Announce 8 MB and send none of it: the answer must come without waiting for the body.
      const answer = await new Promise((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/login", headers: { "content-length": 8 * 1024 * 1024 } }, (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode, text }));
        });
        req.on("error", reject);
        req.flushHeaders();
      });
      expect(answer.status).toBe(413);
      expect(handled).toBe(0);
      const small = await fetch(`http://127.0.0.1:${port}/login`, { method: "POST", body: "a=1" });
      expect(small.status).toBe(200);
      expect(handled).toBe(1);
    } finally {
      server.close();
    }
  });
});
