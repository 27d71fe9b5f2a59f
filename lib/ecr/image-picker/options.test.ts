import { describe, expect, it } from "vitest";
import type { ImageRow } from "../repositories/reads";
import { scanSummary, tagOptions } from "./options";

const image = (tags: string[], pushedAt: string, extra: Partial<ImageRow> = {}): ImageRow => ({
  digest: `sha256:${tags.join("") || "x"}`, tags, pushedAt, size: 1, lastPulledAt: null, scanStatus: null, findings: {}, ...extra,
});

describe("tagOptions", () => {
  const uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web";

  it("offers every tag as a URI in the images' order, with push time and scan summary, leaving untagged images out", () => {
    const options = tagOptions(uri, [
      image(["v2", "latest"], "2026-12-06T10:00:00.000Z", { scanStatus: "COMPLETE", findings: { CRITICAL: 1, HIGH: 2 } }),
      image([], "2026-12-05T10:00:00.000Z"),
      image(["v1"], "2026-12-04T09:30:00.000Z"),
    ]);
    expect(options.map((o) => o.uri)).toEqual([`${uri}:v2`, `${uri}:latest`, `${uri}:v1`]);
    expect(options[0]).toMatchObject({ tag: "v2", label: "v2 · pushed 2026-12-06 10:00 UTC · 1 critical, 2 high", critical: true });
    expect(options[2]).toMatchObject({ label: "v1 · pushed 2026-12-04 09:30 UTC · not scanned", critical: false });
  });

  it("stops at the bound", () => {
    const many = Array.from({ length: 20 }, (_, i) => image([`t${i}`], "2026-12-06T10:00:00.000Z"));
    expect(tagOptions(uri, many, 5)).toHaveLength(5);
  });
});

describe("scanSummary", () => {
  it("names the scan state when there are no counts", () => {
    expect(scanSummary({ scanStatus: "COMPLETE", findings: {} })).toBe("no findings");
    expect(scanSummary({ scanStatus: "IN_PROGRESS", findings: {} })).toBe("scan in progress");
  });
});
