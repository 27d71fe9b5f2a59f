"use client";

import { useRef, useState, type ReactNode } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmDialog, type ConfirmDialogProps } from "@/components/ui/confirm-dialog";
import { initialState, type ActionState } from "@/lib/core/actions/state";
import type { PlanReview } from "@/lib/core/plans/review-types";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export type ReviewedConfirmDialogProps = Omit<ConfirmDialogProps, "onOpen" | "confirmDisabled" | "formAction"> & {
  /** What identifies the change: posted to `preview` as the dialog opens, and with the confirm. */
  fields: Record<string, string | number>;
  /** The preview action: returns the plan's review (`reviewOf`) as its data, or why there is none. */
  preview: Action;
  /** Runs with the dialog's form data, which carries the reviewed plan's hash. */
  formAction: (formData: FormData) => void | Promise<void>;
  /** Options inside the dialog (a checkbox): changing one reads the plan again, since it changes the plan. */
  children?: ReactNode;
  /** Called with the preview's data each time a review arrives (for options that depend on what it read). */
  onReview?: (data: unknown) => void;
};

type Loaded = { state: "loading" } | { state: "ready"; review: PlanReview } | { state: "error"; message: string };

/**
 * A confirmation dialog that is also the plan's review: as it opens it asks the server for the
 * plan, lists its requests, and sends the plan's hash with the confirm, so the server runs only
 * the plan the person saw. Confirming stays impossible until the plan is on screen.
 */
export function ReviewedConfirmDialog({ fields, preview, formAction, children, onReview, ...dialog }: ReviewedConfirmDialogProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  // Only the latest opening's answer counts: a slow answer to an earlier one is dropped.
  const opening = useRef(0);
  const options = useRef<HTMLDivElement>(null);

  async function load() {
    const mine = ++opening.current;
    setLoaded({ state: "loading" });
    // The dialog's own form, so its options are previewed as they will be confirmed.
    const dialogForm = options.current?.closest("form");
    const form = dialogForm ? new FormData(dialogForm) : new FormData();
    form.delete("reviewedHash");
    for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
    let next: Loaded;
    try {
      const result = await preview(initialState, form);
      next = result.ok && result.data
        ? { state: "ready", review: result.data as PlanReview }
        : { state: "error", message: result.message ?? Object.values(result.fieldErrors ?? {}).flat()[0] ?? "The plan could not be read." };
    } catch {
      next = { state: "error", message: "The plan could not be read. Check the connection and open the dialog again." };
    }
    if (mine !== opening.current) return;
    setLoaded(next);
    if (next.state === "ready") onReview?.(next.review);
  }

  return (
    <ConfirmDialog {...dialog} onOpen={load} confirmDisabled={loaded.state !== "ready"} formAction={formAction}>
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={String(value)} />)}
      <input type="hidden" name="reviewedHash" value={loaded.state === "ready" ? loaded.review.hash : ""} />
      {children && <div ref={options} onChange={() => void load()}>{children}</div>}
      <PlanSummary loaded={loaded} />
    </ConfirmDialog>
  );
}

function PlanSummary({ loaded }: { loaded: Loaded }) {
  if (loaded.state === "loading") return <p role="status" className="text-sm text-ink-muted">Reading…</p>;
  if (loaded.state === "error") return <p role="alert" className="text-sm text-red-700">{loaded.message}</p>;
  const { plan, cli } = loaded.review;
  return (
    <div className="text-sm">
      <p className="text-ink-muted">{plan.steps.length === 1 ? "Portside will send this request:" : `Portside will send these ${plan.steps.length} requests in order:`}</p>
      <ol aria-label="Requests" className="mt-1 list-decimal space-y-1 pl-5">
        {plan.steps.map((step) => (
          <li key={step.key}>
            {step.description} <code className="font-mono text-xs text-ink-muted">{step.service}:{step.operation}</code>
          </li>
        ))}
      </ol>
      <details className="mt-2">
        <summary className="cursor-pointer text-xs text-ink-muted">AWS CLI equivalent</summary>
        <CodeBlock wrap code={cli.join("\n\n")} aria-label="AWS CLI equivalent" className="mt-1" />
      </details>
    </div>
  );
}
