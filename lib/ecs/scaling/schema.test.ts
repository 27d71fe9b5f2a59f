import { describe, expect, it } from "vitest";
import { managedScalingSchema, queueScalingSchema, scheduledScalingSchema, serviceScalingSchema } from "./schema";

const base = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "web" };
const off = { enabled: false, target: 0 };
const TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef";
const LB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/fedcba9876543210";

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("serviceScalingSchema", () => {
  it("accepts CPU tracking with console defaults for cooldowns", () => {
    const v = serviceScalingSchema.parse({ ...base, minTasks: "1", maxTasks: "10", cpu: { enabled: "true", target: "70" }, memory: off, requests: off });
    expect(v.cpu).toEqual({ enabled: true, target: 70, scaleOutCooldown: 300, scaleInCooldown: 300, disableScaleIn: false });
    expect(v.minTasks).toBe(1);
  });

  it("rejects min above max, targets out of range and request scaling without a target group", () => {
    const result = serviceScalingSchema.safeParse({
      ...base,
      minTasks: 5,
      maxTasks: 2,
      cpu: { enabled: true, target: 0 },
      memory: { enabled: true, target: 120 },
      requests: { enabled: true, target: 2.5 },
    });
    expect(errors(result)).toEqual({
      minTasks: "Minimum tasks cannot be more than maximum tasks.",
      "cpu.target": "Target utilization is 1 to 100 percent.",
      "memory.target": "Target utilization is 1 to 100 percent.",
      "requests.target": "Requests per target is a whole number from 1 to 1,000,000.",
      "requests.targetGroupArn": "Request-count scaling needs the service's Application Load Balancer target group.",
    });
  });

  it("accepts request-count tracking with the service's target group", () => {
    const v = serviceScalingSchema.parse({ ...base, minTasks: 2, maxTasks: 20, cpu: off, memory: off, requests: { enabled: true, target: 1000, targetGroupArn: TG, loadBalancerArn: LB } });
    expect(v.requests.target).toBe(1000);
  });

  it("rejects negative counts, more than 5,000 tasks and cooldowns out of range", () => {
    const result = serviceScalingSchema.safeParse({ ...base, minTasks: -1, maxTasks: 6000, cpu: { enabled: true, target: 50, scaleInCooldown: 90000 }, memory: off, requests: off });
    expect(errors(result)).toMatchObject({
      minTasks: "Minimum tasks is 0 to 5000.",
      maxTasks: "Maximum tasks is 0 to 5000.",
      "cpu.scaleInCooldown": "The scale-in cooldown is 0 to 86400.",
    });
  });

  it("says when a range with no policy can never change anything", () => {
    expect(errors(serviceScalingSchema.safeParse({ ...base, minTasks: 3, maxTasks: 3, cpu: off, memory: off, requests: off }))).toHaveProperty("maxTasks");
  });
});

describe("queueScalingSchema", () => {
  const queue = { ...base, minTasks: 0, maxTasks: 10, queueName: "jobs", scaleInAt: 0 };

  it("accepts contiguous steps ending open", () => {
    const v = queueScalingSchema.parse({ ...queue, steps: [{ from: 10, to: 100, change: 1 }, { from: 100, to: "", change: 3 }] });
    expect(v.steps).toEqual([{ from: 10, to: 100, change: 1 }, { from: 100, to: null, change: 3 }]);
    expect(v.cooldown).toBe(300);
  });

  it("names gaps, overlaps, a closed last step and an open middle step at the field", () => {
    expect(errors(queueScalingSchema.safeParse({ ...queue, steps: [{ from: 10, to: 100, change: 1 }, { from: 150, change: 2 }] }))).toEqual({
      "steps.1.from": "Gap between steps: this step must start at 100.",
    });
    expect(errors(queueScalingSchema.safeParse({ ...queue, steps: [{ from: 10, to: 100, change: 1 }, { from: 50, change: 2 }] }))).toEqual({
      "steps.1.from": "Steps overlap: this step must start at 100.",
    });
    expect(errors(queueScalingSchema.safeParse({ ...queue, steps: [{ from: 10, to: 100, change: 1 }] }))).toEqual({
      "steps.0.to": "Leave the last step open-ended (no upper bound).",
    });
    expect(errors(queueScalingSchema.safeParse({ ...queue, steps: [{ from: 10, change: 1 }, { from: 100, change: 2 }] }))).toMatchObject({
      "steps.0.to": "Only the last step can be open-ended.",
    });
  });

  it("keeps the scale-in threshold below the scale-out threshold and validates the queue name", () => {
    const result = queueScalingSchema.safeParse({ ...queue, queueName: "bad name", scaleInAt: 10, steps: [{ from: 10, change: 1 }] });
    expect(errors(result)).toEqual({
      queueName: "Use only letters, digits, hyphens (-) and underscores (_); FIFO queues end in .fifo.",
      scaleInAt: "Scale in below the scale-out threshold (10 messages), or the two alarms fight.",
    });
  });
});

describe("scheduledScalingSchema", () => {
  it("accepts a business-hours cron in a time zone", () => {
    const v = scheduledScalingSchema.parse({ ...base, minTasks: 4, maxTasks: 20, name: "business-hours", expression: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Berlin" });
    expect(v.timezone).toBe("Europe/Berlin");
  });

  it("rejects invalid expressions, unknown zones and names with slashes", () => {
    const result = scheduledScalingSchema.safeParse({ ...base, minTasks: 1, maxTasks: 2, name: "a/b", expression: "cron(0 8 * * MON-FRI *)", timezone: "Mars/Olympus" });
    const e = errors(result);
    expect(Object.keys(e).sort()).toEqual(["expression", "name", "timezone"]);
    expect(e.name).toBe("Names cannot contain colons (:), slashes (/) or pipes (|).");
  });
});

describe("managedScalingSchema", () => {
  it("has the console's defaults and rejects a minimum step above the maximum", () => {
    const v = managedScalingSchema.parse({ connectionId: "c1", region: "us-east-1", cluster: "prod", capacityProvider: "cp" });
    expect(v).toMatchObject({ enabled: true, targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 });
    const bad = managedScalingSchema.safeParse({ connectionId: "c1", region: "us-east-1", cluster: "prod", capacityProvider: "cp", targetCapacity: 0, minimumScalingStepSize: 20, maximumScalingStepSize: 10 });
    expect(errors(bad)).toEqual({
      targetCapacity: "Target capacity is 1 to 100.",
      minimumScalingStepSize: "The minimum step cannot be larger than the maximum step.",
    });
  });
});
