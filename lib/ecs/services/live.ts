import "server-only";
import { DescribeScalableTargetsCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeNetworkInterfacesCommand } from "@aws-sdk/client-ec2";
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type Deployment,
  type DesiredStatus,
  type Service,
  type Task,
} from "@aws-sdk/client-ecs";
import { live, liveKey } from "@/lib/core/live/shared";
import type { WatchSource } from "@/lib/core/live/hub";
import { awsClient, type ConnectionSettings } from "@/lib/core/aws/clients";
import { describeTargetHealth, type TargetHealth } from "./load-balancers";
import { describeServiceShared } from "./reads";
import { chunks } from "@/lib/core/aws/batches";
import { guarded } from "@/lib/core/aws/guarded";

/** A service view every 3 s feels live and costs one read set per service, whoever watches. */
const SERVICE_INTERVAL_MS = 3000;
/** A poll reuses the service as described at most this long ago (by a page render, say). */
const LIVE_DESCRIBE_MAX_AGE_MS = 1000;
const TASK_INTERVAL_MS = 3000;
/** Scaling limits change rarely; read them at most every 30 s. */
const SCALING_TTL_MS = 30_000;
const DESCRIBE_TASKS_MAX = 100;
/** Stopped tasks kept on screen: AWS keeps them about an hour; the newest page is what an operator reads. */
const STOPPED_TASKS_SHOWN = 100;

export type LiveDeployment = {
  id: string;
  status: string;
  taskDefinition: string;
  rolloutState: string;
  rolloutStateReason: string;
  desired: number;
  running: number;
  pending: number;
  failed: number;
  createdAt?: string;
  updatedAt?: string;
};

export type LiveEvent = { id: string; at?: string; message: string };

export type LiveTask = {
  id: string;
  arn: string;
  lastStatus: string;
  desiredStatus: string;
  health: string;
  taskDefinition: string;
  az: string;
  privateIp: string;
  group: string;
  startedBy: string;
  createdAt?: string;
  startedAt?: string;
  stoppedAt?: string;
  stopCode?: string;
  stoppedReason?: string;
  /** The exit code that explains the stop: the first non-zero one, else the first reported. */
  exitCode?: number;
};

export type LiveContainer = {
  name: string;
  image: string;
  imageDigest?: string;
  lastStatus: string;
  health: string;
  exitCode?: number;
  reason?: string;
  cpu?: string;
  memory?: string;
};

export type LiveTaskDetail = LiveTask & {
  cluster: string;
  launchType: string;
  capacityProvider: string;
  platformVersion: string;
  cpu: string;
  memory: string;
  connectivity: string;
  pullStartedAt?: string;
  pullStoppedAt?: string;
  stoppingAt?: string;
  containers: LiveContainer[];
  /** publicIp: null when the interface has none, undefined when it could not be read (EC2 refused, or it is gone). */
  eni: { id: string; subnetId: string; privateIp: string; mac: string; privateDns: string; publicIp?: string | null } | null;
};

export type LiveScaling = { min: number; max: number } | null;

export type LiveServiceState = {
  /** False once the service is gone (deleted, INACTIVE); the page says so instead of showing old data. */
  found: boolean;
  status: string;
  desired: number;
  running: number;
  pending: number;
  taskDefinition: string;
  config: {
    minimumHealthyPercent?: number;
    maximumPercent?: number;
    circuitBreaker?: boolean;
    rollback: boolean;
    healthCheckGracePeriod?: number;
    enableExecuteCommand: boolean;
  };
  deployments: LiveDeployment[];
  events: LiveEvent[];
  tasks: LiveTask[];
  targetHealth: { targetGroupArn: string; targets: TargetHealth[] }[];
  scaling: LiveScaling;
  /** Set when the scaling limits could not be read (the rest of the view still is). */
  scalingError?: string;
};

type EcsLike = { send: (command: DescribeTasksCommand | ListTasksCommand | DescribeServicesCommand) => Promise<unknown> };
type ScalingLike = { send: (command: DescribeScalableTargetsCommand) => Promise<unknown> };

const short = (arn?: string) => (arn ?? "").split("/").pop() ?? "";
const iso = (d?: Date) => (d ? new Date(d).toISOString() : undefined);

