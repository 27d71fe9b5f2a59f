import { FARGATE_SIZES } from "@/lib/express/schema";
import { encodeExpressPrefill, type ExpressPrefill } from "@/lib/express/prefill";
import { instanceTypeInfo } from "./instance-types";
import type { ParsedContainer } from "./run-line";

/**
 * The Fargate size nearest the instance's: its vCPUs (up to 4), and the smallest memory offered
 * with that CPU that holds the instance's memory. Fargate has no 2 vCPU / 1 GB size, so a t3.micro
 * becomes 2 vCPU / 4 GB: the note says so.
 */
export function fargateSizeOf(instanceType: string): { cpu: string; memory: string; note?: string } {
  const info = instanceTypeInfo(instanceType) ?? { vcpus: 1, memoryMiB: 2048 };
  const cpu = String(Math.min(4096, Math.max(256, info.vcpus * 1024)));
  const offered = FARGATE_SIZES[cpu]!;
  const memory = offered.find((m) => Number(m) >= info.memoryMiB) ?? offered.at(-1)!;
  const note = Number(memory) !== info.memoryMiB
    ? `${instanceType} has ${info.memoryMiB / 1024} GB; Fargate offers ${Number(memory) / 1024} GB with ${Number(cpu) / 1024} vCPU.`
    : undefined;
  return { cpu, memory, ...(note ? { note } : {}) };
}

/** The Express Mode wizard's prefill for a host: same image, port, environment and size. */
export function expressPrefillOf(host: { name: string; instanceId: string; instanceType: string }, container: ParsedContainer): ExpressPrefill {
  const size = fargateSizeOf(host.instanceType);
  return {
    serviceName: host.name.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || undefined,
    image: container.image,
    containerPort: container.containerPort,
    cpu: size.cpu,
    memory: size.memory,
    environment: container.environment,
    fromEc2Host: `${host.name} (${host.instanceId})`,
  };
}

/** The link of "Move to ECS": Express Mode's create wizard, prefilled. */
export const moveToExpressHref = (prefill: ExpressPrefill) => `/ecs/express/new?prefill=${encodeExpressPrefill(prefill)}`;
