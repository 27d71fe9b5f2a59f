import { matchingTag, parseTagPattern } from "./pattern";

/** A tagged image as the poller reads it (DescribeImages, newest first). */
export type PushedImage = { digest: string; tags: string[]; pushedAt: Date };

export type Push = { digest: string; tag: string; pushedAt: Date };

/**
 * Where a new or resumed rule starts: ECR's clock, not Portside's, decides what was there before
 * (imagePushedAt has whole seconds). The watermark is the newest push's second; the images of
 * that second are recorded as seen, so one pushed later in the same second still counts.
 */
export function baselineOf(images: readonly PushedImage[]): { watermark: Date; seen: PushedImage[] } {
  if (images.length === 0) return { watermark: new Date(0), seen: [] };
  const newest = Math.max(...images.map((i) => i.pushedAt.getTime()));
  return { watermark: new Date(newest), seen: images.filter((i) => i.pushedAt.getTime() >= newest) };
}

/**
 * The pushes a rule acts on in one poll: of the images pushed at or after its watermark whose
 * tag matches and that it has not seen, the newest is deployed (or proposed); older ones from the
 * same poll are superseded by it — deploying each in turn would only replace one with the next.
 */
export function pushesFor(rule: { tagPattern: string; watermark: Date }, images: readonly PushedImage[], seen: ReadonlySet<string>): { act: Push | null; superseded: Push[] } {
  const pattern = parseTagPattern(rule.tagPattern);
  const fresh: Push[] = [];
  for (const image of images) {
    if (image.pushedAt.getTime() < rule.watermark.getTime() || seen.has(image.digest)) continue;
    const tag = matchingTag(pattern, image.tags);
    if (tag) fresh.push({ digest: image.digest, tag, pushedAt: image.pushedAt });
  }
  // Stable: of two pushes in one second, the one DescribeImages lists first wins.
  fresh.sort((a, b) => b.pushedAt.getTime() - a.pushedAt.getTime());
  const [act = null, ...superseded] = fresh;
  return { act, superseded };
}
