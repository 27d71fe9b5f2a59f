import { Link } from "@/components/ui/link";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type TabItem = { href: string; label: ReactNode; active?: boolean };

export type TabsProps = ComponentProps<"nav"> & { tabs: TabItem[] };

/**
 * Section navigation that looks like tabs. Each tab is a page with its own URL, so these are links
 * marked with aria-current rather than an ARIA tablist, which would promise arrow-key switching.
 */
export function Tabs({ tabs, className, "aria-label": label = "Sections", ...props }: TabsProps) {
  return (
    <nav aria-label={label} className={cn("border-b border-line", className)} {...props}>
      <ul className="-mb-px flex gap-5">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-0.5 pt-1 pb-2 text-sm font-medium",
                tab.active
                  ? "border-accent-600 text-accent-700"
                  : "border-transparent text-ink-muted hover:border-line hover:text-ink",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
