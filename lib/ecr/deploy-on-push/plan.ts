import { buildDeployPlan } from "@/lib/ecs/services/ops-plan";
import type { TaskDefinitionView } from "@/lib/ecs/task-definitions/view";
import type { Plan } from "@/lib/core/plans/types";

/** Which service and connection a rule deploys to. */
export type RuleTarget = { connectionId: string; region: string; cluster: string; service: string };
export type RuleSummary = RuleTarget & { id: string; repository: string; tagPattern: string; mode: "propose" | "auto" };

/** Does an image URI come from this repository (by tag or by digest)? */
export function usesRepository(image: string, repositoryUri: string): boolean {
  return image === repositoryUri || image.startsWith(`${repositoryUri}:`) || image.startsWith(`${repositoryUri}@`);
}

/** The containers of a task definition whose image comes from the repository. */
export function containersUsing(definition: TaskDefinitionView, repositoryUri: string): string[] {
  return definition.containerDefinitions.filter((c) => usesRepository(c.image, repositoryUri)).map((c) => c.name);
}

/** What the history shows as the reason for a run a rule started. */
export function ruleReason(rule: Pick<RuleSummary, "tagPattern" | "repository" | "mode">, tag: string): string {
  return `Deploy on push (${rule.mode}): ${tag} pushed to ${rule.repository} matches rule ${rule.tagPattern}`;
}

/**
 * The deploy-new-image plan of the service actions (ops-plan's buildDeployPlan: register a
 * revision copied from the running one, UpdateService, follow the rollout), with the pushed
 * image in every container that uses the repository, titled with the rule that started it.
 * @throws when no container of the running revision uses the repository.
 */
export function buildPushDeployPlan(rule: RuleSummary, running: { taskDefinition: string; definition: TaskDefinitionView }, push: { repositoryUri: string; tag: string }, timeoutMs?: number): Plan {
  const image = `${push.repositoryUri}:${push.tag}`;
  const [first, ...others] = containersUsing(running.definition, push.repositoryUri);
  if (!first) throw new Error(`No container of ${running.taskDefinition} uses ${rule.repository}`);
  // buildDeployPlan changes one container; the others that use the repository are changed first.
  const definition = { ...running.definition, containerDefinitions: running.definition.containerDefinitions.map((c) => (others.includes(c.name) ? { ...c, image } : c)) };
  const plan = buildDeployPlan(
    { connectionId: rule.connectionId, region: rule.region, cluster: rule.cluster, service: rule.service, mode: "image", container: first, image },
    { taskDefinition: running.taskDefinition, definition },
    timeoutMs,
  );
  return { ...plan, title: `${ruleReason(rule, push.tag)} — ${plan.title}`, resources: [...plan.resources, `ecr:repository/${rule.repository}`] };
}
