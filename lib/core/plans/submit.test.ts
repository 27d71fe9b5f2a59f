import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError } from "@/lib/core/errors";
import { appRunnerOperationPlan } from "../testing/plans";
import { planHash } from "./hash";
import { assertReviewed } from "./reviewed-hash";

// submitPlan's refusals must come before anything is recorded or queued.
const recordPlanRun = vi.fn(async () => ({ id: "run-1" }));
const enqueueRun = vi.fn(async () => undefined);
vi.mock("@/lib/core/audit/runs", () => ({ recordPlanRun }));
vi.mock("./queue", () => ({ enqueueRun }));

const { submitPlan } = await import("./submit");

const input = {
  connectionId: "c1",
  region: "us-east-1",
  serviceArn: "arn:aws:apprunner:us-east-1:123456789012:service/web/0123456789abcdef",
  serviceName: "web",
};
const plan = appRunnerOperationPlan("DeleteService", input);
const user = { id: "u1", email: "ops@example.com", name: "Ops", role: "operator" } as never;

describe("assertReviewed", () => {
  it("refuses a confirm that carries no hash, or an empty one", () => {
    expect(() => assertReviewed(plan, undefined)).toThrow(new ConflictError("Review the plan before running it."));
    expect(() => assertReviewed(plan, "")).toThrow("Review the plan before running it.");
  });

  it("refuses a hash of another plan", () => {
    const other = appRunnerOperationPlan("PauseService", input);
    expect(() => assertReviewed(plan, planHash(other))).toThrow("The plan changed since you reviewed it.");
  });

  it("accepts the hash of the same plan", () => {
    expect(() => assertReviewed(plan, planHash(plan))).not.toThrow();
  });
});

describe("submitPlan", () => {
  beforeEach(() => {
    recordPlanRun.mockClear();
    enqueueRun.mockClear();
  });

  it("records and queues nothing without a reviewed hash", async () => {
    await expect(submitPlan({ user, input, plan, reviewedHash: undefined })).rejects.toThrow("Review the plan before running it.");
    await expect(submitPlan({ user, input, plan, reviewedHash: "" })).rejects.toThrow("Review the plan before running it.");
    expect(recordPlanRun).not.toHaveBeenCalled();
    expect(enqueueRun).not.toHaveBeenCalled();
  });

  it("records and queues nothing when the plan changed since the review", async () => {
    await expect(submitPlan({ user, input, plan, reviewedHash: "0".repeat(64) })).rejects.toThrow("The plan changed");
    expect(recordPlanRun).not.toHaveBeenCalled();
  });

  it("records the reviewed plan without its hash in the stored input, then queues it", async () => {
    const hash = planHash(plan);
    await expect(submitPlan({ user, input: { ...input, reviewedHash: hash }, plan, reviewedHash: hash })).resolves.toBe("run-1");
    expect(recordPlanRun).toHaveBeenCalledWith(expect.objectContaining({ input, plan, userId: "u1" }));
    expect(enqueueRun).toHaveBeenCalledWith("run-1");
  });
});
