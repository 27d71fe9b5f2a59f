// Types for client.mjs, so TypeScript tests and benchmarks can use it.
export type SandboxCalls = {
  total: number;
  calls: Record<string, number>;
  byRegion: Record<string, Record<string, number>>;
  faulted: Record<string, number>;
  unimplemented: Record<string, number>;
};
export type FaultRule = {
  service?: string;
  operation?: string;
  fault: "throttle" | "server_error" | "latency" | "access_denied";
  count?: number;
  latencyMs?: number;
  code?: string;
  message?: string;
  status?: number;
};
export function sandboxCalls(endpoint: string): Promise<SandboxCalls>;
export function resetSandboxCalls(endpoint: string): Promise<unknown>;
export function injectFault(endpoint: string, rule: FaultRule): Promise<FaultRule & { id: string }>;
export function listFaults(endpoint: string): Promise<(FaultRule & { id: string })[]>;
export function clearFaults(endpoint: string): Promise<unknown>;
export function resetSandbox(endpoint: string): Promise<unknown>;
export function sandboxHealth(endpoint: string): Promise<{ ok: boolean; upstream: string }>;
export type AppRunnerSettings = { refuseNewCustomers: boolean; paceMs: number };
export function setAppRunner(
  endpoint: string,
  settings: { refuseNewCustomers?: boolean; paceMs?: number },
): Promise<AppRunnerSettings>;
export function getAppRunner(endpoint: string): Promise<AppRunnerSettings>;
export type SandboxExpressService = {
  serviceArn: string;
  serviceName: string;
  cluster: string;
  region: string;
  status: "ACTIVE" | "DRAINING" | "INACTIVE";
  endpoint: string;
};
export function expressServices(endpoint: string): Promise<SandboxExpressService[]>;
export type EksSettings = { paceMs: number };
export type SandboxEksAddon = {
  region: string;
  clusterName: string;
  addonName: string;
  addonVersion: string;
  status: "CREATING" | "ACTIVE" | "UPDATING" | "DELETING";
  serviceAccountRoleArn: string | null;
  resolveConflicts: "NONE" | "OVERWRITE" | "PRESERVE" | null;
  preserve: boolean | null;
};
export function setEks(endpoint: string, settings: { paceMs?: number }): Promise<EksSettings>;
export function getEks(endpoint: string): Promise<EksSettings & { addons: SandboxEksAddon[] }>;
export type SandboxLoad = { cluster: string; service: string; cpu: number; memory: number; requests: number };
export function setLoad(
  endpoint: string,
  load: { cluster: string; service: string; cpu?: number; memory?: number; requests?: number },
): Promise<SandboxLoad>;
export function getLoad(endpoint: string): Promise<{ loads: SandboxLoad[] }>;
export type FleetSeeded = {
  region: string;
  clusters: string[];
  taskDefinitions: string[];
  services: number;
  desiredCount: number;
  calls: number;
  ms: number;
};
export function seedFleet(
  endpoint: string,
  options?: { clusters?: number; services?: number; tasks?: number; region?: string; prefix?: string },
): Promise<FleetSeeded>;
export type AgentSettings = {
  paused: boolean;
  paceMs: number;
  tickMs: number;
  crashAfterMs: number;
  sweepMs: number;
  retentionMs: number;
  /** One deployment minute (bake times, canary/linear intervals) in ms. */
  minuteMs: number;
};
export type AgentState = AgentSettings & {
  settled: boolean;
  services: number;
  tasks: number;
  runningTasks: number;
  stoppedTasks: number;
  transitioning: number;
  stats: { ticks: number; lastTickMs: number; maxTickMs: number; avgTickMs: number; sweeps: number; lastSweepMs: number };
};
export function getAgent(endpoint: string): Promise<AgentState>;
export function setAgent(endpoint: string, settings: Partial<AgentSettings>): Promise<AgentState>;
export function syncAgent(endpoint: string): Promise<AgentState>;
export function waitForAgent(endpoint: string, options?: { timeoutMs?: number; intervalMs?: number }): Promise<AgentState>;
export type TelemetrySettings = {
  linesPerSecond: number;
  maxLinesPerSecond: number;
  metricsIntervalMs: number;
  maxDatapointsPerMinute: number;
  logFlushMs: number;
  maxPutsPerSecond: number;
};
export type TelemetryState = {
  settings: TelemetrySettings;
  stats: {
    linesWritten: number;
    linesDropped: number;
    putLogEventsCalls: number;
    putMetricDataCalls: number;
    errors: number;
    lastError: string | null;
    tasks: number;
    streams: number;
    pendingLines: number;
  };
};
export function getTelemetry(endpoint: string): Promise<TelemetryState>;
export function setTelemetry(endpoint: string, settings: Partial<TelemetrySettings>): Promise<TelemetryState>;

export interface AutoscalingSettings {
  paused: boolean;
  /** how often alarms are evaluated (ms) */
  evalMs: number;
  /** sandbox seconds per real second for alarm periods, cooldowns and rate() schedules */
  timeScale: number;
  /** messages each task of a queue-driven service deletes per SQS metrics round (0 = off) */
  drainPerTask: number;
}
export interface AutoscalingState {
  settings: AutoscalingSettings;
  stats: {
    rounds: number;
    lastRoundMs: number;
    alarmsEvaluated: number;
    stateChanges: number;
    scalings: number;
    scheduledRuns: number;
    messagesDrained: number;
    errors: number;
    lastError: string | null;
    activities: number;
  };
}
export function getAutoscaling(endpoint: string): Promise<AutoscalingState>;
export function setAutoscaling(endpoint: string, settings: Partial<AutoscalingSettings>): Promise<AutoscalingState>;
export type SandboxEventInvocation = {
  at: string;
  rule?: string;
  targetId?: string;
  targetArn?: string;
  eventId?: string;
  source?: string;
  detailType?: string;
  ok: boolean;
  input?: string;
  tasks?: string[];
  error?: string;
};
export function sandboxEvents(endpoint: string): Promise<{ bridgedBuckets: { region: string; bucket: string }[]; invocations: SandboxEventInvocation[] }>;
export type SandboxEmail = { at: string; topicArn: string; subscriptionArn: string; protocol: string; to: string; subject: string; message: string; via: string };
export function snsOutbox(endpoint: string): Promise<{ messages: SandboxEmail[] }>;
export function confirmSnsSubscription(endpoint: string, which: { subscriptionArn: string } | { topicArn: string; endpoint: string }): Promise<{ confirmed: string[] }>;
export type HookInvocation = { at: string; serviceArn: string; serviceDeploymentArn?: string; step?: number; hookTargetArn: string; stage: string; status: "SUCCEEDED" | "FAILED"; hookDetails?: unknown };
export function hookInvocations(endpoint: string): Promise<HookInvocation[]>;
export type SandboxBeanstalkState = {
  paceMs: number;
  environments: {
    key: string;
    name: string;
    id: string;
    status: string;
    health: string;
    healthStatus: string;
    cname: string;
    versionLabel?: string;
    instances: { id: string; state: string; version: string; deployment: string }[];
  }[];
};
export function getBeanstalk(endpoint: string): Promise<SandboxBeanstalkState>;
export function setBeanstalk(endpoint: string, settings: { paceMs?: number }): Promise<SandboxBeanstalkState>;
