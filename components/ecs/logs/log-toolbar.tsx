"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldAria } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { filterPatternError } from "@/lib/ecs/logs/filter";
import type { ContainerLogSource } from "@/lib/ecs/logs/sources";
import { RANGE_PRESETS, resolveRange, toLocalInput } from "@/lib/ecs/logs/time-range";

/** What the server reads: changing any of it reopens the stream. */
export type ToolbarValue = { container: string; range: string; start?: string; end?: string; pattern: string };

type Props = {
  value: ToolbarValue;
  onChange: (value: ToolbarValue) => void;
  sources: ContainerLogSource[];
  highlight: string;
  onHighlight: (text: string) => void;
  wrap: boolean;
  onWrap: (wrap: boolean) => void;
  downloadHref: string;
};

// datetime-local inputs show UTC here (labelled so): the times CloudWatch stores.
const fromInput = (v: string) => (v ? new Date(`${v}:00Z`).toISOString() : undefined);
const Label = ({ htmlFor, children }: { htmlFor: string; children: React.ReactNode }) => (
  <label htmlFor={htmlFor} className="text-[13px] font-medium text-ink">{children}</label>
);
const FieldMessage = ({ id, message }: { id: string; message?: string | null }) =>
  message ? <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">{message}</p> : null;

export function LogToolbar({ value, onChange, sources, highlight, onHighlight, wrap, onWrap, downloadHref }: Props) {
  const [pattern, setPattern] = useState(value.pattern);
  const [patternError, setPatternError] = useState<string | null>(null);
  const [custom, setCustom] = useState({
    start: value.start ? toLocalInput(Date.parse(value.start)) : toLocalInput(Date.now() - 60 * 60_000),
    end: value.end ? toLocalInput(Date.parse(value.end)) : "",
  });
  const [customOpen, setCustomOpen] = useState(value.range === "custom");
  const [rangeError, setRangeError] = useState<{ field: string; message: string } | null>(null);

  const applyPattern = () => {
    const error = filterPatternError(pattern);
    setPatternError(error);
    if (!error) onChange({ ...value, pattern: pattern.trim() });
  };
  const applyCustom = () => {
    const candidate = { range: "custom", start: fromInput(custom.start), end: fromInput(custom.end) };
    const resolved = resolveRange(candidate, Date.now());
    if (!resolved.ok) return setRangeError({ field: resolved.field, message: resolved.message });
    setRangeError(null);
    onChange({ ...value, ...candidate });
  };

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-3">
      {sources.length > 1 && (
        <div className="flex flex-col gap-1">
          <Label htmlFor="log-container">Container</Label>
          <Select id="log-container" className="w-36" value={value.container} onChange={(e) => onChange({ ...value, container: e.target.value })}>
            {sources.map((s) => (
              <option key={s.container} value={s.container}>{s.container}</option>
            ))}
          </Select>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <Label htmlFor="log-range">Time range</Label>
        <Select
          id="log-range"
          className="w-40"
          value={customOpen ? "custom" : value.range}
          onChange={(e) => {
            if (e.target.value === "custom") return setCustomOpen(true);
            setCustomOpen(false);
            setRangeError(null);
            onChange({ ...value, range: e.target.value, start: undefined, end: undefined });
          }}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p.value} value={p.value}>{p.label}</option>
          ))}
          <option value="custom">Custom…</option>
        </Select>
      </div>
      {customOpen && (
        <form className="flex items-end gap-2" onSubmit={(e) => (e.preventDefault(), applyCustom())}>
          <div className="flex flex-col gap-1">
            <Label htmlFor="log-start">Start (UTC)</Label>
            <Input id="log-start" type="datetime-local" className="w-48" value={custom.start} onChange={(e) => setCustom({ ...custom, start: e.target.value })} {...fieldAria("log-start", rangeError?.field === "start" ? rangeError.message : undefined)} />
            <FieldMessage id="log-start" message={rangeError?.field === "start" ? rangeError.message : null} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="log-end">End (UTC, empty = now)</Label>
            <Input id="log-end" type="datetime-local" className="w-48" value={custom.end} onChange={(e) => setCustom({ ...custom, end: e.target.value })} {...fieldAria("log-end", rangeError?.field === "end" ? rangeError.message : undefined)} />
            <FieldMessage id="log-end" message={rangeError?.field === "end" ? rangeError.message : null} />
          </div>
          <Button type="submit" variant="secondary">Apply range</Button>
        </form>
      )}
      <form className="flex min-w-48 flex-1 items-end gap-2" onSubmit={(e) => (e.preventDefault(), applyPattern())}>
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="log-pattern">Filter pattern</Label>
          <Input
            id="log-pattern"
            placeholder='e.g. ERROR or "GET /api" or { $.level = "error" }'
            value={pattern}
            onChange={(e) => setPattern(e.target.value)}
            className="font-mono"
            {...fieldAria("log-pattern", patternError ?? undefined)}
          />
          <FieldMessage id="log-pattern" message={patternError} />
        </div>
        <Button type="submit" variant="secondary">Filter</Button>
        {value.pattern && (
          <Button type="button" variant="ghost" onClick={() => (setPattern(""), setPatternError(null), onChange({ ...value, pattern: "" }))}>Clear</Button>
        )}
      </form>
      <div className="flex flex-col gap-1">
        <Label htmlFor="log-highlight">Highlight</Label>
        <Input id="log-highlight" className="w-32" placeholder="text in view" value={highlight} onChange={(e) => onHighlight(e.target.value)} />
      </div>
      <Checkbox label="Wrap lines" checked={wrap} onChange={(e) => onWrap(e.target.checked)} className="mb-1.5" />
      <a
        href={downloadHref}
        download
        className="mb-px inline-flex h-8 items-center rounded-md border border-line bg-surface px-3 text-sm font-medium text-ink shadow-xs hover:bg-canvas"
      >
        Download
      </a>
    </div>
  );
}
