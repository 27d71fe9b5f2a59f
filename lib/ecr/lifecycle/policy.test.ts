import { describe, expect, it } from "vitest";
import { PolicyTextError, fromPolicyText, toPolicyText } from "./policy";
import { rulesSchema } from "./schema";

const rules = rulesSchema.parse([
  { priority: 2, tagStatus: "any", countType: "imageCountMoreThan", countNumber: 100 },
  { priority: 1, description: "Old untagged", tagStatus: "untagged", countType: "sinceImagePushed", countNumber: 14 },
]);

describe("lifecycle policy text", () => {
  it("writes rules as ECR's JSON, sorted by priority, with days only for age rules", () => {
    const policy = JSON.parse(toPolicyText(rules));
    expect(policy.rules).toEqual([
      { rulePriority: 1, description: "Old untagged", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 }, action: { type: "expire" } },
      { rulePriority: 2, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 100 }, action: { type: "expire" } },
    ]);
  });

  it("reads back what it writes", () => {
    const tagged = rulesSchema.parse([{ priority: 1, tagStatus: "tagged", tagMatch: "pattern", tags: "v*, release-*", countType: "imageCountMoreThan", countNumber: 10 }]);
    expect(fromPolicyText(toPolicyText(tagged))).toEqual(tagged);
    expect(JSON.parse(toPolicyText(tagged)).rules[0].selection.tagPatternList).toEqual(["v*", "release-*"]);
  });

  it("says what is wrong with an imported policy", () => {
    const bad = (text: string) => {
      try {
        fromPolicyText(text);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyTextError);
        return (error as Error).message;
      }
    };
    expect(bad("{")).toBe("The policy is not valid JSON.");
    expect(bad("{}")).toBe('The policy needs a "rules" list.');
    expect(bad(JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "tagged", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } }] }))).toMatch(/^Rule 1: A rule for tagged images needs/);
    expect(bad(JSON.stringify({ rules: [
      { rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } },
      { rulePriority: 2, selection: { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } },
    ] }))).toMatch(/^Rule 1: A rule for any image must have the highest priority/);
    expect(bad(JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "untagged", countType: "sinceImagePushed", countNumber: 1 }, action: { type: "expire" } }] }))).toMatch(/countUnit/);
    expect(bad("x".repeat(40_000))).toMatch(/at most 30,720 characters/);
  });
});
