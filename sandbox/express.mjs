// Amazon ECS Express Mode, served by the gateway (moto has no CreateExpressGatewayService).
//
// ECS JSON 1.1 protocol (X-Amz-Target "AmazonEC2ContainerServiceV20141113.<Operation>"). The
// Express record lives in the gateway; the pieces ECS views show are real moto resources, created
// over moto's own API: the cluster ("default" unless given), a task definition revision per
// configuration (container "Main"), and an ECS service (desired count = min tasks). ECS
// DescribeServices answers for those services gain resourceManagementType "ECS", as on AWS.
// See sandbox/README.md ("ECS Express Mode").
import { randomBytes, randomInt } from "node:crypto";
import { SANDBOX_ACCOUNT } from "./faults.mjs";
import { ApiError, callMoto, jsonError, jsonResponse, putLogLines } from "./apprunner.mjs";
import { motoQuery } from "./moto-query.mjs";

const CT = "application/x-amz-json-1.1";
export const EXPRESS_OPERATIONS = new Set([
  "CreateExpressGatewayService",
  "DescribeExpressGatewayService",
  "UpdateExpressGatewayService",
  "DeleteExpressGatewayService",
]);
export const EXPRESS_DEFAULTS = {
  cpu: "256",
  memory: "512",
  containerPort: 80,
  healthCheckPath: "/ping",
  minTaskCount: 1,
  maxTaskCount: 20,
  autoScalingMetric: "AVERAGE_CPU",
  autoScalingTargetValue: 60,
  cpuArchitecture: "X86_64",
  logStreamPrefix: "ecs",
};

/** Fargate task cpu units → allowed memory MiB. */
export const FARGATE_CPU_MEMORY = (() => {
  const range = (from, to, step) => Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
  return {
    256: [512, 1024, 2048],
    512: range(1024, 4096, 1024),
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
    8192: range(16384, 61440, 4096),
    16384: range(32768, 122880, 8192),
  };
})();

/** "256" | "0.25 vCPU" | ".25 vcpu" → 256; null if not a number-like value. */
export function parseTaskCpu(v) {
  const s = String(v).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d*\.?\d+)\s*vcpu$/i.exec(s);
  return m ? Math.round(Number(m[1]) * 1024) : null;
}

/** "512" | "0.5 GB" | "1GB" → MiB; null if not a number-like value. */
export function parseTaskMemory(v) {
  const s = String(v).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d*\.?\d+)\s*gb$/i.exec(s);
  return m ? Math.round(Number(m[1]) * 1024) : null;
}

const epoch = () => Date.now() / 1000;
const clone = (v) => (v === undefined ? undefined : structuredClone(v));
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/;
const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const invalid = (message) => new ApiError("InvalidParameterException", message);

function base62(n) {
  const abc = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  return Array.from(randomBytes(n), (b) => abc[b % 62]).join("");
}

const ec2Query = (upstream, region, params) => motoQuery(upstream, region, "ec2", params);

/** Default-VPC subnets and its default security group, as Express uses when none are given. */
async function defaultNetwork(upstream, region) {
  try {
    const subnetsXml = await ec2Query(upstream, region, {
      Action: "DescribeSubnets",
      "Filter.1.Name": "default-for-az",
      "Filter.1.Value.1": "true",
    });
    const subnets = [...subnetsXml.matchAll(/<subnetId>([^<]+)<\/subnetId>/g)].map((m) => m[1]).sort();
    const vpc = /<vpcId>([^<]+)<\/vpcId>/.exec(subnetsXml)?.[1];
    let securityGroups = [];
    if (vpc) {
      const sgXml = await ec2Query(upstream, region, {
        Action: "DescribeSecurityGroups",
        "Filter.1.Name": "vpc-id",
        "Filter.1.Value.1": vpc,
        "Filter.2.Name": "group-name",
        "Filter.2.Value.1": "default",
      });
      securityGroups = [...sgXml.matchAll(/<groupId>([^<]+)<\/groupId>/g)].map((m) => m[1]).slice(0, 1);
    }
    return { subnets, securityGroups };
  } catch {
    return { subnets: [], securityGroups: [] };
  }
}

