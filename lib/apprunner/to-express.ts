import type { AppRunnerServiceDetail } from "@/lib/apprunner/reads";
import type { ExpressPrefill } from "@/lib/express/prefill";
import type { CreateAppRunnerServiceInput } from "@/lib/apprunner/schema";

/**
 * App Runner CPU as ECS units: App Runner accepts and reports both "1 vCPU" and "1024";
 * ECS wants "1024". Undefined when the value is not understood.
 */
export function cpuUnits(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value ?? "");
  if (!m) return undefined;
  const n = Number(m[1]);
  // A bare small number is a vCPU count ("1"), a large one already in units ("1024").
  const units = m[2] || n < 64 ? n * 1024 : n;
  return Number.isInteger(units) && units > 0 ? String(units) : undefined;
}

/** App Runner memory ("2 GB", "2048", "2048 MB") as ECS MiB ("2048"). */
export function memoryMiB(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|mb)?\s*$/i.exec(value ?? "");
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]?.toLowerCase();
  const mib = unit === "gb" || (!unit && n < 64) ? n * 1024 : n;
  return Number.isInteger(mib) && mib > 0 ? String(mib) : undefined;
}

const definedOnly = (p: ExpressPrefill): ExpressPrefill =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== null)) as ExpressPrefill;

type ServiceConfig = Pick<
  AppRunnerServiceDetail,
  "name" | "arn" | "image" | "port" | "cpu" | "memory" | "environment" | "healthCheck" | "scaling"
>;

/**
 * What an Express Mode service needs to run the same container as an App Runner
 * service: image, port, size, environment, the HTTP health check path, and the
 * instance range as the task range. Concurrency has no Express counterpart (it scales
 * on CPU and requests per target), so it is not carried over.
 */
export function toExpress(service: ServiceConfig): ExpressPrefill {
  const port = Number(service.port);
  return definedOnly({
    serviceName: service.name,
    image: service.image ?? undefined,
    containerPort: Number.isInteger(port) && port > 0 ? port : undefined,
    cpu: cpuUnits(service.cpu),
    memory: memoryMiB(service.memory),
    minTasks: service.scaling?.minSize ?? undefined,
    maxTasks: service.scaling?.maxSize ?? undefined,
    healthCheckPath: service.healthCheck?.protocol === "HTTP" ? (service.healthCheck.path ?? "/") : undefined,
    environment: service.environment.length > 0 ? service.environment.map(({ name, value }) => ({ name, value })) : undefined,
    fromAppRunnerArn: service.arn || undefined,
  });
}

/**
 * The same, from what the App Runner wizard recorded: used when AWS refused to create
 * the service, so the person can create it with Express Mode instead. An existing auto
 * scaling configuration's sizes are unknown here, so the task range is left to Express.
 */
export function createInputToExpress(input: CreateAppRunnerServiceInput): ExpressPrefill {
  const custom = input.scalingMode === "custom";
  return definedOnly({
    serviceName: input.serviceName,
    image: input.imageUri,
    containerPort: input.port,
    cpu: cpuUnits(input.cpu),
    memory: memoryMiB(input.memory),
    minTasks: custom ? input.minSize : undefined,
    maxTasks: custom ? input.maxSize : undefined,
    healthCheckPath: input.healthProtocol === "HTTP" ? input.healthPath : undefined,
    environment: input.environment.length > 0 ? input.environment.map(({ name, value }) => ({ name, value })) : undefined,
  });
}
