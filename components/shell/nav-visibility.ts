import { roleAllows, type RoleName } from "@/lib/core/auth/roles";

/** A nav entry and the least role its page lets in (requirePageUser's): viewer when not said. */
export type NavLink = { href: string; label: string; minRole?: RoleName };
export type NavSection = { title: string; links: NavLink[] };

/** The sections as one role sees them: links to pages that would answer "forbidden" are left out. */
export function visibleSections(sections: NavSection[], role: RoleName): NavSection[] {
  return sections
    .map((s) => ({ ...s, links: s.links.filter((l) => roleAllows(role, l.minRole ?? "viewer")) }))
    .filter((s) => s.links.length > 0);
}
