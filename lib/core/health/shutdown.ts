/**
 * Graceful shutdown of a server process (SIGTERM from ECS, Docker or `npm start`): say "draining"
 * on /api/health at once, let running plan steps finish (up to PORTSIDE_SHUTDOWN_GRACE_SECONDS, 25 by
 * default, inside ECS's 30 s stopTimeout), hand live-view leases to the other instances, exit.
 * Runs only where Next's own signal handling is switched off (NEXT_MANUAL_SIG_HANDLE, as
 * scripts/start.mjs and the container image set it); otherwise Next exits on the signal itself.
 */
const g = globalThis as typeof globalThis & { __portsideDraining?: boolean; __portsideShutdownInstalled?: boolean };

export const isDraining = () => Boolean(g.__portsideDraining);

export type ShutdownSteps = {
  stopWorker: (graceMs: number) => Promise<void>;
  closeRelay: () => Promise<void>;
  graceMs: number;
  exit?: (code: number) => void;
  log?: (message: string) => void;
};

export async function shutDown(signal: string, steps: ShutdownSteps): Promise<void> {
  if (g.__portsideDraining) return;
  g.__portsideDraining = true;
  const log = steps.log ?? ((m: string) => console.info(`[portside] ${m}`));
  log(`${signal}: draining; letting running plan steps finish (up to ${Math.round(steps.graceMs / 1000)} s)`);
  const started = Date.now();
  try {
    // pg-boss waits for the running jobs; a run still going is resumed elsewhere (queue.ts).
    await Promise.race([steps.stopWorker(steps.graceMs), new Promise((r) => setTimeout(r, steps.graceMs + 2_000))]);
  } catch (error) {
    log(`stopping the plan worker failed: ${(error as Error).message}`);
  }
  await steps.closeRelay().catch((error: Error) => log(`closing the live relay failed: ${error.message}`));
  log(`stopped after ${Date.now() - started} ms`);
  (steps.exit ?? process.exit)(0);
}

export function installGracefulShutdown(steps: ShutdownSteps): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE || g.__portsideShutdownInstalled) return;
  g.__portsideShutdownInstalled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutDown(signal, steps));
}

/** PORTSIDE_SHUTDOWN_GRACE_SECONDS (1–600), 25 by default. */
export function graceMsFromEnv(value = process.env.PORTSIDE_SHUTDOWN_GRACE_SECONDS): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 600 ? n * 1000 : 25_000;
}
