import type { ReactNode } from "react";

/** One label/value pair of a details grid (a `dl`). */
export function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

/** An identifier (ARN, id, IP) in monospace that wraps instead of widening the page; "—" when empty. */
export const mono = (v?: string) => (v ? <span className="break-all font-mono text-xs">{v}</span> : "—");

/** The task definition revision page for "family:revision". */
export function revisionHref(familyRevision: string): string | null {
  const at = familyRevision.lastIndexOf(":");
  if (at < 1) return null;
  return `/ecs/task-definitions/${encodeURIComponent(familyRevision.slice(0, at))}/${familyRevision.slice(at + 1)}`;
}
