import type { Plan } from "@/lib/core/plans/types";
import type { CreateRepositoryInput, DeleteImagesInput, DeleteRepositoryInput } from "./schema";
import { repositoryPath } from "./paths";

/** "IMMUTABLE" with exclusion filters is ECR's IMMUTABLE_WITH_EXCLUSION (and MUTABLE likewise). */
export function tagMutabilityOf(input: Pick<CreateRepositoryInput, "tagMutability" | "mutabilityExclusions">) {
  if (input.mutabilityExclusions.length === 0) return { imageTagMutability: input.tagMutability };
  return {
    imageTagMutability: `${input.tagMutability}_WITH_EXCLUSION`,
    imageTagMutabilityExclusionFilters: input.mutabilityExclusions.map((filter) => ({ filterType: "WILDCARD", filter })),
  };
}

/** CreateRepository with the console's choices: tag mutability, scan on push, AES-256 or KMS, tags. */
export function buildCreateRepositoryPlan(input: CreateRepositoryInput): Plan {
  const kms = input.encryption === "KMS";
  return {
    version: 1,
    wizard: "ecr-repository",
    title: `Create ECR repository ${input.repositoryName}`,
    resources: [`ecr:repository/${input.repositoryName}`],
    landing: repositoryPath(input.repositoryName),
    steps: [
      {
        key: "repository",
        service: "ecr",
        operation: "CreateRepository",
        description: `Create repository ${input.repositoryName} (${kms ? "KMS" : "AES-256"} encryption, tags ${input.tagMutability.toLowerCase()}${input.scanOnPush ? ", scan on push" : ""})`,
        input: {
          repositoryName: input.repositoryName,
          ...tagMutabilityOf(input),
          imageScanningConfiguration: { scanOnPush: input.scanOnPush },
          // An empty key with KMS is the AWS managed key aws/ecr, as in the console.
          encryptionConfiguration: kms ? { encryptionType: "KMS", ...(input.kmsKey ? { kmsKey: input.kmsKey } : {}) } : { encryptionType: "AES256" },
          ...(input.tags.length ? { tags: input.tags.map((t) => ({ Key: t.key, Value: t.value })) } : {}),
        },
        produces: { arn: "repository.repositoryArn", uri: "repository.repositoryUri" },
        inverse: {
          service: "ecr",
          operation: "DeleteRepository",
          description: `Delete repository ${input.repositoryName}`,
          input: { repositoryName: input.repositoryName },
        },
      },
    ],
  };
}

/**
 * DeleteRepository. Without force ECR refuses a repository that holds images; the action only
 * builds a forced plan once "force" was typed, and says how many images go with it.
 */
export function buildDeleteRepositoryPlan(input: DeleteRepositoryInput, imageCount: number): Plan {
  const force = imageCount > 0;
  return {
    version: 1,
    wizard: "ecr-repository-delete",
    title: `Delete ECR repository ${input.repositoryName}`,
    resources: [`ecr:repository/${input.repositoryName}`],
    landing: "/ecr",
    steps: [
      {
        key: "delete",
        service: "ecr",
        operation: "DeleteRepository",
        description: force
          ? `Delete repository ${input.repositoryName} and its ${imageCount === 1 ? "1 image" : `${imageCount} images`}`
          : `Delete repository ${input.repositoryName}`,
        input: { repositoryName: input.repositoryName, ...(force ? { force: true } : {}) },
      },
    ],
  };
}

/** BatchDeleteImage by digest: every tag of those images goes with them. */
export function buildDeleteImagesPlan(input: DeleteImagesInput): Plan {
  const n = input.digests.length;
  return {
    version: 1,
    wizard: "ecr-images-delete",
    title: `Delete ${n === 1 ? "1 image" : `${n} images`} from ${input.repositoryName}`,
    resources: [`ecr:repository/${input.repositoryName}`],
    landing: repositoryPath(input.repositoryName),
    steps: [
      {
        key: "delete",
        service: "ecr",
        operation: "BatchDeleteImage",
        description: `Delete ${n === 1 ? `image ${input.digests[0]!.slice(0, 19)}` : `${n} images`} from ${input.repositoryName}`,
        input: { repositoryName: input.repositoryName, imageIds: input.digests.map((imageDigest) => ({ imageDigest })) },
      },
    ],
  };
}
