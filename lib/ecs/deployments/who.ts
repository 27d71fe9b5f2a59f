/** A Portside run of this service, as the timeline joins it with ECS's deployments. */
export type RunRef = { id: string; user: string; title: string; createdAt: string; finishedAt?: string; taskDefinitions: string[] };

/** ECS and Portside's clocks differ a little; a deployment starts within the run, give or take this. */
const SKEW_MS = 5_000;

/** Every task definition ARN or family:revision a run's plan names (its UpdateService/CreateService inputs, its outputs). */
export function taskDefinitionsOf(plan: unknown): string[] {
  const steps = (plan as { steps?: { input?: { taskDefinition?: unknown } }[] } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.slice(0, 50).map((s) => s?.input?.taskDefinition).filter((t): t is string => typeof t === "string" && t.length < 2048);
}

const tail = (arn: string) => arn.split("/").pop() ?? arn;

/**
 * The Portside run that made a deployment: one of the service's runs whose time window holds the
 * deployment's creation (a plan run sends UpdateService while it runs), preferring one whose plan
 * names the deployment's task definition, then the newest. Null: made outside Portside.
 */
export function whoStarted(deployment: { createdAt?: string; taskDefinitionArn?: string }, runs: RunRef[], now = Date.now()): RunRef | null {
  if (!deployment.createdAt) return null;
  const at = Date.parse(deployment.createdAt);
  const inWindow = runs.filter((r) => {
    const start = Date.parse(r.createdAt) - SKEW_MS;
    const end = (r.finishedAt ? Date.parse(r.finishedAt) : now) + SKEW_MS;
    return at >= start && at <= end;
  });
  if (!inWindow.length) return null;
  const td = deployment.taskDefinitionArn ? tail(deployment.taskDefinitionArn) : "";
  const named = td ? inWindow.filter((r) => r.taskDefinitions.some((t) => tail(t) === td)) : [];
  return [...(named.length ? named : inWindow)].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}
