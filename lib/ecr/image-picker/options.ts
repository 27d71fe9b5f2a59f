import { utcMinute } from "@/lib/core/format/utc";
import type { ImageRow } from "../repositories/reads";
import { severityCounts } from "../repositories/severity";

export type TagOption = { uri: string; tag: string; label: string; critical: boolean };


/** "2 critical, 1 high", "no findings", "not scanned": the scan summary beside a tag. */
export function scanSummary(image: Pick<ImageRow, "scanStatus" | "findings">): string {
  if (!image.scanStatus) return "not scanned";
  if (image.scanStatus !== "COMPLETE") return `scan ${image.scanStatus.toLowerCase().replace("_", " ")}`;
  const counts = severityCounts(image.findings).map(([s, n]) => `${n} ${s.toLowerCase()}`);
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
      const pushed = image.pushedAt ? `pushed ${utcMinute(image.pushedAt)}` : "push time unknown";
      out.push({ uri: `${repositoryUri}:${tag}`, tag, label: `${tag} · ${pushed} · ${scanSummary(image)}`, critical: Boolean(image.findings.CRITICAL) });
    }
  }
  return out;
}
