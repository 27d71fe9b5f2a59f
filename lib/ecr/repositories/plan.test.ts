import { describe, expect, it } from "vitest";
import { buildCreateRepositoryPlan, buildDeleteImagesPlan, buildDeleteRepositoryPlan } from "./plan";
import { createRepositorySchema } from "./schema";

const input = (extra: Record<string, unknown> = {}) => createRepositorySchema.parse({ connectionId: "c1", region: "eu-west-1", repositoryName: "team/web", ...extra });

describe("buildCreateRepositoryPlan", () => {
  it("creates the repository with the console's defaults and lands on its page", () => {
    const plan = buildCreateRepositoryPlan(input());
    expect(plan.landing).toBe("/ecr/repositories/team/web");
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({
      service: "ecr",
      operation: "CreateRepository",
      input: { repositoryName: "team/web", imageTagMutability: "MUTABLE", imageScanningConfiguration: { scanOnPush: false }, encryptionConfiguration: { encryptionType: "AES256" } },
      inverse: { operation: "DeleteRepository", input: { repositoryName: "team/web" } },
    });
    expect(plan.steps[0]!.input).not.toHaveProperty("tags");
  });

  it("sends exclusion filters as the _WITH_EXCLUSION mutability, a KMS key and tags", () => {
    const step = buildCreateRepositoryPlan(
      input({ tagMutability: "IMMUTABLE", mutabilityExclusions: ["latest", "dev-*"], scanOnPush: "on", encryption: "KMS", kmsKey: "alias/ecr", tags: [{ key: "team", value: "web" }] }),
    ).steps[0]!;
    expect(step.input).toMatchObject({
      imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
      imageTagMutabilityExclusionFilters: [{ filterType: "WILDCARD", filter: "latest" }, { filterType: "WILDCARD", filter: "dev-*" }],
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: "KMS", kmsKey: "alias/ecr" },
      tags: [{ Key: "team", Value: "web" }],
    });
  });

  it("leaves the key out for the AWS managed key", () => {
    expect(buildCreateRepositoryPlan(input({ encryption: "KMS" })).steps[0]!.input.encryptionConfiguration).toEqual({ encryptionType: "KMS" });
  });
});

describe("buildDeleteRepositoryPlan", () => {
  const del = { connectionId: "c1", region: "eu-west-1", repositoryName: "web", confirmForce: "" };
  it("forces only when the repository holds images, and says how many", () => {
    expect(buildDeleteRepositoryPlan(del, 0).steps[0]!.input).toEqual({ repositoryName: "web" });
    const forced = buildDeleteRepositoryPlan({ ...del, confirmForce: "force" }, 3).steps[0]!;
    expect(forced.input).toEqual({ repositoryName: "web", force: true });
    expect(forced.description).toBe("Delete repository web and its 3 images");
  });
});

describe("buildDeleteImagesPlan", () => {
  it("deletes the images by digest in one BatchDeleteImage", () => {
    const digests = [`sha256:${"a".repeat(64)}`, `sha256:${"b".repeat(64)}`];
    const plan = buildDeleteImagesPlan({ connectionId: "c1", region: "eu-west-1", repositoryName: "web", digests });
    expect(plan.title).toBe("Delete 2 images from web");
    expect(plan.steps[0]).toMatchObject({ operation: "BatchDeleteImage", input: { repositoryName: "web", imageIds: digests.map((imageDigest) => ({ imageDigest })) } });
  });
});
