"use client";

import { useEffect, useState } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream, type LiveError } from "@/components/live/use-live-stream";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ScalingTarget } from "./form-bits";
import { QueueScalingForm } from "./queue-scaling-form";
import { RemoveScalingForm } from "./remove-scaling-form";
import type { ScalingSnapshot } from "./scaling-data";
import { ScalingStatus } from "./scaling-status";
import { ScheduledScalingForm } from "./scheduled-scaling-form";
import { TargetTrackingForm, type AlbTarget } from "./target-tracking-form";

const EDITORS = [
  { id: "target", label: "Target tracking" },
  { id: "queue", label: "Queue-driven" },
  { id: "scheduled", label: "Scheduled" },
] as const;

type Props = {
  streamUrl: string;
  initial: ScalingSnapshot | null;
  initialError: LiveError | null;
  target: ScalingTarget;
  canOperate: boolean;
  albTargets: AlbTarget[];
  queues: string[];
  queuesError?: string;
};

/** The Scaling tab: what AWS holds now (live), then the editors, each a reviewed plan. */
export function ScalingView(props: Props) {
  const stream = useLiveStream<ScalingSnapshot | null>(props.streamUrl, props.initial);
  const error = stream.error ?? (stream.value ? null : props.initialError);
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => setNow(new Date()), [stream.at]);
  const [editor, setEditor] = useState<(typeof EDITORS)[number]["id"]>("target");
  const value = stream.value;
  // The editors start from what AWS held when the page opened (a live change does not reset typing).
  const [start] = useState(props.initial);

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-sm font-semibold text-ink">Auto scaling</h2>
        <LiveIndicator status={stream.status} at={stream.at} onPause={stream.pause} onResume={stream.resume} />
      </div>
      {error && (
        <Alert tone="error" title="Could not read auto scaling">
          <p>{error.message}</p>
          {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
        </Alert>
      )}
      {value && <ScalingStatus value={value} now={now} />}

      {props.canOperate && start && (
        <Card>
          <CardHeader title={value?.target ? "Change auto scaling" : "Turn on auto scaling"} description="Every change is a plan you review before it runs; it is recorded in the history." />
          <CardBody className="space-y-4">
            <div role="tablist" aria-label="Scaling editors" className="flex gap-1 border-b border-line-subtle">
              {EDITORS.map((e) => (
                <button key={e.id} type="button" role="tab" aria-selected={editor === e.id} onClick={() => setEditor(e.id)}
                  className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${editor === e.id ? "border-sky-600 font-medium text-ink" : "border-transparent text-ink-muted hover:text-ink"}`}>
                  {e.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" aria-label={EDITORS.find((e) => e.id === editor)?.label}>
              {editor === "target" && <TargetTrackingForm target={props.target} range={start.target} desired={start.desired} policies={start.policies} albTargets={props.albTargets} />}
              {editor === "queue" && <QueueScalingForm target={props.target} range={start.target} desired={start.desired} queues={props.queues} queuesError={props.queuesError} />}
              {editor === "scheduled" && <ScheduledScalingForm target={props.target} range={start.target} desired={start.desired} />}
            </div>
          </CardBody>
        </Card>
      )}
      {props.canOperate && value?.target && (
        <Card>
          <CardHeader title="Turn off auto scaling" description="Deregisters the scalable target; the desired count stays where it is and is yours again." />
          <CardBody><RemoveScalingForm target={props.target} desired={value.desired} /></CardBody>
        </Card>
      )}
    </div>
  );
}
