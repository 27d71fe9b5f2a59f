import "server-only";
import { sharedReader } from "@/lib/core/live/shared-read";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeTaskDefinitionCommand, paginateListTaskDefinitions } from "@aws-sdk/client-ecs";
import type { TaskDefinitionView } from "@/lib/ecs/task-definitions/view";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { mapAwsError } from "@/lib/core/aws/errors";
import { guarded } from "@/lib/core/aws/guarded";

export type FamilySummary = { family: string; latestRevision: number; activeRevisions: number };
export type RevisionSummary = { family: string; revision: number; status: "ACTIVE" | "INACTIVE"; arn: string };

/** "arn:…:task-definition/web:3" → { family: "web", revision: 3 } */
export function parseTaskDefinitionArn(arn: string): { family: string; revision: number } {
  const tail = arn.split("/").pop() ?? "";
  const colon = tail.lastIndexOf(":");
  return { family: tail.slice(0, colon), revision: Number(tail.slice(colon + 1)) };
}

async function listArns(conn: ConnectionSettings, region: string, status: "ACTIVE" | "INACTIVE", familyPrefix?: string): Promise<string[]> {
  const client = awsClient(conn, region, "ecs");
  return guarded(conn, "ecs", "ListTaskDefinitions", async () => {
    const all: string[] = [];
    // 100 per page is the API maximum.
    for await (const page of paginateListTaskDefinitions({ client, pageSize: 100 }, { status, familyPrefix })) all.push(...(page.taskDefinitionArns ?? []));
    return all;
  });
}

/**
 * Families with at least one ACTIVE revision, each with its latest ACTIVE revision and
 * how many are ACTIVE. One paginated ListTaskDefinitions walk rather than a call per family.
 */
async function listFamiliesFromAws(conn: ConnectionSettings, region: string): Promise<FamilySummary[]> {
  const byFamily = new Map<string, FamilySummary>();
  for (const arn of await listArns(conn, region, "ACTIVE")) {
    const { family, revision } = parseTaskDefinitionArn(arn);
    const entry = byFamily.get(family) ?? { family, latestRevision: 0, activeRevisions: 0 };
    entry.latestRevision = Math.max(entry.latestRevision, revision);
    entry.activeRevisions += 1;
    byFamily.set(family, entry);
  }
  return [...byFamily.values()].sort((a, b) => a.family.localeCompare(b.family));
}

/** Every revision of one family, newest first. familyPrefix also matches longer names, so those are dropped. */
async function listRevisionsFromAws(conn: ConnectionSettings, region: string, family: string): Promise<RevisionSummary[]> {
  const [active, inactive] = await Promise.all([listArns(conn, region, "ACTIVE", family), listArns(conn, region, "INACTIVE", family)]);
  const rows = [
    ...active.map((arn) => ({ arn, status: "ACTIVE" as const })),
    ...inactive.map((arn) => ({ arn, status: "INACTIVE" as const })),
  ]
    .map((r) => ({ ...r, ...parseTaskDefinitionArn(r.arn) }))
    .filter((r) => r.family === family);
  return rows.sort((a, b) => b.revision - a.revision);
}

/**
 * One revision ("family:3"), or the latest ACTIVE one ("family"); null when it does not exist.
 * The definition is returned as AWS describes it, as plain JSON.
 */
async function describeTaskDefinitionFromAws(conn: ConnectionSettings, region: string, ref: string): Promise<TaskDefinitionView | null> {
  try {
    const out = await awsClient(conn, region, "ecs").send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ["TAGS"] }));
    if (!out.taskDefinition) return null;
    return JSON.parse(JSON.stringify({ ...out.taskDefinition, ...(out.tags?.length ? { tags: out.tags } : {}) })) as TaskDefinitionView;
  } catch (error) {
    // ECS answers a missing revision with a ClientException, not a NotFound.
    const e = error as { name?: string; message?: string };
    if (e.name === "ClientException" && /unable to describe|not found|does not exist/i.test(e.message ?? "")) return null;
    throw mapAwsError(error, { service: "ecs", operation: "DescribeTaskDefinition", connectionName: conn.name, endpoint: conn.endpointUrl ?? undefined });
  }
}

/** Which of these log groups exist already (DescribeLogGroups by name prefix, exact match). */
async function existingLogGroupsFromAws(conn: ConnectionSettings, region: string, names: string[]): Promise<string[]> {
  const client = awsClient(conn, region, "logs");
  const found = await Promise.all(
    [...new Set(names)].map((name) =>
      guarded(conn, "logs", "DescribeLogGroups", async () => {
        const out = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 50 }));
        return (out.logGroups ?? []).some((g) => g.logGroupName === name) ? name : null;
      }),
    ),
  );
  return found.filter((n): n is string => n !== null);
}

// Shared by every caller for a moment (see lib/core/live/shared-read.ts): many people browsing cost AWS one read.
export const listFamilies = sharedReader("ecs:listFamilies", listFamiliesFromAws);
export const listRevisions = sharedReader("ecs:listRevisions", listRevisionsFromAws);
export const describeTaskDefinition = sharedReader("ecs:describeTaskDefinition", describeTaskDefinitionFromAws);
export const existingLogGroups = sharedReader("ecs:existingLogGroups", existingLogGroupsFromAws);
