// Runs once per server process: first-run setup, the plan worker, deploy-on-push, notifications, graceful shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { bootstrap } = await import("@/lib/core/auth/bootstrap");
  await bootstrap();
  const { startPlanWorker, stopPlanWorker } = await import("@/lib/core/plans/queue");
  if (process.env.PORTSIDE_WORKER !== "off") {
    await startPlanWorker();
    // Deploy-on-push rules poll ECR where plans run (lib/ecr/deploy-on-push/watcher.ts).
    const { startDeployOnPush } = await import("@/lib/ecr/deploy-on-push/watcher");
    startDeployOnPush();
    const { startNotifications } = await import("@/lib/notifications/start");
    await startNotifications();
  }
  const { startAuditForwarding } = await import("@/lib/core/audit/forward");
  startAuditForwarding();
  const { graceMsFromEnv, installGracefulShutdown } = await import("@/lib/core/health/shutdown");
  const { live } = await import("@/lib/core/live/shared");
  installGracefulShutdown({ stopWorker: stopPlanWorker, closeRelay: async () => live.relay?.close(), graceMs: graceMsFromEnv() });
}
