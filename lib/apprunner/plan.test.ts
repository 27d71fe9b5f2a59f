import { describe, expect, it } from "vitest";
import { createAppRunnerServiceSchema, appRunnerServiceActionSchema, CPU_MEMORY } from "@/lib/apprunner/schema";
import { buildCreateAppRunnerPlan, buildServiceOperationPlan } from "./plan";
import { buildCleanupPlan } from "../core/plans/cleanup";
import { refsIn } from "../core/plans/refs";

const valid = {
  connectionId: "c1",
  region: "us-east-1",
  sourceType: "ecr_public",
  imageUri: "public.ecr.aws/docker/library/httpd:latest",
  serviceName: "web-httpd",
  port: "80",
};
const PRIVATE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1.4";
const ROLE = "arn:aws:iam::123456789012:role/service-role/AppRunnerECRAccessRole";

const firstIssue = (input: Record<string, unknown>) => {
  const result = createAppRunnerServiceSchema.safeParse({ ...valid, ...input });
  return result.success ? null : { path: result.error.issues[0]!.path.join("."), message: result.error.issues[0]!.message };
};

describe("create App Runner service validation", () => {
  it("applies the console defaults", () => {
    expect(createAppRunnerServiceSchema.parse({ ...valid, port: undefined })).toMatchObject({
      port: 8080,
      cpu: "1024",
      memory: "2048",
      deploymentTrigger: "manual",
      scalingMode: "custom",
      minSize: 1,
      maxSize: 25,
      maxConcurrency: 100,
      healthProtocol: "TCP",
      healthInterval: 5,
      healthTimeout: 2,
      healthyThreshold: 1,
      unhealthyThreshold: 5,
      environment: [],
      tags: [],
    });
  });

  it.each([
    ["abc", "at least 4"],
    ["x".repeat(41), "at most 40"],
    ["-web", "Start with a letter or digit"],
    ["has space", "Start with a letter or digit"],
    ["dots.no", "Start with a letter or digit"],
  ])("rejects the service name %j", (serviceName, message) => {
    expect(firstIssue({ serviceName })).toMatchObject({ path: "serviceName" });
    expect(firstIssue({ serviceName })?.message).toContain(message);
  });

  it("accepts names of 4 and 40 characters", () => {
    expect(firstIssue({ serviceName: "a_b-" })).toBeNull();
    expect(firstIssue({ serviceName: "a".repeat(40) })).toBeNull();
  });

  it.each(["0", "51201", "-1", "8.5", "abc"])("rejects port %j", (port) => {
    expect(firstIssue({ port })?.path).toBe("port");
  });

  it("offers only App Runner's CPU and memory pairs", () => {
    const pairs = Object.entries(CPU_MEMORY).flatMap(([cpu, mems]) => mems.map((m) => `${Number(cpu) / 1024}/${Number(m) / 1024}`));
    expect(pairs).toEqual(["0.25/0.5", "0.25/1", "0.5/1", "1/2", "1/3", "1/4", "2/4", "2/6", "4/8", "4/10", "4/12"]);
    expect(firstIssue({ cpu: "2048", memory: "2048" })).toEqual({ path: "memory", message: "2 vCPU runs with 4 GB, 6 GB of memory." });
    expect(firstIssue({ cpu: "3072", memory: "6144" })?.path).toBe("cpu");
  });

  it("checks minimum ≤ maximum at the maximum field, and the ranges", () => {
    expect(firstIssue({ minSize: "5", maxSize: "3" })).toEqual({ path: "maxSize", message: "Maximum size must be at least the minimum size (5)." });
    expect(firstIssue({ maxSize: "26" })?.message).toBe("Maximum size is 1 to 25.");
    expect(firstIssue({ maxConcurrency: "201" })?.message).toBe("Maximum concurrency is 1 to 200.");
    // An existing configuration ignores the custom fields.
    expect(firstIssue({ scalingMode: "existing", minSize: "5", maxSize: "3", scalingArn: "arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/x/1/abc" })).toBeNull();
    expect(firstIssue({ scalingMode: "existing" })?.path).toBe("scalingArn");
  });

  it("needs an access role for private ECR and allows automatic deployment only there", () => {
    expect(firstIssue({ sourceType: "ecr", imageUri: PRIVATE })?.path).toBe("accessRoleArn");
    expect(firstIssue({ sourceType: "ecr", imageUri: PRIVATE, accessRoleArn: "not-an-arn" })?.path).toBe("accessRoleArn");
    expect(firstIssue({ sourceType: "ecr", imageUri: PRIVATE, accessRoleArn: ROLE, deploymentTrigger: "automatic" })).toBeNull();
    expect(firstIssue({ deploymentTrigger: "automatic" })?.path).toBe("deploymentTrigger");
    // A role typed for ECR, then ECR Public chosen: not used, so not in the way.
    expect(firstIssue({ accessRoleArn: "not-an-arn" })).toBeNull();
  });

  it("checks the image URI against its registry", () => {
    expect(firstIssue({ imageUri: PRIVATE })?.path).toBe("imageUri");
    expect(firstIssue({ sourceType: "ecr", accessRoleArn: ROLE })?.path).toBe("imageUri");
    expect(firstIssue({ imageUri: "docker.io/library/httpd" })?.message).toContain("ECR Public");
    expect(firstIssue({ imageUri: "public.ecr.aws/docker/library/httpd@sha256:" + "a".repeat(64) })).toBeNull();
  });

  it("refuses regions without App Runner and checks the health check", () => {
    expect(firstIssue({ region: "eu-north-1" })).toEqual({ path: "region", message: "App Runner is not offered in this region." });
    expect(firstIssue({ healthProtocol: "HTTP", healthPath: "health" })?.path).toBe("healthPath");
    expect(firstIssue({ healthInterval: "21" })?.message).toBe("The interval is 1 to 20.");
    expect(firstIssue({ unhealthyThreshold: "0" })?.path).toBe("unhealthyThreshold");
  });

  it("rejects reserved and repeated environment variable names", () => {
    const result = createAppRunnerServiceSchema.safeParse({
      ...valid,
      environment: [{ name: "AWSAPPRUNNER_X", value: "1" }, { name: "A", value: "1" }, { name: "A", value: "2" }, { name: "", value: "" }],
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["environment.0.name", "environment.3.name", "environment.2.name"]);
  });
});

describe("buildCreateAppRunnerPlan", () => {
  const input = createAppRunnerServiceSchema.parse({
    ...valid,
    cpu: "2048",
    memory: "4096",
    minSize: "2",
    maxSize: "5",
    maxConcurrency: "50",
    environment: [{ name: "GREETING", value: "hello" }],
    healthProtocol: "HTTP",
    healthPath: "/health",
    instanceRoleArn: ROLE,
    tags: [{ key: "team", value: "web" }],
  });
  const plan = buildCreateAppRunnerPlan(input);

  it("creates the auto scaling configuration, then the service naming its ARN", () => {
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["apprunner:CreateAutoScalingConfiguration", "apprunner:CreateService"]);
    expect(plan.steps[0]!.input).toEqual({ AutoScalingConfigurationName: "web-httpd", MinSize: 2, MaxSize: 5, MaxConcurrency: 50, Tags: [{ Key: "team", Value: "web" }] });
    expect(refsIn(plan.steps[1]!.input)).toEqual(["scaling"]);
    expect(plan.steps[1]!.input).toEqual({
      ServiceName: "web-httpd",
      SourceConfiguration: {
        ImageRepository: {
          ImageIdentifier: "public.ecr.aws/docker/library/httpd:latest",
          ImageRepositoryType: "ECR_PUBLIC",
          ImageConfiguration: { Port: "80", RuntimeEnvironmentVariables: { GREETING: "hello" } },
        },
        AutoDeploymentsEnabled: false,
      },
      InstanceConfiguration: { Cpu: "2048", Memory: "4096", InstanceRoleArn: ROLE },
      HealthCheckConfiguration: { Protocol: "HTTP", Path: "/health", Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5 },
      AutoScalingConfigurationArn: { $ref: "scaling.arn" },
      Tags: [{ Key: "team", Value: "web" }],
    });
    expect(plan).toMatchObject({ wizard: "apprunner-service", resources: ["apprunner:service/web-httpd"], landing: "/apprunner/services/web-httpd" });
  });

  it("uses an existing configuration and private ECR with its access role", () => {
    const arn = "arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/shared/3/abc";
    const p = buildCreateAppRunnerPlan(
      createAppRunnerServiceSchema.parse({ ...valid, sourceType: "ecr", imageUri: PRIVATE, accessRoleArn: ROLE, deploymentTrigger: "automatic", scalingMode: "existing", scalingArn: arn }),
    );
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]!.input).toMatchObject({
      AutoScalingConfigurationArn: arn,
      SourceConfiguration: { AutoDeploymentsEnabled: true, AuthenticationConfiguration: { AccessRoleArn: ROLE }, ImageRepository: { ImageRepositoryType: "ECR" } },
      HealthCheckConfiguration: { Protocol: "TCP" },
    });
    expect(p.steps[0]!.input).not.toHaveProperty("Tags");
  });

  it("cleans up the configuration when CreateService was refused", () => {
    const cleanup = buildCleanupPlan(
      plan,
      [
        { stepKey: "scaling", status: "succeeded", response: { AutoScalingConfiguration: { AutoScalingConfigurationArn: "arn:x" } } },
        { stepKey: "service", status: "failed", response: null },
      ],
      "run1",
    );
    expect(cleanup?.steps).toEqual([
      expect.objectContaining({ operation: "DeleteAutoScalingConfiguration", input: { AutoScalingConfigurationArn: "arn:x" } }),
    ]);
  });

  it("truncates a derived configuration name to 32 characters", () => {
    const p = buildCreateAppRunnerPlan(createAppRunnerServiceSchema.parse({ ...valid, serviceName: "s".repeat(40) }));
    expect(p.steps[0]!.input.AutoScalingConfigurationName).toBe("s".repeat(32));
  });
});

describe("service operation plans", () => {
  const target = appRunnerServiceActionSchema.parse({
    connectionId: "c1",
    region: "us-east-1",
    serviceName: "web-httpd",
    serviceArn: "arn:aws:apprunner:us-east-1:123456789012:service/web-httpd/8fe1e10304f84fd2b0df550fe98a71fa",
  });

  it("pause and resume undo each other; delete lands on the list", () => {
    const pause = buildServiceOperationPlan("PauseService", target);
    expect(pause.steps[0]).toMatchObject({ operation: "PauseService", input: { ServiceArn: target.serviceArn }, inverse: { operation: "ResumeService" } });
    expect(buildServiceOperationPlan("ResumeService", target).steps[0]!.inverse?.operation).toBe("PauseService");
    expect(buildServiceOperationPlan("StartDeployment", target).title).toBe("Deploy the latest image to App Runner service web-httpd");
    const del = buildServiceOperationPlan("DeleteService", target);
    expect(del.landing).toBe("/apprunner");
    expect(del.steps[0]!.inverse).toBeUndefined();
  });

  it("refuses anything but an App Runner service ARN", () => {
    expect(appRunnerServiceActionSchema.safeParse({ ...target, serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/x" }).success).toBe(false);
  });
});
