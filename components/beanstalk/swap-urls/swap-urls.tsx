"use client";

import { useActionState, useState } from "react";
import { HealthBadge } from "@/components/beanstalk/environments/health-badge";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { ReviewedConfirmDialog } from "@/components/wizard/reviewed-confirm-dialog";
import { initialState } from "@/lib/core/actions/state";
import { previewSwapUrlsAction, swapUrlsAction } from "@/lib/beanstalk/swap-urls/actions";

export type SwapSide = { name: string; cname?: string; versionLabel?: string; health: string; healthStatus?: string; status: string };

type Props = {
  connectionId: string;
  region: string;
  applicationName: string;
  environmentName: string;
  current: SwapSide;
  /** The application's other environments (not terminated). */
  others: SwapSide[];
};

function Side({ title, env, testId }: { title: string; env: SwapSide; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="rounded-md border border-line p-3 text-sm">
      <h3 className="text-xs font-medium uppercase tracking-wide text-ink-muted">{title}</h3>
      <p className="mt-1 font-medium">{env.name}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-ink-muted">URL</dt>
        <dd className="break-all font-mono text-xs" data-testid={`${testId}-cname`}>{env.cname ?? "—"}</dd>
        <dt className="text-ink-muted">Version</dt>
        <dd>{env.versionLabel ?? "—"}</dd>
        <dt className="text-ink-muted">Status</dt>
        <dd>{env.status}</dd>
        <dt className="text-ink-muted">Health</dt>
        <dd><HealthBadge color={env.health} status={env.healthStatus} label={`${env.name} health`} /></dd>
      </dl>
    </section>
  );
}

/**
 * Blue/green: pick the other environment of the application, see both side by side, and swap
 * their URLs with a reviewed plan confirmed by typing this environment's name.
 */
export function SwapUrls({ current, others, ...target }: Props) {
  const [destination, setDestination] = useState(others[0]?.name ?? "");
  const [state, action] = useActionState(swapUrlsAction, initialState);
  if (!others.length) {
    return (
      <EmptyState
        title="No other environment to swap with"
        description={<>Swapping URLs needs a second environment of {target.applicationName} running the new version. <Link href="/beanstalk/new" className="underline">Create an environment</Link>, wait until it is Ready, then swap.</>}
      />
    );
  }
  const other = others.find((o) => o.name === destination) ?? others[0]!;
  const message = state.message ?? state.fieldErrors?.confirmName?.[0] ?? state.fieldErrors?.destinationName?.[0];
  return (
    <div className="space-y-3">
      <Field label="Swap with" htmlFor="swapDestination" hint="Another environment of the same application.">
        <Select id="swapDestination" value={other.name} onChange={(e) => setDestination(e.target.value)}>
          {others.map((o) => (
            <option key={o.name} value={o.name}>{o.name}</option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-3 md:grid-cols-2">
        <Side title="This environment" env={current} testId="swap-source" />
        <Side title="The other environment" env={other} testId="swap-destination" />
      </div>
      <p className="text-sm text-ink-muted">
        After the swap, {current.cname ?? "this URL"} serves {other.name} and {other.cname ?? "the other URL"} serves {current.name}. Clients follow as DNS caches expire (the records have a 60 s TTL).
      </p>
      <ReviewedConfirmDialog
        triggerLabel="Swap URLs"
        triggerProps={{ variant: "secondary", size: "sm", disabled: current.status !== "Ready" || other.status !== "Ready" }}
        tone="danger"
        title={`Swap the URLs of ${current.name} and ${other.name}?`}
        description="Live traffic moves at once: whoever uses this environment's URL reaches the other environment. Swapping again moves it back."
        confirmLabel="Swap URLs"
        requireText={current.name}
        fields={{ ...target, destinationName: other.name }}
        preview={previewSwapUrlsAction}
        formAction={action}
      />
      {message && <Alert tone="error">{message}</Alert>}
    </div>
  );
}
