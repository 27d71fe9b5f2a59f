import { describe, expect, it } from "vitest";
import { settingsOf } from "./reads";
import { trustedServices } from "../iam/reads";

describe("settingsOf", () => {
  it("maps a configuration to the form's settings", () => {
    expect(
      settingsOf({
        cpu: "512",
        memory: "2048",
        healthCheckPath: "/healthz",
        primaryContainer: { image: "nginx:1.27", containerPort: 8080, environment: [{ name: "A", value: "1" }] },
        scalingTarget: { minTaskCount: 2, maxTaskCount: 6, autoScalingMetric: "REQUEST_COUNT_PER_TARGET", autoScalingTargetValue: 500 },
      }),
    ).toEqual({
      image: "nginx:1.27",
      containerPort: 8080,
      cpu: "512",
      memory: "2048",
      minTasks: 2,
      maxTasks: 6,
      scalingMetric: "REQUEST_COUNT_PER_TARGET",
      scalingTarget: 500,
      healthCheckPath: "/healthz",
      environment: [{ name: "A", value: "1" }],
    });
  });

  it("fills what AWS left out with the API's defaults, and needs an image", () => {
    expect(settingsOf({ primaryContainer: { image: "nginx" } })).toMatchObject({ containerPort: 80, cpu: "256", memory: "512", minTasks: 1, healthCheckPath: "/ping" });
    expect(settingsOf({ cpu: "256" })).toBeNull();
    expect(settingsOf(undefined)).toBeNull();
  });
});

describe("trustedServices", () => {
  const doc = (principal: unknown, effect = "Allow") => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: effect, Principal: principal, Action: "sts:AssumeRole" }] });

  it("reads the service principals of URL-encoded and plain documents", () => {
    expect(trustedServices(encodeURIComponent(doc({ Service: "ecs-tasks.amazonaws.com" })))).toEqual(["ecs-tasks.amazonaws.com"]);
    expect(trustedServices(doc({ Service: ["ecs.amazonaws.com", "ec2.amazonaws.com"] }))).toEqual(["ecs.amazonaws.com", "ec2.amazonaws.com"]);
  });

  it("ignores denies, account principals and broken documents", () => {
    expect(trustedServices(doc({ Service: "ecs.amazonaws.com" }, "Deny"))).toEqual([]);
    expect(trustedServices(doc({ AWS: "arn:aws:iam::123456789012:root" }))).toEqual([]);
    expect(trustedServices("%7Bbroken")).toEqual([]);
    expect(trustedServices(undefined)).toEqual([]);
  });
});