export function toLiveDeployment(d: Deployment): LiveDeployment {
  return {
    id: d.id ?? "",
    status: d.status ?? "",
    taskDefinition: short(d.taskDefinition),
    rolloutState: d.rolloutState ?? "",
    rolloutStateReason: d.rolloutStateReason ?? "",
    desired: d.desiredCount ?? 0,
    running: d.runningCount ?? 0,
    pending: d.pendingCount ?? 0,
    failed: d.failedTasks ?? 0,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}

const detail = (task: Task, name: string) =>
  task.attachments?.find((a) => a.type === "ElasticNetworkInterface")?.details?.find((d) => d.name === name)?.value ?? "";

function stopExitCode(task: Task): number | undefined {
  const codes = (task.containers ?? []).map((c) => c.exitCode).filter((c): c is number => c !== undefined && c !== null);
  return codes.find((c) => c !== 0) ?? codes[0];
}

export function toLiveTask(task: Task): LiveTask {
  return {
    id: short(task.taskArn),
    arn: task.taskArn ?? "",
    lastStatus: task.lastStatus ?? "UNKNOWN",
    desiredStatus: task.desiredStatus ?? "",
    health: task.healthStatus ?? "UNKNOWN",
    taskDefinition: short(task.taskDefinitionArn),
    az: task.availabilityZone ?? "",
    privateIp: detail(task, "privateIPv4Address") || task.containers?.[0]?.networkInterfaces?.[0]?.privateIpv4Address || "",
    group: task.group ?? "",
    startedBy: task.startedBy ?? "",
    createdAt: iso(task.createdAt),
    startedAt: iso(task.startedAt),
    stoppedAt: iso(task.stoppedAt),
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    exitCode: stopExitCode(task),
  };
}

export function toLiveTaskDetail(task: Task): LiveTaskDetail {
  const eniId = detail(task, "networkInterfaceId");
  return {
    ...toLiveTask(task),
    cluster: short(task.clusterArn),
    launchType: task.launchType ?? "",
    capacityProvider: task.capacityProviderName ?? "",
    platformVersion: task.platformVersion ?? "",
    cpu: task.cpu ?? "",
    memory: task.memory ?? "",
    connectivity: task.connectivity ?? "",
    pullStartedAt: iso(task.pullStartedAt),
    pullStoppedAt: iso(task.pullStoppedAt),
    stoppingAt: iso(task.stoppingAt),
    containers: (task.containers ?? []).map((c) => ({
      name: c.name ?? "",
      image: c.image ?? "",
      imageDigest: c.imageDigest,
      lastStatus: c.lastStatus ?? "UNKNOWN",
      health: c.healthStatus ?? "UNKNOWN",
      exitCode: c.exitCode ?? undefined,
      reason: c.reason,
      cpu: c.cpu,
      memory: c.memory,
    })),
    eni: eniId
      ? { id: eniId, subnetId: detail(task, "subnetId"), privateIp: detail(task, "privateIPv4Address"), mac: detail(task, "macAddress"), privateDns: detail(task, "privateDnsName") }
      : null,
  };
}

const stopped = (t: LiveTask) => t.lastStatus === "STOPPED" || t.desiredStatus === "STOPPED";
const newest = (a?: string, b?: string) => (b ?? "").localeCompare(a ?? "");

/** Tasks as an operator scans them: live ones first (newest first), then the stopped ones, latest stop first. */
export function orderTasks(tasks: LiveTask[]): LiveTask[] {
  return [...tasks].sort((a, b) => {
    if (stopped(a) !== stopped(b)) return stopped(a) ? 1 : -1;
    return stopped(a) ? newest(a.stoppedAt ?? a.createdAt, b.stoppedAt ?? b.createdAt) : newest(a.createdAt, b.createdAt);
  });
}

export function toLiveServiceState(s: Service, tasks: LiveTask[]): Omit<LiveServiceState, "targetHealth" | "scaling" | "scalingError"> {
  const dc = s.deploymentConfiguration;
  return {
    found: true,
    status: s.status ?? "UNKNOWN",
    desired: s.desiredCount ?? 0,
    running: s.runningCount ?? 0,
    pending: s.pendingCount ?? 0,
    taskDefinition: short(s.taskDefinition),
    config: {
      minimumHealthyPercent: dc?.minimumHealthyPercent,
      maximumPercent: dc?.maximumPercent,
      circuitBreaker: dc?.deploymentCircuitBreaker ? Boolean(dc.deploymentCircuitBreaker.enable) : undefined,
      rollback: Boolean(dc?.deploymentCircuitBreaker?.rollback),
      healthCheckGracePeriod: s.healthCheckGracePeriodSeconds,
      enableExecuteCommand: Boolean(s.enableExecuteCommand),
    },
    // PRIMARY first, then the deployments it replaces, newest first.
    deployments: (s.deployments ?? [])
      .map(toLiveDeployment)
      .sort((a, b) => (a.status === "PRIMARY" ? -1 : b.status === "PRIMARY" ? 1 : newest(a.createdAt, b.createdAt))),
    events: (s.events ?? [])
      .map((e) => ({ id: e.id ?? "", at: iso(e.createdAt), message: e.message ?? "" }))
      .sort((a, b) => newest(a.at, b.at)),
    tasks: orderTasks(tasks),
  };
}

/** DescribeTasks for any number of tasks, 100 per call (the API maximum), calls in parallel. */
export async function describeTasksBatched(client: EcsLike, cluster: string, taskArns: readonly string[]): Promise<Task[]> {
  const batches = chunks([...new Set(taskArns)], DESCRIBE_TASKS_MAX);
  const outs = await Promise.all(batches.map((tasks) => client.send(new DescribeTasksCommand({ cluster, tasks })) as Promise<{ tasks?: Task[] }>));
  return outs.flatMap((o) => o.tasks ?? []);
}

/** A service's task ARNs with one desired status: every page (100 each) up to `limit`. */
export async function listServiceTaskArns(client: EcsLike, cluster: string, serviceName: string, desiredStatus: DesiredStatus, limit = Infinity): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = (await client.send(new ListTasksCommand({ cluster, serviceName, desiredStatus, maxResults: 100, nextToken }))) as { taskArns?: string[]; nextToken?: string };
    arns.push(...(out.taskArns ?? []));
    nextToken = out.nextToken;
  } while (nextToken && arns.length < limit);
  return arns.slice(0, limit);
}

