"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/action";
import type { ActionState } from "@/lib/core/actions/state";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { getConnectionSettings } from "@/lib/core/connections/store";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { changedThroughPortside } from "@/lib/core/live/shared";
import { requireReviewedHash } from "@/lib/core/plans/reviewed-hash";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { getRepository } from "@/lib/ecr/repositories/reads";
import { servicePath } from "@/lib/ecs/services/plan";
import { baselineOf } from "./detect";
import { pushPlan, serviceContainersUsing, summaryOf } from "./deploy";
import { newestImages } from "./reads";
import { createRuleSchema, proposalSchema, ruleActionSchema, updateRuleSchema, type CreateRuleInput, type ProposalInput } from "./schema";
import * as store from "./store";
import type { RuleTarget } from "./plan";
import { reconcileDeployOnPush } from "./watcher";

const DOES = "change deploy-on-push rules";

async function connectionFor(input: RuleTarget): Promise<ConnectionSettings> {
  const conn = await getConnectionSettings(input.connectionId);
  if (!conn.regions.includes(input.region)) throw new ConflictError(`Connection "${conn.name}" is not set up for ${input.region}.`);
  return conn;
}

const rulesPath = (t: RuleTarget) => `${servicePath(t.cluster, t.service)}/deploy-on-push`;

function changed(t: RuleTarget) {
  revalidatePath(rulesPath(t));
  revalidatePath(servicePath(t.cluster, t.service));
  void reconcileDeployOnPush();
}

const fieldError = (field: string, message: string): ActionState => ({ ok: false, message: "Check the highlighted fields.", fieldErrors: { [field]: [message] } });

/**
 * What AWS must hold for a rule: the repository, and a container of the service's running
 * revision that uses it (else nothing could ever be deployed). Then where the rule starts: the
 * repository's newest push, by ECR's clock.
 */
type Checked = { error: ActionState } | { baseline: ReturnType<typeof baselineOf>; uriOf: (tag: string) => string };

async function checkRule(conn: ConnectionSettings, input: CreateRuleInput): Promise<Checked> {
  const repository = await getRepository(conn, input.region, input.repository);
  if (!repository) return { error: fieldError("repository", `There is no repository ${input.repository} in ${input.region}.`) };
  const { service, containers } = await serviceContainersUsing(conn, input, repository.uri);
  if (containers.length === 0) {
    return { error: fieldError("repository", `No container of ${service.taskDefinition} (what ${input.service} runs) uses ${input.repository}; deploy an image from it once first.`) };
  }
  const baseline = baselineOf(await newestImages(conn, input.region, input.repository, 0));
  return { baseline, uriOf: (tag: string) => `${repository.uri}:${tag}` };
}

export const createRuleAction = defineAction({
  role: "operator",
  does: DOES,
  schema: createRuleSchema,
  run: async (input, { user }) => {
    const conn = await connectionFor(input);
    const checked = await checkRule(conn, input);
    if ("error" in checked) return checked.error;
    const { connectionId, region, cluster, service, repository, tagPattern, mode } = input;
    await store.createRule({ connectionId, region, cluster, service, repository, tagPattern, mode, createdById: user.id }, checked.baseline, checked.uriOf);
    changed(input);
    return { ok: true, message: `Rule created: ${mode === "auto" ? "deploys" : "proposes"} tags matching ${tagPattern} pushed to ${repository} from now on.` };
  },
});

async function ruleOf(input: RuleTarget & { ruleId: string }) {
  const rule = await store.ruleOfService(input, input.ruleId);
  if (!rule) throw new NotFoundError("The rule");
  return rule;
}

export const updateRuleAction = defineAction({
  role: "operator",
  does: DOES,
  schema: updateRuleSchema,
  run: async (input) => {
    await ruleOf(input);
    const conn = await connectionFor(input);
    const checked = await checkRule(conn, input);
    if ("error" in checked) return checked.error;
    await store.updateRule(input.ruleId, { repository: input.repository, tagPattern: input.tagPattern, mode: input.mode }, checked.baseline, checked.uriOf);
    changed(input);
    return { ok: true, message: `Rule saved; it acts on pushes from now on.` };
  },
});

export const pauseRuleAction = defineAction({
  role: "operator",
  does: DOES,
  schema: ruleActionSchema,
  run: async (input) => {
    await ruleOf(input);
    await store.pauseRule(input.ruleId, null);
    changed(input);
    return { ok: true, message: "Rule paused." };
  },
});

export const resumeRuleAction = defineAction({
  role: "operator",
  does: DOES,
  schema: ruleActionSchema,
  run: async (input) => {
    const rule = await ruleOf(input);
    const conn = await connectionFor(input);
    const checked = await checkRule(conn, { ...input, repository: rule.repository, tagPattern: rule.tagPattern, mode: rule.mode });
    if ("error" in checked) return { ok: false, message: checked.error.fieldErrors?.repository?.[0] ?? "The rule cannot be resumed." };
    await store.resumeRule(rule.id, checked.baseline, checked.uriOf);
    changed(input);
    return { ok: true, message: "Rule resumed; images pushed while it was paused are not deployed." };
  },
});

export const deleteRuleAction = defineAction({
  role: "operator",
  does: DOES,
  schema: ruleActionSchema,
  run: async (input) => {
    await ruleOf(input);
    await store.deleteRule(input.ruleId);
    changed(input);
    return { ok: true, message: "Rule deleted." };
  },
});

async function proposalOf(input: ProposalInput) {
  const event = await store.proposalOfService(input, input.eventId);
  if (!event) throw new NotFoundError("This proposal (it was run, dismissed or replaced by a newer push)");
  return event;
}

/** The review of a waiting proposal: the deploy plan built from what the service runs now. */
export const previewProposalAction = defineAction({
  role: "operator",
  does: "deploy services",
  schema: proposalSchema,
  run: async (input) => {
    const event = await proposalOf(input);
    const plan = await pushPlan(await connectionFor(input), summaryOf(event.rule), event.imageTag);
    return { ok: true, data: reviewOf(plan, input.region) };
  },
});

export const runProposalAction = defineAction({
  role: "operator",
  does: "deploy services",
  schema: proposalSchema,
  run: async (input, { user }) => {
    requireReviewedHash(input.reviewedHash);
    const event = await proposalOf(input);
    const conn = await connectionFor(input);
    const plan = await pushPlan(conn, summaryOf(event.rule), event.imageTag);
    if (!(await store.takeProposal(event.id, "running"))) throw new ConflictError("Someone ran or dismissed this proposal a moment ago.");
    let runId: string;
    try {
      const stored = { connectionId: input.connectionId, region: input.region, cluster: input.cluster, service: input.service, deployOnPushRuleId: event.ruleId, imageTag: event.imageTag, imageDigest: event.imageDigest };
      runId = await submitPlan({ user, input: stored, plan, reviewedHash: input.reviewedHash });
    } catch (error) {
      await store.setEvent(event.id, { status: "proposed" });
      throw error;
    }
    await store.setEvent(event.id, { status: "running", runId });
    changedThroughPortside(conn, input.region);
    redirect(`/history/${runId}`);
  },
});

export const dismissProposalAction = defineAction({
  role: "operator",
  does: "deploy services",
  schema: proposalSchema,
  run: async (input) => {
    const event = await proposalOf(input);
    await store.takeProposal(event.id, "dismissed");
    revalidatePath(servicePath(input.cluster, input.service));
    return { ok: true, message: `Dismissed: ${event.imageTag} is not deployed.` };
  },
});
