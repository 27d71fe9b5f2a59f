import { describe, expect, it } from "vitest";
import { buildRegisterTaskDefinitionPlan } from "@/lib/ecs/task-definitions/plan";
import { createTaskDefinitionSchema } from "@/lib/ecs/task-definitions/schema";
import { portsideService, portsideTaskDefinition } from "./prefill";
import { selfHostingSchema } from "./schema";

const choices = selfHostingSchema.parse({
  image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/portside:1.4.0",
  databaseUrlSecret: "arn:aws:secretsmanager:us-east-1:123456789012:secret:portside/database-url-AbCdEf",
  secretKeySecret: "arn:aws:secretsmanager:us-east-1:123456789012:secret:portside/secret-key-GhIjKl",
  actionsKeySecret: "arn:aws:secretsmanager:us-east-1:123456789012:secret:portside/actions-key-MnOpQr",
});

describe("Portside's own task definition", () => {
  it("is a valid wizard form that registers port 3000, the three secrets, the health check and a 30 s stop timeout", () => {
    const { values } = portsideTaskDefinition(choices);
    const input = createTaskDefinitionSchema.parse({ ...values, connectionId: "c1", region: "us-east-1", executionRoleMode: "existing", executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" });
    const plan = buildRegisterTaskDefinitionPlan(input, { existingLogGroups: ["/ecs/portside"] });
    const [container] = plan.steps.at(-1)!.input.containerDefinitions as Record<string, unknown>[];
    expect(plan.steps.at(-1)!.input).toMatchObject({ family: "portside", cpu: "1024", memory: "2048", requiresCompatibilities: ["FARGATE"] });
    expect(container).toMatchObject({
      name: "portside",
      image: choices.image,
      stopTimeout: 30,
      portMappings: [{ containerPort: 3000, protocol: "tcp" }],
      secrets: [
        { name: "DATABASE_URL", valueFrom: choices.databaseUrlSecret },
        { name: "PORTSIDE_SECRET_KEY", valueFrom: choices.secretKeySecret },
        { name: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", valueFrom: choices.actionsKeySecret },
      ],
      healthCheck: { command: ["CMD-SHELL", expect.stringContaining("http://127.0.0.1:3000/api/health")], interval: 15, timeout: 5, retries: 3, startPeriod: 90 },
    });
    // No secret value is in the task definition: only where ECS reads them from.
    expect(JSON.stringify(container)).not.toMatch(/postgres(ql)?:\/\//);
  });

  it("sets PORTSIDE_TRUSTED_PROXIES to the service's VPC when known, and otherwise says what to set", () => {
    const known = portsideTaskDefinition(selfHostingSchema.parse({ ...choices, trustedProxies: " 172.31.0.0/16 " }));
    expect(known.values.containers[0]!.environment).toEqual([{ name: "NODE_ENV", value: "production" }, { name: "PORTSIDE_TRUSTED_PROXIES", value: "172.31.0.0/16" }]);
    expect(known.notes.join(" ")).toContain("PORTSIDE_TRUSTED_PROXIES is 172.31.0.0/16");
    const unknown = portsideTaskDefinition(choices);
    expect(unknown.values.containers[0]!.environment.map((e) => e.name)).toEqual(["NODE_ENV"]);
    expect(unknown.notes.join(" ")).toContain("Set PORTSIDE_TRUSTED_PROXIES to the CIDR of the VPC the service will run in");
  });

  it("runs 2 tasks behind a new load balancer that checks /api/health on port 3000", () => {
    expect(portsideService("portside").values).toMatchObject({
      desiredCount: "2", loadBalancerMode: "new", loadBalancerName: "portside-alb", healthCheckPath: "/api/health", containerName: "portside", containerPort: "3000",
    });
    expect(portsideService("x".repeat(60)).values.loadBalancerName).toHaveLength(32);
  });
});

describe("selfHostingSchema", () => {
  it("refuses what is not a secret name or ARN, or not an image, at the field", () => {
    const bad = selfHostingSchema.safeParse({ image: "Not An Image!", databaseUrlSecret: "postgres://u:p@h/db", secretKeySecret: "portside/secret-key", actionsKeySecret: "arn:aws:s3:::bucket" });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path.join(".")));
    expect([...fields].sort()).toEqual(["actionsKeySecret", "databaseUrlSecret", "image", "secretKeySecret"]);
    expect(selfHostingSchema.safeParse({ ...choices, family: "has space" }).success).toBe(false);
    const proxies = selfHostingSchema.safeParse({ ...choices, trustedProxies: "10.0.0.0/16, alb.internal" });
    expect(proxies.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["trustedProxies", expect.stringContaining('"alb.internal" is not an IP address or CIDR range')]]);
  });
});
