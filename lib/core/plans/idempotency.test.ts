import { describe, expect, it } from "vitest";
import { takesIdempotencyToken, withIdempotencyToken } from "./idempotency";

describe("idempotency tokens", () => {
  it("are derived from the run and the step: the same on every send, different between steps and runs", () => {
    const a = withIdempotencyToken("ecs", "CreateService", { serviceName: "web" }, "run1", "service");
    expect(a).toEqual({ serviceName: "web", clientToken: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(withIdempotencyToken("ecs", "CreateService", { serviceName: "web" }, "run1", "service")).toEqual(a);
    expect(withIdempotencyToken("ecs", "CreateService", { serviceName: "web" }, "run1", "other").clientToken).not.toBe(a.clientToken);
    expect(withIdempotencyToken("ecs", "CreateService", { serviceName: "web" }, "run2", "service").clientToken).not.toBe(a.clientToken);
  });

  it("use each API's own field, within its length, and keep a token the plan set", () => {
    expect(Object.keys(withIdempotencyToken("eks", "CreateNodegroup", {}, "r", "s"))).toEqual(["clientRequestToken"]);
    expect(Object.keys(withIdempotencyToken("scheduler", "CreateSchedule", {}, "r", "s"))).toEqual(["ClientToken"]);
    expect(String(withIdempotencyToken("ecs", "CreateService", {}, "r", "s").clientToken).length).toBeLessThanOrEqual(36);
    expect(withIdempotencyToken("ecs", "RunTask", { clientToken: "mine" }, "r", "s").clientToken).toBe("mine");
  });

  it("leave requests without a token alone", () => {
    expect(takesIdempotencyToken("ecs", "UpdateService")).toBe(false);
    expect(takesIdempotencyToken("ecs", "RunTask")).toBe(true);
    const request = { cluster: "c" };
    expect(withIdempotencyToken("ecs", "DeleteCluster", request, "r", "s")).toBe(request);
  });
});