/** Running and recently stopped tasks of one service, described. */
export async function readServiceTasks(client: EcsLike, cluster: string, serviceName: string): Promise<LiveTask[]> {
  const [running, stoppedArns] = await Promise.all([
    listServiceTaskArns(client, cluster, serviceName, "RUNNING"),
    listServiceTaskArns(client, cluster, serviceName, "STOPPED", STOPPED_TASKS_SHOWN),
  ]);
  const tasks = await describeTasksBatched(client, cluster, [...running, ...stoppedArns]);
  // A service's tasks carry its group; this keeps out tasks an endpoint lists without honouring serviceName.
  return tasks.filter((t) => !t.group || t.group === `service:${serviceName}`).map(toLiveTask);
}

/** Application Auto Scaling's limits for the service's desired count; null when none is registered. */
export async function readServiceScaling(client: ScalingLike, cluster: string, serviceName: string): Promise<LiveScaling> {
  const out = (await client.send(
    new DescribeScalableTargetsCommand({ ServiceNamespace: "ecs", ResourceIds: [`service/${cluster}/${serviceName}`], ScalableDimension: "ecs:service:DesiredCount" }),
  )) as { ScalableTargets?: { MinCapacity?: number; MaxCapacity?: number }[] };
  const target = out.ScalableTargets?.[0];
  return target ? { min: target.MinCapacity ?? 0, max: target.MaxCapacity ?? 0 } : null;
}

const GONE: LiveServiceState = {
  found: false, status: "INACTIVE", desired: 0, running: 0, pending: 0, taskDefinition: "",
  config: { rollback: false, enableExecuteCommand: false }, deployments: [], events: [], tasks: [], targetHealth: [], scaling: null,
};

