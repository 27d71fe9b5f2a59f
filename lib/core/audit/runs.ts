import "server-only";
import { db } from "@/lib/core/db/client";
import { describeBlobs } from "@/lib/core/plans/blobs";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Plan } from "@/lib/core/plans/types";

/**
 * Records a reviewed plan as a pending run with one pending step per request.
 * The history is append-only: runs and steps are inserted here and only their
 * outcome columns are filled in later by the executor.
 */
export async function recordPlanRun(args: {
  userId: string;
  connectionId: string;
  region: string;
  plan: Plan;
  input: unknown;
  cleanupOfId?: string;
}) {
  const { plan } = args;
  return db().planRun.create({
    data: {
      userId: args.userId,
      connectionId: args.connectionId,
      region: args.region,
      wizard: plan.wizard,
      title: plan.title,
      resources: plan.resources,
      input: args.input as Prisma.InputJsonValue,
      plan: plan as unknown as Prisma.InputJsonValue,
      cleanupOfId: args.cleanupOfId,
      steps: {
        create: plan.steps.map((step, index) => ({
          index,
          stepKey: step.key,
          service: step.service,
          operation: step.operation,
          description: step.description,
          request: describeBlobs(step.input) as Prisma.InputJsonValue,
        })),
      },
    },
  });
}

export type RunFilters = { userId?: string; status?: string; resource?: string; wizard?: string };

const STATUSES = ["pending", "running", "succeeded", "failed", "interrupted"] as const;

export async function listRuns(filters: RunFilters, take = 100) {
  const status = STATUSES.find((s) => s === filters.status);
  return db().planRun.findMany({
    where: {
      userId: filters.userId || undefined,
      status,
      wizard: filters.wizard || undefined,
      // Resource keys are "service:type/name"; a filter matches any part of them.
      ...(filters.resource ? { resources: { hasSome: await matchingResources(filters.resource) } } : {}),
    },
    include: { user: { select: { name: true } }, connection: { select: { name: true } }, _count: { select: { steps: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}

/** A listed run as the History table shows it (dates as ISO strings, ready for the client). */
export function toHistoryRow(r: Awaited<ReturnType<typeof listRuns>>[number]) {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    wizard: r.wizard,
    user: r.user.name,
    connection: r.connection.name,
    region: r.region,
    resources: r.resources,
    steps: r._count.steps,
    createdAt: r.createdAt.toISOString(),
  };
}

async function matchingResources(fragment: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ r: string }[]>`
    SELECT DISTINCT r FROM "PlanRun", unnest(resources) AS r WHERE r ILIKE ${"%" + fragment + "%"} LIMIT 500`;
  return rows.map((row) => row.r);
}

export async function getRun(id: string) {
  return db().planRun.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, name: true, email: true } },
      connection: { select: { name: true, id: true } },
      steps: { orderBy: { index: "asc" } },
    },
  });
}

export type RunWithSteps = NonNullable<Awaited<ReturnType<typeof getRun>>>;
