import { describe, expect, it } from "vitest";
import { createScheduleSchema, deleteScheduleSchema } from "@/lib/validation/scheduled-task";
import { buildCreateSchedulePlan, buildDeleteSchedulePlan } from "./scheduled-task";

const valid = {
  connectionId: "c1", region: "us-east-1", cluster: "batch", clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/batch",
  scheduleName: "nightly-report", expression: "cron(0 9 ? * MON-FRI *)", timezone: "Europe/Berlin", taskDefinition: "report:4", count: "2",
  subnets: ["subnet-0a"], securityGroups: ["sg-0b"],
};
const issues = (v: object) => createScheduleSchema.safeParse({ ...valid, ...v }).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("schedule validation", () => {
  it("explains a bad expression at the field", () => {
    expect(issues({ expression: "cron(0 9 * * *)" })?.[0]?.[0]).toBe("expression");
    expect(issues({ expression: "cron(0 9 * * *)" })?.[0]?.[1]).toContain("6 fields");
    expect(issues({ expression: "rate(5 minute)" })?.[0]?.[1]).toContain("plural");
  });

  it("checks name, time zone, count, network and role", () => {
    expect(issues({ scheduleName: "has space" })?.[0]?.[0]).toBe("scheduleName");
    expect(issues({ scheduleName: "x".repeat(65) })?.[0]?.[1]).toContain("64");
    expect(issues({ timezone: "Mars/Base" })?.[0]?.[0]).toBe("timezone");
    expect(issues({ count: "11" })?.[0]?.[0]).toBe("count");
    expect(issues({ subnets: [] })).toEqual([["subnets", "Pick at least one subnet."]]);
    expect(issues({ roleMode: "existing" })).toEqual([["roleArn", "Pick a role that EventBridge Scheduler can assume."]]);
  });
});

describe("buildCreateSchedulePlan", () => {
  it("creates the scheduler role with its policy, then the schedule targeting RunTask on Fargate", () => {
    const plan = buildCreateSchedulePlan(createScheduleSchema.parse(valid));
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateRole", "PutRolePolicy", "CreateSchedule"]);
    expect(plan.steps[0]!.input.AssumeRolePolicyDocument).toContain("scheduler.amazonaws.com");
    const policy = JSON.parse(plan.steps[1]!.input.PolicyDocument as string);
    expect(policy.Statement.map((s: { Action: string }) => s.Action)).toEqual(["ecs:RunTask", "iam:PassRole"]);
    expect(policy.Statement[0].Resource).toBe("arn:aws:ecs:us-east-1:123456789012:task-definition/report:*");
    expect(plan.steps[2]!.input).toEqual({
      Name: "nightly-report",
      GroupName: "default",
      ScheduleExpression: "cron(0 9 ? * MON-FRI *)",
      ScheduleExpressionTimezone: "Europe/Berlin",
      FlexibleTimeWindow: { Mode: "OFF" },
      State: "ENABLED",
      Target: {
        Arn: valid.clusterArn,
        RoleArn: { $ref: "role.roleArn" },
        EcsParameters: {
          TaskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/report:4",
          TaskCount: 2,
          LaunchType: "FARGATE",
          NetworkConfiguration: { awsvpcConfiguration: { Subnets: ["subnet-0a"], SecurityGroups: ["sg-0b"], AssignPublicIp: "DISABLED" } },
        },
      },
    });
    expect(plan.steps.map((s) => s.inverse?.operation)).toEqual(["DeleteRole", "DeleteRolePolicy", "DeleteSchedule"]);
  });

  it("uses a picked role as is", () => {
    const roleArn = "arn:aws:iam::123456789012:role/existing";
    const plan = buildCreateSchedulePlan(createScheduleSchema.parse({ ...valid, roleMode: "existing", roleArn }));
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateSchedule"]);
    expect((plan.steps[0]!.input.Target as { RoleArn: string }).RoleArn).toBe(roleArn);
  });

  it("deletes a schedule in one step", () => {
    const plan = buildDeleteSchedulePlan(deleteScheduleSchema.parse({ connectionId: "c", region: "us-east-1", cluster: "batch", scheduleName: "n" }));
    expect(plan.steps.map((s) => [s.operation, s.input])).toEqual([["DeleteSchedule", { Name: "n", GroupName: "default" }]]);
  });
});
