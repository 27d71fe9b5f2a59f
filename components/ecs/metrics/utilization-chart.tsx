"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { MetricRange } from "@/lib/ecs/metrics/range";
import { timeTicks } from "@/lib/ecs/metrics/ticks";
import { axisMax, formatPercent, type UtilizationPoint, type UtilizationSeries } from "@/lib/ecs/metrics/series";

type Props = {
  /** "CPU" or "Memory": used in the title and the spoken summary. */
  metric: string;
  series: UtilizationSeries;
  range: MetricRange;
  start: number;
  end: number;
  period: number;
  /** What 100 % means here, e.g. "of 0.25 vCPU reserved per task". */
  baseline?: string;
  deployments?: { id: string; at: number }[];
  testId: string;
};

const AVERAGE = "#2c58d6";
const MAXIMUM = "#d97706";

const utc = (t: number) => new Date(t).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** Axis labels in the browser's time zone: clock time for hours, day and hour for a week. */
function tickFormatter(range: MetricRange) {
  const options: Intl.DateTimeFormatOptions =
    range === "7d" ? { month: "short", day: "numeric" } : { hour: "2-digit", minute: "2-digit" };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (t: number) => format.format(new Date(t));
}

type TooltipProps = { active?: boolean; payload?: readonly { payload?: unknown }[]; metric: string };

function ChartTooltip({ active, payload, metric }: TooltipProps) {
  const point = payload?.[0]?.payload as UtilizationPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-ink">{new Date(point.t).toLocaleString()}</p>
      <p className="text-ink-muted">{utc(point.t)}</p>
      <p className="mt-1" style={{ color: AVERAGE }}>
        Average {metric}: {formatPercent(point.average)}
      </p>
      <p style={{ color: MAXIMUM }}>
        Maximum {metric}: {formatPercent(point.maximum)}
      </p>
    </div>
  );
}

/**
 * A line between gaps needs two neighbouring points; a point with gaps on both sides (the first
 * minute of a new service, one hour of a week) would be invisible, so it gets a dot.
 */
function loneDot(points: UtilizationPoint[], key: "average" | "maximum", color: string) {
  function LoneDot({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) {
    const i = index ?? -1;
    const lone = points[i]?.[key] != null && points[i - 1]?.[key] == null && points[i + 1]?.[key] == null;
    if (!lone || cx === undefined || cy === undefined) return <g key={i} />;
    return <circle key={i} cx={cx} cy={cy} r={2.5} fill={color} stroke={color} />;
  }
  return LoneDot;
}

/** One utilization metric: Average and Maximum per period over the range, with a summary a screen reader can read. */
export function UtilizationChart({ metric, series, range, start, end, period, baseline, deployments = [], testId }: Props) {
  const latest = series.latest;
  const withData = series.points.filter((p) => p.average !== null || p.maximum !== null).length;
  const summary = latest
    ? `Latest average ${metric} ${formatPercent(latest.average)}, maximum ${formatPercent(latest.maximum)} at ${utc(latest.t)}`
    : `No ${metric} data points in this range`;
  const top = axisMax(series);
  const ticks = top === 100 ? [0, 25, 50, 75, 100] : undefined;
  const summaryId = `${testId}-summary`;
  return (
    <Card>
      <CardHeader
        title={`${metric.charAt(0).toUpperCase()}${metric.slice(1)} utilization`}
        description={`Per ${period >= 3600 ? `${period / 3600} h` : period >= 60 ? `${period / 60} min` : `${period} s`}${baseline ? ` · 100% = ${baseline}` : ""}`}
        actions={series.peak !== null ? <span className="text-xs text-ink-muted">Peak {formatPercent(series.peak)}</span> : undefined}
      />
      <CardBody>
        <figure data-testid={testId} data-points={withData} aria-labelledby={summaryId} className="m-0">
          <div className="h-56 w-full" aria-hidden>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={series.points} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
                <CartesianGrid stroke="#e5e8ee" vertical={false} />
                <XAxis
                  dataKey="t"
                  type="number"
                  scale="time"
                  domain={[start, end]}
                  ticks={timeTicks(range, start, end)}
                  tickFormatter={tickFormatter(range)}
                  tick={{ fontSize: 11, fill: "#566070" }}
                  minTickGap={8}
                />
                <YAxis domain={[0, top]} ticks={ticks} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 11, fill: "#566070" }} width={48} />
                <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} metric={metric} />} isAnimationActive={false} />
                {deployments
                  .filter((d) => d.at >= start && d.at < end)
                  .map((d) => (
                    <ReferenceLine
                      key={d.id}
                      x={d.at}
                      stroke="#94a3b8"
                      strokeDasharray="4 3"
                      // The label sits on the side with room, so a deployment near the right edge is not cut off.
                      label={{ value: "Deployment", position: d.at > (start + end) / 2 ? "insideTopRight" : "insideTopLeft", fontSize: 10, fill: "#566070" }}
                    />
                  ))}
                <Line type="monotone" dataKey="average" name="Average" stroke={AVERAGE} strokeWidth={2} dot={loneDot(series.points, "average", AVERAGE)} connectNulls={false} isAnimationActive={false} />
                <Line
                  type="monotone"
                  dataKey="maximum"
                  name="Maximum"
                  stroke={MAXIMUM}
                  strokeWidth={1.5}
                  strokeDasharray="5 3"
                  dot={loneDot(series.points, "maximum", MAXIMUM)}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-ink-muted">
            <span className="flex items-center gap-3" aria-hidden>
              <span className="inline-flex items-center gap-1.5">
                <span className="inline-block h-0.5 w-4" style={{ background: AVERAGE }} /> Average
              </span>
              <span className="inline-flex items-center gap-1.5">
                <span className="inline-block w-4 border-t-2 border-dashed" style={{ borderColor: MAXIMUM }} /> Maximum
              </span>
            </span>
            <span id={summaryId} data-testid={`${testId}-latest`}>
              {summary}
            </span>
          </figcaption>
        </figure>
      </CardBody>
    </Card>
  );
}
