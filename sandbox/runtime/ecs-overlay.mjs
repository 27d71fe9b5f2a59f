// How the sandbox ECS runtime agent's state reads through the AWS API: tasks rendered as
// DescribeTasks / RunTask / StopTask answer them, and the corrections laid over moto's
// DescribeServices / CreateService / UpdateService / DeleteService answers (counts, deployments,
// events and the settings moto drops). Pure functions of the agent's records; see ecs-agent.mjs
// and sandbox/README.md ("Runtime agent", "Corrections to moto").

export const DEPLOYMENT_DEFAULTS = Object.freeze({
  deploymentCircuitBreaker: { enable: false, rollback: false },
  maximumPercent: 200,
  minimumHealthyPercent: 100,
});

/** ms → the epoch seconds the ECS JSON protocol uses. */
export const sec = (ms) => (ms == null ? undefined : ms / 1000);

/** Drop undefined members so the JSON stays the shape AWS sends. */
function compact(obj) {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}

const ATTACHMENT_STATUS = {
  PROVISIONING: "PRECREATED",
  PENDING: "ATTACHED",
  RUNNING: "ATTACHED",
  DEACTIVATING: "ATTACHED",
  STOPPING: "DETACHING",
  DEPROVISIONING: "DETACHED",
  STOPPED: "DELETED",
};

const CONTAINER_STATUS = {
  PROVISIONING: "PENDING",
  PENDING: "PENDING",
  RUNNING: "RUNNING",
  DEACTIVATING: "RUNNING",
  STOPPING: "RUNNING",
  DEPROVISIONING: "STOPPED",
  STOPPED: "STOPPED",
};

/** A container's health: UNKNOWN until its health check has passed (one pace after start), HEALTHY while running. */
function containerHealth(task, c, now, healthDelayMs) {
  if (!c.hasHealthCheck) return "UNKNOWN";
  if (task.crashing) return task.startedAt != null ? "UNHEALTHY" : "UNKNOWN";
  if (task.startedAt == null || task.desiredStatus === "STOPPED") return "UNKNOWN";
  return now >= task.startedAt + healthDelayMs ? "HEALTHY" : "UNKNOWN";
}

/**
 * A task as DescribeTasks answers it.
 * @param {object} task the agent's record
 * @param {{ now: number, healthDelayMs: number, includeTags?: boolean }} opts
 */
