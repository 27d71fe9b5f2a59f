// End-to-end tests of the sandbox: real moto_server, the gateway, and AWS SDK v3 clients.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CreateClusterCommand,
  DescribeClustersCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesByNamespaceCommand,
} from "@aws-sdk/client-ecs";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig, rejection } from "./test-support.mjs";
import { clearFaults, injectFault, listFaults, resetSandbox, sandboxCalls, sandboxHealth } from "./client.mjs";
import { identifyRequest } from "./operations.mjs";
import { buildFaultResponse, cborEncode } from "./faults.mjs";
import { cborDecode } from "./cloudwatch.mjs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.skipIf(!hasMoto)("sandbox gateway with moto", () => {
  let sandbox;
  let endpoint;
  let ecs;
  let sts;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false });
    endpoint = sandbox.endpoint;
    ecs = new ECSClient(clientConfig(endpoint));
    sts = new STSClient(clientConfig(endpoint));
  }, 60_000);

  afterAll(async () => {
    ecs?.destroy();
    sts?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(endpoint);
  });

  it("reports health", async () => {
    expect(await sandboxHealth(endpoint)).toEqual({ ok: true, upstream: sandbox.motoUrl });
  });

  it("proxies ECS and STS calls and counts them per service:Operation", async () => {
    const created = await ecs.send(new CreateClusterCommand({ clusterName: "demo" }));
    expect(created.cluster.clusterName).toBe("demo");
    expect(created.$metadata.requestId).toBeTruthy();

    const described = await ecs.send(new DescribeClustersCommand({ clusters: ["demo"] }));
    expect(described.clusters.map((c) => c.clusterName)).toEqual(["demo"]);

    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe("123456789012");
    expect(me.$metadata.requestId).toBeTruthy();

    const calls = await sandboxCalls(endpoint);
    expect(calls.total).toBe(3);
    expect(calls.calls).toEqual({
      "ecs:CreateCluster": 1,
      "ecs:DescribeClusters": 1,
      "sts:GetCallerIdentity": 1,
    });
    expect(calls.byRegion["us-east-1"]["ecs:CreateCluster"]).toBe(1);
  });

  it("throttles the next matching call like real AWS, then lets calls through", async () => {
    const rule = await injectFault(endpoint, { service: "ecs", operation: "CreateCluster", fault: "throttle" });
    expect(rule).toMatchObject({ service: "ecs", operation: "CreateCluster", fault: "throttle", count: 1 });

    // Other operations are not affected.
    await ecs.send(new ListClustersCommand({}));

    const err = await rejection(ecs.send(new CreateClusterCommand({ clusterName: "t" })));
    expect(err.name).toBe("ThrottlingException");
    expect(err.message).toBe("Rate exceeded");
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$metadata.requestId).toMatch(UUID);
    expect(err.$fault).toBe("client");

    const ok = await ecs.send(new CreateClusterCommand({ clusterName: "t" }));
    expect(ok.cluster.clusterName).toBe("t");
    expect(await listFaults(endpoint)).toEqual([]);

    const calls = await sandboxCalls(endpoint);
    expect(calls.calls["ecs:CreateCluster"]).toBe(2);
    expect(calls.faulted).toEqual({ "ecs:CreateCluster": 1 });
  });

  it("denies STS access with the query-protocol AccessDenied error and AWS wording", async () => {
    await injectFault(endpoint, { service: "sts", fault: "access_denied" });
    const err = await rejection(sts.send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe("AccessDenied");
    expect(err.$metadata.httpStatusCode).toBe(403);
    expect(err.$metadata.requestId).toMatch(UUID);
    expect(err.message).toBe(
      "User: arn:aws:sts::123456789012:assumed-role/PortsideSandbox/session is not authorized to perform: " +
        "sts:GetCallerIdentity on resource: * because no identity-based policy allows the sts:GetCallerIdentity action",
    );
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: "123456789012" });
  });

  it("denies ECS access with AccessDeniedException naming the action and resource", async () => {
    await injectFault(endpoint, { operation: "ecs:CreateCluster", fault: "access_denied" });
    const err = await rejection(ecs.send(new CreateClusterCommand({ clusterName: "x" })));
    expect(err.name).toBe("AccessDeniedException");
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$metadata.requestId).toMatch(UUID);
    expect(err.message).toBe(
      "User: arn:aws:sts::123456789012:assumed-role/PortsideSandbox/session is not authorized to perform: " +
        "ecs:CreateCluster on resource: arn:aws:ecs:us-east-1:123456789012:cluster/* because no identity-based " +
        "policy allows the ecs:CreateCluster action",
    );
  });

  it("injects server errors in each protocol", async () => {
    await injectFault(endpoint, { service: "ecs", fault: "server_error" });
    await injectFault(endpoint, { service: "sts", fault: "server_error" });
    const ecsErr = await rejection(ecs.send(new ListClustersCommand({})));
    expect(ecsErr.name).toBe("ServiceUnavailableException");
    expect(ecsErr.$metadata.httpStatusCode).toBe(500);
    expect(ecsErr.$metadata.requestId).toMatch(UUID);
    const stsErr = await rejection(sts.send(new GetCallerIdentityCommand({})));
    expect(stsErr.name).toBe("InternalFailure");
    expect(stsErr.$metadata.httpStatusCode).toBe(500);
    expect(stsErr.$fault).toBe("server");
  });

  it("delays a call by at least latencyMs and then proxies it", async () => {
    await injectFault(endpoint, { service: "ecs", operation: "ListClusters", fault: "latency", latencyMs: 400 });
    const t0 = performance.now();
    const out = await ecs.send(new ListClustersCommand({}));
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(out.clusterArns).toEqual([]);
    // Consumed by that one call (moto's own latency varies too much to time the next call).
    expect(await listFaults(endpoint)).toEqual([]);
    expect((await sandboxCalls(endpoint)).faulted).toEqual({});
  });

  it("honours count: N calls, and -1 until cleared", async () => {
    await injectFault(endpoint, { operation: "DescribeClusters", fault: "throttle", count: 2 });
    for (let i = 0; i < 2; i++) {
      expect((await rejection(ecs.send(new DescribeClustersCommand({})))).name).toBe("ThrottlingException");
    }
    await ecs.send(new DescribeClustersCommand({}));

    await injectFault(endpoint, { service: "sts", fault: "throttle", count: -1 });
    for (let i = 0; i < 3; i++) {
      expect((await rejection(sts.send(new GetCallerIdentityCommand({})))).name).toBe("Throttling");
    }
    expect(await listFaults(endpoint)).toHaveLength(1);
    await clearFaults(endpoint);
    await sts.send(new GetCallerIdentityCommand({}));
  });

  it("rejects malformed fault rules", async () => {
    await expect(injectFault(endpoint, { fault: "explode" })).rejects.toThrow(/HTTP 400/);
    await expect(injectFault(endpoint, { fault: "throttle", count: 0 })).rejects.toThrow(/count/);
  });

  it("reset empties moto and the counters", async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: "gone-soon" }));
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toHaveLength(1);
    await injectFault(endpoint, { service: "ecs", fault: "throttle", count: -1 });

    await resetSandbox(endpoint);
    expect(await sandboxCalls(endpoint)).toMatchObject({ total: 0, calls: {} });
    expect(await listFaults(endpoint)).toEqual([]);
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
    expect((await sandboxCalls(endpoint)).calls).toEqual({ "ecs:ListClusters": 1 });
  });

  it("passes moto's HTML 500 for unimplemented operations through, counted, with a request id", async () => {
    // (ListServiceDeployments was the example until the runtime agent served it: service-deployments.mjs.)
    const err = await rejection(ecs.send(new ListServicesByNamespaceCommand({ namespace: "ns" })));
    expect(err.$metadata.httpStatusCode).toBe(500);
    expect(err.$metadata.requestId).toMatch(UUID);
    const calls = await sandboxCalls(endpoint);
    expect(calls.calls["ecs:ListServicesByNamespace"]).toBe(1);
    expect(calls.unimplemented).toEqual({ "ecs:ListServicesByNamespace": 1 });
  });

  it("counts CloudWatch RPCv2 CBOR calls and answers them in CBOR (moto 5.2.1 has no CBOR route; sandbox/cloudwatch.mjs)", async () => {
    const res = await fetch(`${endpoint}/service/GraniteServiceVersion20100801/operation/ListMetrics`, {
      method: "POST",
      headers: {
        authorization: "AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=x",
        "smithy-protocol": "rpc-v2-cbor",
        "content-type": "application/cbor",
      },
      body: cborEncode({}),
    });
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get("smithy-protocol")).toBe("rpc-v2-cbor");
    expect(res.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(cborDecode(body)).toEqual({ Metrics: [] });
    const calls = await sandboxCalls(endpoint);
    expect(calls.calls["monitoring:ListMetrics"]).toBe(1);
    expect(calls.unimplemented).toEqual({});
  });

  it("does not count control or moto-api requests", async () => {
    await fetch(`${endpoint}/moto-api/`).then((r) => r.arrayBuffer());
    await sandboxHealth(endpoint);
    expect((await sandboxCalls(endpoint)).total).toBe(0);
  });
});

