import { describe, expect, it } from "vitest";
import { buildCreateEnvironmentPlan } from "./plan";
import { createEnvironmentSchema } from "./schema";
import { makeZip } from "@/lib/beanstalk/bundles/zip-test-support";
import { describeBlobs } from "@/lib/core/plans/blobs";

const base = {
  connectionId: "c1",
  region: "us-east-1",
  applicationName: "shop",
  solutionStack: "64bit Amazon Linux 2023 v4.3.0 running Docker",
  image: "nginx:1.27",
  containerPort: "8080",
  versionLabel: "v1",
  environmentName: "shop-prod",
  cnamePrefix: "shop-prod",
  environment: [{ name: "GREETING", value: "hi" }],
};

const parse = (over: Record<string, unknown> = {}) => createEnvironmentSchema.parse({ ...base, ...over });
const UPLOAD_ID = "0b6f0a53-3c55-4d36-9d8e-4f0a3b1c2d3e";
const option = (plan: ReturnType<typeof buildCreateEnvironmentPlan>, ns: string, name: string) =>
  (plan.steps.find((s) => s.operation === "CreateEnvironment")!.input.OptionSettings as { Namespace: string; OptionName: string; Value: string }[]).find((o) => o.Namespace === ns && o.OptionName === name)?.Value;

