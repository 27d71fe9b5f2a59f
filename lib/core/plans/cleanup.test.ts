import { describe, expect, it } from "vitest";
import { createClusterSchema } from "@/lib/ecs/clusters/schema";
import { buildCleanupPlan } from "./cleanup";
import { buildCreateClusterPlan } from "../../ecs/clusters/plan";

const plan = buildCreateClusterPlan(createClusterSchema.parse({ connectionId: "c", region: "us-east-1", clusterName: "web" }));
const arn = "arn:aws:ecs:us-east-1:123456789012:cluster/web";

describe("buildCleanupPlan", () => {
  it("deletes the exact cluster that was created when a later step failed", () => {
    const cleanup = buildCleanupPlan(
      plan,
      [
        { stepKey: "cluster", status: "succeeded", response: { cluster: { clusterArn: arn } } },
        { stepKey: "capacity", status: "failed", response: null },
      ],
      "run1",
    );
    expect(cleanup?.steps).toEqual([
      { key: "undo-cluster", service: "ecs", operation: "DeleteCluster", description: "Delete cluster web", input: { cluster: arn } },
    ]);
    expect(cleanup?.landing).toBe("/history/run1");
  });

  it("has nothing to do when nothing succeeded", () => {
    expect(buildCleanupPlan(plan, [{ stepKey: "cluster", status: "failed", response: null }], "r")).toBeNull();
  });
});
