import type { Plan } from "@/lib/core/plans/types";
import { repositoryPath } from "../repositories/paths";
import type { LifecyclePolicyInput } from "./schema";

/** PutLifecyclePolicy; its inverse puts back the policy it replaces, or deletes the new one. */
export function buildPutLifecyclePolicyPlan(input: LifecyclePolicyInput, previous: string | null): Plan {
  const rules = (JSON.parse(input.policyText) as { rules: unknown[] }).rules.length;
  return {
    version: 1,
    wizard: "ecr-lifecycle-policy",
    title: `Set the lifecycle policy of ${input.repositoryName}`,
    resources: [`ecr:repository/${input.repositoryName}`],
    landing: repositoryPath(input.repositoryName),
    steps: [
      {
        key: "policy",
        service: "ecr",
        operation: "PutLifecyclePolicy",
        description: `${previous ? "Replace" : "Set"} the lifecycle policy of ${input.repositoryName} (${rules === 1 ? "1 rule" : `${rules} rules`})`,
        input: { repositoryName: input.repositoryName, lifecyclePolicyText: input.policyText },
        inverse: previous
          ? { service: "ecr", operation: "PutLifecyclePolicy", description: `Put back the previous lifecycle policy of ${input.repositoryName}`, input: { repositoryName: input.repositoryName, lifecyclePolicyText: previous } }
          : { service: "ecr", operation: "DeleteLifecyclePolicy", description: `Delete the lifecycle policy of ${input.repositoryName}`, input: { repositoryName: input.repositoryName } },
      },
    ],
    warnings: ["ECR applies a lifecycle policy within 24 hours: the images the preview lists are then deleted and cannot be restored."],
  };
}
