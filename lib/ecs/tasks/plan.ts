import { commandArgs, type RunTaskInput } from "@/lib/ecs/tasks/schema";
import type { Plan } from "@/lib/core/plans/types";
import { plural } from "@/lib/core/format/plural";

/**
 * One RunTask request. Its response (on the run page) lists the started task ARNs;
 * a one-off task has no inverse: it stops when its command exits.
 */
export function buildRunTaskPlan(input: RunTaskInput): Plan {
  const args = commandArgs(input.command);
  const override = input.containerName && (args.length > 0 || input.environment.length > 0)
    ? {
        name: input.containerName,
        ...(args.length > 0 ? { command: args } : {}),
        ...(input.environment.length > 0 ? { environment: input.environment.map((e) => ({ name: e.name, value: e.value })) } : {}),
      }
    : null;
  return {
    version: 1,
    wizard: "ecs-run-task",
    title: `Run ${plural(input.count, "task")} of ${input.taskDefinition} in ${input.cluster}`,
    resources: [`ecs:cluster/${input.cluster}`, `ecs:task-definition/${input.taskDefinition}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}`,
    steps: [
      {
        key: "run",
        service: "ecs",
        operation: "RunTask",
        description: `Run ${input.count} × ${input.taskDefinition} on ${input.compute === "launchType" ? input.launchType : input.capacityProvider}`,
        input: {
          cluster: input.cluster,
          taskDefinition: input.taskDefinition,
          count: input.count,
          ...(input.compute === "launchType"
            ? { launchType: input.launchType }
            : { capacityProviderStrategy: [{ capacityProvider: input.capacityProvider, weight: 1, base: 0 }] }),
          ...(input.networkMode === "awsvpc"
            ? { networkConfiguration: { awsvpcConfiguration: { subnets: input.subnets, securityGroups: input.securityGroups, assignPublicIp: input.assignPublicIp } } }
            : {}),
          ...(override ? { overrides: { containerOverrides: [override] } } : {}),
          startedBy: "portside",
        },
        produces: { firstTaskArn: "tasks.0.taskArn" },
      },
    ],
  };
}
