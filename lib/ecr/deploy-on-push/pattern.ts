/**
 * Tag patterns of deploy-on-push rules: an exact tag ("main") or a glob where `*` stands for any
 * run of characters ("v*", "release-*-eu"). Bounded like ECR's own tags (1–128 characters of
 * letters, digits, `_ . -`) plus at most MAX_WILDCARDS stars, and matched without regular
 * expressions, in time linear in pattern × tag, so no pattern can make the poller slow.
 */
export const MAX_PATTERN_LENGTH = 128;
export const MAX_WILDCARDS = 4;

export type TagPattern = { source: string; parts: string[] };

export class TagPatternError extends Error {}

const ALLOWED = /^[A-Za-z0-9_.*-]+$/;

export function parseTagPattern(raw: string): TagPattern {
  const source = raw.trim();
  if (source.length === 0) throw new TagPatternError("Enter a tag or a pattern such as v*.");
  if (source.length > MAX_PATTERN_LENGTH) throw new TagPatternError(`Tag patterns are at most ${MAX_PATTERN_LENGTH} characters.`);
  if (!ALLOWED.test(source)) throw new TagPatternError("Use letters, digits, . _ - and * (any characters).");
  if (/\*\*/.test(source)) throw new TagPatternError("Write one * for any run of characters.");
  const parts = source.split("*");
  if (parts.length - 1 > MAX_WILDCARDS) throw new TagPatternError(`Use at most ${MAX_WILDCARDS} wildcards.`);
  if (parts.every((p) => p === "")) throw new TagPatternError("A pattern of only * deploys every push; name the tags, such as v*.");
  if (/^[.-]/.test(source)) throw new TagPatternError("Image tags start with a letter, digit or _.");
  return { source, parts };
}

/** Does an image tag match? Exact when the pattern has no `*`; otherwise a greedy-free glob match. */
export function tagMatches(pattern: TagPattern, tag: string): boolean {
  const { parts } = pattern;
  if (parts.length === 1) return tag === parts[0];
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (tag.length < first.length + last.length || !tag.startsWith(first) || !tag.endsWith(last)) return false;
  // Each middle part is found at its earliest place after the one before: for globs whose only
  // wildcard is `*`, the earliest match is always a correct choice.
  let at = first.length;
  const end = tag.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = tag.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** The first of an image's tags the pattern matches, or null. */
export function matchingTag(pattern: TagPattern, tags: readonly string[]): string | null {
  return tags.find((t) => tagMatches(pattern, t)) ?? null;
}
