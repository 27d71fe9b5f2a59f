"use server";

import { defineAction } from "@/lib/core/actions/action";
import { connectionInRegion } from "@/lib/core/connections/in-region";
import { ConflictError } from "@/lib/core/errors";
import { requireReviewedHash } from "@/lib/core/plans/reviewed-hash";
import { reviewOf, submitPlan } from "@/lib/core/plans/submit";
import { getEnvironment } from "@/lib/beanstalk/environments/reads";
import { buildRequestLogsPlan } from "./plan";
import { readTail, retrieveLogs } from "./reads";
import { newestPerInstance } from "./samples";
import { requestLogsSchema, retrieveLogsSchema, type RequestLogsInput } from "./schema";

async function checkEnvironment(input: RequestLogsInput) {
  const conn = await connectionInRegion(input);
  const env = await getEnvironment(conn, input.region, input.applicationName, input.environmentName);
  if (!env) throw new ConflictError(`There is no environment ${input.environmentName} in ${input.applicationName}.`);
  if (env.status === "Terminating" || env.status === "Terminated") throw new ConflictError(`${env.name} is ${env.status}: it has no instances to collect logs from.`);
  return conn;
}

const DOES = "request Elastic Beanstalk logs";

/** The review of the request (one RequestEnvironmentInfo). */
export const previewRequestLogsAction = defineAction({
  role: "operator",
  does: DOES,
  schema: requestLogsSchema,
  run: async (input) => {
    await checkEnvironment(input);
    return { ok: true, data: reviewOf(buildRequestLogsPlan(input), input.region) };
  },
});

/**
 * Runs the reviewed request through the executor (so it is in the history) and stays on the page:
 * the answer carries when it was asked, and the logs panel waits for samples taken since.
 */
export const requestLogsAction = defineAction({
  role: "operator",
  does: DOES,
  schema: requestLogsSchema,
  run: async (input, { user }) => {
    requireReviewedHash(input.reviewedHash);
    await checkEnvironment(input);
    const requestedAt = Date.now();
    const runId = await submitPlan({ user, input, plan: buildRequestLogsPlan(input), reviewedHash: input.reviewedHash });
    return { ok: true, data: { runId, requestedAt, infoType: input.infoType } };
  },
});

/**
 * What Elastic Beanstalk collected since `since`: for the tail, each instance's text (bounded);
 * for full logs, the instances whose zip the download route serves. Log URLs never leave the server.
 */
export const retrieveLogsAction = defineAction({
  role: "viewer",
  does: "read Elastic Beanstalk logs",
  schema: retrieveLogsSchema,
  run: async (input) => {
    const conn = await connectionInRegion(input);
    // A little slack for the clocks of Portside and AWS.
    const samples = newestPerInstance(await retrieveLogs(conn, input.region, input.environmentName, input.infoType), input.since - 60_000).slice(0, 20);
    if (input.infoType === "bundle") return { ok: true, data: { samples: samples.map(({ instanceId, sampledAt }) => ({ instanceId, sampledAt })) } };
    const tails = await Promise.all(
      samples.map(async (s) => {
        try {
          return { instanceId: s.instanceId, sampledAt: s.sampledAt, ...(await readTail(conn, s)) };
        } catch (error) {
          return { instanceId: s.instanceId, sampledAt: s.sampledAt, text: "", truncated: false, error: error instanceof Error ? error.message : "The log file could not be read." };
        }
      }),
    );
    return { ok: true, data: { samples: tails } };
  },
});
