import { describe, expect, it } from "vitest";
import { makeZip } from "@/lib/beanstalk/bundles/zip-test-support";
import { buildDeployPlan, buildEnvironmentOperationPlan } from "./plan";
import { deploySchema, environmentOperationSchema } from "./schema";

const target = { connectionId: "c1", region: "us-east-1", applicationName: "shop", environmentName: "shop-prod" };

describe("environment operations", () => {
  it("deploys a new image as a processed version, then updates the environment and waits for Ready", () => {
    const plan = buildDeployPlan(deploySchema.parse({ ...target, image: "nginx:1.28", versionLabel: "v2" }), { versionLabel: "v1" });
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateStorageLocation", "PutObject", "CreateApplicationVersion", "UpdateEnvironment"]);
    const update = plan.steps.at(-1)!;
    expect(update.input).toEqual({ ApplicationName: "shop", EnvironmentName: "shop-prod", VersionLabel: "v2" });
    expect(update.waitFor?.success).toEqual(["Ready"]);
    expect(update.inverse?.input).toMatchObject({ VersionLabel: "v1" });
  });
  it("deploys an existing version with one request", () => {
    const plan = buildDeployPlan(deploySchema.parse({ ...target, source: "version", versionLabel: "v1" }), {});
    expect(plan.steps.map((s) => s.operation)).toEqual(["UpdateEnvironment"]);
  });
  it("deploys an uploaded zip: its bytes as { $base64 } into S3, the version from it, then the update", () => {
    const zip = makeZip([{ name: "docker-compose.yml", data: "services:\n  web:\n    image: nginx\n", deflate: true }]);
    const plan = buildDeployPlan(deploySchema.parse({ ...target, source: "zip", bundleZip: "0b6f0a53-3c55-4d36-9d8e-4f0a3b1c2d3e", versionLabel: "v3" }), { versionLabel: "v2", zip });
    expect(plan.steps.map((s) => s.operation)).toEqual(["CreateStorageLocation", "PutObject", "CreateApplicationVersion", "UpdateEnvironment"]);
    const put = plan.steps[1]!;
    expect(put.input).toMatchObject({ Key: "portside/shop/v3/bundle.zip", ContentType: "application/zip", Body: { $base64: zip.toString("base64"), $note: "zip, contains docker-compose.yml" } });
    expect(plan.steps[3]!.dependsOn).toEqual(["version"]);
  });
  it("a zip deploy needs a zip", () => {
    const out = deploySchema.safeParse({ ...target, source: "zip", versionLabel: "v3" });
    expect(out.success).toBe(false);
    expect(out.error?.issues[0]?.path).toEqual(["bundleZip"]);
  });
  it("refuses a bad image for an image deploy only", () => {
    expect(deploySchema.safeParse({ ...target, image: "BAD IMAGE", versionLabel: "v2" }).success).toBe(false);
    expect(deploySchema.safeParse({ ...target, source: "version", image: "BAD IMAGE", versionLabel: "v2" }).success).toBe(true);
  });
  it("terminates with its resources and waits until the environment is gone", () => {
    const plan = buildEnvironmentOperationPlan(environmentOperationSchema.parse({ ...target, operation: "terminate" }));
    expect(plan.steps[0]).toMatchObject({ operation: "TerminateEnvironment", input: { EnvironmentName: "shop-prod", TerminateResources: true }, waitFor: { untilGone: true } });
    expect(plan.landing).toBe("/beanstalk");
  });
  it("rebuilds and waits for Ready", () => {
    const plan = buildEnvironmentOperationPlan(environmentOperationSchema.parse({ ...target, operation: "rebuild" }));
    expect(plan.steps[0]).toMatchObject({ operation: "RebuildEnvironment", waitFor: { success: ["Ready"] } });
  });
});
