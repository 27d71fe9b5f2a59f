/** One log event as the viewer, the live tail and the download handle it. */
export type LogEvent = { id: string; ts: number; stream: string; message: string };

/** Compact form sent to browsers (100,000 lines as objects would repeat every key name). */
export type WireLine = [id: string, ts: number, stream: string, message: string];

export const toWire = (e: LogEvent): WireLine => [e.id, e.ts, e.stream, e.message];

/**
 * What makes two events the same regardless of how they were read: FilterLogEvents has event ids,
 * StartLiveTail does not, and a viewer joins a backfill read one way to a live tail read the other.
 */
export const sameEventKey = (e: LogEvent) => `${e.ts}|${e.stream}|${e.message}`;

/** A download's line: UTC time, stream and message, tab-separated so tools can split it. */
export function formatLine(e: LogEvent): string {
  return `${new Date(e.ts).toISOString()}\t${e.stream}\t${e.message}\n`;
}

/** The newline the awslogs driver leaves at the end of a message is not part of the line. */
export const trimMessage = (message: string | undefined) => (message ?? "").replace(/\r?\n$/, "");
