"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { RoleName } from "@/lib/core/auth/roles";
import { visibleSections, type NavSection } from "./nav-visibility";

// minRole: the role the page itself requires (requirePageUser), so nobody is shown a link to "forbidden".
const SECTIONS: NavSection[] = [
  { title: "Fleet", links: [{ href: "/", label: "Overview" }] },
  {
    title: "ECS",
    links: [
      { href: "/ecs/clusters", label: "Clusters" },
      { href: "/ecs/task-definitions", label: "Task definitions" },
      { href: "/events", label: "Event rules" },
    ],
  },
  { title: "EKS", links: [{ href: "/eks/clusters", label: "Clusters" }] },
  { title: "ECR", links: [{ href: "/ecr", label: "Repositories" }] },
  { title: "EC2", links: [{ href: "/ec2/hosts", label: "EC2 hosts" }] },
  {
    title: "Web services",
    links: [
      { href: "/ecs/express", label: "Express Mode" },
      { href: "/apprunner", label: "App Runner" },
      { href: "/beanstalk", label: "Elastic Beanstalk" },
    ],
  },
  {
    title: "Audit",
    links: [
      { href: "/history", label: "History" },
      { href: "/history/changes", label: "Portside changes", minRole: "admin" },
    ],
  },
  {
    title: "Settings",
    links: [
      { href: "/settings/connections", label: "Connections" },
      { href: "/settings/users", label: "Users", minRole: "admin" },
      { href: "/settings/notifications", label: "Notifications" },
      { href: "/settings/account", label: "Account" },
      { href: "/settings/run-on-aws", label: "Run Portside on AWS", minRole: "operator" },
    ],
  },
];

/** The one link a path belongs to: the longest that is the path or a folder of it ("/" only on itself). */
function activeHref(pathname: string): string | undefined {
  const hrefs = SECTIONS.flatMap((s) => s.links.map((l) => l.href));
  return hrefs
    .filter((href) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

export function NavLinks({ role }: { role: RoleName }) {
  const pathname = usePathname();
  const current = activeHref(pathname);
  return (
    <nav aria-label="Main" className="space-y-4 px-2">
      {visibleSections(SECTIONS, role).map((section) => (
        <div key={section.title}>
          <p className="px-2 pb-1 text-xs font-medium uppercase tracking-wide text-ink-faint">{section.title}</p>
          {section.links
            .map((link) => {
              const active = link.href === current;
              return (
                <Link
                  key={link.href}
                  href={link.href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "block rounded-md px-2 py-1.5",
                    active ? "bg-accent-50 font-medium text-accent-700" : "text-ink-muted hover:bg-line-subtle hover:text-ink",
                  )}
                >
                  {link.label}
                </Link>
              );
            })}
        </div>
      ))}
    </nav>
  );
}
