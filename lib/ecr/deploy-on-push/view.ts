import "server-only";
import { db } from "@/lib/core/db/client";
import type { RuleTarget } from "./plan";
import { proposalsOfService, rulesOfService } from "./store";

/** The rules page's rows: each rule, who created it and the last push it acted on. */
export async function ruleRows(t: RuleTarget) {
  const rules = await rulesOfService(t);
  const users = await db().user.findMany({ where: { id: { in: [...new Set(rules.map((r) => r.createdById))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rules.map((r) => {
    const last = r.events[0];
    return {
      id: r.id,
      repository: r.repository,
      tagPattern: r.tagPattern,
      mode: r.mode,
      paused: r.paused,
      pausedReason: r.pausedReason,
      createdBy: names.get(r.createdById) ?? "a removed user",
      createdAt: r.createdAt.toISOString(),
      last: last ? { tag: last.imageTag, status: last.status, at: last.createdAt.toISOString(), runId: last.runId, detail: last.detail } : null,
    };
  });
}

/** Proposals waiting on the service page's banner. */
export async function proposalRows(t: RuleTarget) {
  return (await proposalsOfService(t)).map((e) => ({
    id: e.id,
    tag: e.imageTag,
    imageUri: e.imageUri,
    repository: e.rule.repository,
    tagPattern: e.rule.tagPattern,
    pushedAt: e.pushedAt.toISOString(),
  }));
}
