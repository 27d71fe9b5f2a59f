import { Link } from "@/components/ui/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { SpinnerIcon } from "./icons";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

type StyleProps = { variant?: ButtonVariant; size?: ButtonSize };

const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent-600 text-white shadow-xs hover:bg-accent-700",
  secondary: "border border-line bg-surface text-ink shadow-xs hover:bg-canvas",
  danger: "bg-red-600 text-white shadow-xs hover:bg-red-700",
  ghost: "text-ink-muted hover:bg-line-subtle hover:text-ink",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-7 px-2.5 text-xs",
  md: "h-8 px-3 text-sm",
};

function buttonClass({ variant = "primary", size = "md" }: StyleProps, className?: string) {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap",
    "transition-colors select-none disabled:cursor-not-allowed disabled:opacity-55",
    variants[variant],
    sizes[size],
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> &
  StyleProps & {
    /** Disables the button and shows a spinner while a submit or request is in flight. */
    pending?: boolean;
  };

export function Button({
  variant,
  size,
  pending = false,
  disabled,
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClass({ variant, size }, className)}
      {...props}
    >
      {pending && <SpinnerIcon className={size === "sm" ? "size-3.5" : undefined} />}
      {children}
    </button>
  );
}

export type ButtonLinkProps = ComponentProps<typeof Link> & StyleProps;

/** A navigation that looks like a button; it stays a link so open-in-new-tab keeps working. */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClass({ variant, size }, className)} {...props} />;
}
