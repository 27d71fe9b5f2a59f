import "server-only";
import { db } from "@/lib/core/db/client";
import { replaceContainerSchema } from "./schema";

export const REPLACE_WIZARD = "ec2-host-replace-container";

/** The container Replace container last ran on a host, from Portside's history (values stay on the server). */
export type Replacement = {
  runId: string;
  image: string;
  environment: { name: string; value: string }[];
  restartPolicy: string;
  by: string;
  at: string;
};

/**
 * The newest Replace container run on this instance whose command succeeded and whose tags were
 * written: what the host runs now (its user data keeps only what the first boot ran).
 */
export async function lastReplacement(connectionId: string, region: string, instanceId: string): Promise<Replacement | null> {
  const run = await db().planRun.findFirst({
    where: {
      wizard: REPLACE_WIZARD,
      connectionId,
      region,
      resources: { has: `ec2:instance/${instanceId}` },
      steps: { some: { stepKey: "tag", status: "succeeded" } },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, input: true, user: { select: { name: true, email: true } }, steps: { where: { stepKey: "tag" }, select: { finishedAt: true } } },
  });
  if (!run) return null;
  const input = replaceContainerSchema.safeParse(run.input);
  if (!input.success) return null;
  return {
    runId: run.id,
    image: input.data.image,
    environment: input.data.environment,
    restartPolicy: input.data.restartPolicy,
    by: run.user.name || run.user.email,
    at: (run.steps[0]?.finishedAt ?? new Date(0)).toISOString(),
  };
}
