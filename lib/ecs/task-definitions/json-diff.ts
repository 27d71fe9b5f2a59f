export type DiffLine = { kind: "same" | "removed" | "added"; text: string };
/** One row of a side-by-side view: the old line on the left, the new on the right. */
export type DiffRow = {
  left: { no: number; text: string; kind: "same" | "removed" } | null;
  right: { no: number; text: string; kind: "same" | "added" } | null;
};

// Task definitions are a few hundred lines; beyond this the quadratic table is not worth it.
const MAX_CELLS = 4_000_000;

/** Line diff by longest common subsequence: the fewest lines marked removed or added. */
export function diffLines(a: string[], b: string[]): DiffLine[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const head = a.slice(0, start).map((text) => ({ kind: "same" as const, text }));
  const tail = a.slice(endA).map((text) => ({ kind: "same" as const, text }));
  if (midA.length * midB.length > MAX_CELLS) {
    return [...head, ...midA.map((text) => ({ kind: "removed" as const, text })), ...midB.map((text) => ({ kind: "added" as const, text })), ...tail];
  }
  const n = midA.length;
  const m = midB.length;
  // lcs[i][j] = length of the LCS of midA[i..] and midB[j..], flattened.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = midA[i] === midB[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const body: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (midA[i] === midB[j]) {
      body.push({ kind: "same", text: midA[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) {
      body.push({ kind: "removed", text: midA[i++]! });
    } else {
      body.push({ kind: "added", text: midB[j++]! });
    }
  }
  while (i < n) body.push({ kind: "removed", text: midA[i++]! });
  while (j < m) body.push({ kind: "added", text: midB[j++]! });
  return [...head, ...body, ...tail];
}

/** Pairs a diff into rows: unchanged lines side by side, a run of removals beside the additions that replace it. */
export function sideBySide(lines: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let leftNo = 0;
  let rightNo = 0;
  let k = 0;
  while (k < lines.length) {
    const line = lines[k]!;
    if (line.kind === "same") {
      rows.push({ left: { no: ++leftNo, text: line.text, kind: "same" }, right: { no: ++rightNo, text: line.text, kind: "same" } });
      k++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < lines.length && lines[k]!.kind !== "same") {
      const l = lines[k++]!;
      (l.kind === "removed" ? removed : added).push(l.text);
    }
    for (let r = 0; r < Math.max(removed.length, added.length); r++) {
      rows.push({
        left: r < removed.length ? { no: ++leftNo, text: removed[r]!, kind: "removed" } : null,
        right: r < added.length ? { no: ++rightNo, text: added[r]!, kind: "added" } : null,
      });
    }
  }
  return rows;
}

/** JSON with object keys sorted, so two documents differ only where their values do. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2);
}

export function diffJson(a: unknown, b: unknown): { rows: DiffRow[]; added: number; removed: number } {
  const lines = diffLines(stableJson(a).split("\n"), stableJson(b).split("\n"));
  return {
    rows: sideBySide(lines),
    added: lines.filter((l) => l.kind === "added").length,
    removed: lines.filter((l) => l.kind === "removed").length,
  };
}
