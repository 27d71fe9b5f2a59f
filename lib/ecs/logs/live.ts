import "server-only";
import { DescribeLogGroupsCommand, FilterLogEventsCommand, StartLiveTailCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { WatchSource } from "@/lib/core/live/hub";
import { trimMessage, type LogEvent } from "@/lib/ecs/logs/events";
import { RecentIds } from "@/lib/ecs/logs/line-buffer";
import { streamMatches, type StreamSelection } from "@/lib/ecs/logs/sources";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";

type LogsClient = Pick<ReturnType<typeof awsClient<"logs">>, "send">;

/** One log group, the streams read in it, and a CloudWatch filter pattern (AWS evaluates it). */
export type LogQuery = { group: string; selection: StreamSelection; pattern?: string };

/** What a live tail poll hands its subscribers: the events not handed out before. */
export type TailBatch = { seq: number; mode: "live-tail" | "polling"; events: LogEvent[] };

const PAGE_LIMIT = 10_000; // FilterLogEvents' maximum
const isMissing = (error: unknown) => (error as { name?: string })?.name === "ResourceNotFoundException";
const mapped = (conn: ConnectionSettings, operation: string, error: unknown) =>
  mapAwsError(error, { service: "logs", operation, connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });

/**
 * Events of a query between two times, oldest first, one array per FilterLogEvents page (following
 * nextToken), up to `maxEvents`. A group that does not exist yet has no events.
 */
export async function* readEvents(
  conn: ConnectionSettings,
  region: string,
  query: LogQuery,
  range: { startMs: number; endMs?: number | null; maxEvents?: number },
  client: LogsClient = awsClient(conn, region, "logs"),
): AsyncGenerator<LogEvent[]> {
  const max = range.maxEvents ?? Infinity;
  let read = 0;
  let nextToken: string | undefined;
  do {
    let out;
    try {
      out = await client.send(
        new FilterLogEventsCommand({
          logGroupName: query.group,
          logStreamNames: query.selection.names,
          logStreamNamePrefix: query.selection.names ? undefined : query.selection.prefix,
          filterPattern: query.pattern || undefined,
          startTime: range.startMs,
          endTime: range.endMs ?? undefined,
          limit: Math.min(PAGE_LIMIT, max - read),
          nextToken,
          // Deprecated in AWS (always interleaved there); emulators still sort by it.
          interleaved: true,
        }),
      );
    } catch (error) {
      if (isMissing(error)) return;
      throw mapped(conn, "FilterLogEvents", error);
    }
    const page: LogEvent[] = [];
    for (const e of out.events ?? []) {
      const stream = e.logStreamName ?? "";
      // Some endpoints ignore logStreamNamePrefix; AWS never returns other streams, so this is free there.
      if (!streamMatches(query.selection, stream)) continue;
      page.push({ id: e.eventId ?? `${e.timestamp}|${stream}|${read + page.length}`, ts: e.timestamp ?? 0, stream, message: trimMessage(e.message) });
    }
    read += out.events?.length ?? 0;
    if (page.length) yield page;
    nextToken = out.nextToken;
  } while (nextToken && read < max);
}

// ---- Live tail: StartLiveTail where the endpoint has it, FilterLogEvents polling otherwise ----

const POLL_MS = Number(process.env.PORTSIDE_LOG_POLL_MS) || 1000;
// Lines reach CloudWatch a little after they were written; each poll re-reads this much back.
const SLACK_MS = 30_000;
const LIVE_TAIL_RETRY_MS = 10 * 60_000;
const SESSION_IDLE_MS = 10_000;
const MAX_PENDING = 10_000;

// Endpoints without StartLiveTail (emulators, some partitions): remembered per connection and region.
const liveTailOffUntil = new Map<string, number>();
const endpointKey = (conn: ConnectionSettings, region: string) => `${conn.id}:${conn.updatedAt.getTime()}:${region}`;

/** The ARN StartLiveTail wants for a group (it does not take names). Null when the group does not exist. */
async function groupArn(client: LogsClient, group: string): Promise<string | null> {
  const out = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group, limit: 50 }));
  const found = (out.logGroups ?? []).find((g) => g.logGroupName === group);
  return found ? (found.logGroupArn ?? found.arn?.replace(/:\*$/, "") ?? null) : null;
}

/** One StartLiveTail session: events pile up as AWS pushes them (≤1 update/s) until a poll drains them. */
class LiveTailSession {
  alive = true;
  #pending: LogEvent[] = [];
  #lastDrain = Date.now();
  #abort = new AbortController();
  #idle: ReturnType<typeof setInterval>;
  #n = 0;

  private constructor() {
    // Nobody drains a session whose viewers left (the hub stopped polling): end it, it holds one of 15.
    this.#idle = setInterval(() => Date.now() - this.#lastDrain > SESSION_IDLE_MS && this.close(), 2000);
    this.#idle.unref?.();
  }

