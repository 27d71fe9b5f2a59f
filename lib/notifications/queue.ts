import "server-only";
import { jobQueue } from "@/lib/core/plans/queue";

const QUEUE = "notify-delivery";
/** First try plus retries; the delivery log counts attempts against this. */
export const MAX_ATTEMPTS = 4;
/** pg-boss backs off exponentially from this (≈1 s, 2 s, 4 s with jitter), never past a minute. */
const RETRY_DELAY_S = 1;

let ready: Promise<void> | undefined;

function queueReady(): Promise<void> {
  ready ??= jobQueue()
    .then((boss) => boss.createQueue(QUEUE, {
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: RETRY_DELAY_S,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: 120,
    }))
    .catch((error) => {
      ready = undefined;
      throw error;
    });
  return ready;
}

export async function enqueueDelivery(deliveryId: string): Promise<void> {
  await queueReady();
  await (await jobQueue()).send(QUEUE, { deliveryId }, { singletonKey: deliveryId });
}

/** Started once per server process (instrumentation.ts), beside the plan worker. */
export async function startDeliveryWorker(deliver: (deliveryId: string) => Promise<void>): Promise<void> {
  await queueReady();
  await (await jobQueue()).work<{ deliveryId: string }>(QUEUE, { localConcurrency: 4, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await deliver(job.data.deliveryId);
  });
}
