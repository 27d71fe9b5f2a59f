import { DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { filterLogGroup, tailLogGroup } from "./reads";

const conn = { id: "c", name: "test", endpointUrl: null, updatedAt: new Date(0) } as ConnectionSettings;

/** A fake Logs client: answers per command class, records what was sent. */
function fakeClient(answer: (command: { input: Record<string, unknown> }) => unknown) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  return {
    sent,
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      const out = answer(command);
      if (out instanceof Error) throw out;
      return out;
    },
  };
}

const missing = Object.assign(new Error("The specified log group does not exist."), { name: "ResourceNotFoundException" });

describe("tailLogGroup", () => {
  it("merges the last-written streams by time and keeps the newest lines", async () => {
    const client = fakeClient((c) => {
      if (c instanceof DescribeLogStreamsCommand) return { logStreams: [{ logStreamName: "b" }, { logStreamName: "a" }] };
      if (c instanceof GetLogEventsCommand) {
        return c.input.logStreamName === "a"
          ? { events: [{ timestamp: 1000, message: "a1\n" }, { timestamp: 3000, message: "a3" }] }
          : { events: [{ timestamp: 2000, message: "b2" }, { timestamp: 4000, message: "b4" }] };
      }
      throw new Error("unexpected");
    });
    const tail = await tailLogGroup(conn, "us-east-1", "/g", { limit: 3 }, client as never);
    expect(tail).toEqual({
      logGroupName: "/g",
      exists: true,
      lines: [
        { timestamp: new Date(2000).toISOString(), stream: "b", message: "b2" },
        { timestamp: new Date(3000).toISOString(), stream: "a", message: "a3" },
        { timestamp: new Date(4000).toISOString(), stream: "b", message: "b4" },
      ],
    });
    expect(client.sent[0]).toEqual({ name: "DescribeLogStreamsCommand", input: { logGroupName: "/g", orderBy: "LastEventTime", descending: true, limit: 5 } });
    expect(client.sent[1]!.input).toMatchObject({ startFromHead: false, limit: 3 });
  });

  it("reports a group that does not exist yet instead of failing", async () => {
    const tail = await tailLogGroup(conn, "us-east-1", "/none", {}, fakeClient(() => missing) as never);
    expect(tail).toEqual({ logGroupName: "/none", exists: false, lines: [] });
  });

  it("maps other errors to a message a person can act on", async () => {
    const denied = Object.assign(new Error("no"), { name: "AccessDeniedException" });
    await expect(tailLogGroup(conn, "us-east-1", "/g", {}, fakeClient(() => denied) as never)).rejects.toThrow(/logs:DescribeLogStreams/);
  });
});

describe("filterLogGroup", () => {
  it("follows pages until the limit", async () => {
    let page = 0;
    const client = fakeClient((c) => {
      if (!(c instanceof FilterLogEventsCommand)) throw new Error("unexpected");
      page++;
      return { events: [{ timestamp: page, logStreamName: "s", message: `m${page}` }, { timestamp: page, logStreamName: "s", message: `n${page}` }], nextToken: "t" };
    });
    const tail = await filterLogGroup(conn, "us-east-1", "/g", { pattern: "ERROR", limit: 3 }, client as never);
    expect(tail.lines.map((l) => l.message)).toEqual(["m1", "n1", "m2"]);
    expect(client.sent.map((s) => s.input.limit)).toEqual([3, 1]);
    expect(client.sent[0]!.input.filterPattern).toBe("ERROR");
  });
});
