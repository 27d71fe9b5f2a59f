import { describe, expect, it } from "vitest";
import { alertKind } from "./kind";
import { alertPattern, deploymentAlertPattern } from "./plan";
import { createTaskAlertSchema } from "./schema";

const clusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/jobs";
const input = createTaskAlertSchema.parse({ connectionId: "c", region: "us-east-1", cluster: "jobs", clusterArn, ruleName: "r", topicName: "t", emails: "a@example.com" });

describe("alertKind", () => {
  it("knows the cluster's own task and deployment alert patterns, not another cluster's", () => {
    expect(alertKind(JSON.stringify(alertPattern(input)), clusterArn)).toBe("tasks");
    expect(alertKind(JSON.stringify(deploymentAlertPattern(input)), clusterArn)).toBe("deployments");
    expect(alertKind(JSON.stringify(deploymentAlertPattern({ ...input, service: "web" })), clusterArn)).toBe("deployments");
    expect(alertKind(JSON.stringify(deploymentAlertPattern(input)), "arn:aws:ecs:us-east-1:123456789012:cluster/job")).toBeNull();
    expect(alertKind(JSON.stringify(alertPattern(input)), "arn:aws:ecs:us-east-1:123456789012:cluster/other")).toBeNull();
  });
});
