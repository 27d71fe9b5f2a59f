import { DescribeLogGroupsCommand, FilterLogEventsCommand, StartLiveTailCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { liveTailSource, readEvents } from "./live";

let n = 0;
const newConn = () => ({ id: `c${++n}`, name: "test", endpointUrl: null, updatedAt: new Date(0) }) as ConnectionSettings;

function fakeClient(answer: (command: unknown) => unknown) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  return {
    sent,
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      const out = await answer(command);
      if (out instanceof Error) throw out;
      return out;
    },
  };
}
const err = (name: string) => Object.assign(new Error(name), { name });
const ev = (id: string, ts: number, stream = "ecs/web/t1", message = `line ${id}\n`) => ({ eventId: id, timestamp: ts, logStreamName: stream, message });

describe("readEvents", () => {
  it("follows nextToken, keeps only the selected streams and trims the driver's newline", async () => {
    const client = fakeClient((c) => {
      if (!(c instanceof FilterLogEventsCommand)) return err("Unexpected");
      return c.input.nextToken ? { events: [ev("3", 30)] } : { events: [ev("1", 10), ev("2", 20, "ecs/worker/t1")], nextToken: "p2" };
    });
    const pages = [];
    for await (const page of readEvents(newConn(), "us-east-1", { group: "/ecs/web", selection: { prefix: "ecs/web/" }, pattern: "ERROR" }, { startMs: 5, endMs: 50 }, client as never)) pages.push(page);
    expect(pages).toEqual([[{ id: "1", ts: 10, stream: "ecs/web/t1", message: "line 1" }], [{ id: "3", ts: 30, stream: "ecs/web/t1", message: "line 3" }]]);
    expect(client.sent[0]!.input).toMatchObject({ logGroupName: "/ecs/web", logStreamNamePrefix: "ecs/web/", filterPattern: "ERROR", startTime: 5, endTime: 50, limit: 10_000 });
    expect(client.sent[1]!.input.nextToken).toBe("p2");
  });

  it("reads nothing from a group that does not exist yet, and stops at maxEvents", async () => {
    const missing = fakeClient(() => err("ResourceNotFoundException"));
    const pages = [];
    for await (const page of readEvents(newConn(), "us-east-1", { group: "/none", selection: {} }, { startMs: 0 }, missing as never)) pages.push(page);
    expect(pages).toEqual([]);
    const endless = fakeClient(() => ({ events: [ev(String(Math.random()), 1)], nextToken: "more" }));
    let count = 0;
    for await (const page of readEvents(newConn(), "us-east-1", { group: "/g", selection: {} }, { startMs: 0, maxEvents: 3 }, endless as never)) count += page.length;
    expect(count).toBe(3);
  });

  it("maps other errors to a person-readable AWS error", async () => {
    const denied = fakeClient(() => err("AccessDeniedException"));
    const run = async () => {
      for await (const _ of readEvents(newConn(), "us-east-1", { group: "/g", selection: {} }, { startMs: 0 }, denied as never)) void _;
    };
    await expect(run()).rejects.toMatchObject({ name: "AwsOperationError" });
  });
});

describe("liveTailSource", () => {
  it("falls back to polling FilterLogEvents once StartLiveTail fails, and hands out each event once", async () => {
    const now = Date.now();
    let events = [ev("1", now - 1000)];
    const client = fakeClient((c) => {
      if (c instanceof DescribeLogGroupsCommand) return { logGroups: [{ logGroupName: "/g", arn: "arn:aws:logs:us-east-1:1:log-group:/g:*" }] };
      if (c instanceof StartLiveTailCommand) return err("UnknownOperationException");
      return { events };
    });
    const conn = newConn();
    const source = liveTailSource(conn, "us-east-1", { group: "/g", selection: { names: ["ecs/web/t1"] } }, client as never);
    expect(await source.poll()).toMatchObject({ seq: 1, mode: "polling", events: [{ id: "1", message: "line 1" }] });
    events = [ev("1", now - 1000), ev("2", now - 500)];
    expect(await source.poll()).toMatchObject({ seq: 2, events: [{ id: "2" }] });
    expect(await source.poll()).toMatchObject({ seq: 2, events: [] });
    // The failure is remembered for the connection: another view does not try StartLiveTail again.
    const other = liveTailSource(conn, "us-east-1", { group: "/g", selection: {} }, client as never);
    await other.poll();
    expect(client.sent.filter((s) => s.name === "StartLiveTailCommand")).toHaveLength(1);
    expect(client.sent.find((s) => s.name === "StartLiveTailCommand")!.input).toMatchObject({ logGroupIdentifiers: ["arn:aws:logs:us-east-1:1:log-group:/g"], logStreamNames: ["ecs/web/t1"] });
  });

  it("uses StartLiveTail where it works: pushed events are drained by the next poll", async () => {
    let push!: (update: unknown) => void;
    const updates: unknown[] = [];
    let wake: (() => void) | null = null;
    push = (u) => (updates.push(u), wake?.());
    const stream = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          while (updates.length) yield updates.shift();
          await new Promise<void>((r) => (wake = r));
        }
      },
    };
    const client = fakeClient((c) => {
      if (c instanceof DescribeLogGroupsCommand) return { logGroups: [{ logGroupName: "/g", logGroupArn: "arn:g" }] };
      if (c instanceof StartLiveTailCommand) return { responseStream: stream };
      return err("FilterLogEvents should not be called");
    });
    const source = liveTailSource(newConn(), "us-east-1", { group: "/g", selection: { prefix: "ecs/web/" }, pattern: "ERROR" }, client as never);
    expect(await source.poll()).toMatchObject({ mode: "live-tail", events: [] });
    push({ sessionStart: {} });
    push({ sessionUpdate: { sessionResults: [{ logStreamName: "ecs/web/t1", message: "ERROR boom\n", timestamp: 5 }] } });
    await new Promise((r) => setTimeout(r, 10));
    expect(await source.poll()).toMatchObject({ seq: 1, mode: "live-tail", events: [{ ts: 5, stream: "ecs/web/t1", message: "ERROR boom" }] });
    expect(client.sent.find((s) => s.name === "StartLiveTailCommand")!.input).toMatchObject({ logStreamNamePrefixes: ["ecs/web/"], logEventFilterPattern: "ERROR" });
    expect(client.sent.filter((s) => s.name === "StartLiveTailCommand")).toHaveLength(1);
  });
});
