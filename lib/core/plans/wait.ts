import "server-only";
import { callAws } from "@/lib/core/aws/call";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { AwsOperationError } from "@/lib/core/errors";
import { formatDuration } from "@/lib/core/format/duration";
import { readPath, resolveRefs, type StepOutputs } from "./refs";
import type { WaitFor } from "./types";

const DEFAULT_INTERVAL_MS = 15_000;
const DEFAULT_TIMEOUT_MS = 45 * 60_000;

export type WaitOutcome = { ok: true; status: string } | { ok: false; status: string; reason: string };

/**
 * Polls a read until the resource reaches a success or failure status, reporting
 * each observation (shown on the run page). Transient read errors are retried until
 * the timeout. PORTSIDE_WAIT_POLL_MS shortens the interval (tests, fast endpoints).
 */
export async function waitUntil(
  conn: ConnectionSettings,
  region: string,
  waitFor: WaitFor,
  outputs: StepOutputs,
  startedAt: Date,
  report: (progress: string) => Promise<void>,
): Promise<WaitOutcome> {
  const input = resolveRefs(waitFor.input, outputs);
  // "{step.output}" in the path names the element to follow by a value known only once the step ran.
  const path = waitFor.path.replace(/\{([\w-]+\.[\w.-]+)\}/g, (_, ref: string) => String(resolveRefs({ $ref: ref }, outputs)));
  const interval = Number(process.env.PORTSIDE_WAIT_POLL_MS) || waitFor.intervalMs || DEFAULT_INTERVAL_MS;
  const deadline = startedAt.getTime() + (waitFor.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let status = "unknown";
  for (;;) {
    try {
      const { output } = await callAws(conn, region, waitFor.service, waitFor.operation, input);
      const value = readPath(output, path);
      // Batch reads (DescribeServices) answer a missing resource with an empty list, not an error.
      if (value === undefined && waitFor.untilGone) {
        await report(`Waiting for ${waitFor.description}: deleted · ${formatDuration(Date.now() - startedAt.getTime())}`);
        return { ok: true, status: "deleted" };
      }
      status = String(value ?? "unknown");
    } catch (error) {
      const gone = error instanceof AwsOperationError && /NotFound/.test(error.details.code);
      if (gone && waitFor.untilGone) {
        await report(`Waiting for ${waitFor.description}: deleted · ${formatDuration(Date.now() - startedAt.getTime())}`);
        return { ok: true, status: "deleted" };
      }
      status = `read failed (${(error as Error).message.slice(0, 120)}), retrying`;
    }
    await report(`Waiting for ${waitFor.description}: ${status} · ${formatDuration(Date.now() - startedAt.getTime())}`);
    if (waitFor.success.includes(status)) return { ok: true, status };
    if (waitFor.failure?.includes(status)) return { ok: false, status, reason: `AWS reports ${status} for ${waitFor.description}.` };
    if (Date.now() > deadline) return { ok: false, status, reason: `Gave up waiting for ${waitFor.description} after ${formatDuration(Date.now() - startedAt.getTime())}; last status ${status}.` };
    await new Promise((r) => setTimeout(r, interval));
  }
}
