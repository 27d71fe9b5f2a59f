import type { Plan } from "@/lib/core/plans/types";
import { ARCHITECTURES, OPERATING_SYSTEMS, type CreatePublicRepositoryInput, type DeletePublicRepositoryInput } from "./schema";

const PAGE = "/ecr";

/** The catalog data ECR Public takes, without the empty fields. */
export function catalogDataOf(input: CreatePublicRepositoryInput) {
  return {
    ...(input.description ? { description: input.description } : {}),
    ...(input.aboutText.trim() ? { aboutText: input.aboutText } : {}),
    ...(input.usageText.trim() ? { usageText: input.usageText } : {}),
    // In the console's order, whatever order the boxes were ticked in.
    ...(input.architectures.length ? { architectures: ARCHITECTURES.filter((a) => input.architectures.includes(a)) } : {}),
    ...(input.operatingSystems.length ? { operatingSystems: OPERATING_SYSTEMS.filter((o) => input.operatingSystems.includes(o)) } : {}),
  };
}

/** CreateRepository in ECR Public with its catalog data; its inverse deletes it. */
export function buildCreatePublicRepositoryPlan(input: CreatePublicRepositoryInput): Plan {
  const catalogData = catalogDataOf(input);
  return {
    version: 1,
    wizard: "ecr-public-repository",
    title: `Create ECR Public repository ${input.repositoryName}`,
    resources: [`ecr-public:repository/${input.repositoryName}`],
    landing: PAGE,
    steps: [
      {
        key: "repository",
        service: "ecrpublic",
        operation: "CreateRepository",
        description: `Create public repository ${input.repositoryName} (anyone can pull its images)`,
        input: { repositoryName: input.repositoryName, ...(Object.keys(catalogData).length ? { catalogData } : {}) },
        produces: { arn: "repository.repositoryArn", uri: "repository.repositoryUri" },
        inverse: { service: "ecrpublic", operation: "DeleteRepository", description: `Delete public repository ${input.repositoryName}`, input: { repositoryName: input.repositoryName } },
      },
    ],
    warnings: ["Images pushed to a public repository can be pulled by anyone, without signing in."],
  };
}

/** DeleteRepository in ECR Public; forced (its images go too) only once "force" was typed. */
export function buildDeletePublicRepositoryPlan(input: DeletePublicRepositoryInput, imageCount: number): Plan {
  const force = imageCount > 0;
  return {
    version: 1,
    wizard: "ecr-public-repository-delete",
    title: `Delete ECR Public repository ${input.repositoryName}`,
    resources: [`ecr-public:repository/${input.repositoryName}`],
    landing: PAGE,
    steps: [
      {
        key: "delete",
        service: "ecrpublic",
        operation: "DeleteRepository",
        description: force ? `Delete public repository ${input.repositoryName} and its ${imageCount === 1 ? "1 image" : `${imageCount} images`}` : `Delete public repository ${input.repositoryName}`,
        input: { repositoryName: input.repositoryName, ...(force ? { force: true } : {}) },
      },
    ],
  };
}
