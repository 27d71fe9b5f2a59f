import { describe, expect, it } from "vitest";
import { createScheduleSchema } from "@/lib/ecs/scheduled-tasks/schema";
import { schedulePrefill, type ScheduleSource } from "./prefill";

const clusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
// As GetSchedule answers for a schedule the wizard made.
const schedule: ScheduleSource = {
  Name: "nightly-report",
  GroupName: "default",
  Description: "Reports at 2",
  ScheduleExpression: "cron(0 2 * * ? *)",
  ScheduleExpressionTimezone: "Europe/Berlin",
  State: "ENABLED",
  FlexibleTimeWindow: { Mode: "OFF" },
  Target: {
    Arn: clusterArn,
    RoleArn: "arn:aws:iam::123456789012:role/PortsideSchedulerEcsRunTask",
    RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
    EcsParameters: {
      TaskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/report:4",
      TaskCount: 2,
      LaunchType: "FARGATE",
      NetworkConfiguration: { awsvpcConfiguration: { Subnets: ["subnet-0b"], SecurityGroups: ["sg-1"], AssignPublicIp: "ENABLED" } },
    },
  },
};
const networks = [{ id: "vpc-a", subnets: [{ id: "subnet-0a" }] }, { id: "vpc-b", subnets: [{ id: "subnet-0b" }] }];

describe("schedulePrefill", () => {
  it("carries the expression, time zone, task, networking and role over, under a new name", () => {
    const { values, dropped, notes } = schedulePrefill(schedule, { networks });
    expect(values).toEqual({
      scheduleName: "nightly-report-copy", description: "Reports at 2", expression: "cron(0 2 * * ? *)", timezone: "Europe/Berlin",
      taskDefinition: "report:4", count: "2", vpcId: "vpc-b", subnets: ["subnet-0b"], securityGroups: ["sg-1"], assignPublicIp: "ENABLED",
      roleMode: "existing", roleArn: "arn:aws:iam::123456789012:role/PortsideSchedulerEcsRunTask",
    });
    expect(dropped).toEqual([]);
    expect(notes).toEqual([]);
    const parsed = createScheduleSchema.safeParse({ connectionId: "c", region: "us-east-1", cluster: "prod", clusterArn, ...values });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("names what the wizard cannot set, and says what changes", () => {
    const { dropped, notes, values } = schedulePrefill(
      {
        ...schedule, Name: "x".repeat(64), GroupName: "batch", State: "DISABLED", FlexibleTimeWindow: { Mode: "FLEXIBLE", MaximumWindowInMinutes: 15 },
        EndDate: "2027-01-01T00:00:00Z",
        Target: { ...schedule.Target, Input: "{}", RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 }, EcsParameters: { ...schedule.Target!.EcsParameters, LaunchType: "EC2", PlatformVersion: "1.4.0" } as never },
      },
      { networks },
    );
    expect(values.scheduleName).toBe(`${"x".repeat(59)}-copy`);
    expect(dropped).toEqual(["EcsParameters.PlatformVersion", "launch type EC2 (the copy runs on Fargate)", "flexible time window of 15 minutes", "EndDate", "Target.Input (task overrides)", "retry policy"]);
    expect(notes).toEqual(["The original is in schedule group batch; the copy goes to the default group.", "The original is disabled; the copy is created enabled."]);
  });
});
