// Runs once per server process: first-run setup, then the plan worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { bootstrap } = await import("@/lib/core/auth/bootstrap");
  await bootstrap();
  if (process.env.PORTSIDE_WORKER !== "off") {
    const { startPlanWorker } = await import("@/lib/core/plans/queue");
    await startPlanWorker();
    // Deploy-on-push rules poll ECR where plans run (lib/ecr/deploy-on-push/watcher.ts).
    const { startDeployOnPush } = await import("@/lib/ecr/deploy-on-push/watcher");
    startDeployOnPush();
  }
}
