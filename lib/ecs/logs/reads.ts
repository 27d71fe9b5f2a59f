import "server-only";
import { DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";

/** What these reads need of a CloudWatch Logs client; tests pass a fake. */
type LogsClient = Pick<ReturnType<typeof awsClient<"logs">>, "send">;
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";

export type LogLine = { timestamp: string; stream: string; message: string };

export type LogTail = {
  logGroupName: string;
  /** False when the group does not exist (yet): nothing has written to it. */
  exists: boolean;
  /** Oldest first, at most `limit`, the newest lines of the group. */
  lines: LogLine[];
};

// GetLogEvents and FilterLogEvents return at most 10,000 events; pages stay far below that.
const MAX_LIMIT = 1000;
// The streams that wrote last hold the newest lines; reading a few keeps it to a handful of calls.
const STREAMS_READ = 5;

const isMissing = (error: unknown) => (error as { name?: string })?.name === "ResourceNotFoundException";

const clamp = (limit: number) => Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));

/**
 * The newest `limit` lines of a log group, oldest first: the streams that wrote last
 * (DescribeLogStreams by last event time), each read backwards from its end
 * (GetLogEvents), merged by timestamp.
 */
export async function tailLogGroup(
  conn: ConnectionSettings,
  region: string,
  logGroupName: string,
  opts: { limit?: number; streams?: number } = {},
  client: LogsClient = awsClient(conn, region, "logs"),
): Promise<LogTail> {
  const limit = clamp(opts.limit ?? 100);
  let streams: string[];
  try {
    const out = await client.send(
      new DescribeLogStreamsCommand({ logGroupName, orderBy: "LastEventTime", descending: true, limit: opts.streams ?? STREAMS_READ }),
    );
    streams = (out.logStreams ?? []).map((s) => s.logStreamName ?? "").filter(Boolean);
  } catch (error) {
    if (isMissing(error)) return { logGroupName, exists: false, lines: [] };
    throw mapAwsError(error, { service: "logs", operation: "DescribeLogStreams", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
  const perStream = await Promise.all(
    streams.map((stream) =>
      guarded(conn, "logs", "GetLogEvents", async () => {
        const out = await client.send(new GetLogEventsCommand({ logGroupName, logStreamName: stream, startFromHead: false, limit }));
        return (out.events ?? []).map((e) => ({ ts: e.timestamp ?? 0, stream, message: e.message ?? "" }));
      }),
    ),
  );
  const lines = perStream
    .flat()
    .sort((a, b) => a.ts - b.ts)
    .slice(-limit)
    .map((e) => ({ timestamp: new Date(e.ts).toISOString(), stream: e.stream, message: e.message.replace(/\n$/, "") }));
  return { logGroupName, exists: true, lines };
}

/**
 * Lines of a log group matching a CloudWatch filter pattern since `since`, oldest
 * first, up to `limit` (the first page(s) FilterLogEvents returns).
 */
export async function filterLogGroup(
  conn: ConnectionSettings,
  region: string,
  logGroupName: string,
  opts: { pattern?: string; since?: Date; limit?: number } = {},
  client: LogsClient = awsClient(conn, region, "logs"),
): Promise<LogTail> {
  const limit = clamp(opts.limit ?? 100);
  const lines: LogLine[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const out = await client.send(
        new FilterLogEventsCommand({
          logGroupName,
          filterPattern: opts.pattern || undefined,
          startTime: opts.since?.getTime(),
          limit: limit - lines.length,
          nextToken,
        }),
      );
      for (const e of out.events ?? []) {
        lines.push({ timestamp: new Date(e.timestamp ?? 0).toISOString(), stream: e.logStreamName ?? "", message: (e.message ?? "").replace(/\n$/, "") });
      }
      nextToken = out.nextToken;
    } while (nextToken && lines.length < limit);
  } catch (error) {
    if (isMissing(error)) return { logGroupName, exists: false, lines: [] };
    throw mapAwsError(error, { service: "logs", operation: "FilterLogEvents", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
  return { logGroupName, exists: true, lines: lines.slice(0, limit) };
}
