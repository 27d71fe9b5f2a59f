import { describe, expect, it } from "vitest";
import { createTaskDefinitionSchema } from "@/lib/ecs/task-definitions/schema";
import { emptyForm, formFromRevision } from "./form-values";
import type { TaskDefinitionView } from "./view";

const revision: TaskDefinitionView = {
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
  family: "web",
  revision: 2,
  status: "ACTIVE",
  requiresCompatibilities: ["FARGATE"],
  compatibilities: ["EC2", "FARGATE"],
  networkMode: "awsvpc",
  cpu: "1024",
  memory: "3072",
  runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" },
  executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  volumes: [],
  ephemeralStorage: { sizeInGiB: 40 },
  containerDefinitions: [
    {
      name: "app",
      image: "public.ecr.aws/nginx/nginx:1.27",
      essential: true,
      cpu: 0,
      memoryReservation: 512,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: "tcp", name: "app-8080-tcp", appProtocol: "http" }],
      environment: [{ name: "MODE", value: "prod" }],
      secrets: [{ name: "DB", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
      mountPoints: [],
      command: ["nginx", "-g", "daemon off;"],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } },
      healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/"], interval: 10, timeout: 3, retries: 2, startPeriod: 5 },
    },
  ],
};

describe("formFromRevision", () => {
  it("prefills every field the wizard edits and names what it carries over unedited", () => {
    const { values, carried } = formFromRevision(revision);
    expect(values).toMatchObject({ family: "web", launchType: "FARGATE", cpuArchitecture: "ARM64", cpu: "1024", memory: "3072", executionRoleMode: "existing", taskRoleMode: "none" });
    expect(values.containers[0]).toMatchObject({
      name: "app",
      cpu: "",
      memoryReservation: "512",
      portMappings: [{ containerPort: "8080", protocol: "tcp", name: "app-8080-tcp", appProtocol: "http" }],
      logs: { enabled: true, group: "/ecs/web", streamPrefix: "ecs" },
      healthCheck: { enabled: true, type: "CMD-SHELL", command: "curl -f http://localhost:8080/", interval: "10", startPeriod: "5" },
    });
    expect(carried).toEqual(["ephemeralStorage", "app.command"]);
    // What is prefilled is valid as it stands.
    expect(createTaskDefinitionSchema.safeParse({ connectionId: "c", region: "us-east-1", ...values }).success).toBe(true);
  });

  it("starts a new definition at the console defaults", () => {
    expect(emptyForm()).toMatchObject({ launchType: "FARGATE", osFamily: "LINUX", cpuArchitecture: "X86_64", networkMode: "awsvpc", cpu: "1024", memory: "3072" });
  });
});
