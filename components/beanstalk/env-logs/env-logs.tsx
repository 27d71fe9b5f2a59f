"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { requestLogsAction, previewRequestLogsAction, retrieveLogsAction } from "@/lib/beanstalk/env-logs/actions";

type Target = { connectionId: string; region: string; applicationName: string; environmentName: string };
type Sample = { instanceId: string; sampledAt: string; text?: string; truncated?: boolean; error?: string };
type Waiting = { type: "tail" | "bundle"; requestedAt: number } | null;

const POLL_MS = 2000;
const GIVE_UP_MS = 120_000;

/**
 * Logs of every instance: ask for the last 100 lines or the full logs (a reviewed
 * RequestEnvironmentInfo), wait while the instances upload them, then show the tail here or offer
 * each instance's zip through Portside's download route.
 */
export function EnvLogs({ canRequest, busy, ...target }: Target & { canRequest: boolean; busy: boolean }) {
  const [tailState, requestTail] = useActionState(requestLogsAction, initialState);
  const [bundleState, requestBundle] = useActionState(requestLogsAction, initialState);
  const [waiting, setWaiting] = useState<Waiting>(null);
  const [elapsed, setElapsed] = useState(0);
  const [tails, setTails] = useState<Sample[] | null>(null);
  const [bundles, setBundles] = useState<Sample[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const seen = useRef(new Set<unknown>());

  useEffect(() => {
    for (const state of [tailState, bundleState]) {
      if (!state.ok || !state.data || seen.current.has(state)) continue;
      seen.current.add(state);
      const type = state.data.infoType === "bundle" ? "bundle" : "tail";
      setProblem(null);
      setWaiting({ type, requestedAt: Number(state.data.requestedAt) });
    }
  }, [tailState, bundleState]);

  useEffect(() => {
    if (!waiting) return;
    let stopped = false;
    const started = Date.now();
    async function poll() {
      if (stopped) return;
      setElapsed(Math.round((Date.now() - started) / 1000));
      const form = new FormData();
      for (const [k, v] of Object.entries(target)) form.set(k, v);
      form.set("infoType", waiting!.type);
      form.set("since", String(waiting!.requestedAt));
      const result = await retrieveLogsAction(initialState, form).catch(() => ({ ok: false, message: "Portside could not be reached." }) as const);
      if (stopped) return;
      const samples = (result.ok ? ((result as { data?: { samples?: Sample[] } }).data?.samples ?? []) : []) as Sample[];
      if (!result.ok) {
        setProblem(result.message ?? "The logs could not be read.");
        setWaiting(null);
        return;
      }
      if (samples.length) {
        if (waiting!.type === "tail") setTails(samples);
        else setBundles(samples);
        setWaiting(null);
        return;
      }
      if (Date.now() - started > GIVE_UP_MS) {
        setProblem("No logs arrived within two minutes. The instances may be busy or stopped: look at the events, then request again.");
        setWaiting(null);
        return;
      }
      timer = setTimeout(poll, POLL_MS);
    }
    let timer = setTimeout(poll, 500);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting]);

  const message = tailState.ok ? undefined : tailState.message;
  const bundleMessage = bundleState.ok ? undefined : bundleState.message;
  const download = (instanceId: string) =>
    `/api/beanstalk/logs?${new URLSearchParams({ application: target.applicationName, environment: target.environmentName, instance: instanceId })}`;

  return (
    <div className="space-y-3">
      {canRequest ? (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Request logs">
          <ReviewedConfirmDialog
            triggerLabel="Request last 100 lines"
            triggerProps={{ variant: "secondary", size: "sm", disabled: busy || waiting !== null }}
            tone="primary"
            title="Request the last 100 lines of each log?"
            description="Every instance uploads the end of its log files (eb-engine, the container's output, the proxy) to the environment's S3 bucket for about 15 minutes."
            confirmLabel="Request logs"
            fields={{ ...target, infoType: "tail" }}
            preview={previewRequestLogsAction}
            formAction={requestTail}
          />
          <ReviewedConfirmDialog
            triggerLabel="Request full logs"
            triggerProps={{ variant: "secondary", size: "sm", disabled: busy || waiting !== null }}
            tone="primary"
            title="Request the full logs of each instance?"
            description="Every instance zips all its log files and uploads the zip to the environment's S3 bucket for about 15 minutes; Portside then offers each zip for download."
            confirmLabel="Request logs"
            fields={{ ...target, infoType: "bundle" }}
            preview={previewRequestLogsAction}
            formAction={requestBundle}
          />
        </div>
      ) : (
        <p className="text-sm text-ink-muted">Requesting logs needs the operator role.</p>
      )}
      {waiting && (
        <p role="status" className="text-sm text-ink-muted" data-testid="logs-waiting">
          Waiting for the instances to upload their {waiting.type === "tail" ? "last 100 lines" : "full logs"}… {elapsed} s
          <progress className="ml-2 align-middle" aria-label="Waiting for logs" max={GIVE_UP_MS / 1000} value={elapsed} />
        </p>
      )}
      {(message || bundleMessage || problem) && <Alert tone="error">{message ?? bundleMessage ?? problem}</Alert>}
      {!waiting && !tails && !bundles && !problem && (
        <p className="text-sm text-ink-muted">No logs requested yet. Request the last 100 lines to read them here, or the full logs to download a zip per instance.</p>
      )}
      {tails && (
        <div className="space-y-3" data-testid="logs-tail">
          {tails.map((t) => (
            <section key={t.instanceId} aria-label={`Last lines of ${t.instanceId}`}>
              <h3 className="text-sm font-medium">
                {t.instanceId} <span className="font-normal text-ink-muted">· taken {new Date(t.sampledAt).toLocaleTimeString()}</span>
              </h3>
              {t.error ? (
                <Alert tone="error">{t.error}</Alert>
              ) : (
                <pre className="mt-1 max-h-96 overflow-auto rounded-md bg-canvas p-3 font-mono text-xs whitespace-pre-wrap">{t.text}{t.truncated ? "\n… (cut at 256 KB)" : ""}</pre>
              )}
            </section>
          ))}
        </div>
      )}
      {bundles && (
        <ul className="space-y-1 text-sm" aria-label="Full logs" data-testid="logs-bundles">
          {bundles.map((b) => (
            <li key={b.instanceId}>
              <a href={download(b.instanceId)} download className="font-medium text-accent underline">
                Download the logs of {b.instanceId}
              </a>{" "}
              <span className="text-ink-muted">(zip, taken {new Date(b.sampledAt).toLocaleTimeString()})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
