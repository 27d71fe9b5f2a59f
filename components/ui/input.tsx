import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

// Invalid styling keys off aria-invalid, which `fieldAria` sets, so a control can't look
// invalid to sighted users without also being announced as invalid.
const control = cn(
  "block rounded-md border border-line bg-surface px-2.5 text-sm text-ink shadow-xs",
  "placeholder:text-ink-faint focus-visible:outline-offset-0 focus-visible:border-accent-600",
  "disabled:cursor-not-allowed disabled:bg-canvas disabled:text-ink-muted",
  "aria-invalid:border-red-500 aria-invalid:focus-visible:outline-red-600",
);

// Full width unless the caller sizes the control: two width utilities would fight in the CSS order.
const width = (className?: string) => (/(^|\s)(w|max-w)-/.test(className ?? "") ? undefined : "w-full");

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(control, width(className), "h-8", className)} {...props} />;
}

export function Textarea({ className, rows = 3, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(control, width(className), "py-1.5", className)} {...props} />;
}

/** A native select: its keyboard and mobile pickers beat any re-implementation. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(control, width(className), "h-8 pr-7", className)} {...props} />;
}

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  label: ReactNode;
  description?: ReactNode;
};

export function Checkbox({ label, description, className, ...props }: CheckboxProps) {
  return (
    <label className={cn("flex items-start gap-2 text-sm text-ink has-disabled:opacity-60", className)}>
      <input type="checkbox" className="mt-0.5 size-4 shrink-0" {...props} />
      <span className="flex flex-col">
        <span>{label}</span>
        {description && <span className="text-xs text-ink-muted">{description}</span>}
      </span>
    </label>
  );
}

export type RadioCardOption = {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
};

export type RadioCardsProps = Omit<ComponentProps<"fieldset">, "defaultValue"> & {
  name: string;
  options: RadioCardOption[];
  legend?: ReactNode;
  /** Controlled value; leave unset and use `defaultValue` for a plain form post. */
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  required?: boolean;
};

/**
 * Native radios styled as cards: one tab stop for the group and arrow keys to move, as browsers
 * already do for radios sharing a name.
 */
export function RadioCards({
  name,
  options,
  legend,
  value,
  defaultValue,
  onValueChange,
  required,
  className,
  ...props
}: RadioCardsProps) {
  return (
    <fieldset className={cn("min-w-0", className)} {...props}>
      {legend && <legend className="mb-1 text-[13px] font-medium text-ink">{legend}</legend>}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] gap-2">
        {options.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer items-start gap-2.5 rounded-md border border-line bg-surface p-3",
              "hover:border-ink-faint has-checked:border-accent-600 has-checked:bg-accent-50",
              "has-checked:ring-1 has-checked:ring-accent-600",
              "has-disabled:cursor-not-allowed has-disabled:opacity-55",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              disabled={option.disabled}
              required={required}
              {...(value === undefined
                ? { defaultChecked: option.value === defaultValue }
                : { checked: option.value === value, onChange: () => onValueChange?.(option.value) })}
              className="mt-0.5 size-4 shrink-0"
            />
            <span className="flex min-w-0 flex-col gap-0.5">
              <span className="text-sm font-medium text-ink wrap-anywhere">{option.label}</span>
              {option.description && (
                <span className="text-xs text-ink-muted">{option.description}</span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
