// CloudWatch through the sandbox gateway with the real SDK client (AWS JSON 1.0, query-compatible).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  paginateListMetrics,
} from "@aws-sdk/client-cloudwatch";
import { gzipSync } from "node:zlib";
import { AwsSmithyRpcV2CborProtocol } from "@aws-sdk/core/protocols";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig } from "./test-support.mjs";
import { injectFault, resetSandbox, sandboxCalls } from "./client.mjs";
import { CborTag, cborDecode, cborEncode } from "./cloudwatch.mjs";

const svcDims = (cluster, service) => [
  { Name: "ClusterName", Value: cluster },
  { Name: "ServiceName", Value: service },
];

describe("CBOR codec", () => {
  it("round-trips what Smithy RPC v2 sends: maps, arrays, text, integers, doubles, booleans, null, tag 1", () => {
    const value = { a: [1, -2, 3.5, 2 ** 40], b: "héllo", c: true, d: null, e: { f: new CborTag(1, 1795324072.5) }, g: Buffer.from([1, 2]) };
    const decoded = cborDecode(cborEncode(value));
    expect(decoded).toEqual({ a: [1, -2, 3.5, 2 ** 40], b: "héllo", c: true, d: null, e: { f: 1795324072.5 }, g: Buffer.from([1, 2]) });
  });
  it("reads indefinite lengths and half-precision floats, and rejects truncated input", () => {
    // {_ "a": [_ 1, 2], "b": 1.5 (half)}
    const buf = Buffer.from([0xbf, 0x61, 0x61, 0x9f, 0x01, 0x02, 0xff, 0x61, 0x62, 0xf9, 0x3e, 0x00, 0xff]);
    expect(cborDecode(buf)).toEqual({ a: [1, 2], b: 1.5 });
    expect(() => cborDecode(Buffer.from([0xa1, 0x61]))).toThrow(/truncated/);
  });
});

