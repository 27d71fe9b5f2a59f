import type { Plan } from "@/lib/core/plans/types";
import { repositoryPath } from "../repositories/paths";
import type { DeleteRepositoryPolicyInput, SetRepositoryPolicyInput } from "./schema";

const restore = (name: string, previous: string | null) =>
  previous
    ? { service: "ecr" as const, operation: "SetRepositoryPolicy", description: `Put back the previous policy of ${name}`, input: { repositoryName: name, policyText: previous } }
    : { service: "ecr" as const, operation: "DeleteRepositoryPolicy", description: `Delete the policy of ${name}`, input: { repositoryName: name } };

/** SetRepositoryPolicy; its inverse puts back the policy it replaces, or deletes the new one. */
export function buildSetRepositoryPolicyPlan(input: SetRepositoryPolicyInput, previous: string | null): Plan {
  return {
    version: 1,
    wizard: "ecr-repository-policy",
    title: `Set the repository policy of ${input.repositoryName}`,
    resources: [`ecr:repository/${input.repositoryName}`],
    landing: repositoryPath(input.repositoryName),
    steps: [
      {
        key: "policy",
        service: "ecr",
        operation: "SetRepositoryPolicy",
        description: `${previous ? "Replace" : "Set"} the repository policy of ${input.repositoryName}`,
        input: { repositoryName: input.repositoryName, policyText: input.policyText },
        inverse: restore(input.repositoryName, previous),
      },
    ],
  };
}

/** DeleteRepositoryPolicy; its inverse sets the deleted policy again. */
export function buildDeleteRepositoryPolicyPlan(input: DeleteRepositoryPolicyInput, previous: string): Plan {
  return {
    version: 1,
    wizard: "ecr-repository-policy-delete",
    title: `Delete the repository policy of ${input.repositoryName}`,
    resources: [`ecr:repository/${input.repositoryName}`],
    landing: repositoryPath(input.repositoryName),
    steps: [
      {
        key: "delete",
        service: "ecr",
        operation: "DeleteRepositoryPolicy",
        description: `Delete the repository policy of ${input.repositoryName}`,
        input: { repositoryName: input.repositoryName },
        inverse: { service: "ecr", operation: "SetRepositoryPolicy", description: `Set the policy of ${input.repositoryName} again`, input: { repositoryName: input.repositoryName, policyText: previous } },
      },
    ],
    warnings: ["Accounts and roles the policy lets in lose that access at once."],
  };
}
