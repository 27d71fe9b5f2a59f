import { describe, expect, it } from "vitest";
import { createExpressSchema, deleteExpressSchema, FARGATE_SIZES, imageKind, updateExpressSchema } from "@/lib/express/schema";
import { buildCleanupPlan } from "../core/plans/cleanup";
import { buildCreateExpressPlan, buildDeleteExpressPlan, buildUpdateExpressPlan, type ExpressSettings } from "./plan";
import { refsIn } from "../core/plans/refs";

const base = { connectionId: "c1", region: "us-east-1", image: "public.ecr.aws/docker/library/httpd:latest" };
const firstIssue = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues[0];

describe("Express validation", () => {
  it("applies the console defaults", () => {
    expect(createExpressSchema.parse(base)).toMatchObject({
      serviceName: "",
      cluster: "default",
      containerPort: 80,
      cpu: "1024",
      memory: "2048",
      minTasks: 1,
      maxTasks: 20,
      scalingMetric: "AVERAGE_CPU",
      scalingTarget: 60,
      healthCheckPath: "/",
      executionRoleMode: "create",
      infrastructureRoleMode: "create",
      environment: [],
      tags: [],
    });
  });

  it.each([
    ["123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:v1.2", "ecr"],
    ["123456789012.dkr.ecr.eu-west-3.amazonaws.com/app@sha256:" + "a".repeat(64), "ecr"],
    ["public.ecr.aws/docker/library/httpd", "ecr-public"],
    ["public.ecr.aws/nginx/nginx:1.27", "ecr-public"],
    ["nginx", "docker-hub"],
    ["nginx:1.27-alpine", "docker-hub"],
    ["bitnami/redis:7.2", "docker-hub"],
  ])("accepts image %s as %s", (image, kind) => {
    expect(imageKind(image)).toBe(kind);
    expect(createExpressSchema.safeParse({ ...base, image }).success).toBe(true);
  });

  it.each(["", "Nginx", "has space:1", "a/b/c:1", "nginx:", "12345.dkr.ecr.us-east-1.amazonaws.com/app", "ghcr.io/org/app:1", "public.ecr.aws/"])(
    "rejects image %j at the image field",
    (image) => {
      const r = createExpressSchema.safeParse({ ...base, image });
      expect(firstIssue(r)?.path).toEqual(["image"]);
    },
  );

  it.each([
    [{ containerPort: "0" }, "containerPort", "The port is 1 to 65535."],
    [{ containerPort: "65536" }, "containerPort", "The port is 1 to 65535."],
    [{ containerPort: "8.5" }, "containerPort", "Enter a whole number."],
    [{ minTasks: "5", maxTasks: "2" }, "maxTasks", "Maximum tasks must be at least the minimum."],
    [{ cpu: "256", memory: "4096" }, "memory", "4 GB is not offered with 0.25 vCPU on Fargate."],
    [{ cpu: "3000" }, "cpu", "Pick a CPU size."],
    [{ healthCheckPath: "ping" }, "healthCheckPath", "The path starts with / and has no spaces."],
    [{ scalingTarget: "150" }, "scalingTarget", "A utilization target is 1 to 100 (%)."],
    [{ serviceName: "has space" }, "serviceName", "Use only letters"],
    [{ serviceName: "x".repeat(256) }, "serviceName", "at most 255"],
    [{ cluster: "" }, "cluster", "Enter a cluster name."],
    [{ executionRoleMode: "existing" }, "executionRoleArn", "Pick a role."],
    [{ infrastructureRoleMode: "existing", infrastructureRoleArn: "ecsRole" }, "infrastructureRoleArn", "Enter an IAM role ARN"],
  ])("rejects %j", (patch, path, message) => {
    const r = createExpressSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === path)?.message).toContain(message);
  });

  it("allows request targets above 100 and every offered Fargate pair", () => {
    expect(createExpressSchema.safeParse({ ...base, scalingMetric: "REQUEST_COUNT_PER_TARGET", scalingTarget: "1000" }).success).toBe(true);
    for (const [cpu, memories] of Object.entries(FARGATE_SIZES)) {
      for (const memory of memories) expect(createExpressSchema.safeParse({ ...base, cpu, memory }).success).toBe(true);
    }
    expect(FARGATE_SIZES["4096"]).toContain("30720");
  });

  it("checks environment names and duplicates", () => {
    const r = createExpressSchema.safeParse({ ...base, environment: [{ name: "1BAD", value: "" }, { name: "OK", value: "a=b" }, { name: "OK", value: "" }] });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["environment.0.name", "Names use letters, digits and underscores, and do not start with a digit."],
      ["environment.2.name", "OK is set twice."],
    ]);
  });

  it("delete identifies the service; the typed name is the confirm's (reviewedPlan), not the preview's", () => {
    const d = { connectionId: "c", region: "us-east-1", serviceArn: "arn", serviceName: "web", cluster: "default" };
    expect(deleteExpressSchema.safeParse(d).success).toBe(true);
    expect(firstIssue(deleteExpressSchema.safeParse({ ...d, serviceName: "" }))?.path).toEqual(["serviceName"]);
  });
});