describe.skipIf(!hasMoto)("sandbox lifecycle", () => {
  it("stop() leaves no moto process behind", async () => {
    const sb = await startSandbox({ port: 0, log: false });
    const alive = (pid) => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive(sb.pid)).toBe(true);
    await sb.stop();
    expect(alive(sb.pid)).toBe(false);
    await expect(fetch(`${sb.motoUrl}/moto-api/`)).rejects.toThrow();
  }, 60_000);

  it("returns null when moto_server is missing", async () => {
    const logs = [];
    expect(await startSandbox({ port: 0, motoCommand: "no-such-moto-server", log: (m) => logs.push(m) })).toBeNull();
    expect(logs.join("\n")).toMatch(/not found on PATH/);
  });
});

describe("operation naming", () => {
  const auth = (service, region = "us-east-1") =>
    `AWS4-HMAC-SHA256 Credential=AKID/20261122/${region}/${service}/aws4_request, SignedHeaders=host, Signature=x`;
  const id = (method, url, headers = {}, body = "") =>
    identifyRequest({ method, url, headers }, Buffer.from(body));

  it("reads JSON targets, query actions and the credential scope", () => {
    expect(
      id("POST", "/", { authorization: auth("ecs", "eu-west-1"), "x-amz-target": "AmazonEC2ContainerServiceV20141113.CreateCluster" }),
    ).toMatchObject({ service: "ecs", operation: "CreateCluster", region: "eu-west-1", protocol: "json" });
    expect(
      id("POST", "/", { authorization: auth("sts"), "content-type": "application/x-www-form-urlencoded" }, "Action=GetCallerIdentity&Version=2011-06-15"),
    ).toMatchObject({ service: "sts", operation: "GetCallerIdentity", protocol: "query" });
    expect(id("GET", "/?Action=DescribeVpcs&Version=2016-11-15", { authorization: auth("ec2") })).toMatchObject({
      service: "ec2",
      operation: "DescribeVpcs",
      protocol: "ec2",
    });
    // Unsigned calls fall back to the target prefix / action.
    expect(id("POST", "/", { "x-amz-target": "Logs_20140328.PutLogEvents" })).toMatchObject({ service: "logs", operation: "PutLogEvents" });
    expect(
      id("POST", "/", { "content-type": "application/x-www-form-urlencoded" }, "Action=AssumeRoleWithWebIdentity"),
    ).toMatchObject({ service: "sts", operation: "AssumeRoleWithWebIdentity" });
    expect(id("POST", "/", { host: "ecs.ap-south-1.amazonaws.com", "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListTasks" })).toMatchObject({
      service: "ecs",
      region: "ap-south-1",
    });
  });

  it("reads RPCv2 CBOR paths", () => {
    expect(
      id("POST", "/service/GraniteServiceVersion20100801/operation/GetMetricData", {
        authorization: auth("monitoring"),
        "smithy-protocol": "rpc-v2-cbor",
        "x-amzn-query-mode": "true",
      }),
    ).toMatchObject({ service: "monitoring", operation: "GetMetricData", protocol: "cbor", queryCompatible: true });
  });

  it("maps EKS and Scheduler REST routes to operation names", () => {
    const eks = (m, p) => id(m, p, { authorization: auth("eks") }).operation;
    expect(eks("POST", "/clusters")).toBe("CreateCluster");
    expect(eks("GET", "/clusters?maxResults=10")).toBe("ListClusters");
    expect(eks("GET", "/clusters/prod")).toBe("DescribeCluster");
    expect(eks("DELETE", "/clusters/prod")).toBe("DeleteCluster");
    expect(eks("POST", "/clusters/prod/node-groups")).toBe("CreateNodegroup");
    expect(eks("GET", "/clusters/prod/node-groups")).toBe("ListNodegroups");
    expect(eks("GET", "/clusters/prod/node-groups/ng-1")).toBe("DescribeNodegroup");
    expect(eks("DELETE", "/clusters/prod/node-groups/ng-1")).toBe("DeleteNodegroup");
    expect(eks("POST", "/clusters/prod/fargate-profiles")).toBe("CreateFargateProfile");
    expect(eks("GET", "/clusters/prod/fargate-profiles")).toBe("ListFargateProfiles");
    expect(eks("GET", "/clusters/prod/fargate-profiles/fp")).toBe("DescribeFargateProfile");
    expect(eks("DELETE", "/clusters/prod/fargate-profiles/fp")).toBe("DeleteFargateProfile");
    expect(eks("GET", "/clusters/prod/access-entries/arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fx")).toBe("DescribeAccessEntry");
    expect(eks("PATCH", "/clusters/prod/things/x")).toBe("PATCH /clusters/{id}/things/{id}");

    const sch = (m, p) => id(m, p, { authorization: auth("scheduler") }).operation;
    expect(sch("POST", "/schedules/nightly")).toBe("CreateSchedule");
    expect(sch("GET", "/schedules/nightly?groupName=default")).toBe("GetSchedule");
    expect(sch("GET", "/schedules")).toBe("ListSchedules");
    expect(sch("DELETE", "/schedules/nightly")).toBe("DeleteSchedule");

    expect(id("GET", "/2015-03-31/functions/my-fn/configuration", { authorization: auth("lambda") }).operation).toBe(
      "GET /2015-03-31/functions/{id}/configuration",
    );
    // Unsigned REST calls are recognised by path.
    expect(id("GET", "/clusters/prod", {}).service).toBe("eks");
  });
});

