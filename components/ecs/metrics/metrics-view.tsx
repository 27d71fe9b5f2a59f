"use client";

import { useState } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream, type LiveError } from "@/components/live/use-live-stream";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RANGE_LABELS, type MetricRange } from "@/lib/ecs/metrics/range";
import { hasData, type ServiceUtilization } from "@/lib/ecs/metrics/series";
import { formatCpu, formatMemory, type TaskSize } from "@/lib/ecs/metrics/task-size";
import { RangePicker } from "./range-picker";
import { UtilizationChart } from "./utilization-chart";
import { plural, pluralWord } from "@/lib/core/format/plural";

export type MetricsContext = {
  desired: number;
  running: number;
  /** When the service was created (ISO), to explain an empty chart of a new service. */
  createdAt?: string;
  taskSize: TaskSize | null;
  deployments: { id: string; at: number }[];
};

type Props = {
  base: string;
  streamUrl: string;
  range: MetricRange;
  initial: ServiceUtilization | null;
  initialError: LiveError | null;
  context: MetricsContext;
};

/** The newer of two reads: a watcher that joined late may first replay a value older than the page's. */
function newest(range: MetricRange, a: ServiceUtilization | null, b: ServiceUtilization | null) {
  const ok = (u: ServiceUtilization | null) => (u && u.range === range ? u : null);
  const [x, y] = [ok(a), ok(b)];
  if (!x || !y) return x ?? y;
  return y.readAt > x.readAt ? y : x;
}

function emptyReason({ desired, running, createdAt }: MetricsContext, data: ServiceUtilization): string {
  const created = createdAt ? Date.parse(createdAt) : NaN;
  const isNew = Number.isFinite(created) && created >= data.start;
  const createdText = isNew ? `The service was created at ${new Date(created).toISOString().slice(11, 16)} UTC` : "";
  if (running === 0) {
    const idle = `no task runs right now (0 of ${desired} desired), so there is nothing to measure yet`;
    return isNew ? `${createdText} and ${idle}.` : `${idle.charAt(0).toUpperCase()}${idle.slice(1)}.`;
  }
  if (isNew) return `${createdText}; its first points appear a minute or two after its first task starts.`;
  return `${running} of ${plural(desired, "task")} ${pluralWord(running, "runs", "run")}; points for the last ${RANGE_LABELS[data.range]} should appear within two minutes. If they never do, check that the tasks stay RUNNING.`;
}

/** The Metrics tab: CPU and memory charts for one range, refreshed live once a minute through the shared watcher. */
export function MetricsView({ base, streamUrl, range, initial, initialError, context }: Props) {
  const live = useLiveStream<ServiceUtilization | null>(streamUrl, initial);
  const [refreshing, setRefreshing] = useState(false);
  const data = newest(range, initial, live.value);
  const error = live.error ?? (data ? null : initialError);
  const size = context.taskSize;

  async function refresh() {
    setRefreshing(true);
    try {
      await fetch(streamUrl, { method: "POST" });
    } finally {
      // The new read arrives through the stream; the button only says the request went out.
      setTimeout(() => setRefreshing(false), 800);
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RangePicker base={base} current={range} />
        <div className="flex items-center gap-3">
          <LiveIndicator status={live.status} at={live.at ?? data?.readAt ?? null} onPause={live.pause} onResume={live.resume} />
          <Button variant="secondary" size="sm" onClick={refresh} pending={refreshing} disabled={live.status === "paused"}>
            Refresh now
          </Button>
        </div>
      </div>

      {size && (
        <p className="text-xs text-ink-muted" data-testid="task-size">
          Each task of <span className="font-mono">{size.taskDefinition}</span> reserves {formatCpu(size.cpuUnits)} and {formatMemory(size.memoryMiB)}
          {size.source === "containers" ? " (sum of its containers)" : ""}; utilization is measured against that. {context.running} of {context.desired} tasks
          running.
        </p>
      )}

      {error && (
        <Alert tone="error" title={data ? "CloudWatch did not answer the last refresh; the charts show the previous read" : "CloudWatch did not answer"}>
          <p>{error.message}</p>
          {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
          {error.retryInMs ? <p className="mt-1 text-xs">Trying again in {Math.round(error.retryInMs / 1000)} s.</p> : null}
        </Alert>
      )}

      {data && !hasData(data.cpu) && !hasData(data.memory) ? (
        <EmptyState
          data-testid="metrics-empty"
          title="No data points yet: ECS publishes service metrics every minute once tasks run"
          description={emptyReason(context, data)}
        />
      ) : data ? (
        <div className="grid gap-4 xl:grid-cols-2">
          <UtilizationChart
            metric="CPU"
            testId="cpu-chart"
            series={data.cpu}
            range={range}
            start={data.start}
            end={data.end}
            period={data.period}
            baseline={size?.cpuUnits ? formatCpu(size.cpuUnits).replace(/ \(.*/, "") + " per task" : undefined}
            deployments={context.deployments}
          />
          <UtilizationChart
            metric="memory"
            testId="memory-chart"
            series={data.memory}
            range={range}
            start={data.start}
            end={data.end}
            period={data.period}
            baseline={size?.memoryMiB ? `${formatMemory(size.memoryMiB)} per task` : undefined}
            deployments={context.deployments}
          />
        </div>
      ) : null}
    </div>
  );
}
