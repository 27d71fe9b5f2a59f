import "server-only";
import { PgBoss } from "pg-boss";
import { executeRun } from "./executor";

const QUEUE = "plan-run";
const g = globalThis as unknown as { portsideBoss?: Promise<PgBoss> };

async function createBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: process.env.DATABASE_URL,
    schema: "pgboss",
    useListenNotify: true,
    // A dead instance's jobs are noticed by the missing heartbeat and retried elsewhere.
    superviseIntervalSeconds: 10,
  });
  boss.on("error", (error) => console.error("[queue]", error));
  await boss.start();
  await boss.createQueue(QUEUE, {
    notify: true,
    heartbeatSeconds: 10,
    // A retry re-enters executeRun, which resumes or marks the run interrupted.
    retryLimit: 3,
    retryDelay: 2,
    expireInSeconds: 3600,
  });
  return boss;
}

function boss(): Promise<PgBoss> {
  g.portsideBoss ??= createBoss().catch((error) => {
    g.portsideBoss = undefined;
    throw error;
  });
  return g.portsideBoss;
}

/** The process's one pg-boss instance, for other queues (notifications) to share its connection pool. */
export function jobQueue(): Promise<PgBoss> {
  return boss();
}

export async function enqueueRun(runId: string): Promise<void> {
  await (await boss()).send(QUEUE, { runId }, { singletonKey: runId });
}

/** Started once per server process (instrumentation.ts). */
export async function startPlanWorker(): Promise<void> {
  const b = await boss();
  await b.work<{ runId: string }>(QUEUE, { localConcurrency: 4, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await executeRun(job.data.runId);
  });
}

/**
 * Stops taking jobs and waits up to `graceMs` for the running ones. A run still going after that
 * keeps its job active; its heartbeat stops, and pg-boss hands it to another instance (or this one
 * after a restart), where executeRun resumes it from its last recorded step.
 */
export async function stopPlanWorker(graceMs = 5000): Promise<void> {
  if (!g.portsideBoss) return;
  await (await g.portsideBoss).stop({ graceful: true, timeout: graceMs });
  g.portsideBoss = undefined;
}

/** For the health check: the queue's tables answer and this instance's worker is started. */
export async function planQueueUp(): Promise<boolean> {
  if (!g.portsideBoss) return false;
  return Boolean(await (await g.portsideBoss).getQueue(QUEUE));
}
