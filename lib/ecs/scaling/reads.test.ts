import { describe, expect, it } from "vitest";
import { alarmsOfPolicy, type AlarmRead } from "./reads";

const alarm = (name: string, actions: string[], state = "OK"): AlarmRead => ({ name, state, reason: "", updatedAt: null, threshold: 100, metric: "AWS/SQS/ApproximateNumberOfMessagesVisible", actions });
const arn = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:abc:resource/ecs/service/prod/worker:policyName/worker-queue-scale-out";

describe("alarmsOfPolicy", () => {
  const alarms = new Map([
    ["high", alarm("high", [arn], "ALARM")],
    ["low", alarm("low", ["arn:other"])],
    ["TargetTracking-high", alarm("TargetTracking-high", [])],
  ]);

  it("uses the alarms a policy lists, without their actions", () => {
    expect(alarmsOfPolicy({ PolicyARN: arn, Alarms: [{ AlarmName: "TargetTracking-high", AlarmARN: "x" }] }, alarms)).toEqual([
      { name: "TargetTracking-high", state: "OK", reason: "", updatedAt: null, threshold: 100, metric: "AWS/SQS/ApproximateNumberOfMessagesVisible" },
    ]);
  });

  it("marks a listed alarm that could not be read as UNKNOWN", () => {
    expect(alarmsOfPolicy({ PolicyARN: arn, Alarms: [{ AlarmName: "gone", AlarmARN: "x" }] }, alarms)[0]).toMatchObject({ name: "gone", state: "UNKNOWN" });
  });

  it("finds the alarms that invoke a policy listing none by the policy's ARN in their actions", () => {
    expect(alarmsOfPolicy({ PolicyARN: arn, Alarms: [] }, alarms).map((a) => [a.name, a.state])).toEqual([["high", "ALARM"]]);
    expect(alarmsOfPolicy({ PolicyARN: "arn:nothing", Alarms: undefined }, alarms)).toEqual([]);
  });
});
