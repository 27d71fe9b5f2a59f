import type { ImageRow } from "../repositories/reads";

export type TagOption = { uri: string; tag: string; label: string; critical: boolean };

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;

/** "2 critical, 1 high", "no findings", "not scanned": the scan summary beside a tag. */
export function scanSummary(image: Pick<ImageRow, "scanStatus" | "findings">): string {
  if (!image.scanStatus) return "not scanned";
  if (image.scanStatus !== "COMPLETE") return `scan ${image.scanStatus.toLowerCase().replace("_", " ")}`;
  const counts = SEVERITIES.filter((s) => image.findings[s]).map((s) => `${image.findings[s]} ${s.toLowerCase()}`);
  return counts.length ? counts.join(", ") : "no findings";
}

/**
 * Every tag of a repository's images as a pickable URI, newest push first (images come sorted that
 * way from the reads), each with when it was pushed and its scan summary; untagged images are left
 * out (a task definition names a tag, or a digest typed by hand). Bounded: the newest `max` tags.
 */
export function tagOptions(repositoryUri: string, images: ImageRow[], max = 500): TagOption[] {
  const out: TagOption[] = [];
  for (const image of images) {
    for (const tag of image.tags) {
      if (out.length >= max) return out;
      const pushed = image.pushedAt ? `pushed ${image.pushedAt.slice(0, 10)} ${image.pushedAt.slice(11, 16)} UTC` : "push time unknown";
      out.push({ uri: `${repositoryUri}:${tag}`, tag, label: `${tag} · ${pushed} · ${scanSummary(image)}`, critical: Boolean(image.findings.CRITICAL) });
    }
  }
  return out;
}
