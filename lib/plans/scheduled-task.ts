import type { CreateScheduleInput, DeleteScheduleInput } from "@/lib/validation/scheduled-task";
import { trustPolicy } from "./iam-roles";
import type { Plan, PlanStep } from "./types";

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
      input: { RoleName: SCHEDULER_ROLE_NAME, PolicyName: "RunEcsTasks", PolicyDocument: schedulerPolicy(input.clusterArn, family) },
      inverse: { service: "iam", operation: "DeleteRolePolicy", description: `Remove the RunEcsTasks policy from ${SCHEDULER_ROLE_NAME}`, input: { RoleName: SCHEDULER_ROLE_NAME, PolicyName: "RunEcsTasks" } },
    },
  ];
}

/**
 * An EventBridge Scheduler schedule whose target is ECS RunTask on Fargate in this
 * cluster, with the flexible time window off (runs at the exact time).
 */
export function buildCreateSchedulePlan(input: CreateScheduleInput): Plan {
  const creatingRole = input.roleMode === "create";
  return {
    version: 1,
    wizard: "ecs-scheduled-task",
    title: `Schedule ${input.taskDefinition} in ${input.cluster}: ${input.scheduleName}`,
    resources: [`ecs:cluster/${input.cluster}`, `scheduler:schedule/default/${input.scheduleName}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/scheduled-tasks`,
    steps: [
      ...(creatingRole ? roleSteps(input) : []),
      {
        key: "schedule",
        service: "scheduler",
        operation: "CreateSchedule",
        description: `Create schedule ${input.scheduleName} (${input.expression}, ${input.timezone})`,
        dependsOn: creatingRole ? ["rolePolicy"] : undefined,
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
