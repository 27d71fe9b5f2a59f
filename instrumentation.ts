// Runs once per server process: first-run setup, then the plan worker and the notification worker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { bootstrap } = await import("@/lib/core/auth/bootstrap");
  await bootstrap();
  if (process.env.PORTSIDE_WORKER !== "off") {
    const { startPlanWorker } = await import("@/lib/core/plans/queue");
    await startPlanWorker();
    const { startNotifications } = await import("@/lib/notifications/start");
    await startNotifications();
  }
}
