import "server-only";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { roleAllows } from "@/lib/core/auth/roles";
import { isDomainError, NotFoundError } from "@/lib/core/errors";
import { planHash } from "@/lib/core/plans/hash";
import { submitPlan } from "@/lib/core/plans/submit";
import type { Plan } from "@/lib/core/plans/types";
import { getRepository } from "@/lib/ecr/repositories/reads";
import { DEFAULT_ROLLOUT_TIMEOUT_MS } from "@/lib/ecs/services/ops-plan";
import { getServiceDetail } from "@/lib/ecs/services/reads";
import { describeTaskDefinition } from "@/lib/ecs/task-definitions/reads";
import { pushesFor, type PushedImage } from "./detect";
import { buildPushDeployPlan, containersUsing, type RuleSummary } from "./plan";
import { claimPush, eventsAwaitingRuns, pauseRule, runStatuses, seenDigests, setEvent, supersedeProposals, userById, type StoredRule } from "./store";

/** Same as the service actions: PORTSIDE_ROLLOUT_TIMEOUT_MS shortens how long a run follows a rollout. */
const rolloutTimeout = () => Number(process.env.PORTSIDE_ROLLOUT_TIMEOUT_MS) || DEFAULT_ROLLOUT_TIMEOUT_MS;

export const summaryOf = (r: StoredRule): RuleSummary => ({
  id: r.id, connectionId: r.connectionId, region: r.region, cluster: r.cluster, service: r.service, repository: r.repository, tagPattern: r.tagPattern, mode: r.mode,
});

/** The repository's URI ("<registry>.dkr.ecr.<region>.amazonaws.com/<name>"), read from ECR. */
export async function repositoryUri(conn: ConnectionSettings, region: string, repository: string): Promise<string> {
  const repo = await getRepository(conn, region, repository);
  if (!repo) throw new NotFoundError(`Repository ${repository}`);
  return repo.uri;
}

/** Which containers of the service's running revision use the repository (none: the rule could never deploy). */
export async function serviceContainersUsing(conn: ConnectionSettings, rule: Pick<RuleSummary, "region" | "cluster" | "service">, uri: string) {
  const service = await getServiceDetail(conn, rule.region, rule.cluster, rule.service);
  if (!service) throw new NotFoundError(`Service ${rule.service} in cluster ${rule.cluster}`);
  const definition = await describeTaskDefinition(conn, rule.region, service.taskDefinition);
  if (!definition) throw new NotFoundError(`Task definition ${service.taskDefinition}`);
  return { service, definition, containers: containersUsing(definition, uri) };
}

/** The deploy plan for a pushed tag, built from what AWS holds now (the running revision). */
export async function pushPlan(conn: ConnectionSettings, rule: RuleSummary, tag: string): Promise<Plan> {
  const uri = await repositoryUri(conn, rule.region, rule.repository);
  const { service, definition } = await serviceContainersUsing(conn, rule, uri);
  return buildPushDeployPlan(rule, { taskDefinition: service.taskDefinition, definition }, { repositoryUri: uri, tag }, rolloutTimeout());
}

const reasonOf = (error: unknown) => (isDomainError(error) || error instanceof Error ? error.message : String(error));

/**
 * An auto rule deploys as the person who created it, while that person may still deploy: a
 * disabled account or a role taken away pauses the rule instead.
 */
async function actorOf(rule: StoredRule) {
  const user = await userById(rule.createdById);
  if (!user || user.disabled || !roleAllows(user.role, "operator")) return null;
  return { ...user, verifiedAt: new Date(0) };
}

async function deployNow(conn: ConnectionSettings, rule: StoredRule, eventId: string, tag: string, digest: string) {
  try {
    const actor = await actorOf(rule);
    if (!actor) throw new Error("the person who created the rule can no longer deploy services; an operator can resume it");
    const plan = await pushPlan(conn, summaryOf(rule), tag);
    // An auto rule was reviewed when it was created: its plan runs without a second look.
    const input = { connectionId: rule.connectionId, region: rule.region, cluster: rule.cluster, service: rule.service, deployOnPushRuleId: rule.id, imageTag: tag, imageDigest: digest };
    const runId = await submitPlan({ user: actor, input, plan, reviewedHash: planHash(plan) });
    await setEvent(eventId, { status: "running", runId });
  } catch (error) {
    const reason = `Could not deploy ${tag}: ${reasonOf(error)}`;
    await setEvent(eventId, { status: "failed", detail: reason });
    await pauseRule(rule.id, reason);
  }
}

/** One poll's images against every active rule of their repository. */
export async function actOnImages(conn: ConnectionSettings, rules: StoredRule[], images: PushedImage[], uriOf: (tag: string) => string) {
  for (const rule of rules) {
    const seen = await seenDigests(rule.id, images.map((i) => i.digest));
    const { act, superseded } = pushesFor(rule, images, seen);
    for (const push of superseded) await claimPush(rule.id, push, uriOf(push.tag), "superseded");
    if (!act) continue;
    if (rule.mode === "propose") {
      const event = await claimPush(rule.id, act, uriOf(act.tag), "proposed");
      if (event) await supersedeProposals(rule.id, event.id);
      continue;
    }
    const event = await claimPush(rule.id, act, uriOf(act.tag), "claimed");
    if (event) await deployNow(conn, rule, event.id, act.tag, act.digest);
  }
}

/** Records how the runs rules started ended; a failed one pauses its rule with the reason. */
export async function followRuns() {
  const events = await eventsAwaitingRuns();
  if (events.length === 0) return;
  const runs = new Map((await runStatuses(events.map((e) => e.runId!))).map((r) => [r.id, r]));
  for (const event of events) {
    const run = runs.get(event.runId!);
    if (!run || run.status === "pending" || run.status === "running") continue;
    if (run.status === "succeeded") {
      await setEvent(event.id, { status: "deployed" });
      continue;
    }
    const reason = `The deployment of ${event.imageTag} ${run.status === "interrupted" ? "was interrupted" : "failed"}${run.error ? `: ${run.error}` : ""}`;
    await setEvent(event.id, { status: "failed", detail: reason });
    await pauseRule(event.ruleId, reason);
  }
}
