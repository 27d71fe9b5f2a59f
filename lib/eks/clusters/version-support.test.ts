import { describe, expect, it } from "vitest";
import { hourlyPrice, monthlyEstimate, offeredVersions, preferredVersion, supportPhase, supportWarning, versionLabel, type VersionSupportInfo } from "./version-support";

// What DescribeClusterVersions says on 2026-12-06 (the day issue 18 was filed).
const TODAY = new Date("2026-12-06T12:00:00Z");
const v = (version: string, std: string, status = ""): VersionSupportInfo & { isDefault: boolean } => {
  const ext = new Date(`${std}T00:00:00Z`);
  ext.setUTCFullYear(ext.getUTCFullYear() + 1);
  return { version, status, isDefault: false, endOfStandardSupport: `${std}T00:00:00.000Z`, endOfExtendedSupport: ext.toISOString() };
};
const V135 = v("1.35", "2027-03-27");
const V134 = { ...v("1.34", "2026-12-02"), isDefault: true };
const V133 = v("1.33", "2026-07-29");
const V131 = v("1.31", "2025-11-26");
const ALL = [V133, V131, V134, V135];

describe("supportPhase", () => {
  it("follows the dates against today, not a stale status", () => {
    expect(supportPhase(V135, TODAY)).toBe("standard");
    expect(supportPhase({ ...V134, status: "STANDARD_SUPPORT" }, TODAY)).toBe("extended");
    expect(supportPhase(V133, TODAY)).toBe("extended");
    expect(supportPhase(V131, TODAY)).toBe("unsupported");
    // The last day of standard support is still standard until midnight UTC.
    expect(supportPhase(V134, new Date("2026-12-01T23:59:59Z"))).toBe("standard");
    expect(supportPhase(V134, new Date("2026-12-02T00:00:00Z"))).toBe("extended");
  });

  it("falls back to versionStatus without dates, and to unknown without either", () => {
    const bare = { version: "1.30", endOfStandardSupport: null, endOfExtendedSupport: null };
    expect(supportPhase({ ...bare, status: "EXTENDED_SUPPORT" }, TODAY)).toBe("extended");
    expect(supportPhase({ ...bare, status: "STANDARD_SUPPORT" }, TODAY)).toBe("standard");
    expect(supportPhase({ ...bare, status: "" }, TODAY)).toBe("unknown");
  });
});

describe("price", () => {
  it("is $0.60/h in extended support, $0.10/h otherwise", () => {
    expect(hourlyPrice(V134, TODAY)).toBe(0.6);
    expect(hourlyPrice(V135, TODAY)).toBe(0.1);
    expect(hourlyPrice(V134, new Date("2026-11-30T00:00:00Z"))).toBe(0.1);
    expect(monthlyEstimate(0.1)).toBe(73);
    expect(monthlyEstimate(0.6)).toBe(438);
  });
});

describe("the picker", () => {
  it("offers supported versions newest first and defaults to the newest in standard support, not AWS's default", () => {
    expect(offeredVersions(ALL, TODAY).map((x) => x.version)).toEqual(["1.35", "1.34", "1.33"]);
    expect(preferredVersion(ALL, TODAY)).toBe("1.35");
    // With nothing in standard support, AWS's default, then the newest.
    expect(preferredVersion([V133, V134], TODAY)).toBe("1.34");
    expect(preferredVersion([V133, { ...V134, isDefault: false }], TODAY)).toBe("1.34");
    expect(preferredVersion([], TODAY)).toBe("");
  });

  it("labels standard and extended versions with their dates and the extended price", () => {
    expect(versionLabel(V135, TODAY)).toBe("1.35 · standard support until 2027-03-27");
    expect(versionLabel(V134, TODAY)).toBe("1.34 · extended support until 2027-12-02 ($0.60/h)");
    expect(versionLabel({ version: "1.34", status: "", endOfStandardSupport: null, endOfExtendedSupport: null }, TODAY)).toBe("1.34");
  });
});

describe("supportWarning", () => {
  it("warns when a running cluster is in extended support, with the price", () => {
    const w = supportWarning(V134, TODAY, "EXTENDED")!;
    expect(w.title).toBe("Kubernetes 1.34 is in extended support");
    expect(w.text).toContain("Standard support ended 2026-12-02");
    expect(w.text).toContain("$0.60 an hour instead of $0.10");
    expect(w.text).toContain("until 2027-12-02");
  });

  it("warns 30 days ahead of the end of standard support, saying what the upgrade policy will do", () => {
    const soon = new Date("2027-03-01T00:00:00Z");
    expect(supportWarning(V135, soon, "STANDARD")!.title).toBe("Standard support for Kubernetes 1.35 ends in 26 days");
    expect(supportWarning(V135, soon, "STANDARD")!.text).toContain("upgrade the cluster to the next version automatically");
    expect(supportWarning(V135, soon, "EXTENDED")!.text).toContain("$0.60 an hour");
    expect(supportWarning(V135, new Date("2027-03-26T12:00:00Z"), "EXTENDED")!.title).toBe("Standard support for Kubernetes 1.35 ends in 1 day");
    expect(supportWarning(V135, new Date("2027-02-24T00:00:00Z"), "STANDARD")).toBeNull();
    expect(supportWarning(V135, TODAY, "STANDARD")).toBeNull();
  });

  it("says so when the version is past extended support", () => {
    expect(supportWarning(V131, TODAY, "EXTENDED")).toMatchObject({ tone: "error", title: "Kubernetes 1.31 is no longer supported" });
  });
});
