import type { Plan } from "@/lib/core/plans/types";
import type { ImageRow, RepositorySummary } from "../repositories/reads";
import { imagePath } from "../repositories/paths";
import { severityCounts } from "../repositories/severity";

/** What the review knows of one chosen private ECR image: its repository and, when found, the image. */
export type ReviewedImage = {
  uri: string;
  repository: Pick<RepositorySummary, "name" | "tagMutability" | "exclusionFilters">;
  /** The tag the URI names ("latest" when it names none); null when it pins a digest. */
  tag: string | null;
  image: Pick<ImageRow, "digest" | "scanStatus" | "findings"> | null;
};

export type ImageWarnings = { warnings: string[]; links: Record<string, { href: string; label: string }> };

// ECR's exclusion filters: letters, digits and . _ - with * as the only wildcard.
const filterMatches = (filter: string, tag: string) =>
  new RegExp(`^${filter.split("*").map((part) => part.replace(/[.]/g, "\\.")).join(".*")}$`).test(tag);

/**
 * Whether a push can move `tag` to another image: MUTABLE and IMMUTABLE as they say, and the
 * *_WITH_EXCLUSION settings turn the tags that match one of the repository's filters the other way.
 */
export function tagIsMutable(repository: Pick<RepositorySummary, "tagMutability" | "exclusionFilters">, tag: string): boolean {
  const excluded = repository.exclusionFilters.some((f) => filterMatches(f, tag));
  switch (repository.tagMutability) {
    case "IMMUTABLE": return false;
    case "IMMUTABLE_WITH_EXCLUSION": return excluded;
    case "MUTABLE_WITH_EXCLUSION": return !excluded;
    default: return true;
  }
}

/**
 * The review's warnings for the chosen images: CRITICAL findings in the last scan (with the counts
 * and a link to the image's page), and a mutable `latest` tag (the image behind it can change between
 * this review and the next task start). Each image is named once, even if several containers use it.
 */
export function imageWarnings(images: ReviewedImage[]): ImageWarnings {
  const out: ImageWarnings = { warnings: [], links: {} };
  const seen = new Set<string>();
  for (const chosen of images) {
    if (seen.has(chosen.uri)) continue;
    seen.add(chosen.uri);
    const critical = chosen.image?.scanStatus === "COMPLETE" ? (chosen.image.findings.CRITICAL ?? 0) : 0;
    if (critical > 0) {
      const counts = severityCounts(chosen.image!.findings).map(([s, n]) => `${n} ${s}`).join(", ");
      const text = `${chosen.uri} has ${critical} CRITICAL ${critical === 1 ? "finding" : "findings"} in its last scan (${counts}). Check them, or pick a fixed image, before you confirm.`;
      out.warnings.push(text);
      out.links[text] = { href: imagePath(chosen.repository.name, chosen.image!.digest), label: "See the findings" };
    }
    if (chosen.tag === "latest" && tagIsMutable(chosen.repository, "latest")) {
      out.warnings.push(
        `${chosen.uri} uses the mutable tag latest in ${chosen.repository.name}: the next push moves it, so tasks started later (scaling, replacements) may run another image than the one reviewed here. Pick a version tag or the digest.`,
      );
    }
  }
  return out;
}

/** The plan with the image warnings after its own, and their links. */
export function withImageWarnings(plan: Plan, found: ImageWarnings): Plan {
  if (found.warnings.length === 0) return plan;
  return { ...plan, warnings: [...(plan.warnings ?? []), ...found.warnings], warningLinks: { ...plan.warningLinks, ...found.links } };
}