function validateRole(value, member, { required = false } = {}) {
  if (value === undefined || value === null || value === "") {
    if (required) throw invalid(`${member} is required.`);
    return undefined;
  }
  if (typeof value !== "string" || !ROLE_ARN.test(value)) throw invalid(`Invalid ${member}: ${value}. It must be an IAM role ARN.`);
  return value;
}

function validateCpuMemory(cpuIn, memIn) {
  const cpu = parseTaskCpu(cpuIn);
  const mem = parseTaskMemory(memIn);
  if (cpu === null) throw invalid(`Invalid 'cpu' setting for task: ${cpuIn}.`);
  if (mem === null) throw invalid(`Invalid 'memory' setting for task: ${memIn}.`);
  if (!FARGATE_CPU_MEMORY[cpu]?.includes(mem)) {
    throw new ApiError(
      "ClientException",
      `No Fargate configuration exists for given values: ${cpu} CPU, ${mem} memory. See the Amazon ECS documentation for the valid values.`,
    );
  }
  return { cpu: String(cpu), memory: String(mem) };
}

function validateScaling(input, previous) {
  const st = { ...previous, ...Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== undefined && v !== null)) };
  for (const k of ["minTaskCount", "maxTaskCount"]) {
    if (!Number.isInteger(st[k]) || st[k] < 1 || st[k] > 5000) throw invalid(`scalingTarget.${k} must be an integer from 1 to 5000.`);
  }
  if (st.minTaskCount > st.maxTaskCount) {
    throw invalid(`scalingTarget.minTaskCount (${st.minTaskCount}) must be less than or equal to scalingTarget.maxTaskCount (${st.maxTaskCount}).`);
  }
  if (!["AVERAGE_CPU", "AVERAGE_MEMORY", "REQUEST_COUNT_PER_TARGET"].includes(st.autoScalingMetric)) {
    throw invalid(`Invalid scalingTarget.autoScalingMetric: ${st.autoScalingMetric}. Valid values: AVERAGE_CPU, AVERAGE_MEMORY, REQUEST_COUNT_PER_TARGET.`);
  }
  if (!Number.isInteger(st.autoScalingTargetValue) || st.autoScalingTargetValue < 1) {
    throw invalid("scalingTarget.autoScalingTargetValue must be a positive integer.");
  }
  if (st.autoScalingMetric !== "REQUEST_COUNT_PER_TARGET" && st.autoScalingTargetValue > 100) {
    throw invalid("scalingTarget.autoScalingTargetValue must be from 1 to 100 for a utilization metric.");
  }
  return st;
}

function validateContainer(pc, previous, { cluster, serviceName }) {
  const c = { ...clone(previous), ...clone(pc) };
  if (!c.image || typeof c.image !== "string") throw invalid("primaryContainer.image is required.");
  c.containerPort ??= EXPRESS_DEFAULTS.containerPort;
  if (!Number.isInteger(c.containerPort) || c.containerPort < 1 || c.containerPort > 65535) {
    throw invalid(`Invalid primaryContainer.containerPort: ${c.containerPort}. It must be from 1 to 65535.`);
  }
  c.awsLogsConfiguration ??= {
    logGroup: `/aws/ecs/${cluster}/${serviceName}`,
    logStreamPrefix: EXPRESS_DEFAULTS.logStreamPrefix,
  };
  for (const e of c.environment ?? []) {
    if (!e?.name) throw invalid("Environment variable names in primaryContainer.environment must not be empty.");
  }
  for (const s of c.secrets ?? []) {
    if (!s?.name || !s?.valueFrom) throw invalid("Each secret in primaryContainer.secrets needs a name and a valueFrom.");
  }
  return c;
}

function validateHealthCheckPath(p) {
  if (typeof p !== "string" || !p.startsWith("/") || p.length > 1024) {
    throw invalid(`Invalid healthCheckPath: ${p}. It must start with a forward slash.`);
  }
  return p;
}

export class ExpressSandbox {
  #upstream;
  #pace;
  /** serviceArn → record */
  #services = new Map();
  #timers = new Set();

  /** @param {{ upstream: string, paceMs?: () => number }} options */
  constructor({ upstream, paceMs = () => 2000 } = {}) {
    this.#upstream = upstream;
    this.#pace = paceMs;
  }

