"use client";

import { useTransition, type ReactNode } from "react";
import { keepValuesSubmit } from "@/components/forms/keep-values-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Stepper } from "@/components/ui/stepper";
import type { WizardStep } from "./use-wizard";

/** Layout every wizard shares: stepper, the step's body, an error banner and Back / Next. */
export function WizardFrame(props: {
  steps: WizardStep[];
  current: number;
  action: (form: FormData) => void | Promise<void>;
  onBack: () => void;
  submitLabel: string;
  message?: { text: string; requestId?: string };
  /** Something the step still waits for (a file being uploaded): the submit button waits too, saying why. */
  busy?: string;
  children: ReactNode;
}) {
  const [pending, startTransition] = useTransition();
  const stepperSteps = [...props.steps.map(({ id, label }) => ({ id, label })), { id: "review", label: "Review and create" }];
  return (
    <form onSubmit={keepValuesSubmit(props.action, startTransition)} noValidate className="grid gap-6 lg:grid-cols-[13rem_1fr]">
      <Stepper steps={stepperSteps} current={props.current} aria-label="Wizard steps" className="self-start" />
      <div className="min-w-0 space-y-5">
        {props.message && (
          <Alert tone="error" title="Could not continue">
            <p>{props.message.text}</p>
            {props.message.requestId && <p className="mt-1 font-mono text-xs">Request id: {props.message.requestId}</p>}
          </Alert>
        )}
        {props.children}
        <div className="flex items-center gap-2 border-t border-line pt-4">
          <Button type="submit" variant="primary" pending={pending} disabled={Boolean(props.busy)} aria-describedby={props.busy ? "wizard-busy" : undefined}>
            {props.submitLabel}
          </Button>
          {props.current > 0 && (
            <Button type="button" variant="secondary" onClick={props.onBack}>
              Back
            </Button>
          )}
          {props.busy && (
            <p id="wizard-busy" className="text-sm text-ink-muted">
              {props.busy}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}
