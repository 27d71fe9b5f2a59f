/**
 * Where a Kubernetes version stands in EKS's support calendar on a given day, and what a cluster on
 * it costs. EKS bills a cluster $0.10 an hour while its version is in standard support (14 months
 * from release) and $0.60 an hour in extended support (12 more months); after that the version is
 * unsupported and EKS upgrades the cluster itself. Pure: dates come from DescribeClusterVersions.
 */

/** EKS bills each cluster per hour, standard support and extended support alike; no free tier. */
export const EKS_PRICE_PER_HOUR = { standard: 0.1, extended: 0.6 };
const HOURS_PER_MONTH = 730;
export const monthlyEstimate = (perHour: number) => Math.round(perHour * HOURS_PER_MONTH);

/** A version as DescribeClusterVersions gives it; dates as ISO strings so it crosses to the browser. */
export type VersionSupportInfo = {
  version: string;
  /** STANDARD_SUPPORT, EXTENDED_SUPPORT or UNSUPPORTED (versionStatus); "" when AWS did not say. */
  status: string;
  endOfStandardSupport: string | null;
  endOfExtendedSupport: string | null;
};

export type SupportPhase = "standard" | "extended" | "unsupported" | "unknown";

const DAY = 86_400_000;
const time = (iso: string | null) => (iso ? Date.parse(iso) : NaN);

/** The phase on `now`, from the dates when AWS gave them (they are what EKS bills by), else from the status. */
export function supportPhase(v: VersionSupportInfo, now: Date): SupportPhase {
  const std = time(v.endOfStandardSupport);
  const ext = time(v.endOfExtendedSupport);
  const t = now.getTime();
  if (!Number.isNaN(std)) {
    if (t < std) return "standard";
    if (Number.isNaN(ext) || t < ext) return "extended";
    return "unsupported";
  }
  if (v.status === "STANDARD_SUPPORT") return "standard";
  if (v.status === "EXTENDED_SUPPORT") return "extended";
  if (v.status === "UNSUPPORTED") return "unsupported";
  return "unknown";
}

/** What a cluster on this version is billed per hour now: extended support costs six times standard. */
export function hourlyPrice(v: VersionSupportInfo, now: Date): number {
  return supportPhase(v, now) === "extended" ? EKS_PRICE_PER_HOUR.extended : EKS_PRICE_PER_HOUR.standard;
}

const compareVersions = (a: string, b: string) => {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return bm - am || bn - an;
};

/** Versions a new cluster can use (unsupported ones are left out), newest first. */
export function offeredVersions<T extends VersionSupportInfo>(versions: T[], now: Date): T[] {
  return versions.filter((v) => supportPhase(v, now) !== "unsupported").sort((a, b) => compareVersions(a.version, b.version));
}

/**
 * The version a new cluster should get: the newest in standard support. AWS's own default can be a
 * version past standard support, six times the price, so it is not taken blindly.
 */
export function preferredVersion(versions: (VersionSupportInfo & { isDefault?: boolean })[], now: Date): string {
  const offered = offeredVersions(versions, now);
  return (
    offered.find((v) => supportPhase(v, now) === "standard")?.version ??
    offered.find((v) => v.isDefault)?.version ??
    offered[0]?.version ??
    ""
  );
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

/** The picker's words for a version: its phase and until when, with the price when it is extended. */
export function versionLabel(v: VersionSupportInfo, now: Date): string {
  switch (supportPhase(v, now)) {
    case "standard":
      return `${v.version} · standard support until ${day(v.endOfStandardSupport)}`;
    case "extended":
      return `${v.version} · extended support${v.endOfExtendedSupport ? ` until ${day(v.endOfExtendedSupport)}` : ""} ($${EKS_PRICE_PER_HOUR.extended.toFixed(2)}/h)`;
    case "unsupported":
      return `${v.version} · no longer supported`;
    default:
      return v.version;
  }
}

export type SupportWarning = { tone: "warning" | "error"; title: string; text: string };

/**
 * What the cluster page says about a running cluster's version: in extended support (billed at the
 * extended rate), leaving standard support within `withinDays`, or past all support. Null when fine.
 */
export function supportWarning(v: VersionSupportInfo, now: Date, upgradePolicy: string, withinDays = 30): SupportWarning | null {
  const phase = supportPhase(v, now);
  const ext = `$${EKS_PRICE_PER_HOUR.extended.toFixed(2)}`;
  const std = `$${EKS_PRICE_PER_HOUR.standard.toFixed(2)}`;
  if (phase === "extended") {
    const until = v.endOfExtendedSupport ? ` until ${day(v.endOfExtendedSupport)}, when EKS upgrades it itself` : "";
    return {
      tone: "warning",
      title: `Kubernetes ${v.version} is in extended support`,
      text: `Standard support ended ${day(v.endOfStandardSupport) || "already"}. This cluster is billed ${ext} an hour instead of ${std} (about $${monthlyEstimate(EKS_PRICE_PER_HOUR.extended)} a month)${until}. Upgrade to a version in standard support to pay the standard rate.`,
    };
  }
  if (phase === "unsupported") {
    return { tone: "error", title: `Kubernetes ${v.version} is no longer supported`, text: "EKS upgrades clusters past extended support to the next version on its own schedule. Upgrade now to choose when." };
  }
  if (phase === "standard" && v.endOfStandardSupport) {
    const left = Math.ceil((time(v.endOfStandardSupport) - now.getTime()) / DAY);
    if (left <= withinDays) {
      const after = upgradePolicy === "STANDARD"
        ? "EKS will then upgrade the cluster to the next version automatically."
        : `It will then stay on ${v.version} in extended support at ${ext} an hour instead of ${std}.`;
      return { tone: "warning", title: `Standard support for Kubernetes ${v.version} ends in ${left} ${left === 1 ? "day" : "days"}`, text: `On ${day(v.endOfStandardSupport)}. ${after} Upgrade before then to stay in standard support.` };
    }
  }
  return null;
}
