import type { CreateScheduleInput, DeleteScheduleInput } from "@/lib/ecs/scheduled-tasks/schema";
import { trustPolicy } from "@/lib/iam/roles";
import { parsePolicy, type Need } from "@/lib/iam/policy-diff";
import { widenInlinePolicy, type RoleFacts } from "@/lib/iam/role-check";
import type { Plan, PlanStep } from "@/lib/core/plans/types";

export const SCHEDULER_ROLE_NAME = "PortsideSchedulerEcsRunTask";

/** arn:…:cluster/name + family:revision → the task definition's ARN (Scheduler wants the ARN). */
export function taskDefinitionArn(clusterArn: string, taskDefinition: string): string {
  return clusterArn.replace(/:cluster\/.*$/, `:task-definition/${taskDefinition}`);
}

/** What the scheduler role may do: run this family's tasks and hand their roles to ECS. */
export function schedulerPolicy(clusterArn: string, family: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "ecs:RunTask", Resource: taskDefinitionArn(clusterArn, `${family}:*`), Condition: { ArnLike: { "ecs:cluster": clusterArn } } },
      { Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringLike: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } },
    ],
  });
}

export const SCHEDULER_POLICY_NAME = "RunEcsTasks";

/** What one schedule needs of its role: run this revision in this cluster, and pass the task's roles to ECS. */
export function schedulerNeeds(input: Pick<CreateScheduleInput, "clusterArn" | "taskDefinition">, passRoles: string[]): Need[] {
  return [
    { action: "ecs:RunTask", resource: taskDefinitionArn(input.clusterArn, input.taskDefinition), context: { "ecs:cluster": input.clusterArn } },
    ...passRoles.map((arn) => ({ action: "iam:PassRole", resource: arn, context: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } })),
  ];
}

/** What the action read when the schedule reuses a role: the role's policies and the task definition's roles. */
export type SchedulerRoleFacts = { role: RoleFacts | null; passRoles: string[] };

/** A reused scheduler role that lacks this schedule's family or cluster: widened if Portside's, else a warning. */
export function schedulerRoleFix(input: Pick<CreateScheduleInput, "clusterArn" | "taskDefinition">, facts: SchedulerRoleFacts) {
  if (!facts.role) return { steps: [], warnings: [] };
  const family = input.taskDefinition.split(":")[0]!;
  return widenInlinePolicy({
    key: "widenRole",
    role: facts.role,
    policyName: SCHEDULER_POLICY_NAME,
    needs: schedulerNeeds(input, facts.passRoles),
    wanted: parsePolicy(schedulerPolicy(input.clusterArn, family))!.Statement,
    use: "every run of this schedule",
  });
}

function roleSteps(input: CreateScheduleInput): PlanStep[] {
  const family = input.taskDefinition.split(":")[0]!;
  return [
    {
      key: "role",
      service: "iam",
      operation: "CreateRole",
      description: `Create IAM role ${SCHEDULER_ROLE_NAME} for EventBridge Scheduler`,
      input: { RoleName: SCHEDULER_ROLE_NAME, AssumeRolePolicyDocument: trustPolicy("scheduler.amazonaws.com"), Description: "Lets EventBridge Scheduler run ECS tasks." },
      produces: { roleArn: "Role.Arn" },
      inverse: { service: "iam", operation: "DeleteRole", description: `Delete IAM role ${SCHEDULER_ROLE_NAME}`, input: { RoleName: SCHEDULER_ROLE_NAME } },
    },
    {
      key: "rolePolicy",
      service: "iam",
      operation: "PutRolePolicy",
      description: `Allow ${SCHEDULER_ROLE_NAME} ecs:RunTask on ${family} and iam:PassRole to ECS tasks`,
      dependsOn: ["role"],
      input: { RoleName: SCHEDULER_ROLE_NAME, PolicyName: SCHEDULER_POLICY_NAME, PolicyDocument: schedulerPolicy(input.clusterArn, family) },
      inverse: { service: "iam", operation: "DeleteRolePolicy", description: `Remove the ${SCHEDULER_POLICY_NAME} policy from ${SCHEDULER_ROLE_NAME}`, input: { RoleName: SCHEDULER_ROLE_NAME, PolicyName: SCHEDULER_POLICY_NAME } },
    },
  ];
}

/**
 * An EventBridge Scheduler schedule whose target is ECS RunTask on Fargate in this
 * cluster, with the flexible time window off (runs at the exact time). A reused role is checked
 * against what this schedule needs (`facts`, read by the action): widened first, or warned about.
 */
export function buildCreateSchedulePlan(input: CreateScheduleInput, facts: SchedulerRoleFacts = { role: null, passRoles: [] }): Plan {
  const creatingRole = input.roleMode === "create";
  const fix = creatingRole ? { steps: [], warnings: [] } : schedulerRoleFix(input, facts);
  const after = creatingRole ? ["rolePolicy"] : fix.steps.map((s) => s.key);
  return {
    version: 1,
    wizard: "ecs-scheduled-task",
    title: `Schedule ${input.taskDefinition} in ${input.cluster}: ${input.scheduleName}`,
    resources: [`ecs:cluster/${input.cluster}`, `scheduler:schedule/default/${input.scheduleName}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/scheduled-tasks`,
    steps: [
      ...(creatingRole ? roleSteps(input) : fix.steps),
      {
        key: "schedule",
        service: "scheduler",
        operation: "CreateSchedule",
        description: `Create schedule ${input.scheduleName} (${input.expression}, ${input.timezone})`,
        dependsOn: after.length ? after : undefined,
        input: {
          Name: input.scheduleName,
          GroupName: "default",
          ScheduleExpression: input.expression,
          ScheduleExpressionTimezone: input.timezone,
          FlexibleTimeWindow: { Mode: "OFF" },
          State: "ENABLED",
          ...(input.description ? { Description: input.description } : {}),
          Target: {
            Arn: input.clusterArn,
            RoleArn: creatingRole ? { $ref: "role.roleArn" } : input.roleArn,
            EcsParameters: {
              TaskDefinitionArn: taskDefinitionArn(input.clusterArn, input.taskDefinition),
              TaskCount: input.count,
              LaunchType: "FARGATE",
              NetworkConfiguration: {
                awsvpcConfiguration: { Subnets: input.subnets, SecurityGroups: input.securityGroups, AssignPublicIp: input.assignPublicIp },
              },
            },
          },
        },
        produces: { arn: "ScheduleArn" },
        inverse: { service: "scheduler", operation: "DeleteSchedule", description: `Delete schedule ${input.scheduleName}`, input: { Name: input.scheduleName, GroupName: "default" } },
      },
    ],
    ...(fix.warnings.length ? { warnings: fix.warnings } : {}),
  };
}

export function buildDeleteSchedulePlan(input: DeleteScheduleInput): Plan {
  return {
    version: 1,
    wizard: "ecs-scheduled-task-delete",
    title: `Delete schedule ${input.scheduleName} of ${input.cluster}`,
    resources: [`ecs:cluster/${input.cluster}`, `scheduler:schedule/${input.groupName}/${input.scheduleName}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/scheduled-tasks`,
    steps: [
      {
        key: "delete",
        service: "scheduler",
        operation: "DeleteSchedule",
        description: `Delete schedule ${input.scheduleName}`,
        input: { Name: input.scheduleName, GroupName: input.groupName },
      },
    ],
  };
}
