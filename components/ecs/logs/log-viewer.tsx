"use client";

import { useEffect, useMemo, useState } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import type { LiveStatus } from "@/components/live/use-live-stream";
import { Alert } from "@/components/ui/alert";
import { logViewSearch, type LogViewQuery } from "@/lib/ecs/logs/params";
import type { ContainerLogSource } from "@/lib/ecs/logs/sources";
import { LogLines } from "./log-lines";
import { LogToolbar, type ToolbarValue } from "./log-toolbar";
import { useLogTail, type TailState } from "./use-log-tail";
import { pluralWord } from "@/lib/core/format/plural";

export type LogViewerProps = {
  cluster: string;
  service?: string;
  task?: string;
  sources: ContainerLogSource[];
  /** The working region, for sources whose awslogs-region is not set. */
  region: string;
  initial: Partial<ToolbarValue>;
};

const STATUS: Record<TailState["phase"], LiveStatus> = {
  idle: "connecting",
  loading: "connecting",
  live: "live",
  done: "paused",
  reconnecting: "reconnecting",
  failed: "reconnecting",
};

/** The log viewer of a service or a task: toolbar, status line and the virtualized lines. */
export function LogViewer({ cluster, service, task, sources, region, initial }: LogViewerProps) {
  const [value, setValue] = useState<ToolbarValue>({
    container: initial.container && sources.some((s) => s.container === initial.container) ? initial.container : sources[0]!.container,
    range: initial.range ?? "15m",
    start: initial.start,
    end: initial.end,
    pattern: initial.pattern ?? "",
  });
  const [highlight, setHighlight] = useState("");
  const [wrap, setWrap] = useState(false);
  const view: LogViewQuery = { cluster, service, task, container: value.container, range: value.range, start: value.start, end: value.end, pattern: value.pattern || undefined };
  const search = logViewSearch(view);
  const { buffer, version, state, paused, heldCount, pause, resume } = useLogTail(`/api/live/logs?${search}`);
  const source = sources.find((s) => s.container === value.container)!;

  // Keep the address shareable without a navigation (a navigation would re-render the page).
  useEffect(() => {
    const own = new URLSearchParams(search);
    for (const k of ["cluster", "service", "task"]) own.delete(k);
    window.history.replaceState(null, "", `?${own.toString()}`);
  }, [search]);

  const where = useMemo(() => {
    const stream = task ? `${source.prefix}/${source.container}/${task}` : source.prefix ? `${source.prefix}/${source.container}/*` : "all streams";
    return `${source.group} · ${stream} · ${source.region ?? region}`;
  }, [source, task, region]);

  const status: LiveStatus = paused ? "paused" : STATUS[state.phase];
  const emptyText =
    state.phase === "loading" ? "Reading the log group…" : value.pattern ? "No line in this range matches the filter pattern." : "No lines in this range yet. New lines appear here as the containers write them.";

  return (
    <section aria-label="Logs" className="flex h-[calc(100vh-15rem)] min-h-[28rem] flex-col gap-3">
      <LogToolbar
        value={value}
        onChange={setValue}
        sources={sources}
        highlight={highlight}
        onHighlight={setHighlight}
        wrap={wrap}
        onWrap={setWrap}
        downloadHref={`/api/logs/download?${search}`}
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-muted">
        {state.phase === "done" ? (
          <span className="font-medium text-ink">Range loaded (it ends in the past, so nothing new arrives)</span>
        ) : (
          <LiveIndicator status={status} onPause={pause} onResume={resume} at={state.at} />
        )}
        <span data-testid="log-count">
          {buffer.length.toLocaleString("en-US")} {pluralWord(buffer.length, "line")}
          {paused && heldCount > 0 && ` · ${heldCount.toLocaleString("en-US")} new while paused`}
        </span>
        {buffer.dropped > 0 && <span className="text-amber-700">{buffer.dropped.toLocaleString("en-US")} older lines dropped to keep the view fast</span>}
        {state.truncated && <span className="text-amber-700">The range holds more lines than the view keeps; download it for all of them.</span>}
        {state.mode && <span>{state.mode === "live-tail" ? "New lines pushed by CloudWatch Live Tail" : "New lines polled every second"}</span>}
        <span className="ml-auto truncate font-mono" title={where}>{where}</span>
      </div>
      {state.error && (
        <Alert tone={state.phase === "failed" ? "error" : "warning"} title={state.phase === "failed" ? "The logs could not be read" : "Reading new lines failed; retrying"}>
          <p>{state.error.message}</p>
          {state.error.requestId && <p className="mt-1 font-mono text-xs">Request id: {state.error.requestId}</p>}
        </Alert>
      )}
      <LogLines buffer={buffer} version={version} wrap={wrap} highlight={highlight} showStream={!task} paused={paused} onResume={resume} empty={emptyText} />
    </section>
  );
}
