import { describe, expect, it } from "vitest";
import { runTaskSchema } from "@/lib/ecs/tasks/schema";
import { buildRunTaskPlan } from "./plan";

const valid = {
  connectionId: "c1", region: "us-east-1", cluster: "batch", taskDefinition: "job:3", count: "2",
  subnets: ["subnet-0a"], securityGroups: ["sg-0b"], assignPublicIp: "ENABLED",
};
const issues = (v: object) => runTaskSchema.safeParse({ ...valid, ...v }).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("run task validation", () => {
  it("checks the revision, the count and awsvpc networking", () => {
    expect(issues({ taskDefinition: "job" })).toEqual([["taskDefinition", "Use family:revision, e.g. web:3."]]);
    expect(issues({ count: "11" })).toEqual([["count", "Run 1 to 10 tasks at a time."]]);
    expect(issues({ count: "0" })).toEqual([["count", "Run 1 to 10 tasks at a time."]]);
    expect(issues({ subnets: [], securityGroups: [] })).toEqual([["subnets", "Pick at least one subnet."], ["securityGroups", "Pick at least one security group."]]);
    expect(issues({ networkMode: "bridge" })?.[0]?.[1]).toContain("awsvpc");
    expect(issues({ networkMode: "bridge", launchType: "EC2", subnets: [] })).toBeUndefined();
    expect(issues({ command: "echo" })).toEqual([["containerName", "Pick the container the overrides apply to."]]);
    expect(issues({ environment: [{ name: "1BAD", value: "" }] })?.[0]?.[0]).toBe("environment.0.name");
    expect(issues({ compute: "capacityProvider" })).toEqual([["capacityProvider", "Pick a capacity provider."]]);
  });
});

describe("buildRunTaskPlan", () => {
  it("runs the revision with networking and container overrides", () => {
    const plan = buildRunTaskPlan(runTaskSchema.parse({
      ...valid, containerName: "app", command: "python\n  manage.py \nmigrate\n", environment: [{ name: "MODE", value: "once" }],
    }));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]!.operation).toBe("RunTask");
    expect(plan.steps[0]!.input).toEqual({
      cluster: "batch",
      taskDefinition: "job:3",
      count: 2,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a"], securityGroups: ["sg-0b"], assignPublicIp: "ENABLED" } },
      overrides: { containerOverrides: [{ name: "app", command: ["python", "manage.py", "migrate"], environment: [{ name: "MODE", value: "once" }] }] },
      startedBy: "portside",
    });
  });

  it("uses a capacity provider strategy and leaves out what was not set", () => {
    const plan = buildRunTaskPlan(runTaskSchema.parse({ ...valid, compute: "capacityProvider", capacityProvider: "cp-batch", networkMode: "bridge", count: "1" }));
    expect(plan.steps[0]!.input).toEqual({
      cluster: "batch", taskDefinition: "job:3", count: 1,
      capacityProviderStrategy: [{ capacityProvider: "cp-batch", weight: 1, base: 0 }],
      startedBy: "portside",
    });
    expect(plan.title).toBe("Run 1 task of job:3 in batch");
  });
});