describe("fault response shapes", () => {
  const ident = (service, operation, protocol, extra = {}) => ({ service, operation, protocol, region: "us-east-1", queryCompatible: false, ...extra });

  it("EC2 uses <Response><Errors> with RequestID", () => {
    const f = buildFaultResponse("throttle", ident("ec2", "RunInstances", "ec2"));
    expect(f.status).toBe(503);
    expect(f.body.toString()).toContain(
      `<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>${f.requestId}</RequestID></Response>`,
    );
    const d = buildFaultResponse("access_denied", ident("ec2", "RunInstances", "ec2"));
    expect(d.status).toBe(403);
    expect(d.body.toString()).toContain("<Code>UnauthorizedOperation</Code>");
    expect(d.body.toString()).toContain("ec2:RunInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/*");
  });

  it("REST-JSON sets x-amzn-ErrorType and a message body", () => {
    const f = buildFaultResponse("throttle", ident("eks", "DescribeCluster", "rest-json"));
    expect(f.status).toBe(429);
    expect(f.headers["x-amzn-ErrorType"]).toBe("ThrottlingException");
    expect(JSON.parse(f.body)).toEqual({ message: "Rate exceeded" });
    expect(f.headers["x-amzn-RequestId"]).toBe(f.requestId);
    expect(f.headers["x-amz-request-id"]).toBe(f.requestId);
  });

  it("RPCv2 CBOR encodes __type and message, with the query-compatible header", async () => {
    const f = buildFaultResponse("throttle", ident("monitoring", "GetMetricData", "cbor", { queryCompatible: true }));
    expect(f.headers["smithy-protocol"]).toBe("rpc-v2-cbor");
    expect(f.headers["x-amzn-query-error"]).toBe("Throttling;Sender");
    const { cbor } = await import("@smithy/core/cbor");
    expect(cbor.deserialize(new Uint8Array(f.body))).toEqual({ __type: "ThrottlingException", message: "Rate exceeded" });
    expect(cborEncode({ a: 1, b: "x".repeat(300) }).length).toBe(1 + 2 + 1 + 2 + 3 + 300);
  });
});