describe("create environment plan", () => {
  it("creates application, roles, version from the bundle, then the environment, in order", () => {
    const plan = buildCreateEnvironmentPlan(parse());
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual([
      "elasticbeanstalk:CreateApplication",
      "iam:CreateRole",
      "iam:AttachRolePolicy",
      "iam:AttachRolePolicy",
      "iam:CreateRole",
      "iam:AttachRolePolicy",
      "iam:AttachRolePolicy",
      "iam:AttachRolePolicy",
      "iam:CreateInstanceProfile",
      "iam:AddRoleToInstanceProfile",
      "elasticbeanstalk:CreateStorageLocation",
      "s3:PutObject",
      "elasticbeanstalk:CreateApplicationVersion",
      "elasticbeanstalk:CreateEnvironment",
    ]);
    const put = plan.steps.find((s) => s.operation === "PutObject")!;
    expect(put.input.Key).toBe("portside/shop/v1/Dockerrun.aws.json");
    expect(JSON.parse(put.input.Body as string)).toMatchObject({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx:1.27" }, Ports: [{ ContainerPort: 8080 }] });
    expect(plan.steps.find((s) => s.operation === "CreateApplicationVersion")!.input).toMatchObject({ Process: true, SourceBundle: { S3Bucket: { $ref: "storage.bucket" } } });
    expect(plan.steps.at(-1)!.inverse?.operation).toBe("TerminateEnvironment");
    expect(plan.steps.at(-1)!.waitFor?.success).toEqual(["Ready"]);
  });

  it("turns every choice into option settings, with the console's Rolling 30 % default", () => {
    const plan = buildCreateEnvironmentPlan(parse());
    expect(option(plan, "aws:elasticbeanstalk:environment", "EnvironmentType")).toBe("LoadBalanced");
    expect(option(plan, "aws:elasticbeanstalk:environment", "LoadBalancerType")).toBe("application");
    expect(option(plan, "aws:elasticbeanstalk:command", "DeploymentPolicy")).toBe("Rolling");
    expect(option(plan, "aws:elasticbeanstalk:command", "BatchSize")).toBe("30");
    expect(option(plan, "aws:autoscaling:trigger", "MeasureName")).toBe("NetworkOut");
    expect(option(plan, "aws:autoscaling:trigger", "Unit")).toBe("Bytes");
    expect(option(plan, "aws:elasticbeanstalk:healthreporting:system", "SystemType")).toBe("enhanced");
    expect(option(plan, "aws:elasticbeanstalk:environment", "ServiceRole")).toBe("aws-elasticbeanstalk-service-role");
    expect(option(plan, "aws:autoscaling:launchconfiguration", "IamInstanceProfile")).toBe("aws-elasticbeanstalk-ec2-role");
    expect(option(plan, "aws:elasticbeanstalk:application:environment", "GREETING")).toBe("hi");
  });

  it("a single instance has one instance, no trigger and no load balancer", () => {
    const plan = buildCreateEnvironmentPlan(parse({ environmentType: "SingleInstance", deploymentPolicy: "AllAtOnce", applicationMode: "existing", serviceRoleMode: "existing", serviceRole: "my-role", instanceProfileMode: "existing", instanceProfile: "my-profile" }));
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateStorageLocation", "PutObject", "CreateApplicationVersion", "CreateEnvironment"]);
    expect(option(plan, "aws:autoscaling:asg", "MaxSize")).toBe("1");
    expect(option(plan, "aws:autoscaling:trigger", "MeasureName")).toBeUndefined();
    expect(option(plan, "aws:elasticbeanstalk:environment", "LoadBalancerType")).toBeUndefined();
    expect(option(plan, "aws:elasticbeanstalk:command", "BatchSize")).toBeUndefined();
    expect(option(plan, "aws:elasticbeanstalk:environment", "ServiceRole")).toBe("my-role");
  });

  it("uploads a compose bundle as docker-compose.yml", () => {
    const plan = buildCreateEnvironmentPlan(parse({ sourceType: "bundle", bundleText: "services:\n  web:\n    image: nginx\n" }));
    expect(plan.steps.find((s) => s.operation === "PutObject")!.input.Key).toBe("portside/shop/v1/docker-compose.yml");
  });

  it("uploads a zip bundle's bytes as { $base64 }, shown at review by size, sha256 and what it holds", () => {
    const zip = makeZip([{ name: "Dockerrun.aws.json", data: JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx" }, Ports: [{ ContainerPort: 80 }] }), deflate: true }]);
    const plan = buildCreateEnvironmentPlan(parse({ sourceType: "bundle", bundleZip: UPLOAD_ID }), { zip });
    const put = plan.steps.find((s) => s.operation === "PutObject")!;
    expect(put.input).toMatchObject({ Key: "portside/shop/v1/bundle.zip", ContentType: "application/zip", Body: { $base64: zip.toString("base64") } });
    expect(describeBlobs(put.input).Body).toMatch(new RegExp(`^<zip, contains Dockerrun\\.aws\\.json: ${zip.length} bytes, sha256 [0-9a-f]{64}>$`));
  });

  it("refuses to plan a zip without a manifest at its root", () => {
    const zip = makeZip([{ name: "app/Dockerrun.aws.json", data: "{}" }]);
    expect(() => buildCreateEnvironmentPlan(parse({ sourceType: "bundle", bundleZip: UPLOAD_ID }), { zip })).toThrow(/at its root/);
  });

  it("refuses to plan a zip upload whose bytes were not loaded", () => {
    expect(() => buildCreateEnvironmentPlan(parse({ sourceType: "bundle", bundleZip: UPLOAD_ID }))).toThrow(/Choose the zip again/);
  });
});

describe("create environment schema", () => {
  const errors = (over: Record<string, unknown>) => {
    const out = createEnvironmentSchema.safeParse({ ...base, ...over });
    return out.success ? {} : Object.fromEntries(out.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  it("refuses names AWS refuses", () => {
    expect(errors({ environmentName: "abc" }).environmentName).toMatch(/4 to 40/);
    expect(errors({ environmentName: "-abcd" }).environmentName).toMatch(/hyphen/);
    expect(errors({ environmentName: "ab_cd" }).environmentName).toMatch(/letters, digits and hyphens/);
    expect(errors({ cnamePrefix: "a.b.c.d" }).cnamePrefix).toMatch(/letters, digits and hyphens/);
  });
  it("refuses combinations Elastic Beanstalk refuses", () => {
    expect(errors({ environmentType: "SingleInstance", deploymentPolicy: "Rolling" }).deploymentPolicy).toMatch(/load-balanced/);
    expect(errors({ environmentType: "SingleInstance", deploymentPolicy: "TrafficSplitting" }).deploymentPolicy).toMatch(/load-balanced/);
    expect(errors({ minSize: "5", maxSize: "2" }).maxSize).toMatch(/at least the minimum/);
    expect(errors({ lowerThreshold: "9", upperThreshold: "3" }).lowerThreshold).toMatch(/below/);
    expect(errors({ batchSizeType: "Fixed", batchSize: "9", maxSize: "4" }).batchSize).toMatch(/at most/);
    expect(errors({ batchSize: "150" }).batchSize).toMatch(/1 to 100/);
    expect(errors({ serviceRoleMode: "existing" }).serviceRole).toMatch(/Pick a service role/);
    expect(errors({ image: "Not An Image!" }).image).toBeDefined();
    expect(errors({ sourceType: "bundle", bundleText: "{}" }).bundleText).toMatch(/AWSEBDockerrunVersion/);
    expect(errors({ sourceType: "bundle", bundleZip: "not an id!" }).bundleZip).toMatch(/Choose the zip again/);
    expect(errors({ sourceType: "bundle", bundleZip: "A".repeat(7_000_000) }).bundleZip).toMatch(/Choose the zip again/);
  });
  it("caps environment properties at 4 KB in all", () => {
    const big = Array.from({ length: 5 }, (_, i) => ({ name: `V${i}`, value: "x".repeat(1000) }));
    expect(errors({ environment: big }).environment).toMatch(/4 KB/);
  });
});
