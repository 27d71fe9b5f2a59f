/**
 * Filter patterns are CloudWatch's syntax and are evaluated by AWS (FilterLogEvents, StartLiveTail);
 * here only what makes AWS refuse a pattern outright is checked, so the field says so at once.
 */
export function filterPatternError(pattern: string): string | null {
  if (pattern.length > 1024) return "A filter pattern has at most 1024 characters.";
  let quotes = 0;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === '"') quotes ^= 1;
    else if (!quotes && ch === "{") depth++;
    else if (!quotes && ch === "}" && --depth < 0) return "A closing } has no opening {.";
  }
  if (quotes) return 'A quoted term is not closed: add the missing ".';
  if (depth > 0) return "A { is not closed: add the missing }.";
  return null;
}

export type Segment = { text: string; hit: boolean };

/** Splits `text` around case-insensitive occurrences of `needle`, for highlighting in the browser. */
export function highlightSegments(text: string, needle: string): Segment[] {
  if (!needle) return [{ text, hit: false }];
  const hay = text.toLowerCase();
  const n = needle.toLowerCase();
  const out: Segment[] = [];
  let from = 0;
  for (let at = hay.indexOf(n); at !== -1; at = hay.indexOf(n, at + n.length)) {
    if (at > from) out.push({ text: text.slice(from, at), hit: false });
    out.push({ text: text.slice(at, at + n.length), hit: true });
    from = at + n.length;
  }
  if (from < text.length) out.push({ text: text.slice(from), hit: false });
  return out;
}
