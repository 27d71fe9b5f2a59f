import { describe, expect, it } from "vitest";
import { visibleSections, type NavSection } from "./nav-visibility";

const SECTIONS: NavSection[] = [
  { title: "Audit", links: [{ href: "/history", label: "History" }, { href: "/history/changes", label: "Portside changes", minRole: "admin" }] },
  { title: "Settings", links: [{ href: "/settings/account", label: "Account" }, { href: "/settings/run-on-aws", label: "Run Portside on AWS", minRole: "operator" }] },
  { title: "Admin", links: [{ href: "/settings/users", label: "Users", minRole: "admin" }] },
];
const hrefs = (role: Parameters<typeof visibleSections>[1]) => visibleSections(SECTIONS, role).flatMap((s) => s.links.map((l) => l.href));

describe("visibleSections", () => {
  it("shows each role only the pages it may open", () => {
    expect(hrefs("viewer")).toEqual(["/history", "/settings/account"]);
    expect(hrefs("operator")).toEqual(["/history", "/settings/account", "/settings/run-on-aws"]);
    expect(hrefs("admin")).toEqual(["/history", "/history/changes", "/settings/account", "/settings/run-on-aws", "/settings/users"]);
  });

  it("drops a section whose every entry is above the role", () => {
    expect(visibleSections(SECTIONS, "operator").map((s) => s.title)).toEqual(["Audit", "Settings"]);
  });
});
