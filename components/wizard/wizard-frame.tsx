"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Stepper } from "@/components/ui/stepper";
import type { WizardStep } from "./use-wizard";
import { SubmitButton } from "./submit-button";

/** Layout every wizard shares: stepper, the step's body, an error banner and Back / Next. */
export function WizardFrame(props: {
  steps: WizardStep[];
  current: number;
  action: (form: FormData) => void | Promise<void>;
  onBack: () => void;
  submitLabel: string;
  message?: { text: string; requestId?: string };
  children: ReactNode;
}) {
  const stepperSteps = [...props.steps.map(({ id, label }) => ({ id, label })), { id: "review", label: "Review and create" }];
  return (
    <form action={props.action} noValidate className="grid gap-6 lg:grid-cols-[13rem_1fr]">
      <Stepper steps={stepperSteps} current={props.current} aria-label="Wizard steps" />
      <div className="min-w-0 space-y-5">
        {props.message && (
          <Alert tone="error" title="Could not continue">
            <p>{props.message.text}</p>
            {props.message.requestId && <p className="mt-1 font-mono text-xs">Request id: {props.message.requestId}</p>}
          </Alert>
        )}
        {props.children}
        <div className="flex items-center gap-2 border-t border-line pt-4">
          <SubmitButton>{props.submitLabel}</SubmitButton>
          {props.current > 0 && (
            <Button type="button" variant="secondary" onClick={props.onBack}>
              Back
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}