  static async start(client: LogsClient, arn: string, query: LogQuery): Promise<LiveTailSession> {
    const session = new LiveTailSession();
    try {
      const out = await client.send(
        new StartLiveTailCommand({
          logGroupIdentifiers: [arn],
          logStreamNames: query.selection.names,
          logStreamNamePrefixes: query.selection.names || !query.selection.prefix ? undefined : [query.selection.prefix],
          logEventFilterPattern: query.pattern || undefined,
        }),
        { abortSignal: session.#abort.signal },
      );
      if (!out.responseStream) throw new Error("StartLiveTail returned no event stream");
      void session.#consume(out.responseStream);
      return session;
    } catch (error) {
      session.close();
      throw error;
    }
  }

  async #consume(stream: AsyncIterable<{ sessionUpdate?: { sessionResults?: { logStreamName?: string; message?: string; timestamp?: number }[] }; SessionTimeoutException?: unknown; SessionStreamingException?: unknown }>) {
    try {
      for await (const update of stream) {
        if (update.SessionTimeoutException || update.SessionStreamingException) break;
        for (const e of update.sessionUpdate?.sessionResults ?? []) {
          const ts = e.timestamp ?? 0;
          const stream = e.logStreamName ?? "";
          this.#pending.push({ id: `lt:${ts}:${stream}:${this.#n++}`, ts, stream, message: trimMessage(e.message) });
        }
        if (this.#pending.length > MAX_PENDING) this.#pending.splice(0, this.#pending.length - MAX_PENDING);
      }
    } catch {
      // The stream broke (network, session limit reached later): the next poll starts a new one.
    } finally {
      this.close();
    }
  }

  drain(): LogEvent[] {
    this.#lastDrain = Date.now();
    const out = this.#pending;
    this.#pending = [];
    return out;
  }

  close() {
    this.alive = false;
    clearInterval(this.#idle);
    this.#abort.abort();
  }
}

/**
 * The shared live source of one query, for live.hub: one upstream reader per (group, streams,
 * pattern) whatever the number of viewers. It tries StartLiveTail first; when the endpoint refuses
 * (not implemented, no permission, 15 sessions in use) it polls FilterLogEvents every second from a
 * moving start time, dropping events it already handed out (by event id).
 */
export function liveTailSource(conn: ConnectionSettings, region: string, query: LogQuery, client: LogsClient = awsClient(conn, region, "logs")): WatchSource<TailBatch> {
  const seen = new RecentIds(50_000);
  let since = Date.now() - SLACK_MS;
  let seq = 0;
  let session: LiveTailSession | null = null;
  let sessionOffUntil = 0;

  async function tryLiveTail(): Promise<LiveTailSession | null> {
    if (session?.alive) return session;
    session = null;
    const key = endpointKey(conn, region);
    if ((liveTailOffUntil.get(key) ?? 0) > Date.now() || sessionOffUntil > Date.now()) return null;
    try {
      const arn = await groupArn(client, query.group);
      if (!arn) {
        sessionOffUntil = Date.now() + 30_000; // nothing wrote to the group yet: poll, look again later
        return null;
      }
      session = await LiveTailSession.start(client, arn, query);
      return session;
    } catch (error) {
      const name = (error as { name?: string })?.name ?? "Error";
      if (name === "LimitExceededException" || name === "ThrottlingException") sessionOffUntil = Date.now() + 60_000;
      else {
        liveTailOffUntil.set(key, Date.now() + LIVE_TAIL_RETRY_MS);
        console.info(`[logs] StartLiveTail unavailable on connection "${conn.name}" (${region}): ${name}; polling FilterLogEvents instead`);
      }
      return null;
    }
  }

  return {
    intervalMs: POLL_MS,
    maxIntervalMs: 30_000,
    // Each poll sends only the lines new since the last: a batch, not a snapshot another instance
    // could pick up as "the latest". Every instance tails for its own viewers.
    local: true,
    poll: async () => {
      const live = await tryLiveTail();
      if (live) {
        const events = live.drain();
        return { seq: events.length ? ++seq : seq, mode: "live-tail", events };
      }
      const fresh: LogEvent[] = [];
      let newest = since + SLACK_MS;
      for await (const page of readEvents(conn, region, query, { startMs: since, maxEvents: 50_000 }, client)) {
        for (const e of page) {
          if (seen.add(e.id)) fresh.push(e);
          if (e.ts > newest) newest = e.ts;
        }
      }
      since = Math.max(since, Math.min(newest, Date.now()) - SLACK_MS);
      return { seq: fresh.length ? ++seq : seq, mode: "polling", events: fresh };
    },
  };
}
