import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "error";

const tones: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: "border-blue-200 bg-blue-50", icon: "text-blue-600", Icon: InfoIcon },
  success: { box: "border-green-200 bg-green-50", icon: "text-green-600", Icon: SuccessIcon },
  warning: { box: "border-amber-200 bg-amber-50", icon: "text-amber-600", Icon: WarningIcon },
  error: { box: "border-red-200 bg-red-50", icon: "text-red-600", Icon: ErrorIcon },
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
};

/**
 * Errors interrupt a screen reader (`alert`); other tones are polite live regions (`status`) so a
 * success message after an action is still announced.
 */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  const { box, icon, Icon } = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-2.5 rounded-md border px-3 py-2.5 text-sm text-ink", box, className)}
      {...props}
    >
      <Icon className={cn("mt-0.5", icon)} />
      <div className="min-w-0 flex-1 space-y-0.5">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="text-ink/85 [&_a]:underline">{children}</div>}
      </div>
    </div>
  );
}
