import { describe, expect, it } from "vitest";
import { createClusterSchema } from "@/lib/validation/ecs-cluster";
import { buildCreateClusterPlan } from "./ecs-cluster";
import { refsIn } from "./refs";

const valid = { connectionId: "c1", region: "us-east-1", clusterName: "web-prod_1" };

describe("create cluster validation", () => {
  it.each([
    ["", "Enter a cluster name."],
    ["has space", "Use only letters"],
    ["dots.not.allowed", "Use only letters"],
    ["x".repeat(256), "at most 255"],
  ])("rejects %j", (clusterName, message) => {
    const result = createClusterSchema.safeParse({ ...valid, clusterName });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["clusterName"]);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("accepts 255 characters and applies console defaults", () => {
    const parsed = createClusterSchema.parse({ ...valid, clusterName: "a".repeat(255) });
    expect(parsed).toMatchObject({ containerInsights: "disabled", fargateWeight: 1, spotWeight: 0, tags: [] });
  });

  it("needs a weight above zero and a base on only one provider", () => {
    const none = createClusterSchema.safeParse({ ...valid, fargateWeight: "0", spotWeight: "0" });
    expect(none.error?.issues[0]?.path).toEqual(["fargateWeight"]);
    const twoBases = createClusterSchema.safeParse({ ...valid, fargateBase: "1", spotBase: "2", spotWeight: "1" });
    expect(twoBases.error?.issues[0]?.path).toEqual(["spotBase"]);
  });

  it("rejects reserved and duplicate tag keys", () => {
    const result = createClusterSchema.safeParse({ ...valid, tags: [{ key: "aws:x", value: "" }, { key: "a", value: "" }, { key: "a", value: "" }] });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["tags", 0, "key"], ["tags", 2, "key"]]);
  });
});

describe("buildCreateClusterPlan", () => {
  const plan = buildCreateClusterPlan(
    createClusterSchema.parse({ ...valid, containerInsights: "enhanced", fargateWeight: "1", fargateBase: "2", spotWeight: "3", tags: [{ key: "team", value: "ops" }] }),
  );

  it("creates the cluster, then attaches capacity providers referencing its ARN", () => {
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["ecs:CreateCluster", "ecs:PutClusterCapacityProviders"]);
    expect(plan.steps[0]!.input).toEqual({
      clusterName: "web-prod_1",
      settings: [{ name: "containerInsights", value: "enhanced" }],
      tags: [{ key: "team", value: "ops" }],
    });
    expect(plan.steps[1]!.input.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: "FARGATE", weight: 1, base: 2 },
      { capacityProvider: "FARGATE_SPOT", weight: 3, base: 0 },
    ]);
    expect(refsIn(plan.steps[1]!.input)).toEqual(["cluster"]);
  });

  it("leaves unused providers out of the strategy and knows its inverse", () => {
    const simple = buildCreateClusterPlan(createClusterSchema.parse(valid));
    expect(simple.steps[1]!.input.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: "FARGATE", weight: 1, base: 0 }]);
    expect(simple.steps[0]!.inverse?.operation).toBe("DeleteCluster");
    expect(simple.resources).toEqual(["ecs:cluster/web-prod_1"]);
  });
});
