import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const run = {
  id: "r1", title: "Create cluster", wizard: "ecs-cluster", connectionId: "c1", region: "eu-west-1", resources: ["ecs:cluster/a"],
  plan: {
    version: 1, wizard: "ecs-cluster", title: "Create cluster", resources: [], steps: [
      { key: "a", service: "ecs", operation: "CreateCluster", description: "", input: { clusterName: "a" },
        inverse: { service: "ecs", operation: "DeleteCluster", description: "", input: { cluster: "a" } } },
      { key: "b", service: "ecs", operation: "CreateService", description: "", input: {} },
    ],
  },
  steps: [{ stepKey: "a", status: "succeeded", response: {} }, { stepKey: "b", status: "failed", response: null }],
};

describe("run events", () => {
  it("a failed run that created something also needs cleanup; a succeeded one only succeeded", async () => {
    const { finishEvents } = await import("./run-events");
    expect(finishEvents(run, "failed", "boom").map((e) => e.kind)).toEqual(["failed", "needs_cleanup"]);
    expect(finishEvents(run, "succeeded", null).map((e) => e.kind)).toEqual(["succeeded"]);
    const nothing = { ...run, steps: [{ stepKey: "a", status: "failed", response: null }] };
    expect(finishEvents(nothing, "interrupted", "x").map((e) => e.kind)).toEqual(["failed"]);
  });

  it("a listener that throws is logged and never reaches the executor", async () => {
    const { emitRunEvent, finishEvents, onRunEvent } = await import("./run-events");
    const heard: string[] = [];
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    onRunEvent(() => { throw new Error("channel down"); });
    onRunEvent((e) => { heard.push(e.kind); });
    await expect(emitRunEvent({ ...finishEvents(run, "succeeded", null)[0]! })).resolves.toBeUndefined();
    expect(heard).toEqual(["succeeded"]);
    expect(log).toHaveBeenCalled();
  });
});
