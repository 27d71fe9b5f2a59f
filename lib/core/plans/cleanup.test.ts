import { describe, expect, it } from "vitest";
import { buildCleanupPlan } from "./cleanup";
import { clusterPlan } from "../testing/plans";

const plan = clusterPlan("web");
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