/** One full read of a service's live state: service, its tasks, target health and scaling limits. */
export async function readLiveService(conn: ConnectionSettings, region: string, cluster: string, name: string): Promise<LiveServiceState> {
  const ecs = awsClient(conn, region, "ecs");
  const service = await describeServiceShared(conn, region, cluster, name, LIVE_DESCRIBE_MAX_AGE_MS);
  if (!service || service.status === "INACTIVE") return GONE;
  const [tasks, targetHealth, scaling] = await Promise.all([
    guarded(conn, "ecs", "ListTasks/DescribeTasks", () => readServiceTasks(ecs, cluster, name)),
    Promise.all(
      (service.loadBalancers ?? [])
        .filter((lb) => lb.targetGroupArn)
        .map(async (lb) => ({ targetGroupArn: lb.targetGroupArn!, targets: await describeTargetHealth(conn, region, lb.targetGroupArn!) })),
    ),
    guarded(conn, "application-autoscaling", "DescribeScalableTargets", () =>
      live.cache.get(liveKey(conn, region, "appautoscaling", "ecs-service", cluster, name), SCALING_TTL_MS, () =>
        readServiceScaling(awsClient(conn, region, "appautoscaling"), cluster, name),
      ),
    )
      .then((value) => ({ value }))
      // guarded threw an AwsOperationError: its message says what failed and what to do.
      .catch((e: unknown) => ({ error: (e as Error).message })),
  ]);
  return {
    ...toLiveServiceState(service, tasks),
    targetHealth,
    scaling: "value" in scaling ? scaling.value : null,
    ...("error" in scaling ? { scalingError: scaling.error } : {}),
  };
}

/** The key actions nudge after changing a service (live.hub.nudge) so viewers see it at once. */
export const liveServiceKey = (conn: ConnectionSettings, region: string, cluster: string, name: string) =>
  liveKey(conn, region, "ecs", "live-service", cluster, name);

/** readLiveService shared by the page render and the watcher's polls (same key, 2 s). */
export function getLiveServiceShared(conn: ConnectionSettings, region: string, cluster: string, name: string, maxAgeMs = 2000): Promise<LiveServiceState> {
  return live.cache.get(liveServiceKey(conn, region, cluster, name), maxAgeMs, () => readLiveService(conn, region, cluster, name));
}

export function liveServiceSource(conn: ConnectionSettings, region: string, cluster: string, name: string): WatchSource<LiveServiceState> {
  return { intervalMs: SERVICE_INTERVAL_MS, poll: () => getLiveServiceShared(conn, region, cluster, name) };
}

/** The public IP of a task's network interface, if it has one (DescribeTasks does not report it). */
async function publicIpOf(conn: ConnectionSettings, region: string, eniId: string): Promise<string | null | undefined> {
  try {
    const out = await awsClient(conn, region, "ec2").send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }));
    const eni = out.NetworkInterfaces?.[0];
    return eni ? (eni.Association?.PublicIp ?? null) : undefined;
  } catch {
    // A stopped task's interface is deleted; the rest of the task is still worth showing.
    return undefined;
  }
}

/** One task by id or ARN, stopped ones included while ECS keeps them; null when ECS no longer knows it. */
export async function readLiveTask(conn: ConnectionSettings, region: string, cluster: string, taskId: string): Promise<LiveTaskDetail | null> {
  const ecs = awsClient(conn, region, "ecs");
  const [task] = await guarded(conn, "ecs", "DescribeTasks", () => describeTasksBatched(ecs, cluster, [taskId]));
  if (!task) return null;
  const view = toLiveTaskDetail(task);
  if (view.eni) {
    const eniId = view.eni.id;
    const publicIp = await live.cache.get(liveKey(conn, region, "ec2", "eni-public-ip", eniId), 60_000, () => publicIpOf(conn, region, eniId));
    view.eni = { ...view.eni, publicIp };
  }
  return view;
}

export const liveTaskKey = (conn: ConnectionSettings, region: string, cluster: string, taskId: string) =>
  liveKey(conn, region, "ecs", "live-task", cluster, taskId);

export function getLiveTaskShared(conn: ConnectionSettings, region: string, cluster: string, taskId: string, maxAgeMs = 2000): Promise<LiveTaskDetail | null> {
  return live.cache.get(liveTaskKey(conn, region, cluster, taskId), maxAgeMs, () => readLiveTask(conn, region, cluster, taskId));
}

export function liveTaskSource(conn: ConnectionSettings, region: string, cluster: string, taskId: string): WatchSource<LiveTaskDetail | null> {
  return { intervalMs: TASK_INTERVAL_MS, poll: () => getLiveTaskShared(conn, region, cluster, taskId) };
}
