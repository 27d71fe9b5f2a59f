import { describe, expect, it } from "vitest";
import { runTaskSchema } from "@/lib/ecs/tasks/schema";
import { taskId, taskPrefill, type TaskSource } from "./prefill";

// As DescribeTasks answers for a one-off Fargate task started with overrides.
const task: TaskSource = {
  taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e2d3c4b5a",
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:12",
  launchType: "FARGATE",
  group: "family:migrate",
  attachments: [{ type: "ElasticNetworkInterface", details: [{ name: "subnetId", value: "subnet-0b" }, { name: "networkInterfaceId", value: "eni-1" }] }],
  overrides: {
    containerOverrides: [
      { name: "app", command: ["python", "manage.py", "migrate"], environment: [{ name: "DRY_RUN", value: "0" }] },
      { name: "sidecar" },
    ],
  },
};
const networks = [{ id: "vpc-a", subnets: [{ id: "subnet-0a" }] }, { id: "vpc-b", subnets: [{ id: "subnet-0b" }] }];

describe("taskPrefill", () => {
  it("starts the same task again: revision, one task, compute, its subnet and interface, overrides", () => {
    const { values, dropped, notes } = taskPrefill(task, { networks, networkMode: "awsvpc", eni: { securityGroups: ["sg-1"], publicIp: true } });
    expect(values).toEqual({
      taskDefinition: "migrate:12", networkMode: "awsvpc", count: "1", compute: "launchType", launchType: "FARGATE",
      subnets: ["subnet-0b"], vpcId: "vpc-b", securityGroups: ["sg-1"], assignPublicIp: "ENABLED",
      containerName: "app", command: "python\nmanage.py\nmigrate", environment: [{ name: "DRY_RUN", value: "0" }],
    });
    expect(dropped).toEqual([]);
    expect(notes).toEqual(["The task ran in subnet subnet-0b; add others if the original run listed more."]);
    const parsed = runTaskSchema.safeParse({ connectionId: "c", region: "us-east-1", cluster: "prod", ...values });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("says what is unknown once the task has stopped, and names what the wizard cannot set", () => {
    const { values, dropped, notes } = taskPrefill(
      {
        ...task, launchType: undefined, capacityProviderName: "cp-prod", enableExecuteCommand: true, group: "batch",
        overrides: { containerOverrides: [{ name: "app", command: ["a"] }, { name: "b", environment: [{ name: "X", value: "1" }] }], taskRoleArn: "arn:role" } as TaskSource["overrides"],
      },
      { networks, networkMode: "awsvpc", eni: null },
    );
    expect(values).toMatchObject({ compute: "capacityProvider", capacityProvider: "cp-prod", subnets: ["subnet-0b"] });
    expect(values).not.toHaveProperty("securityGroups");
    expect(notes[1]).toMatch(/security groups and public IP are unknown/);
    expect(dropped).toEqual(["overrides of container b (the wizard overrides one container)", "task taskRoleArn override", "ECS Exec", "task group batch"]);
  });

  it("shows the short task id", () => {
    expect(taskId(task.taskArn!)).toBe("0f1e2d3c4b5a");
  });
});
