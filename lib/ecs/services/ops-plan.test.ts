import { describe, expect, it } from "vitest";
import type { TaskDefinitionView } from "@/lib/ecs/task-definitions/view";
import { deployServiceSchema, forceDeploymentSchema, rollbackSchema, scaleServiceSchema, stopTaskSchema } from "@/lib/ecs/services/ops-schema";
import { planToCli } from "@/lib/core/plans/cli";
import { buildCleanupPlan } from "@/lib/core/plans/cleanup";
import { readPath, refsIn } from "@/lib/core/plans/refs";
import { SERVICE_OPS, buildDeployPlan, buildForceDeploymentPlan, buildRollbackPlan, buildScalePlan, buildStopTaskPlan, nextRevisionInput, rolloutWait } from "./ops-plan";

const target = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "api" };

const running: TaskDefinitionView = {
  taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:3",
  family: "api",
  revision: 3,
  status: "ACTIVE",
  networkMode: "awsvpc",
  requiresCompatibilities: ["FARGATE"],
  compatibilities: ["EC2", "FARGATE"],
  requiresAttributes: [{ name: "com.amazonaws.ecs.capability.logging-driver.awslogs" }],
  cpu: "256",
  memory: "512",
  executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  registeredAt: "2026-11-20T10:00:00.000Z",
  registeredBy: "arn:aws:iam::123456789012:user/ops",
  volumes: [{ name: "scratch" }],
  containerDefinitions: [
    { name: "web", image: "nginx:1.25", essential: true, portMappings: [{ containerPort: 80, protocol: "tcp" }], environment: [{ name: "MODE", value: "prod" }] },
    { name: "sidecar", image: "busybox:1.36", essential: false, command: ["sleep", "infinity"] },
  ],
};

describe("buildScalePlan", () => {
  const plan = buildScalePlan(scaleServiceSchema.parse({ ...target, desiredCount: "4" }), { desired: 2 });

  it("is one UpdateService with the new desired count, undone by the old one", () => {
    expect(plan.wizard).toBe(SERVICE_OPS.scale);
    expect(plan.steps).toHaveLength(1);
    const [step] = plan.steps;
    expect(step!.operation).toBe("UpdateService");
    expect(step!.input).toEqual({ cluster: "prod", service: "api", desiredCount: 4 });
    expect(step!.inverse?.input).toEqual({ cluster: "prod", service: "api", desiredCount: 2 });
    expect(plan.title).toBe("Set api to 4 tasks (from 2)");
  });

  it("lands on the service overview and is filed under the service", () => {
    expect(plan.landing).toBe("/ecs/clusters/prod/services/api");
    expect(plan.resources).toContain("ecs:service/prod/api");
  });

  it("shows the CLI command", () => {
    expect(planToCli(plan, "us-east-1")[0]).toContain("aws ecs update-service");
    expect(planToCli(plan, "us-east-1")[0]).toContain(`"desiredCount":4`);
  });
});

describe("nextRevisionInput", () => {
  const input = nextRevisionInput(running, "web", "nginx:1.27");

  it("changes only that container's image", () => {
    const containers = input.containerDefinitions as Record<string, unknown>[];
    expect(containers[0]).toEqual({ ...running.containerDefinitions[0], image: "nginx:1.27" });
    expect(containers[1]).toEqual(running.containerDefinitions[1]);
  });

  it("carries every other field over and strips the ones AWS sets", () => {
    for (const k of ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt"]) {
      expect(input).not.toHaveProperty(k);
    }
    expect(input).toMatchObject({ family: "api", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", volumes: [{ name: "scratch" }], executionRoleArn: running.executionRoleArn });
  });

  it("refuses a container the definition does not have", () => {
    expect(() => nextRevisionInput(running, "worker", "nginx:1.27")).toThrow(/no container named worker/);
  });
});

describe("buildDeployPlan", () => {
  it("a new image: registers the copied revision, deploys it by reference and follows the rollout", () => {
    const input = deployServiceSchema.parse({ ...target, mode: "image", container: "web", image: "nginx:1.27" });
    const plan = buildDeployPlan(input, { taskDefinition: "api:3", definition: running }, 60_000);
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["ecs:RegisterTaskDefinition", "ecs:UpdateService"]);
    const [register, deploy] = plan.steps;
    expect(register!.description).toContain("nginx:1.25 → nginx:1.27");
    expect(deploy!.input).toEqual({ cluster: "prod", service: "api", taskDefinition: { $ref: "register.taskDefinitionArn" } });
    expect(refsIn(deploy!.input)).toEqual(["register"]);
    expect(deploy!.dependsOn).toEqual(["register"]);
    expect(deploy!.waitFor).toEqual(rolloutWait({ cluster: "prod", service: "api" }, "deploy", 60_000));
    expect(deploy!.waitFor).toMatchObject({ success: ["COMPLETED"], failure: ["FAILED", "unknown"], timeoutMs: 60_000 });
    expect(deploy!.produces).toEqual({ deploymentId: "service.deployments.0.id" });
    expect(deploy!.inverse?.input).toEqual({ cluster: "prod", service: "api", taskDefinition: "api:3" });
    expect(plan.resources).toContain("ecs:task-definition/api");
  });

  it("a failed deploy's cleanup moves the service back and deregisters the new revision", () => {
    const input = deployServiceSchema.parse({ ...target, mode: "image", container: "web", image: "nginx:1.27" });
    const plan = buildDeployPlan(input, { taskDefinition: "api:3", definition: running });
    const arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:4";
    const recorded = [
      { stepKey: "register", status: "succeeded", response: { taskDefinition: { taskDefinitionArn: arn } } },
      { stepKey: "deploy", status: "succeeded", response: {} },
    ];
    const cleanup = buildCleanupPlan(plan, recorded, "run1")!;
    expect(cleanup.steps.map((s) => s.operation)).toEqual(["UpdateService", "DeregisterTaskDefinition"]);
    expect(cleanup.steps[0]!.input).toEqual({ cluster: "prod", service: "api", taskDefinition: "api:3" });
    expect(cleanup.steps[1]!.input).toEqual({ taskDefinition: arn });
  });

  it("an existing revision: UpdateService alone, with the wait and the default 30 minute limit", () => {
    const input = deployServiceSchema.parse({ ...target, mode: "revision", taskDefinition: "api:2" });
    const plan = buildDeployPlan(input, { taskDefinition: "api:3" });
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]!.input).toEqual({ cluster: "prod", service: "api", taskDefinition: "api:2" });
    expect(plan.steps[0]!.waitFor?.timeoutMs).toBe(30 * 60_000);
    expect(plan.title).toBe("Deploy api:2 to api (from api:3)");
  });
});

