"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/time";
import type { LiveTask } from "@/lib/ecs/services/live";
import { VirtualRows } from "./virtual-rows";

type Filter = "all" | "live" | "stopped";
const isStopped = (t: LiveTask) => t.lastStatus === "STOPPED" || t.desiredStatus === "STOPPED";
const COLUMNS = "grid grid-cols-[minmax(15.5rem,1.6fr)_minmax(8.5rem,1fr)_5.5rem_4.5rem_6rem_7rem_5.5rem] gap-3 px-4";

function TaskRow({ t, taskHref }: { t: LiveTask; taskHref: (id: string) => string }) {
  const stopped = isStopped(t);
  return (
    <div className="border-b border-line-subtle py-2 text-sm" data-testid="task-row" data-task-id={t.id} data-status={t.lastStatus}>
      <div className={cn(COLUMNS, "items-center")}>
        <Link href={taskHref(t.id)} className="truncate font-mono text-xs text-accent-700 hover:underline" title={t.arn}>{t.id}</Link>
        <span className="flex flex-wrap items-center gap-1 text-xs">
          <StatusBadge status={t.lastStatus} />
          {t.desiredStatus && t.desiredStatus !== t.lastStatus && <span className="text-ink-muted">→ {t.desiredStatus.toLowerCase()}</span>}
        </span>
        <span>{t.health === "UNKNOWN" ? <span className="text-xs text-ink-muted">unknown</span> : <StatusBadge status={t.health} />}</span>
        <span className="truncate font-mono text-xs">{t.taskDefinition.split(":").pop() ? `rev ${t.taskDefinition.split(":").pop()}` : "—"}</span>
        <span className="text-xs">{t.az || "—"}</span>
        <span className="font-mono text-xs">{t.privateIp || "—"}</span>
        <span className="text-xs text-ink-muted">{t.startedAt ? <RelativeTime date={t.startedAt} /> : "not started"}</span>
      </div>
      {stopped && (t.stopCode || t.stoppedReason || t.exitCode !== undefined) && (
        <p className="mt-1 px-4 text-xs text-ink-muted" data-testid="stop-details">
          {t.stoppedAt && <>Stopped <RelativeTime date={t.stoppedAt} /> · </>}
          {t.stopCode && <span className="font-medium text-ink">{t.stopCode}</span>}
          {t.stoppedReason && <>: {t.stoppedReason}</>}
          {t.exitCode !== undefined && <> · <span className={t.exitCode === 0 ? undefined : "font-medium text-red-700"}>exit code {t.exitCode}</span></>}
        </p>
      )}
    </div>
  );
}

/** The service's tasks: running and pending ones, then the recently stopped ones with why they stopped. */
export function ServiceTasks({ tasks, taskHref }: { tasks: LiveTask[]; taskHref: (id: string) => string }) {
  const [filter, setFilter] = useState<Filter>("all");
  const live = tasks.filter((t) => !isStopped(t)).length;
  const counts: Record<Filter, number> = { all: tasks.length, live, stopped: tasks.length - live };
  const shown = tasks.filter((t) => filter === "all" || (filter === "stopped") === isStopped(t));
  const labels: Record<Filter, string> = { all: "All", live: "Running and pending", stopped: "Stopped" };
  return (
    <Card>
      <CardHeader
        title="Tasks"
        description="Stopped tasks stay listed while ECS keeps them (about an hour)."
        actions={
          <div className="inline-flex overflow-hidden rounded-md border border-line text-xs" role="group" aria-label="Show tasks">
            {(Object.keys(labels) as Filter[]).map((f) => (
              <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}
                className={cn("px-2 py-1 focus-visible:outline-2 focus-visible:outline-sky-600", filter === f ? "bg-accent-50 font-medium text-accent-700" : "text-ink-muted hover:bg-canvas")}>
                {labels[f]} ({counts[f]})
              </button>
            ))}
          </div>
        }
      />
      <CardBody className="overflow-x-auto p-0">
        {shown.length === 0 ? (
          <p className="px-4 py-3 text-sm text-ink-muted">
            {tasks.length === 0 ? "No tasks yet: ECS starts them up to the desired count." : "No tasks in this view."}
          </p>
        ) : (
          <div className="min-w-[60rem]">
            <div className={cn(COLUMNS, "border-b border-line bg-canvas py-2 text-xs font-medium text-ink-muted")} aria-hidden>
              <span>Task</span><span>Last / desired status</span><span>Health</span><span>Revision</span><span>Zone</span><span>Private IP</span><span>Started</span>
            </div>
            <VirtualRows aria-label="Tasks" items={shown} getKey={(t) => t.arn || t.id} estimate={41} render={(t) => <TaskRow t={t} taskHref={taskHref} />} />
          </div>
        )}
      </CardBody>
    </Card>
  );
}
