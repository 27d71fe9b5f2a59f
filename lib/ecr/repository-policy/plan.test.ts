import { describe, expect, it } from "vitest";
import { buildDeleteRepositoryPolicyPlan, buildSetRepositoryPolicyPlan } from "./plan";
import { crossAccountPullPolicy } from "./templates";

const input = { connectionId: "c", region: "us-east-1", repositoryName: "team/web", policyText: crossAccountPullPolicy("111122223333") };

describe("repository policy plans", () => {
  it("sets the policy and undoes it by deleting, or by putting back the previous one", () => {
    const first = buildSetRepositoryPolicyPlan(input, null);
    expect(first.steps[0]).toMatchObject({ service: "ecr", operation: "SetRepositoryPolicy", input: { repositoryName: "team/web", policyText: input.policyText } });
    expect(first.steps[0]!.inverse?.operation).toBe("DeleteRepositoryPolicy");
    expect(buildSetRepositoryPolicyPlan(input, "{}").steps[0]!.inverse).toMatchObject({ operation: "SetRepositoryPolicy", input: { policyText: "{}" } });
  });

  it("deletes the policy, with the old one as inverse", () => {
    const plan = buildDeleteRepositoryPolicyPlan(input, "{\"Version\":\"2012-10-17\"}");
    expect(plan.steps[0]).toMatchObject({ operation: "DeleteRepositoryPolicy", input: { repositoryName: "team/web" } });
    expect(plan.steps[0]!.inverse?.operation).toBe("SetRepositoryPolicy");
  });
});