  handles(operation) {
    return EXPRESS_OPERATIONS.has(operation);
  }

  get size() {
    return this.#services.size;
  }

  reset() {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#services.clear();
  }

  close() {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  /** Summary for GET /_sandbox/express. */
  list() {
    return [...this.#services.values()].map((r) => ({
      serviceArn: r.serviceArn,
      serviceName: r.serviceName,
      cluster: r.cluster,
      region: r.region,
      status: r.status,
      endpoint: r.endpoint,
    }));
  }

  /**
   * A rewrite for a moto ECS answer that Express Mode changes, or undefined:
   *  - DescribeServices: Express-managed services gain resourceManagementType "ECS";
   *  - ListServices with a resourceManagementType filter (moto ignores it): "ECS" keeps only
   *    Express-managed services, "CUSTOMER" drops them.
   */
  transformFor(operation, body) {
    if (operation === "DescribeServices") return this.#services.size ? (data) => this.markDescribedServices(data) : undefined;
    if (operation !== "ListServices") return undefined;
    let filter;
    try {
      filter = JSON.parse(body.toString("utf8") || "{}").resourceManagementType;
    } catch {
      return undefined;
    }
    if (filter !== "ECS" && filter !== "CUSTOMER") return undefined;
    return (data) => {
      if (Array.isArray(data?.serviceArns)) {
        data.serviceArns = data.serviceArns.filter((arn) => this.#services.has(arn) === (filter === "ECS"));
      }
      return data;
    };
  }

  /** Rewrite a moto DescribeServices answer: Express-managed services get resourceManagementType "ECS". */
  markDescribedServices(data) {
    for (const s of data?.services ?? []) {
      if (this.#services.has(s.serviceArn)) s.resourceManagementType = "ECS";
    }
    return data;
  }

  async handle(ident, body) {
    let input;
    try {
      const text = body.toString("utf8").trim();
      input = text ? JSON.parse(text) : {};
    } catch {
      return jsonError("SerializationException", "Failed to parse the request body as JSON.", { contentType: CT });
    }
    const region = !ident.region || ident.region === "unknown" ? "us-east-1" : ident.region;
    try {
      const out = await this[`op${ident.operation}`](region, input ?? {});
      return jsonResponse(out, CT);
    } catch (err) {
      if (err instanceof ApiError) return jsonError(err.code, err.message, { status: err.status, contentType: CT });
      return jsonError("ServerException", `sandbox: ${err?.message ?? err}`, { status: 500, contentType: CT });
    }
  }

  #ecs(region, op, body) {
    return callMoto(this.#upstream, {
      service: "ecs",
      target: `AmazonEC2ContainerServiceV20141113.${op}`,
      region,
      body,
    });
  }

  #record(arn) {
    if (!arn) throw invalid("serviceArn is required.");
    const r = this.#services.get(arn);
    if (!r) throw new ApiError("ServiceNotFoundException", "Service not found.");
    return r;
  }

  async #registerTaskDefinition(r, cfg) {
    const pc = cfg.primaryContainer;
    const container = {
      name: "Main",
      image: pc.image,
      essential: true,
      portMappings: [{ containerPort: pc.containerPort, protocol: "tcp", name: "main" }],
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": pc.awsLogsConfiguration.logGroup,
          "awslogs-region": r.region,
          "awslogs-stream-prefix": pc.awsLogsConfiguration.logStreamPrefix,
          "awslogs-create-group": "true",
        },
      },
    };
    if (pc.environment?.length) container.environment = pc.environment;
    if (pc.secrets?.length) container.secrets = pc.secrets;
    if (pc.command?.length) container.command = pc.command;
    if (pc.repositoryCredentials?.credentialsParameter) container.repositoryCredentials = pc.repositoryCredentials;
    const td = {
      family: r.serviceName,
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: cfg.cpu,
      memory: cfg.memory,
      runtimePlatform: { cpuArchitecture: cfg.cpuArchitecture, operatingSystemFamily: "LINUX" },
      containerDefinitions: [container],
    };
    if (cfg.executionRoleArn) td.executionRoleArn = cfg.executionRoleArn;
    if (cfg.taskRoleArn) td.taskRoleArn = cfg.taskRoleArn;
    const out = await this.#ecs(r.region, "RegisterTaskDefinition", td);
    return out.taskDefinition.taskDefinitionArn;
  }

  #newConfiguration(r, fields) {
    return {
      serviceRevisionArn: `arn:aws:ecs:${r.region}:${SANDBOX_ACCOUNT}:service-revision/${r.clusterName}/${r.serviceName}/${randomInt(1e9, 1e10 - 1)}${randomInt(1e8, 1e9 - 1)}`,
      ...fields,
      ingressPaths: [{ accessType: "PUBLIC", endpoint: r.endpoint }],
      createdAt: epoch(),
    };
  }

  #view(r, { tags = false } = {}) {
    const out = {
      cluster: r.cluster,
      serviceName: r.serviceName,
      serviceArn: r.serviceArn,
      infrastructureRoleArn: r.infrastructureRoleArn,
      status: { statusCode: r.status, ...(r.statusReason ? { statusReason: r.statusReason } : {}) },
      currentDeployment: r.currentDeployment,
      activeConfigurations: r.status === "INACTIVE" ? [] : [clone(r.configuration)],
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
    if (tags) out.tags = clone(r.tags);
    return out;
  }

  #newDeployment(r) {
    return `arn:aws:ecs:${r.region}:${SANDBOX_ACCOUNT}:service-deployment/${r.clusterName}/${r.serviceName}/${base62(22)}`;
  }

  // -------------------------------------------------------------------------------------------

  async opCreateExpressGatewayService(region, input) {
    const infrastructureRoleArn = validateRole(input.infrastructureRoleArn, "infrastructureRoleArn", { required: true });
    if (input.taskDefinitionArn) {
      for (const k of ["primaryContainer", "executionRoleArn", "taskRoleArn", "cpu", "memory", "cpuArchitecture"]) {
        if (input[k] !== undefined) throw invalid(`You can't specify ${k} together with taskDefinitionArn.`);
      }
    } else if (!input.primaryContainer) {
      throw invalid("Either primaryContainer or taskDefinitionArn must be specified.");
    }
    const executionRoleArn = validateRole(input.executionRoleArn, "executionRoleArn", { required: !input.taskDefinitionArn });
    const taskRoleArn = validateRole(input.taskRoleArn, "taskRoleArn");
    const clusterIn = input.cluster ?? "default";
    const clusterName = clusterIn.startsWith("arn:") ? clusterIn.split("/").pop() : clusterIn;
    const serviceName = input.serviceName ?? `express-${base62(8).toLowerCase()}`;
    if (!SERVICE_NAME.test(serviceName)) {
      throw invalid("Service names can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores, and hyphens.");
    }
    const { cpu, memory } = input.taskDefinitionArn
      ? { cpu: undefined, memory: undefined }
      : validateCpuMemory(input.cpu ?? EXPRESS_DEFAULTS.cpu, input.memory ?? EXPRESS_DEFAULTS.memory);
    const cpuArchitecture = input.cpuArchitecture ?? EXPRESS_DEFAULTS.cpuArchitecture;
    if (!["X86_64", "ARM64"].includes(cpuArchitecture)) throw invalid(`Invalid cpuArchitecture: ${cpuArchitecture}. Valid values: X86_64, ARM64.`);
    const healthCheckPath = validateHealthCheckPath(input.healthCheckPath ?? EXPRESS_DEFAULTS.healthCheckPath);
    const scalingTarget = validateScaling(input.scalingTarget, {
      minTaskCount: EXPRESS_DEFAULTS.minTaskCount,
      maxTaskCount: EXPRESS_DEFAULTS.maxTaskCount,
      autoScalingMetric: EXPRESS_DEFAULTS.autoScalingMetric,
      autoScalingTargetValue: EXPRESS_DEFAULTS.autoScalingTargetValue,
    });
    const primaryContainer = input.primaryContainer ? validateContainer(input.primaryContainer, undefined, { cluster: clusterName, serviceName }) : undefined;
    if ((input.tags ?? []).length > 50) throw invalid("A resource can have at most 50 tags.");

    // The cluster: "default" is created when missing, a named one must exist.
    const described = await this.#ecs(region, "DescribeClusters", { clusters: [clusterName] });
    let clusterArn = described.clusters?.find((c) => c.status === "ACTIVE")?.clusterArn;
    if (!clusterArn) {
      if (clusterName !== "default") throw new ApiError("ClusterNotFoundException", "Cluster not found.");
      clusterArn = (await this.#ecs(region, "CreateCluster", { clusterName })).cluster.clusterArn;
    }
    const existing = await this.#ecs(region, "DescribeServices", { cluster: clusterName, services: [serviceName] });
    if (existing.services?.some((s) => s.status !== "INACTIVE")) {
      throw invalid("Creation of service was not idempotent.");
    }

    const slug = serviceName.toLowerCase().replace(/_/g, "-").replace(/^-+|-+$/g, "").slice(0, 30) || "svc";
    const r = {
      region,
      cluster: clusterArn,
      clusterName,
      serviceName,
      serviceArn: `arn:aws:ecs:${region}:${SANDBOX_ACCOUNT}:service/${clusterName}/${serviceName}`,
      infrastructureRoleArn,
      status: "ACTIVE",
      tags: clone(input.tags ?? []),
      endpoint: `https://${slug}-${randomBytes(16).toString("hex")}.ecs.${region}.on.aws`,
      createdAt: epoch(),
      updatedAt: epoch(),
    };
    const network = {
      ...(await defaultNetwork(this.#upstream, region)),
      ...Object.fromEntries(Object.entries(input.networkConfiguration ?? {}).filter(([, v]) => Array.isArray(v) && v.length)),
    };
    const cfgFields = {
      executionRoleArn,
      taskRoleArn,
      cpu,
      memory,
      cpuArchitecture,
      networkConfiguration: network,
      healthCheckPath,
      primaryContainer,
      scalingTarget,
    };
    const taskDefinitionArn = input.taskDefinitionArn ?? (await this.#registerTaskDefinition(r, cfgFields));
    if (primaryContainer) {
      await putLogLines(this.#upstream, region, primaryContainer.awsLogsConfiguration.logGroup, `${primaryContainer.awsLogsConfiguration.logStreamPrefix}/Main/${randomBytes(16).toString("hex")}`, [
        `Express service ${serviceName}: container Main (${primaryContainer.image}) listening on port ${primaryContainer.containerPort}`,
      ]).catch(() => {});
    }
    const created = await this.#ecs(region, "CreateService", {
      cluster: clusterName,
      serviceName,
      taskDefinition: taskDefinitionArn,
      desiredCount: scalingTarget.minTaskCount,
      launchType: "FARGATE",
      ...(network.subnets.length
        ? {
            networkConfiguration: {
              awsvpcConfiguration: { subnets: network.subnets, securityGroups: network.securityGroups, assignPublicIp: "ENABLED" },
            },
          }
        : {}),
      healthCheckGracePeriodSeconds: 30,
      enableECSManagedTags: true,
      propagateTags: "SERVICE",
      ...(r.tags.length ? { tags: r.tags } : {}),
    });
    r.serviceArn = created.service.serviceArn;
    r.configuration = this.#newConfiguration(r, { ...cfgFields, taskDefinitionArn });
    r.currentDeployment = this.#newDeployment(r);
    this.#services.set(r.serviceArn, r);
    return { service: this.#view(r, { tags: true }) };
  }

  async opDescribeExpressGatewayService(region, input) {
    const r = this.#record(input.serviceArn);
    if (input.include && !(Array.isArray(input.include) && input.include.every((i) => i === "TAGS"))) {
      throw invalid("Invalid include value. Valid values: TAGS.");
    }
    void region;
    return { service: this.#view(r, { tags: input.include?.includes("TAGS") }) };
  }

  async opUpdateExpressGatewayService(region, input) {
    const r = this.#record(input.serviceArn);
    if (r.status !== "ACTIVE") throw new ApiError("ServiceNotActiveException", "Service was not ACTIVE.");
    const prev = r.configuration;
    if (input.taskDefinitionArn) {
      for (const k of ["primaryContainer", "executionRoleArn", "taskRoleArn", "cpu", "memory", "cpuArchitecture"]) {
        if (input[k] !== undefined) throw invalid(`You can't specify ${k} together with taskDefinitionArn.`);
      }
    }
    const executionRoleArn = input.executionRoleArn !== undefined ? validateRole(input.executionRoleArn, "executionRoleArn") : prev.executionRoleArn;
    const taskRoleArn = input.taskRoleArn !== undefined ? validateRole(input.taskRoleArn, "taskRoleArn") : prev.taskRoleArn;
    const { cpu, memory } =
      input.cpu !== undefined || input.memory !== undefined
        ? validateCpuMemory(input.cpu ?? prev.cpu ?? EXPRESS_DEFAULTS.cpu, input.memory ?? prev.memory ?? EXPRESS_DEFAULTS.memory)
        : { cpu: prev.cpu, memory: prev.memory };
    const cpuArchitecture = input.cpuArchitecture ?? prev.cpuArchitecture;
    if (cpuArchitecture && !["X86_64", "ARM64"].includes(cpuArchitecture)) throw invalid(`Invalid cpuArchitecture: ${cpuArchitecture}. Valid values: X86_64, ARM64.`);
    const healthCheckPath = input.healthCheckPath !== undefined ? validateHealthCheckPath(input.healthCheckPath) : prev.healthCheckPath;
    const scalingTarget = validateScaling(input.scalingTarget, prev.scalingTarget);
    const primaryContainer =
      input.primaryContainer || prev.primaryContainer
        ? validateContainer(input.primaryContainer ?? {}, prev.primaryContainer, { cluster: r.clusterName, serviceName: r.serviceName })
        : undefined;
    const network = {
      ...prev.networkConfiguration,
      ...Object.fromEntries(Object.entries(input.networkConfiguration ?? {}).filter(([, v]) => Array.isArray(v) && v.length)),
    };
    const cfgFields = { executionRoleArn, taskRoleArn, cpu, memory, cpuArchitecture, networkConfiguration: network, healthCheckPath, primaryContainer, scalingTarget };
    const taskDefinitionArn =
      input.taskDefinitionArn ?? (primaryContainer ? await this.#registerTaskDefinition(r, cfgFields) : prev.taskDefinitionArn);

    const current = await this.#ecs(r.region, "DescribeServices", { cluster: r.clusterName, services: [r.serviceName] });
    const desired = current.services?.[0]?.desiredCount ?? scalingTarget.minTaskCount;
    await this.#ecs(r.region, "UpdateService", {
      cluster: r.clusterName,
      service: r.serviceName,
      taskDefinition: taskDefinitionArn,
      desiredCount: Math.min(Math.max(desired, scalingTarget.minTaskCount), scalingTarget.maxTaskCount),
      ...(network.subnets?.length
        ? {
            networkConfiguration: {
              awsvpcConfiguration: { subnets: network.subnets, securityGroups: network.securityGroups ?? [], assignPublicIp: "ENABLED" },
            },
          }
        : {}),
    });
    r.configuration = this.#newConfiguration(r, { ...cfgFields, taskDefinitionArn });
    r.currentDeployment = this.#newDeployment(r);
    r.updatedAt = epoch();
    return {
      service: {
        serviceArn: r.serviceArn,
        cluster: r.cluster,
        serviceName: r.serviceName,
        status: { statusCode: r.status },
        targetConfiguration: clone(r.configuration),
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      },
    };
  }

  async opDeleteExpressGatewayService(region, input) {
    const r = this.#record(input.serviceArn);
    if (r.status !== "ACTIVE") throw new ApiError("ServiceNotActiveException", "Service was not ACTIVE.");
    void region;
    try {
      await this.#ecs(r.region, "UpdateService", { cluster: r.clusterName, service: r.serviceName, desiredCount: 0 });
    } catch {}
    await this.#ecs(r.region, "DeleteService", { cluster: r.clusterName, service: r.serviceName, force: true });
    r.status = "DRAINING";
    r.statusReason = "The Express service is being deleted.";
    r.updatedAt = epoch();
    const view = this.#view(r, { tags: true });
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (this.#services.get(r.serviceArn) !== r) return;
      r.status = "INACTIVE";
      r.statusReason = undefined;
      r.updatedAt = epoch();
    }, this.#pace());
    timer.unref?.();
    this.#timers.add(timer);
    return { service: view };
  }
}