export function renderTask(task, { now, healthDelayMs, includeTags = false }) {
  const phase = task.phase;
  const eni = task.eni;
  const containers = task.containers.map((c) => {
    const status = CONTAINER_STATUS[phase];
    const stopped = status === "STOPPED";
    return compact({
      containerArn: c.containerArn,
      taskArn: task.taskArn,
      name: c.name,
      image: c.image,
      imageDigest: task.pullStoppedAt != null ? c.imageDigest : undefined,
      runtimeId: task.startedAt != null ? `${task.taskId}-${c.runtimeSuffix}` : undefined,
      lastStatus: status,
      exitCode: stopped && task.startedAt != null ? (c.essential ? (task.exitCode ?? 0) : 0) : undefined,
      networkBindings: [],
      networkInterfaces: eni ? [{ attachmentId: eni.attachmentId, privateIpv4Address: eni.privateIp }] : [],
      healthStatus: containerHealth(task, c, now, healthDelayMs),
      cpu: c.cpu != null ? String(c.cpu) : "0",
      memory: c.memory != null ? String(c.memory) : undefined,
      memoryReservation: c.memoryReservation != null ? String(c.memoryReservation) : undefined,
    });
  });
  const healthChecked = task.containers.filter((c) => c.essential && c.hasHealthCheck);
  let healthStatus = "UNKNOWN";
  if (healthChecked.length) {
    const states = containers.filter((_, i) => task.containers[i].essential && task.containers[i].hasHealthCheck).map((c) => c.healthStatus);
    healthStatus = states.includes("UNHEALTHY") ? "UNHEALTHY" : states.every((s) => s === "HEALTHY") ? "HEALTHY" : "UNKNOWN";
  }
  const attachments = eni
    ? [
        {
          id: eni.attachmentId,
          type: "ElasticNetworkInterface",
          status: ATTACHMENT_STATUS[phase],
          details: [
            { name: "subnetId", value: eni.subnetId },
            { name: "networkInterfaceId", value: eni.eniId },
            { name: "macAddress", value: eni.mac },
            { name: "privateDnsName", value: eni.privateDnsName },
            { name: "privateIPv4Address", value: eni.privateIp },
          ],
        },
      ]
    : [];
  const out = compact({
    attachments,
    attributes: [{ name: "ecs.cpu-architecture", value: task.cpuArchitecture ?? "x86_64" }],
    availabilityZone: task.availabilityZone,
    capacityProviderName: task.capacityProviderName,
    clusterArn: task.clusterArn,
    connectivity: task.connectivityAt != null ? "CONNECTED" : undefined,
    connectivityAt: sec(task.connectivityAt),
    containers,
    cpu: task.cpu,
    createdAt: sec(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: task.enableExecuteCommand ?? false,
    ephemeralStorage: task.launchType === "FARGATE" ? { sizeInGiB: 20 } : undefined,
    executionStoppedAt: sec(task.executionStoppedAt),
    group: task.group,
    healthStatus,
    lastStatus: phase,
    launchType: task.launchType,
    memory: task.memory,
    overrides: task.overrides ?? { containerOverrides: [], inferenceAcceleratorOverrides: [] },
    platformVersion: task.launchType === "FARGATE" ? (task.platformVersion && task.platformVersion !== "LATEST" ? task.platformVersion : "1.4.0") : undefined,
    platformFamily: task.launchType === "FARGATE" ? "Linux" : undefined,
    pullStartedAt: sec(task.pullStartedAt),
    pullStoppedAt: sec(task.pullStoppedAt),
    startedAt: sec(task.startedAt),
    startedBy: task.startedBy || undefined,
    stopCode: task.desiredStatus === "STOPPED" ? task.stopCode : undefined,
    stoppedAt: sec(task.stoppedAt),
    stoppedReason: task.desiredStatus === "STOPPED" ? task.stoppedReason : undefined,
    stoppingAt: sec(task.stoppingAt),
    tags: includeTags ? (task.tags ?? []) : undefined,
    taskArn: task.taskArn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: task.version,
  });
  return out;
}

/** A deployment as DescribeServices answers it. */
export function renderDeployment(svc, dep) {
  let running = 0;
  let pending = 0;
  for (const t of dep.live) {
    if (t.phase === "RUNNING") running += 1;
    else if (t.phase === "PROVISIONING" || t.phase === "PENDING") pending += 1;
  }
  return compact({
    id: dep.id,
    status: dep.status,
    taskDefinition: dep.taskDefinition,
    // An ACTIVE (old) deployment's desired count follows it down as it drains.
    desiredCount: dep.status === "PRIMARY" ? dep.desiredCount : Math.min(dep.desiredCount, dep.live.size),
    pendingCount: pending,
    runningCount: running,
    failedTasks: dep.failedTasks,
    createdAt: sec(dep.createdAt),
    updatedAt: sec(dep.updatedAt),
    capacityProviderStrategy: dep.capacityProviderStrategy?.length ? dep.capacityProviderStrategy : undefined,
    launchType: dep.capacityProviderStrategy?.length ? undefined : dep.launchType,
    platformVersion: dep.launchType === "FARGATE" ? (dep.platformVersion ?? "LATEST") : undefined,
    platformFamily: dep.launchType === "FARGATE" ? "Linux" : undefined,
    networkConfiguration: dep.networkConfiguration,
    rolloutState: dep.rolloutState,
    rolloutStateReason: dep.rolloutStateReason,
  });
}

/** Lay the agent's view of a service over moto's service object (in place). */
export function overlayService(data, svc) {
  let running = 0;
  let pending = 0;
  for (const dep of svc.deployments) {
    for (const t of dep.live) {
      if (t.phase === "RUNNING") running += 1;
      else if (t.phase === "PROVISIONING" || t.phase === "PENDING") pending += 1;
    }
  }
  data.runningCount = running;
  data.pendingCount = pending;
  data.desiredCount = svc.status === "ACTIVE" ? svc.desiredCount : 0;
  if (svc.status === "DRAINING") data.status = "DRAINING";
  if (svc.deployments[0]) data.taskDefinition = svc.deployments[0].taskDefinition;
  data.deployments = svc.deployments.map((d) => renderDeployment(svc, d));
  data.events = svc.events.map((e) => ({ id: e.id, createdAt: sec(e.createdAt), message: e.message }));
  const dc = svc.config.deploymentConfiguration ?? {};
  data.deploymentConfiguration = {
    ...DEPLOYMENT_DEFAULTS,
    ...dc,
    deploymentCircuitBreaker: { ...DEPLOYMENT_DEFAULTS.deploymentCircuitBreaker, ...(dc.deploymentCircuitBreaker ?? {}) },
  };
  if (svc.config.healthCheckGracePeriodSeconds != null) data.healthCheckGracePeriodSeconds = svc.config.healthCheckGracePeriodSeconds;
  data.enableExecuteCommand = svc.config.enableExecuteCommand ?? false;
  if (svc.capacityProviderStrategy?.length) {
    data.capacityProviderStrategy = svc.capacityProviderStrategy;
    delete data.launchType;
  }
  if (svc.networkConfiguration) data.networkConfiguration = svc.networkConfiguration;
  return data;
}

/** Opaque ListTasks page token (offset into the filtered, ordered list). */
export function encodeToken(offset) {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}
export function decodeToken(token) {
  try {
    const o = JSON.parse(Buffer.from(String(token), "base64url").toString("utf8")).o;
    return Number.isInteger(o) && o >= 0 ? o : null;
  } catch {
    return null;
  }
}