describe("buildForceDeploymentPlan", () => {
  it("forces a new deployment of the same revision and waits for it", () => {
    const plan = buildForceDeploymentPlan(forceDeploymentSchema.parse(target), { taskDefinition: "api:3" });
    expect(plan.wizard).toBe(SERVICE_OPS.force);
    expect(plan.steps[0]!.input).toEqual({ cluster: "prod", service: "api", forceNewDeployment: true });
    expect(plan.steps[0]!.waitFor?.success).toEqual(["COMPLETED"]);
    expect(plan.steps[0]!.waitFor?.path).toBe("services.0.deployments.[id={force.deploymentId}].rolloutState");
    expect(planToCli(plan, "us-east-1")[0]).toContain(`"forceNewDeployment":true`);
  });
});

describe("buildStopTaskPlan", () => {
  const task = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";
  const plan = buildStopTaskPlan(stopTaskSchema.parse({ ...target, task, reason: "  stuck on a deadlock  " }));

  it("sends StopTask with the trimmed reason and waits until the task is STOPPED", () => {
    expect(plan.steps[0]!.input).toEqual({ cluster: "prod", task, reason: "stuck on a deadlock" });
    expect(plan.steps[0]!.waitFor).toMatchObject({ operation: "DescribeTasks", path: "tasks.0.lastStatus", success: ["STOPPED"] });
    expect(plan.title).toBe("Stop task 0123456789abcdef0123456789abcdef of api");
    expect(plan.resources).toContain("ecs:task/prod/0123456789abcdef0123456789abcdef");
  });
});

describe("rolloutWait", () => {
  it("follows the deployment the step started, not whichever is listed first (a circuit breaker rollback goes first)", () => {
    const wait = rolloutWait({ cluster: "prod", service: "api" }, "deploy");
    const path = wait.path.replace("{deploy.deploymentId}", "ecs-svc/new");
    const described = { services: [{ deployments: [
      { id: "ecs-svc/rollback", status: "PRIMARY", rolloutState: "COMPLETED" },
      { id: "ecs-svc/new", status: "ACTIVE", rolloutState: "FAILED" },
    ] }] };
    expect(readPath(described, path)).toBe("FAILED");
    expect(wait.failure).toEqual(["FAILED", "unknown"]);
    // Drained away before a poll saw it FAILED: not listed, so not completed.
    expect(readPath({ services: [{ deployments: [{ id: "ecs-svc/rollback", rolloutState: "COMPLETED" }] }] }, path)).toBeUndefined();
  });
});

describe("buildRollbackPlan", () => {
  it("is recorded as a rollback from the running revision to the earlier one", () => {
    const plan = buildRollbackPlan(rollbackSchema.parse({ ...target, fromTaskDefinition: "api:4", toTaskDefinition: "api:3" }));
    expect(plan.wizard).toBe("ecs-service-rollback");
    expect(plan.title).toBe("Roll back api from api:4 to api:3");
    expect(plan.steps[0]!.input).toEqual({ cluster: "prod", service: "api", taskDefinition: "api:3" });
    expect(plan.steps[0]!.inverse?.input).toEqual({ cluster: "prod", service: "api", taskDefinition: "api:4" });
    expect(plan.steps[0]!.waitFor?.path).toBe("services.0.deployments.[id={rollback.deploymentId}].rolloutState");
  });
});
