import { describe, expect, it } from "vitest";
import { diffJson, diffLines, sideBySide, stableJson } from "./json-diff";

describe("diffLines", () => {
  it("marks the fewest lines removed and added", () => {
    expect(diffLines(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"])).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
      { kind: "same", text: "d" },
      { kind: "added", text: "e" },
    ]);
  });

  it("finds nothing to mark between equal documents", () => {
    expect(diffLines(["a", "b"], ["a", "b"]).every((l) => l.kind === "same")).toBe(true);
  });

  it("handles an empty side", () => {
    expect(diffLines([], ["a"])).toEqual([{ kind: "added", text: "a" }]);
    expect(diffLines(["a"], [])).toEqual([{ kind: "removed", text: "a" }]);
  });
});

describe("sideBySide", () => {
  it("puts a replaced line beside its replacement and numbers each side", () => {
    const rows = sideBySide(diffLines(["a", "b", "c"], ["a", "B", "B2", "c"]));
    expect(rows).toEqual([
      { left: { no: 1, text: "a", kind: "same" }, right: { no: 1, text: "a", kind: "same" } },
      { left: { no: 2, text: "b", kind: "removed" }, right: { no: 2, text: "B", kind: "added" } },
      { left: null, right: { no: 3, text: "B2", kind: "added" } },
      { left: { no: 3, text: "c", kind: "same" }, right: { no: 4, text: "c", kind: "same" } },
    ]);
  });
});

describe("diffJson", () => {
  it("ignores key order and reports changed values", () => {
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe(stableJson({ a: { c: 2, d: 1 }, b: 1 }));
    const diff = diffJson({ cpu: "1024", memory: "3072", family: "web" }, { family: "web", memory: "4096", cpu: "1024" });
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    const changed = diff.rows.find((r) => r.left?.kind === "removed");
    expect(changed?.left?.text).toContain('"memory": "3072"');
    expect(changed?.right?.text).toContain('"memory": "4096"');
  });
});
