import type { Plan } from "@/lib/core/plans/types";
import type { CreatePullThroughRuleInput, DeletePullThroughRuleInput } from "./schema";
import { UPSTREAMS } from "./schema";

const PAGE = "/ecr/registry";

/** CreatePullThroughCacheRule; its inverse deletes the rule. */
export function buildCreatePullThroughRulePlan(input: CreatePullThroughRuleInput): Plan {
  const upstream = UPSTREAMS[input.upstreamRegistryUrl].label;
  return {
    version: 1,
    wizard: "ecr-pull-through-rule",
    title: `Create pull-through cache rule ${input.ecrRepositoryPrefix} → ${upstream}`,
    resources: [`ecr:pull-through-cache-rule/${input.ecrRepositoryPrefix}`],
    landing: PAGE,
    steps: [
      {
        key: "rule",
        service: "ecr",
        operation: "CreatePullThroughCacheRule",
        description: `Cache images of ${upstream} (${input.upstreamRegistryUrl}) under ${input.ecrRepositoryPrefix}/`,
        input: {
          ecrRepositoryPrefix: input.ecrRepositoryPrefix,
          upstreamRegistryUrl: input.upstreamRegistryUrl,
          ...(input.credentialArn ? { credentialArn: input.credentialArn } : {}),
        },
        inverse: { service: "ecr", operation: "DeletePullThroughCacheRule", description: `Delete pull-through cache rule ${input.ecrRepositoryPrefix}`, input: { ecrRepositoryPrefix: input.ecrRepositoryPrefix } },
      },
    ],
  };
}

/** DeletePullThroughCacheRule; the repositories it already created stay, with their images. */
export function buildDeletePullThroughRulePlan(input: DeletePullThroughRuleInput, rule: { upstreamRegistryUrl: string; credentialArn: string | null }): Plan {
  return {
    version: 1,
    wizard: "ecr-pull-through-rule-delete",
    title: `Delete pull-through cache rule ${input.ecrRepositoryPrefix}`,
    resources: [`ecr:pull-through-cache-rule/${input.ecrRepositoryPrefix}`],
    landing: PAGE,
    steps: [
      {
        key: "delete",
        service: "ecr",
        operation: "DeletePullThroughCacheRule",
        description: `Delete pull-through cache rule ${input.ecrRepositoryPrefix} (${rule.upstreamRegistryUrl})`,
        input: { ecrRepositoryPrefix: input.ecrRepositoryPrefix },
        inverse: {
          service: "ecr",
          operation: "CreatePullThroughCacheRule",
          description: `Create pull-through cache rule ${input.ecrRepositoryPrefix} again`,
          input: { ecrRepositoryPrefix: input.ecrRepositoryPrefix, upstreamRegistryUrl: rule.upstreamRegistryUrl, ...(rule.credentialArn ? { credentialArn: rule.credentialArn } : {}) },
        },
      },
    ],
    warnings: [`Repositories already cached under ${input.ecrRepositoryPrefix}/ stay with their images; new pulls no longer fetch from upstream.`],
  };
}
