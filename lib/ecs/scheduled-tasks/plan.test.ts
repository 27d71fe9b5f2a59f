import { describe, expect, it } from "vitest";
import { createScheduleSchema, deleteScheduleSchema } from "@/lib/ecs/scheduled-tasks/schema";
import { parsePolicy, type Statement } from "@/lib/iam/policy-diff";
import type { RoleFacts } from "@/lib/iam/role-check";
import { buildCreateSchedulePlan, buildDeleteSchedulePlan, schedulerPolicy, SCHEDULER_ROLE_NAME } from "./plan";

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

  const otherCluster = "arn:aws:ecs:us-east-1:123456789012:cluster/etl";
  const firstPolicy = parsePolicy(schedulerPolicy(otherCluster, "ingest"))!;
  const portsideRole = (statements = firstPolicy.Statement): RoleFacts => ({
    name: SCHEDULER_ROLE_NAME, managed: true, inline: { RunEcsTasks: { Version: "2012-10-17", Statement: statements } }, attachedArns: [], statements,
  });
  const reuse = (role: RoleFacts, passRoles = ["arn:aws:iam::123456789012:role/ecsTaskExecutionRole"]) =>
    buildCreateSchedulePlan(createScheduleSchema.parse({ ...valid, roleMode: "existing", roleArn: `arn:aws:iam::123456789012:role/${role.name}` }), { role, passRoles });

  it("widens Portside's scheduler role when it names only another cluster's family, before the schedule", () => {
    const plan = reuse(portsideRole());
    expect(plan.steps.map((s) => s.operation)).toEqual(["PutRolePolicy", "CreateSchedule"]);
    const [widen, schedule] = plan.steps;
    expect(widen!.description).toContain("ecs:RunTask on arn:aws:ecs:us-east-1:123456789012:task-definition/report:4");
    expect(schedule!.dependsOn).toEqual([widen!.key]);
    const doc = JSON.parse(widen!.input.PolicyDocument as string) as { Statement: Statement[] };
    // The first schedule's statements stay; only this family's RunTask statement is added (PassRole already covers it).
    expect(doc.Statement).toEqual([...firstPolicy.Statement, parsePolicy(schedulerPolicy(valid.clusterArn, "report"))!.Statement[0]]);
    expect(widen!.inverse).toMatchObject({ operation: "PutRolePolicy", input: { PolicyDocument: JSON.stringify(firstPolicy) } });
    expect(plan.warnings).toBeUndefined();
  });

  it("leaves a role that already allows this schedule alone", () => {
    const statements = [...firstPolicy.Statement, ...parsePolicy(schedulerPolicy(valid.clusterArn, "report"))!.Statement];
    expect(reuse(portsideRole(statements)).steps.map((s) => s.operation)).toEqual(["CreateSchedule"]);
  });

  it("warns, and changes nothing, when a role Portside did not create lacks the permission", () => {
    const plan = reuse({ ...portsideRole(), name: "team-scheduler", managed: false });
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateSchedule"]);
    expect(plan.warnings).toEqual([expect.stringMatching(/^Role team-scheduler lacks ecs:RunTask on arn:aws:ecs:us-east-1:123456789012:task-definition\/report:4 \(ecs:cluster = arn:aws:ecs:us-east-1:123456789012:cluster\/batch\)/)]);
  });

  it("widens with PassRole too when the role may not pass the task's roles to ECS", () => {
    const plan = reuse(portsideRole([firstPolicy.Statement[0]!]));
    const doc = JSON.parse(plan.steps[0]!.input.PolicyDocument as string) as { Statement: Statement[] };
    expect(doc.Statement.map((s) => s.Action)).toEqual(["ecs:RunTask", "ecs:RunTask", "iam:PassRole"]);
  });

  it("deletes a schedule in one step", () => {
    const plan = buildDeleteSchedulePlan(deleteScheduleSchema.parse({ connectionId: "c", region: "us-east-1", cluster: "batch", scheduleName: "n" }));
    expect(plan.steps.map((s) => [s.operation, s.input])).toEqual([["DeleteSchedule", { Name: "n", GroupName: "default" }]]);
  });
});
