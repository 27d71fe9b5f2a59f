import { describe, expect, it } from "vitest";
import { kebab, planToCli } from "./cli";
import type { Plan } from "./types";

describe("AWS CLI rendering", () => {
  it("turns operation names into CLI verbs", () => {
    expect(kebab("CreateCluster")).toBe("create-cluster");
    expect(kebab("PutClusterCapacityProviders")).toBe("put-cluster-capacity-providers");
    expect(kebab("GetCallerIdentity")).toBe("get-caller-identity");
  });

  it("uses the CLI's name for Application Auto Scaling", () => {
    const plan: Plan = {
      version: 1,
      wizard: "test",
      title: "t",
      resources: [],
      steps: [{ key: "t", service: "appautoscaling", operation: "RegisterScalableTarget", description: "d", input: { MinCapacity: 1 } }],
    };
    expect(planToCli(plan, "us-east-1").join("\n")).toContain("aws application-autoscaling register-scalable-target");
  });

  it("renders every step with its exact input, capturing outputs used later", () => {
    const plan: Plan = {
      version: 1,
      wizard: "test",
      title: "t",
      resources: [],
      steps: [
        { key: "create", service: "ecs", operation: "CreateCluster", description: "", input: { clusterName: "o'brien" }, produces: { arn: "cluster.clusterArn" } },
        { key: "cp", service: "ecs", operation: "PutClusterCapacityProviders", description: "", input: { cluster: { $ref: "create.arn" } } },
      ],
    };
    const [first, second] = planToCli(plan, "eu-west-1");
    expect(first).toBe(
      `CREATE_ARN=$(aws ecs create-cluster --region eu-west-1 --cli-input-json '{"clusterName":"o'\\''brien"}' --query 'cluster.clusterArn' --output text)`,
    );
    expect(second).toBe(
      `aws ecs put-cluster-capacity-providers --region eu-west-1 --cli-input-json '{"cluster":"'"$CREATE_ARN"'"}'`,
    );
  });
});
