"use client";

import { useActionState, useRef } from "react";
import { Select } from "@/components/ui/input";
import { initialState } from "@/lib/core/actions/state";
import { switchContextAction } from "@/lib/core/connections/actions";
import type { WorkingContext } from "@/lib/core/connections/context";

export type SwitcherConnection = { id: string; name: string; regions: string[] };

/** Connection and region the panel shows; every AWS page reads them from the same cookie. */
export function ContextSwitcher({ context, connections }: { context: WorkingContext | null; connections: SwitcherConnection[] }) {
  const [, action] = useActionState(switchContextAction, initialState);
  const form = useRef<HTMLFormElement>(null);
  if (!context) return <span className="text-xs text-ink-muted">No AWS connection yet</span>;
  const current = connections.find((c) => c.id === context.connectionId);
  return (
    <form ref={form} action={action} className="flex items-center gap-2" aria-label="AWS connection and region">
      <label htmlFor="ctx-connection" className="text-xs text-ink-muted">Connection</label>
      <Select id="ctx-connection" name="connectionId" defaultValue={context.connectionId} className="w-48"
        onChange={() => form.current?.requestSubmit()}>
        {connections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </Select>
      <label htmlFor="ctx-region" className="text-xs text-ink-muted">Region</label>
      <Select id="ctx-region" name="region" key={context.connectionId} defaultValue={context.region} className="w-36"
        onChange={() => form.current?.requestSubmit()}>
        {(current?.regions ?? [context.region]).map((r) => <option key={r} value={r}>{r}</option>)}
      </Select>
      <input type="hidden" name="returnTo" value="/" />
    </form>
  );
}
