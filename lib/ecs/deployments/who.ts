/** A Portside run of this service, as the timeline joins it with ECS's deployments. */
export type RunRef = { id: string; user: string; title: string; createdAt: string; finishedAt?: string; taskDefinitions: string[]; startsDeployment: boolean };

/** ECS and Portside's clocks differ a little; a deployment starts within the run, give or take this. */
const SKEW_MS = 5_000;

/** Every task definition ARN or family:revision a run's plan names (its UpdateService/CreateService inputs, its outputs). */
export function taskDefinitionsOf(plan: unknown): string[] {
  const steps = (plan as { steps?: { input?: { taskDefinition?: unknown } }[] } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.slice(0, 50).map((s) => s?.input?.taskDefinition).filter((t): t is string => typeof t === "string" && t.length < 2048);
}

type Step = { operation?: unknown; input?: Record<string, unknown> };

/**
 * Does the run's plan start an ECS deployment? CreateService, or UpdateService with a task
 * definition or forceNewDeployment (changing only settings, scaling or a rollback does not).
 */
export function startsDeployment(plan: unknown): boolean {
  const steps = (plan as { steps?: Step[] } | null)?.steps;
  if (!Array.isArray(steps)) return false;
  return steps.slice(0, 50).some((s) => s?.operation === "CreateService" || (s?.operation === "UpdateService" && (s.input?.taskDefinition !== undefined || s.input?.forceNewDeployment === true)));
}

const tail = (arn: string) => arn.split("/").pop() ?? arn;

/**
 * The Portside run that made a deployment: one of the service's runs that starts a deployment and whose time window holds the
 * deployment's creation (a plan run sends UpdateService while it runs), preferring one whose plan
 * names the deployment's task definition, then the newest. Null: made outside Portside.
 */
export function whoStarted(deployment: { createdAt?: string; taskDefinitionArn?: string }, runs: RunRef[], now = Date.now()): RunRef | null {
  if (!deployment.createdAt) return null;
  const at = Date.parse(deployment.createdAt);
  const inWindow = runs.filter((r) => {
    if (!r.startsDeployment) return false;
    const start = Date.parse(r.createdAt) - SKEW_MS;
    const end = (r.finishedAt ? Date.parse(r.finishedAt) : now) + SKEW_MS;
    return at >= start && at <= end;
  });
  if (!inWindow.length) return null;
  const td = deployment.taskDefinitionArn ? tail(deployment.taskDefinitionArn) : "";
  const named = td ? inWindow.filter((r) => r.taskDefinitions.some((t) => tail(t) === td)) : [];
  return [...(named.length ? named : inWindow)].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}
