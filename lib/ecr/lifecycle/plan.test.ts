import { describe, expect, it } from "vitest";
import { buildPutLifecyclePolicyPlan } from "./plan";

const policyText = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 5 }, action: { type: "expire" } }] });
const input = { connectionId: "c1", region: "us-east-1", repositoryName: "team/web", policyText };

describe("buildPutLifecyclePolicyPlan", () => {
  it("puts the policy, undone by deleting it when there was none", () => {
    const step = buildPutLifecyclePolicyPlan(input, null).steps[0]!;
    expect(step).toMatchObject({ operation: "PutLifecyclePolicy", input: { repositoryName: "team/web", lifecyclePolicyText: policyText }, description: "Set the lifecycle policy of team/web (1 rule)" });
    expect(step.inverse).toMatchObject({ operation: "DeleteLifecyclePolicy" });
  });

  it("puts the previous policy back when it replaces one", () => {
    const step = buildPutLifecyclePolicyPlan(input, "{\"rules\":[]}").steps[0]!;
    expect(step.inverse).toMatchObject({ operation: "PutLifecyclePolicy", input: { lifecyclePolicyText: "{\"rules\":[]}" } });
  });
});
