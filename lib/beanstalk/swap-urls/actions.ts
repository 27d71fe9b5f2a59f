"use server";

import { reviewedPlan } from "@/lib/core/actions/reviewed-plan";
import { connectionInRegion } from "@/lib/core/connections/in-region";
import { getEnvironment } from "@/lib/beanstalk/environments/reads";
import { buildSwapUrlsPlan } from "./plan";
import { swapUrlsSchema, type SwapUrlsInput } from "./schema";

/** Both environments as AWS holds them now: present, in this application, and Ready (AWS refuses a swap otherwise). */
async function checkSwap(input: SwapUrlsInput) {
  const conn = await connectionInRegion(input);
  const [a, b] = await Promise.all([
    getEnvironment(conn, input.region, input.applicationName, input.environmentName),
    getEnvironment(conn, input.region, input.applicationName, input.destinationName),
  ]);
  if (!a) return { ok: false, message: `There is no environment ${input.environmentName} in ${input.applicationName}.` };
  if (!b) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { destinationName: [`There is no environment ${input.destinationName} in ${input.applicationName}.`] } };
  for (const env of [a, b]) if (env.status !== "Ready") return { ok: false, message: `${env.name} is ${env.status}: both environments must be Ready to swap their URLs.` };
  return null;
}

// Swapping moves live traffic from one environment to the other: confirmed by typing this environment's name.
const swap = reviewedPlan({
  does: "swap Elastic Beanstalk environment URLs",
  schema: swapUrlsSchema,
  check: checkSwap,
  typed: { name: (input) => input.environmentName, what: "environment" },
  build: buildSwapUrlsPlan,
});
export const previewSwapUrlsAction = swap.preview;
export const swapUrlsAction = swap.confirm;
