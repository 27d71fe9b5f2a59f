import type { ComponentProps } from "react";
import { cn } from "./cn";
import { CheckIcon } from "./icons";

export type Step = { id: string; label: string };

export type StepperProps = ComponentProps<"ol"> & {
  steps: Step[];
  /** Index of the step in progress; steps before it count as done. */
  current: number;
};

export function Stepper({ steps, current, className, ...props }: StepperProps) {
  return (
    <ol aria-label="Progress" className={cn("flex flex-wrap items-center gap-2", className)} {...props}>
      {steps.map((step, index) => {
        const done = index < current;
        const active = index === current;
        return (
          <li
            key={step.id}
            aria-current={active ? "step" : undefined}
            className="flex items-center gap-2"
          >
            {index > 0 && (
              <span
                aria-hidden="true"
                className={cn("h-px w-6", index <= current ? "bg-accent-600" : "bg-line")}
              />
            )}
            <span
              aria-hidden="true"
              className={cn(
                "flex size-5 items-center justify-center rounded-full text-[11px] font-semibold",
                done && "bg-accent-600 text-white",
                active && "bg-surface text-accent-700 ring-2 ring-accent-600",
                !done && !active && "bg-surface text-ink-muted ring-1 ring-line",
              )}
            >
              {done ? <CheckIcon className="size-3" strokeWidth={2.5} /> : index + 1}
            </span>
            <span
              className={cn(
                "text-[13px] whitespace-nowrap",
                active ? "font-semibold text-ink" : done ? "text-ink" : "text-ink-muted",
              )}
            >
              {step.label}
              {done && <span className="sr-only"> (completed)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
