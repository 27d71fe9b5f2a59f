"use client";

import { usePathname } from "next/navigation";
import { Tabs } from "@/components/ui/tabs";

const SECTIONS = [
  { path: "", label: "Overview" },
  { path: "/logs", label: "Logs" },
  { path: "/metrics", label: "Metrics" },
  { path: "/scaling", label: "Scaling" },
  { path: "/history", label: "History" },
  { path: "/deploy-on-push", label: "Deploy on push" },
] as const;

/** The service page's sections; each is its own URL so a section can be bookmarked and shared. */
export function ServiceTabs({ base }: { base: string }) {
  const pathname = usePathname();
  const current = decodeURIComponent(pathname);
  const decodedBase = decodeURIComponent(base);
  return (
    <Tabs
      aria-label="Service sections"
      className="mb-5"
      tabs={SECTIONS.map((s) => ({ href: `${base}${s.path}`, label: s.label, active: current === `${decodedBase}${s.path}` }))}
    />
  );
}