describe("buildCreateExpressPlan", () => {
  const input = createExpressSchema.parse({
    ...base,
    serviceName: "web",
    containerPort: "8080",
    cpu: "512",
    memory: "1024",
    minTasks: "2",
    maxTasks: "4",
    healthCheckPath: "/healthz",
    environment: [{ name: "MODE", value: "prod" }],
    tags: [{ key: "team", value: "ops" }],
  });
  const plan = buildCreateExpressPlan(input);

  it("creates both standard roles, then the service referencing their ARNs", () => {
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual([
      "iam:CreateRole",
      "iam:AttachRolePolicy",
      "iam:CreateRole",
      "iam:AttachRolePolicy",
      "ecs:CreateExpressGatewayService",
    ]);
    const service = plan.steps[4]!;
    expect(service.input).toEqual({
      serviceName: "web",
      cluster: "default",
      executionRoleArn: { $ref: "executionRole.roleArn" },
      infrastructureRoleArn: { $ref: "infrastructureRole.roleArn" },
      healthCheckPath: "/healthz",
      primaryContainer: { image: base.image, containerPort: 8080, environment: [{ name: "MODE", value: "prod" }] },
      cpu: "512",
      memory: "1024",
      scalingTarget: { minTaskCount: 2, maxTaskCount: 4, autoScalingMetric: "AVERAGE_CPU", autoScalingTargetValue: 60 },
      tags: [{ key: "team", value: "ops" }],
    });
    expect(service.dependsOn).toEqual(["executionRole", "executionRolePolicy", "infrastructureRole", "infrastructureRolePolicy"]);
    expect(refsIn(service.input).sort()).toEqual(["executionRole", "infrastructureRole"]);
  });

  it("is found by its resource key and lands on the service page", () => {
    expect(plan.resources).toEqual(["ecs:express/web", "ecs:cluster/default"]);
    expect(plan.landing).toBe("/ecs/express/default/web");
  });

  it("uses picked roles as they are and leaves optional fields out", () => {
    const picked = buildCreateExpressPlan(
      createExpressSchema.parse({
        ...base,
        executionRoleMode: "existing",
        executionRoleArn: "arn:aws:iam::123456789012:role/exec",
        infrastructureRoleMode: "existing",
        infrastructureRoleArn: "arn:aws:iam::123456789012:role/infra",
      }),
    );
    expect(picked.steps).toHaveLength(1);
    expect(picked.steps[0]!.input).not.toHaveProperty("serviceName");
    expect(picked.steps[0]!.input).not.toHaveProperty("tags");
    expect(picked.steps[0]!.input.executionRoleArn).toBe("arn:aws:iam::123456789012:role/exec");
    expect(picked.landing).toBe("/ecs/express");
  });

  it("cleans up the service first, then the roles", () => {
    const recorded = plan.steps.map((s) => ({
      stepKey: s.key,
      status: "succeeded",
      response: { Role: { Arn: `arn:${s.key}` }, service: { serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/default/web" } },
    }));
    const cleanup = buildCleanupPlan(plan, recorded, "r1")!;
    expect(cleanup.steps.map((s) => s.operation)).toEqual([
      "DeleteExpressGatewayService",
      "DetachRolePolicy",
      "DeleteRole",
      "DetachRolePolicy",
      "DeleteRole",
    ]);
    expect(cleanup.steps[0]!.input).toEqual({ serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/default/web" });
  });
});

describe("update and delete plans", () => {
  const current: ExpressSettings = {
    image: "nginx:1.26",
    containerPort: 80,
    cpu: "1024",
    memory: "2048",
    minTasks: 1,
    maxTasks: 20,
    scalingMetric: "AVERAGE_CPU",
    scalingTarget: 60,
    healthCheckPath: "/ping",
    environment: [],
  };
  const arn = "arn:aws:ecs:us-east-1:123456789012:service/default/web";
  const update = updateExpressSchema.parse({ connectionId: "c", region: "us-east-1", serviceArn: arn, serviceName: "web", cluster: "default", ...current, image: "nginx:1.27", maxTasks: "5" });

  it("sends the whole new configuration, with the old one as its inverse", () => {
    const plan = buildUpdateExpressPlan(update, current);
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]!.input).toMatchObject({ serviceArn: arn, primaryContainer: { image: "nginx:1.27", containerPort: 80 }, scalingTarget: { maxTaskCount: 5 } });
    expect(plan.steps[0]!.inverse?.input).toMatchObject({ serviceArn: arn, primaryContainer: { image: "nginx:1.26" }, scalingTarget: { maxTaskCount: 20 } });
    expect(plan.resources).toContain("ecs:express/web");
    expect(plan.landing).toBe("/ecs/express/default/web");
    expect(buildUpdateExpressPlan(update, null).steps[0]!.inverse).toBeUndefined();
  });

  it("deletes by ARN and lands on the list", () => {
    const plan = buildDeleteExpressPlan({ connectionId: "c", region: "us-east-1", serviceArn: arn, serviceName: "web", cluster: "default" });
    expect(plan.steps.map((s) => [s.operation, s.input])).toEqual([["DeleteExpressGatewayService", { serviceArn: arn }]]);
    expect(plan.landing).toBe("/ecs/express");
  });
});
