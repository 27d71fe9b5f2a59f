import "server-only";
import { db } from "@/lib/core/db/client";
import type { DeployOnPushRule } from "@/lib/generated/prisma/client";
import type { PushedImage, Push } from "./detect";
import type { RuleTarget } from "./plan";

export type StoredRule = DeployOnPushRule;

const scoped = (t: RuleTarget) => ({ connectionId: t.connectionId, region: t.region, cluster: t.cluster, service: t.service });

/** The rules of one service, oldest first, with what each last did. */
export async function rulesOfService(t: RuleTarget) {
  return db().deployOnPushRule.findMany({
    where: scoped(t),
    orderBy: { createdAt: "asc" },
    include: { events: { where: { status: { not: "baseline" } }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
}

/** One rule of this service, or null: an id from another service is not found here. */
export function ruleOfService(t: RuleTarget, id: string) {
  return db().deployOnPushRule.findFirst({ where: { ...scoped(t), id } });
}

export function activeRules() {
  return db().deployOnPushRule.findMany({ where: { paused: false }, take: 1000 });
}

export function activeRulesOfRepository(connectionId: string, region: string, repository: string) {
  return db().deployOnPushRule.findMany({ where: { connectionId, region, repository, paused: false } });
}

/** Saves the baseline: where the rule starts and the images of that second as already seen. */
async function saveBaseline(ruleId: string, baseline: { watermark: Date; seen: PushedImage[] }, uriOf: (tag: string) => string) {
  await db().deployOnPushEvent.createMany({
    data: baseline.seen.map((i) => ({ ruleId, imageDigest: i.digest, imageTag: i.tags[0] ?? "", imageUri: uriOf(i.tags[0] ?? ""), pushedAt: i.pushedAt, status: "baseline" })),
    skipDuplicates: true,
  });
}

export async function createRule(data: RuleTarget & { repository: string; tagPattern: string; mode: "propose" | "auto"; createdById: string }, baseline: { watermark: Date; seen: PushedImage[] }, uriOf: (tag: string) => string) {
  const rule = await db().deployOnPushRule.create({ data: { ...data, watermark: baseline.watermark } });
  await saveBaseline(rule.id, baseline, uriOf);
  return rule;
}

/** An edited rule starts again from now: images already pushed never match it afterwards. */
export async function updateRule(id: string, data: { repository: string; tagPattern: string; mode: "propose" | "auto" }, baseline: { watermark: Date; seen: PushedImage[] }, uriOf: (tag: string) => string) {
  await saveBaseline(id, baseline, uriOf);
  return db().deployOnPushRule.update({ where: { id }, data: { ...data, watermark: baseline.watermark } });
}

export async function resumeRule(id: string, baseline: { watermark: Date; seen: PushedImage[] }, uriOf: (tag: string) => string) {
  await saveBaseline(id, baseline, uriOf);
  return db().deployOnPushRule.update({ where: { id }, data: { paused: false, pausedReason: null, watermark: baseline.watermark } });
}

export function pauseRule(id: string, reason: string | null) {
  return db().deployOnPushRule.updateMany({ where: { id }, data: { paused: true, pausedReason: reason } });
}

export function deleteRule(id: string) {
  return db().deployOnPushRule.delete({ where: { id } });
}

/** Digests a rule has seen among these (the uniqueness the claim relies on, read first to skip them cheaply). */
export async function seenDigests(ruleId: string, digests: string[]): Promise<Set<string>> {
  const rows = await db().deployOnPushEvent.findMany({ where: { ruleId, imageDigest: { in: digests } }, select: { imageDigest: true } });
  return new Set(rows.map((r) => r.imageDigest));
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * Claims a push for a rule: inserts its (rule, digest) row. Another process (or this one after a
 * restart) that claimed it first makes this return null, and then nothing is done twice.
 */
export async function claimPush(ruleId: string, push: Push, imageUri: string, status: string) {
  try {
    const event = await db().deployOnPushEvent.create({ data: { ruleId, imageDigest: push.digest, imageTag: push.tag, imageUri, pushedAt: push.pushedAt, status } });
    // The watermark only moves forward, whichever process gets here last.
    await db().deployOnPushRule.updateMany({
      where: { id: ruleId, OR: [{ lastSeenPushedAt: null }, { lastSeenPushedAt: { lte: push.pushedAt } }] },
      data: { lastSeenDigest: push.digest, lastSeenPushedAt: push.pushedAt, watermark: push.pushedAt },
    });
    return event;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export function setEvent(id: string, data: { status: string; runId?: string | null; detail?: string | null }) {
  return db().deployOnPushEvent.update({ where: { id }, data });
}

/** Older proposals of a rule give way to a newer one. */
export function supersedeProposals(ruleId: string, exceptId: string) {
  return db().deployOnPushEvent.updateMany({ where: { ruleId, status: "proposed", id: { not: exceptId } }, data: { status: "superseded" } });
}

/** Waiting proposals of one service's rules, newest first. */
export function proposalsOfService(t: RuleTarget) {
  return db().deployOnPushEvent.findMany({ where: { status: "proposed", rule: scoped(t) }, include: { rule: true }, orderBy: { createdAt: "desc" }, take: 10 });
}

export function proposalOfService(t: RuleTarget, id: string) {
  return db().deployOnPushEvent.findFirst({ where: { id, status: "proposed", rule: scoped(t) }, include: { rule: true } });
}

/**
 * Marks a proposal as taken (run or dismissed) only if it still waits: two people pressing Run
 * at once start one run.
 */
export async function takeProposal(id: string, status: "running" | "dismissed", runId?: string): Promise<boolean> {
  const { count } = await db().deployOnPushEvent.updateMany({ where: { id, status: "proposed" }, data: { status, runId } });
  return count === 1;
}

/** Runs started by rules whose outcome is not recorded yet. */
export function eventsAwaitingRuns() {
  return db().deployOnPushEvent.findMany({ where: { status: "running", runId: { not: null } }, take: 100 });
}

export function runStatuses(ids: string[]) {
  return db().planRun.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, error: true } });
}

export function userById(id: string) {
  return db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabled: true } });
}
