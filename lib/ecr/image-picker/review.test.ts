import { describe, expect, it } from "vitest";
import type { Plan } from "@/lib/core/plans/types";
import { imageWarnings, tagIsMutable, withImageWarnings, type ReviewedImage } from "./review";

const repo = (tagMutability = "MUTABLE", exclusionFilters: string[] = []) => ({ name: "team/web", tagMutability, exclusionFilters });
const uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web";
const digest = `sha256:${"a".repeat(64)}`;
const chosen = (over: Partial<ReviewedImage>): ReviewedImage => ({
  uri: `${uri}:v1`, repository: repo(), tag: "v1", image: { digest, scanStatus: "COMPLETE", findings: {} }, ...over,
});

describe("tagIsMutable", () => {
  it("follows the repository's setting and turns tags matching an exclusion filter the other way", () => {
    expect(tagIsMutable(repo("MUTABLE"), "latest")).toBe(true);
    expect(tagIsMutable(repo("IMMUTABLE"), "latest")).toBe(false);
    expect(tagIsMutable(repo("IMMUTABLE_WITH_EXCLUSION", ["lat*"]), "latest")).toBe(true);
    expect(tagIsMutable(repo("IMMUTABLE_WITH_EXCLUSION", ["dev-*"]), "latest")).toBe(false);
    expect(tagIsMutable(repo("MUTABLE_WITH_EXCLUSION", ["latest"]), "latest")).toBe(false);
    expect(tagIsMutable(repo("MUTABLE_WITH_EXCLUSION", ["v*"]), "latest")).toBe(true);
  });

  it("reads a dot in a filter as a dot, not any character", () => {
    expect(tagIsMutable(repo("IMMUTABLE_WITH_EXCLUSION", ["v1.*"]), "v1x2")).toBe(false);
    expect(tagIsMutable(repo("IMMUTABLE_WITH_EXCLUSION", ["v1.*"]), "v1.2")).toBe(true);
  });
});

describe("imageWarnings", () => {
  it("counts CRITICAL findings with the other severities and links the image page", () => {
    const out = imageWarnings([chosen({ image: { digest, scanStatus: "COMPLETE", findings: { CRITICAL: 2, HIGH: 1 } } })]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toContain(`${uri}:v1 has 2 CRITICAL findings in its last scan (2 CRITICAL, 1 HIGH)`);
    expect(out.links[out.warnings[0]!]).toEqual({ href: `/ecr/repositories/team/web/${encodeURIComponent(digest)}`, label: "See the findings" });
  });

  it("says nothing of an image without CRITICAL findings, or whose scan has not completed", () => {
    expect(imageWarnings([chosen({ image: { digest, scanStatus: "COMPLETE", findings: { HIGH: 4 } } })]).warnings).toEqual([]);
    expect(imageWarnings([chosen({ image: { digest, scanStatus: "IN_PROGRESS", findings: { CRITICAL: 1 } } })]).warnings).toEqual([]);
    expect(imageWarnings([chosen({ image: null })]).warnings).toEqual([]);
  });

  it("warns of latest only while the repository lets it move", () => {
    const latest = { uri: `${uri}:latest`, tag: "latest" };
    expect(imageWarnings([chosen(latest)]).warnings[0]).toContain("mutable tag latest in team/web");
    expect(imageWarnings([chosen({ ...latest, repository: repo("IMMUTABLE") })]).warnings).toEqual([]);
    expect(imageWarnings([chosen({ uri: `${uri}@${digest}`, tag: null })]).warnings).toEqual([]);
  });

  it("names an image used by several containers once", () => {
    const bad = chosen({ uri: `${uri}:latest`, tag: "latest", image: { digest, scanStatus: "COMPLETE", findings: { CRITICAL: 1 } } });
    const out = imageWarnings([bad, bad]);
    expect(out.warnings).toHaveLength(2);
    expect(out.warnings[0]).toContain("1 CRITICAL finding in");
  });
});

describe("withImageWarnings", () => {
  const plan: Plan = { version: 1, wizard: "x", title: "x", resources: [], steps: [], warnings: ["role"] };
  it("appends after the plan's own warnings, and leaves a plan without image warnings as it was", () => {
    expect(withImageWarnings(plan, { warnings: [], links: {} })).toBe(plan);
    const out = withImageWarnings(plan, { warnings: ["img"], links: { img: { href: "/x", label: "See" } } });
    expect(out.warnings).toEqual(["role", "img"]);
    expect(out.warningLinks).toEqual({ img: { href: "/x", label: "See" } });
  });
});
