import fc from "fast-check";
import { expect, it } from "vitest";
import { taskDefinitionDiff, type DiffTaskDefinition } from "./diff";

const base: DiffTaskDefinition = {
  cpu: "256", memory: "512",
  containerDefinitions: [{
    name: "web", cpu: 0, memory: 512, command: ["httpd-foreground"],
    environment: [{ name: "LOG_LEVEL", value: "info" }, { name: "API_TOKEN", value: "abc" }, { name: "OLD", value: "1" }],
    secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-1" }],
    portMappings: [{ containerPort: 80, protocol: "tcp" }],
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web" } },
  }],
};

it("says what changed beyond the image, masking values that look like credentials", () => {
  const next: DiffTaskDefinition = {
    cpu: "512", memory: "1024",
    containerDefinitions: [{
      ...base.containerDefinitions![0]!, memory: 1024, command: ["httpd", "-DFOREGROUND"],
      environment: [{ name: "LOG_LEVEL", value: "debug" }, { name: "API_TOKEN", value: "xyz" }, { name: "NEW", value: "2" }],
      secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-2" }],
      portMappings: [{ containerPort: 80, protocol: "tcp" }, { containerPort: 443, protocol: "tcp" }],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web2" } },
    }, { name: "sidecar" }],
  };
  expect(taskDefinitionDiff(base, next)).toEqual([
    "Task CPU 256 → 512",
    "Task memory 512 → 1024",
    "web: memory 512 → 1024",
    "web: env LOG_LEVEL changed: info → debug",
    "web: env API_TOKEN changed: •••• → ••••",
    "web: env NEW added (2)",
    "web: env OLD removed",
    "web: secret DB_PASSWORD points elsewhere",
    "web: ports 80/tcp → 443/tcp, 80/tcp",
    'web: command ["httpd-foreground"] → ["httpd","-DFOREGROUND"]',
    "web: logs awslogs (awslogs-group=/ecs/web) → awslogs (awslogs-group=/ecs/web2)",
    "Container sidecar added",
  ]);
  expect(taskDefinitionDiff(base, base)).toEqual([]);
  expect(taskDefinitionDiff(base, { ...base, containerDefinitions: [] })).toEqual(["Container web removed"]);
});

it("stays bounded on any input", () => {
  const env = fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 300 }) }), { maxLength: 80 });
  fc.assert(fc.property(env, env, (a, b) => {
    const out = taskDefinitionDiff({ containerDefinitions: [{ name: "c", environment: a }] }, { containerDefinitions: [{ name: "c", environment: b }] });
    return out.length <= 41 && out.every((l) => l.length < 400);
  }), { numRuns: 200 });
});