describe.skipIf(!hasMoto)("CloudWatch through the sandbox gateway", () => {
  let sandbox;
  let cw;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false });
    cw = new CloudWatchClient(clientConfig(sandbox.endpoint));
  }, 60_000);
  afterAll(async () => {
    cw?.destroy();
    await sandbox?.stop();
  });
  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
  });

  it("puts metric data and reads it back with GetMetricData and GetMetricStatistics", async () => {
    const base = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
    await cw.send(
      new PutMetricDataCommand({
        Namespace: "AWS/ECS",
        MetricData: [10, 20, 30].map((v, i) => ({
          MetricName: "CPUUtilization",
          Dimensions: svcDims("prod", "web"),
          Timestamp: new Date(base + i * 60_000 + 5_000),
          Value: v,
          Unit: "Percent",
        })),
      }),
    );
    const data = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * 60_000),
        MetricDataQueries: [
          {
            Id: "cpu",
            MetricStat: { Metric: { Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: svcDims("prod", "web") }, Period: 60, Stat: "Average" },
          },
        ],
      }),
    );
    const r = data.MetricDataResults[0];
    expect(r.StatusCode).toBe("Complete");
    expect([...r.Values].sort((a, b) => a - b)).toEqual([10, 20, 30]);
    expect(r.Timestamps[0]).toBeInstanceOf(Date);

    const stats = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: "AWS/ECS",
        MetricName: "CPUUtilization",
        Dimensions: svcDims("prod", "web"),
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * 60_000),
        Period: 300,
        Statistics: ["Average", "Maximum"],
      }),
    );
    expect(stats.Datapoints).toHaveLength(1);
    expect(stats.Datapoints[0]).toMatchObject({ Average: 20, Maximum: 30, Unit: "Percent" });
    expect((await sandboxCalls(sandbox.endpoint)).calls).toMatchObject({
      "monitoring:PutMetricData": 1,
      "monitoring:GetMetricData": 1,
      "monitoring:GetMetricStatistics": 1,
    });
  });

  it("lists each multi-dimension metric once however many datapoints it has (moto lists one per datapoint)", async () => {
    const now = Date.now();
    for (let batch = 0; batch < 3; batch++) {
      await cw.send(
        new PutMetricDataCommand({
          Namespace: "AWS/ECS",
          MetricData: Array.from({ length: 300 }, (_, i) => ({
            MetricName: i % 2 ? "CPUUtilization" : "MemoryUtilization",
            Dimensions: svcDims("prod", `svc-${i % 4}`),
            Timestamp: new Date(now - i * 1000),
            Value: i,
            Unit: "Percent",
          })),
        }),
      );
    }
    await cw.send(new PutMetricDataCommand({ Namespace: "AWS/ECS", MetricData: [{ MetricName: "CPUUtilization", Dimensions: [{ Name: "ClusterName", Value: "prod" }], Value: 1 }] }));
    const all = await cw.send(new ListMetricsCommand({ Namespace: "AWS/ECS" }));
    expect(all.NextToken).toBeUndefined();
    const names = all.Metrics.map((m) => `${m.MetricName} ${m.Dimensions.map((d) => d.Value).join("/")}`).sort();
    expect(names).toEqual([
      "CPUUtilization prod",
      "CPUUtilization prod/svc-1",
      "CPUUtilization prod/svc-3",
      "MemoryUtilization prod/svc-0",
      "MemoryUtilization prod/svc-2",
    ]);
    const filtered = await cw.send(
      new ListMetricsCommand({ Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: [{ Name: "ServiceName", Value: "svc-1" }] }),
    );
    expect(filtered.Metrics).toEqual([{ Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: svcDims("prod", "svc-1") }]);
    await expect(cw.send(new ListMetricsCommand({ NextToken: "not-a-token" }))).rejects.toMatchObject({
      name: "InvalidParameterValueException",
      message: "Request parameter NextToken is invalid",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("pages ListMetrics 500 at a time", async () => {
    for (let b = 0; b < 3; b++) {
      await cw.send(
        new PutMetricDataCommand({
          Namespace: "Portside/Test",
          MetricData: Array.from({ length: 400 }, (_, i) => ({ MetricName: "Depth", Dimensions: svcDims("c", `q-${b * 400 + i}`), Value: i })),
        }),
      );
    }
    const pages = [];
    for await (const page of paginateListMetrics({ client: cw }, { Namespace: "Portside/Test" })) pages.push(page.Metrics.length);
    expect(pages).toEqual([500, 500, 200]);
  });

  it("creates, sets, describes and deletes alarms", async () => {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "web-cpu-high",
        Namespace: "AWS/ECS",
        MetricName: "CPUUtilization",
        Dimensions: svcDims("prod", "web"),
        Statistic: "Average",
        Period: 60,
        EvaluationPeriods: 3,
        Threshold: 70,
        ComparisonOperator: "GreaterThanThreshold",
        AlarmActions: ["arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:abc:resource/ecs/service/prod/web:policyName/cpu-out"],
      }),
    );
    let alarms = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["web-cpu-high"] }))).MetricAlarms;
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ Threshold: 70, EvaluationPeriods: 3, ComparisonOperator: "GreaterThanThreshold" });

    await cw.send(new SetAlarmStateCommand({ AlarmName: "web-cpu-high", StateValue: "ALARM", StateReason: "Threshold crossed: 3 datapoints above 70" }));
    alarms = (await cw.send(new DescribeAlarmsCommand({ StateValue: "ALARM" }))).MetricAlarms;
    expect(alarms.map((a) => [a.AlarmName, a.StateValue, a.StateReason])).toEqual([
      ["web-cpu-high", "ALARM", "Threshold crossed: 3 datapoints above 70"],
    ]);
    expect(alarms[0].StateUpdatedTimestamp).toBeInstanceOf(Date);

    const missing = await cw.send(new SetAlarmStateCommand({ AlarmName: "nope", StateValue: "OK", StateReason: "x" })).catch((e) => e);
    expect(missing.name).toBe("ResourceNotFound");
    expect(missing.$metadata.httpStatusCode).toBe(404);

    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ["web-cpu-high"] }));
    expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
  });

  it("faults reach CloudWatch calls as the SDK's own errors", async () => {
    await injectFault(sandbox.endpoint, { service: "cloudwatch", operation: "GetMetricData", fault: "throttle", count: 1 });
    const err = await cw
      .send(new GetMetricDataCommand({ StartTime: new Date(Date.now() - 60_000), EndTime: new Date(), MetricDataQueries: [] }))
      .catch((e) => e);
    expect(err.name).toMatch(/Throttl/);
    expect(err.$metadata.requestId).toBeTruthy();
  });
  it("serves the SDK over RPC v2 CBOR too (moto has no CBOR route): metrics, alarms, errors", async () => {
    const cbor = new CloudWatchClient({
      ...clientConfig(sandbox.endpoint),
      protocol: AwsSmithyRpcV2CborProtocol,
      protocolSettings: { defaultNamespace: "com.amazonaws.cloudwatch", awsQueryCompatible: true },
    });
    const paths = [];
    cbor.middlewareStack.add(
      (next) => async (args) => {
        paths.push(`${args.request.path} ${args.request.headers["smithy-protocol"]}`);
        return next(args);
      },
      { step: "finalizeRequest", name: "recordPath" },
    );
    try {
      const base = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000;
      await cbor.send(
        new PutMetricDataCommand({
          Namespace: "AWS/ECS",
          MetricData: [
            { MetricName: "CPUUtilization", Dimensions: svcDims("prod", "web"), Timestamp: new Date(base + 1000), Value: 12.5, Unit: "Percent" },
            { MetricName: "CPUUtilization", Dimensions: svcDims("prod", "web"), Timestamp: new Date(base + 61_000), Value: 87.25, Unit: "Percent" },
          ],
        }),
      );
      expect(paths).toEqual(["/service/GraniteServiceVersion20100801/operation/PutMetricData rpc-v2-cbor"]);
      const calls = await sandboxCalls(sandbox.endpoint);
      expect(calls.calls["monitoring:PutMetricData"]).toBe(1);
      expect(calls.unimplemented).toEqual({});

      const data = await cbor.send(
        new GetMetricDataCommand({
          StartTime: new Date(base),
          EndTime: new Date(base + 3 * 60_000),
          MetricDataQueries: [
            { Id: "cpu", MetricStat: { Metric: { Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: svcDims("prod", "web") }, Period: 60, Stat: "Maximum" } },
          ],
        }),
      );
      const r = data.MetricDataResults[0];
      expect([...r.Values].sort((a, b) => a - b)).toEqual([12.5, 87.25]);
      for (const t of r.Timestamps) {
        expect(t).toBeInstanceOf(Date);
        expect(t.getTime()).toBeGreaterThanOrEqual(base);
        expect(t.getTime()).toBeLessThan(base + 3 * 60_000);
      }
      const listed = await cbor.send(new ListMetricsCommand({ Namespace: "AWS/ECS" }));
      expect(listed.Metrics).toEqual([{ Namespace: "AWS/ECS", MetricName: "CPUUtilization", Dimensions: svcDims("prod", "web") }]);

      // A gzipped CBOR body (Content-Encoding: gzip). Sent by hand: SDK 3.1162 itself never finishes
      // compressing a CBOR body over 10 KiB (client side, before any request is made).
      const gz = await fetch(`${sandbox.endpoint}/service/GraniteServiceVersion20100801/operation/PutMetricData`, {
        method: "POST",
        headers: {
          authorization: "AWS4-HMAC-SHA256 Credential=test/20261122/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=x",
          "smithy-protocol": "rpc-v2-cbor",
          "content-type": "application/cbor",
          "content-encoding": "gzip",
          "x-amzn-query-mode": "true",
        },
        body: gzipSync(
          cborEncode({
            Namespace: "Portside/Big",
            MetricData: Array.from({ length: 400 }, (_, i) => ({
              MetricName: "Depth",
              Dimensions: svcDims("c", `queue-with-a-long-name-${i}`),
              Timestamp: new CborTag(1, Date.now() / 1000),
              Value: i + 0.5,
            })),
          }),
        ),
      });
      expect(gz.status).toBe(200);
      expect(cborDecode(Buffer.from(await gz.arrayBuffer()))).toEqual({});
      const big = [];
      for await (const page of paginateListMetrics({ client: cbor }, { Namespace: "Portside/Big" })) big.push(...page.Metrics);
      expect(big).toHaveLength(400);

      await cbor.send(
        new PutMetricAlarmCommand({
          AlarmName: "cbor-alarm",
          Namespace: "AWS/ECS",
          MetricName: "CPUUtilization",
          Dimensions: svcDims("prod", "web"),
          Statistic: "Average",
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 50,
          ComparisonOperator: "GreaterThanOrEqualToThreshold",
        }),
      );
      await cbor.send(new SetAlarmStateCommand({ AlarmName: "cbor-alarm", StateValue: "ALARM", StateReason: "load" }));
      const alarms = (await cbor.send(new DescribeAlarmsCommand({ AlarmNames: ["cbor-alarm"] }))).MetricAlarms;
      expect(alarms).toHaveLength(1);
      expect(alarms[0]).toMatchObject({ AlarmName: "cbor-alarm", StateValue: "ALARM", Threshold: 50 });
      expect(alarms[0].StateUpdatedTimestamp).toBeInstanceOf(Date);
      expect(Math.abs(alarms[0].StateUpdatedTimestamp.getTime() - Date.now())).toBeLessThan(60_000);

      const missing = await cbor.send(new SetAlarmStateCommand({ AlarmName: "nope", StateValue: "OK", StateReason: "x" })).catch((e) => e);
      expect(missing.name).toBe("ResourceNotFound");
      expect(missing.$metadata.httpStatusCode).toBe(404);
      expect(missing.$metadata.requestId).toBeTruthy();

      await cbor.send(new DeleteAlarmsCommand({ AlarmNames: ["cbor-alarm"] }));
      expect((await cbor.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
      const stats = await cbor.send(
        new GetMetricStatisticsCommand({
          Namespace: "AWS/ECS",
          MetricName: "CPUUtilization",
          Dimensions: svcDims("prod", "web"),
          StartTime: new Date(base),
          EndTime: new Date(base + 3 * 60_000),
          Period: 180,
          Statistics: ["Maximum"],
        }),
      );
      expect(stats.Datapoints.map((d) => d.Maximum)).toEqual([87.25]);
    } finally {
      cbor.destroy();
    }
  });
});
