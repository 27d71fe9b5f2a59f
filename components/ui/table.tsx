import type { ComponentProps } from "react";
import { cn } from "./cn";

export type TableProps = ComponentProps<"table"> & {
  /** Classes for the scroll container; give it a max height to keep the header in view. */
  containerClassName?: string;
};

// The container scrolls both ways, so wide tables don't widen the page and the sticky header
// sticks inside it. Separate borders because collapsed ones vanish from sticky cells on scroll.
export function Table({ containerClassName, className, ...props }: TableProps) {
  return (
    <div
      className={cn(
        "overflow-auto rounded-lg border border-line bg-surface",
        containerClassName,
      )}
    >
      <table
        className={cn("w-full border-separate border-spacing-0 text-sm tabular-nums", className)}
        {...props}
      />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("sticky top-0 z-10 bg-canvas", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&>tr:last-child>td]:border-b-0", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("hover:bg-canvas/70", className)} {...props} />;
}

export function Th({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "border-b border-line px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-ink-muted",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return (
    <td
      className={cn("border-b border-line-subtle px-3 py-1.5 align-middle text-ink", className)}
      {...props}
    />
  );
}
