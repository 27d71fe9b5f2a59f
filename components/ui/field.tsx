import type { ReactNode } from "react";
import { cn } from "./cn";

export type FieldError = string | string[] | undefined;

function messages(error: FieldError): string[] {
  if (!error) return [];
  return (Array.isArray(error) ? error : [error]).filter(Boolean);
}

/**
 * ARIA attributes for the control inside a `Field` with the same id: points at the hint and the
 * error so screen readers read them with the control, and flags it invalid when there is an error.
 * Pass `hint` when the Field has one (its value only matters as present or not).
 */
export function fieldAria(id: string, error?: FieldError, hint?: ReactNode) {
  const invalid = messages(error).length > 0;
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean);
  return {
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
  };
}

export type FieldProps = {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  error?: FieldError;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

export function Field({ label, htmlFor, hint, error, required, className, children }: FieldProps) {
  const errors = messages(error);
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={htmlFor} className="text-[13px] font-medium text-ink">
        {label}
        {/* The control's own `required` attribute tells assistive tech; the star is visual. */}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-red-600">
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${htmlFor}-hint`} className="text-xs text-ink-muted">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <div id={`${htmlFor}-error`} role="alert" className="text-xs font-medium text-red-700">
          {errors.length === 1 ? (
            errors[0]
          ) : (
            <ul className="list-disc pl-4">
              {errors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
