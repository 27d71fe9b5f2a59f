import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getServiceUtilization } from "./reads";

const conn = { id: "c", name: "test", endpointUrl: null, updatedAt: new Date(0) } as ConnectionSettings;
const now = Date.parse("2026-11-22T05:17:42Z");
const start = Date.parse("2026-11-22T04:18:00Z");
const minute = (n: number) => new Date(start + n * 60_000);

/** A fake CloudWatch client: answers each call in turn, records what was sent. */
function fakeClient(pages: unknown[]) {
  const sent: Record<string, unknown>[] = [];
  return {
    sent,
    send: async (command: GetMetricDataCommand) => {
      if (!(command instanceof GetMetricDataCommand)) throw new Error("unexpected command");
      sent.push(command.input as unknown as Record<string, unknown>);
      const out = pages[sent.length - 1];
      if (out instanceof Error) throw out;
      return out;
    },
  };
}

describe("getServiceUtilization", () => {
  it("asks for CPU and memory, Average and Maximum, of the service in one call over the aligned window", async () => {
    const client = fakeClient([{ MetricDataResults: [] }]);
    await getServiceUtilization(conn, "eu-west-1", { cluster: "prod", service: "api", range: "1h", now }, client as never);
    expect(client.sent).toHaveLength(1);
    const input = client.sent[0]!;
    expect(input.StartTime).toEqual(new Date("2026-11-22T04:18:00Z"));
    expect(input.EndTime).toEqual(new Date("2026-11-22T05:18:00Z"));
    expect(input.ScanBy).toBe("TimestampAscending");
    const queries = input.MetricDataQueries as { Id: string; MetricStat: { Metric: unknown; Period: number; Stat: string } }[];
    expect(queries.map((q) => [q.Id, q.MetricStat.Stat, q.MetricStat.Period])).toEqual([
      ["cpu_avg", "Average", 60],
      ["cpu_max", "Maximum", 60],
      ["mem_avg", "Average", 60],
      ["mem_max", "Maximum", 60],
    ]);
    expect(queries[0]!.MetricStat.Metric).toEqual({
      Namespace: "AWS/ECS",
      MetricName: "CPUUtilization",
      Dimensions: [
        { Name: "ClusterName", Value: "prod" },
        { Name: "ServiceName", Value: "api" },
      ],
    });
    expect((queries[2]!.MetricStat.Metric as { MetricName: string }).MetricName).toBe("MemoryUtilization");
  });

  it("follows NextToken and joins the pages of each query", async () => {
    const client = fakeClient([
      {
        MetricDataResults: [
          { Id: "cpu_avg", Timestamps: [minute(0), minute(1)], Values: [10, 11], StatusCode: "PartialData" },
          { Id: "mem_avg", Timestamps: [minute(0)], Values: [40], StatusCode: "PartialData" },
        ],
        NextToken: "page-2",
      },
      {
        MetricDataResults: [
          { Id: "cpu_avg", Timestamps: [minute(2)], Values: [12], StatusCode: "Complete" },
          { Id: "cpu_max", Timestamps: [minute(2)], Values: [30], StatusCode: "Complete" },
        ],
      },
    ]);
    const u = await getServiceUtilization(conn, "eu-west-1", { cluster: "prod", service: "api", range: "1h", now }, client as never);
    expect(client.sent.map((s) => s.NextToken)).toEqual([undefined, "page-2"]);
    expect(u.cpu.points.slice(0, 3).map((p) => [p.average, p.maximum])).toEqual([
      [10, null],
      [11, null],
      [12, 30],
    ]);
    expect(u.cpu.latest).toEqual({ t: minute(2).getTime(), average: 12, maximum: 30 });
    expect(u.memory.latest).toEqual({ t: minute(0).getTime(), average: 40, maximum: null });
    expect(u.period).toBe(60);
  });

  it("uses hourly points for a week", async () => {
    const client = fakeClient([{ MetricDataResults: [] }]);
    const u = await getServiceUtilization(conn, "eu-west-1", { cluster: "prod", service: "api", range: "7d", now }, client as never);
    expect((client.sent[0]!.MetricDataQueries as { MetricStat: { Period: number } }[])[0]!.MetricStat.Period).toBe(3600);
    expect(u.cpu.points).toHaveLength(168);
    expect(u.cpu.latest).toBeNull();
  });

  it("maps AWS errors to a message a person can act on, with the request id", async () => {
    const denied = Object.assign(new Error("User: arn:aws:iam::1:user/x is not authorized to perform: cloudwatch:GetMetricData"), {
      name: "AccessDenied",
      $metadata: { requestId: "req-123", httpStatusCode: 403 },
    });
    const error = await getServiceUtilization(conn, "eu-west-1", { cluster: "prod", service: "api", range: "1h", now }, fakeClient([denied]) as never).catch((e) => e);
    expect(error.message).toMatch(/cloudwatch:GetMetricData/);
    expect(error.details).toMatchObject({ requestId: "req-123", operation: "GetMetricData" });
  });
});
