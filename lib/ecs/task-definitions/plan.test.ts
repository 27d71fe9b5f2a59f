import { describe, expect, it } from "vitest";
import { container, form } from "@/lib/ecs/task-definitions/test-forms";
import { createTaskDefinitionSchema, deregisterTaskDefinitionSchema } from "@/lib/ecs/task-definitions/schema";
import type { RoleFacts } from "@/lib/iam/role-check";
import { buildDeregisterTaskDefinitionPlan, buildRegisterTaskDefinitionPlan, healthCommand } from "./plan";

const input = (over: Record<string, unknown> = {}) => createTaskDefinitionSchema.parse(form(over));

describe("buildRegisterTaskDefinitionPlan", () => {
  const EXEC_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
  const picked = (name: string, over: Partial<RoleFacts> = {}) => ({
    plan: buildRegisterTaskDefinitionPlan(input({ executionRoleMode: "existing", executionRoleArn: `arn:aws:iam::123456789012:role/${name}` }), {
      existingLogGroups: ["/ecs/web"],
      executionRole: { name, managed: name === "ecsTaskExecutionRole", inline: {}, attachedArns: [], statements: [], ...over },
    }),
  });

  it("sends the stop timeout only when one is set", () => {
    const registered = (over: Record<string, unknown>) => {
      const plan = buildRegisterTaskDefinitionPlan(input({ containers: [container(over)] }), { existingLogGroups: ["/ecs/web"] });
      return (plan.steps.at(-1)!.input.containerDefinitions as { stopTimeout?: number }[])[0]!;
    };
    expect(registered({ stopTimeout: "30" }).stopTimeout).toBe(30);
    expect(registered({})).not.toHaveProperty("stopTimeout");
  });

  it("attaches the execution policy to a reused ecsTaskExecutionRole that lacks it, before registering", () => {
    const { plan } = picked("ecsTaskExecutionRole");
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["iam:AttachRolePolicy", "ecs:RegisterTaskDefinition"]);
    expect(plan.steps[0]!.input).toEqual({ RoleName: "ecsTaskExecutionRole", PolicyArn: EXEC_POLICY });
    expect(plan.steps[1]!.dependsOn).toEqual([plan.steps[0]!.key]);
    expect(picked("ecsTaskExecutionRole", { attachedArns: [EXEC_POLICY] }).plan.steps.map((s) => s.operation)).toEqual(["RegisterTaskDefinition"]);
  });

  it("warns about another execution role that cannot pull images, and leaves it alone", () => {
    const { plan } = picked("team-exec", { statements: [{ Effect: "Allow", Action: "logs:*", Resource: "*" }] });
    expect(plan.steps.map((s) => s.operation)).toEqual(["RegisterTaskDefinition"]);
    expect(plan.warnings).toEqual([expect.stringContaining("Role team-exec lacks ecr:GetAuthorizationToken on *; ecr:BatchGetImage on *; ecr:GetDownloadUrlForLayer on *")]);
  });

  it("creates the missing log group and the execution role before registering", () => {
    const plan = buildRegisterTaskDefinitionPlan(input(), { existingLogGroups: [] });
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["logs:CreateLogGroup", "iam:CreateRole", "iam:AttachRolePolicy", "ecs:RegisterTaskDefinition"]);
    expect(plan.resources).toEqual(["ecs:task-definition/web"]);
    expect(plan.landing).toBe("/ecs/task-definitions/web/latest");
    const register = plan.steps.at(-1)!;
    expect(register.dependsOn).toEqual(["logGroup1", "executionRole", "executionRolePolicy"]);
    expect(register.input).toEqual({
      family: "web",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
      cpu: "1024",
      memory: "3072",
      executionRoleArn: { $ref: "executionRole.roleArn" },
      containerDefinitions: [
        {
          name: "web",
          image: "nginx:1.27",
          essential: true,
          portMappings: [{ containerPort: 80, protocol: "tcp", name: "web-80-tcp", appProtocol: "http" }],
          environment: [],
          logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } },
        },
      ],
    });
    expect(register.inverse?.operation).toBe("DeregisterTaskDefinition");
    expect(plan.steps[0]!.inverse).toMatchObject({ operation: "DeleteLogGroup", input: { logGroupName: "/ecs/web" } });
  });

  it("skips log groups that exist, creates each missing one once, and uses a picked role as is", () => {
    const two = [container({ logs: { enabled: "true", group: "/ecs/web", streamPrefix: "ecs" } }), container({ name: "side", portMappings: [], logs: { enabled: "true", group: "/ecs/side", streamPrefix: "ecs" } })];
    const roleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    const plan = buildRegisterTaskDefinitionPlan(input({ containers: two, executionRoleMode: "existing", executionRoleArn: roleArn }), { existingLogGroups: ["/ecs/web"] });
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateLogGroup", "RegisterTaskDefinition"]);
    expect(plan.steps[0]!.input).toEqual({ logGroupName: "/ecs/side" });
    expect(plan.steps[1]!.input.executionRoleArn).toBe(roleArn);

    const none = buildRegisterTaskDefinitionPlan(input({ containers: [container({ logs: { enabled: "false", group: "/ecs/web", streamPrefix: "ecs" } })], executionRoleMode: "none" }), { existingLogGroups: [] });
    expect(none.steps.map((s) => s.operation)).toEqual(["RegisterTaskDefinition"]);
    expect(none.steps[0]!.dependsOn).toBeUndefined();
    expect(none.steps[0]!.input).not.toHaveProperty("executionRoleArn");
  });

  it("maps secrets, environment, health check, limits and user into the container definition", () => {
    const c = container({
      cpu: "256",
      memory: "1024",
      memoryReservation: "512",
      user: "1000:1000",
      environment: [{ name: "MODE", value: "prod" }],
      secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
      healthCheck: { enabled: "true", type: "CMD-SHELL", command: "curl -f http://localhost/ || exit 1", interval: "10", timeout: "3", retries: "2", startPeriod: "15" },
    });
    const def = (buildRegisterTaskDefinitionPlan(input({ containers: [c], taskRoleMode: "existing", taskRoleArn: "arn:aws:iam::123456789012:role/app" }), { existingLogGroups: ["/ecs/web"] }).steps.at(-1)!.input as {
      taskRoleArn: string;
      containerDefinitions: Record<string, unknown>[];
    });
    expect(def.taskRoleArn).toBe("arn:aws:iam::123456789012:role/app");
    expect(def.containerDefinitions[0]).toMatchObject({
      cpu: 256,
      memory: 1024,
      memoryReservation: 512,
      user: "1000:1000",
      environment: [{ name: "MODE", value: "prod" }],
      secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/db" }],
      healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 10, timeout: 3, retries: 2, startPeriod: 15 },
    });
  });

  it("leaves the size and network mode out where EC2 allows it", () => {
    const plan = buildRegisterTaskDefinitionPlan(
      input({ launchType: "EC2", osFamily: "WINDOWS_SERVER_2019_CORE", networkMode: "default", cpu: "", memory: "", containers: [container({ memory: "512" })] }),
      { existingLogGroups: ["/ecs/web"] },
    );
    const req = plan.steps.at(-1)!.input;
    expect(req.requiresCompatibilities).toEqual(["EC2"]);
    expect(req).not.toHaveProperty("networkMode");
    expect(req).not.toHaveProperty("cpu");
    expect(req).not.toHaveProperty("memory");
    expect(buildRegisterTaskDefinitionPlan(input({ launchType: "FARGATE_EC2" }), { existingLogGroups: [] }).steps.at(-1)!.input.requiresCompatibilities).toEqual(["FARGATE", "EC2"]);
  });

  it("splits CMD health checks into arguments", () => {
    expect(healthCommand("CMD", "/bin/check  --fast")).toEqual(["CMD", "/bin/check", "--fast"]);
  });
});

describe("buildDeregisterTaskDefinitionPlan", () => {
  it("deregisters one revision and lands on it", () => {
    const plan = buildDeregisterTaskDefinitionPlan(deregisterTaskDefinitionSchema.parse({ connectionId: "c", region: "us-east-1", family: "web", revision: "2" }));
    expect(plan.steps).toEqual([{ key: "deregister", service: "ecs", operation: "DeregisterTaskDefinition", description: "Deregister task definition web:2", input: { taskDefinition: "web:2" } }]);
    expect(plan.resources).toEqual(["ecs:task-definition/web"]);
    expect(plan.landing).toBe("/ecs/task-definitions/web/2");
  });
});
