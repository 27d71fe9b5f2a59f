import type { Plan } from "@/lib/core/plans/types";

/** A revision the service ran before, and where Portside knows that from. */
export type RollbackCandidate = { taskDefinition: string; source: string; at?: string };

/** A recorded run as the rollback picker needs it (PlanRun rows). */
export type RunRecord = { id: string; title: string; createdAt: Date | string; plan: unknown };

/** "arn:…:task-definition/web:3" or "web:3" → "web:3". */
export const shortRevision = (td: string) => td.split("/").pop() ?? td;

const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/**
 * The revisions a service ran before it was changed, from its history and its deployments:
 * - each recorded UpdateService of this service that changed the task definition carries, as its
 *   inverse, the revision that ran before (deploy, rollback, force);
 * - the recorded CreateService started it with a revision;
 * - the service's ACTIVE (older, still draining or being replaced) deployments run one.
 * Newest first, without duplicates and without the revision running now.
 */
export function rollbackCandidates(args: {
  cluster: string;
  service: string;
  current: string;
  runs: RunRecord[];
  deployments: { status: string; taskDefinition: string }[];
}): RollbackCandidate[] {
  const out: RollbackCandidate[] = [];
  const add = (td: string | undefined, source: string, at?: string) => {
    if (!td) return;
    const rev = shortRevision(td);
    if (rev === args.current || out.some((c) => c.taskDefinition === rev)) return;
    out.push({ taskDefinition: rev, source, at });
  };
  for (const d of args.deployments) {
    if (d.status === "ACTIVE") add(d.taskDefinition, "an ACTIVE deployment being replaced now");
  }
  const runs = [...args.runs].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  for (const run of runs) {
    const plan = run.plan as Partial<Plan> | null;
    const at = new Date(run.createdAt).toISOString();
    for (const step of plan?.steps ?? []) {
      const input = step.input ?? {};
      if (step.service !== "ecs") continue;
      if (step.operation === "UpdateService" && input.cluster === args.cluster && input.service === args.service && input.taskDefinition !== undefined) {
        add(str(step.inverse?.input?.taskDefinition), `before "${run.title}"`, at);
      }
      if (step.operation === "CreateService" && input.cluster === args.cluster && input.serviceName === args.service) {
        add(str(input.taskDefinition), `created with it ("${run.title}")`, at);
      }
    }
  }
  return out;
}
