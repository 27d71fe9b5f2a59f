import { describe, expect, it } from "vitest";
import { createAppRunnerServiceSchema } from "@/lib/apprunner/schema";
import { cpuUnits, createInputToExpress, memoryMiB, toExpress } from "./to-express";

describe("App Runner sizes as ECS units", () => {
  it.each([
    ["1 vCPU", "1024"],
    ["0.25 vCPU", "256"],
    ["4 vCPU", "4096"],
    ["1024", "1024"],
    ["256", "256"],
    ["2", "2048"],
    ["lots", undefined],
    [null, undefined],
  ])("cpu %j → %j", (value, units) => expect(cpuUnits(value)).toBe(units));

  it.each([
    ["2 GB", "2048"],
    ["0.5 GB", "512"],
    ["12 GB", "12288"],
    ["3072", "3072"],
    ["2048 MB", "2048"],
    ["", undefined],
  ])("memory %j → %j", (value, mib) => expect(memoryMiB(value)).toBe(mib));
});

const service = {
  name: "web-httpd",
  arn: "arn:aws:apprunner:us-east-1:123456789012:service/web-httpd/abc",
  image: "public.ecr.aws/docker/library/httpd:latest",
  port: "80",
  cpu: "1 vCPU",
  memory: "2 GB",
  environment: [{ name: "GREETING", value: "hi" }],
  healthCheck: { protocol: "HTTP", path: "/health", interval: 5, timeout: 2, healthyThreshold: 1, unhealthyThreshold: 5 },
  scaling: { arn: "arn:scaling", name: "web", revision: 1, minSize: 2, maxSize: 7, maxConcurrency: 100 },
};

describe("toExpress", () => {
  it("carries image, port, size, environment, health path and instance range", () => {
    expect(toExpress(service)).toEqual({
      serviceName: "web-httpd",
      image: "public.ecr.aws/docker/library/httpd:latest",
      containerPort: 80,
      cpu: "1024",
      memory: "2048",
      minTasks: 2,
      maxTasks: 7,
      healthCheckPath: "/health",
      environment: [{ name: "GREETING", value: "hi" }],
      fromAppRunnerArn: service.arn,
    });
  });

  it("leaves out what App Runner did not say (TCP check, unknown sizes, no variables)", () => {
    const p = toExpress({ ...service, cpu: "1024", memory: "3072", environment: [], healthCheck: { ...service.healthCheck, protocol: "TCP" }, scaling: null, port: null });
    expect(p).toEqual({ serviceName: "web-httpd", image: service.image, cpu: "1024", memory: "3072", fromAppRunnerArn: service.arn });
  });
});

describe("createInputToExpress", () => {
  it("prefills from what the App Runner wizard recorded", () => {
    const input = createAppRunnerServiceSchema.parse({
      connectionId: "c1",
      region: "us-east-1",
      sourceType: "ecr_public",
      imageUri: "public.ecr.aws/docker/library/httpd:latest",
      serviceName: "refused-web",
      port: "80",
      cpu: "2048",
      memory: "4096",
      minSize: "1",
      maxSize: "3",
      environment: [{ name: "MODE", value: "prod" }],
    });
    expect(createInputToExpress(input)).toEqual({
      serviceName: "refused-web",
      image: "public.ecr.aws/docker/library/httpd:latest",
      containerPort: 80,
      cpu: "2048",
      memory: "4096",
      minTasks: 1,
      maxTasks: 3,
      environment: [{ name: "MODE", value: "prod" }],
    });
    expect(createInputToExpress({ ...input, scalingMode: "existing" })).not.toHaveProperty("minTasks");
  });
});
