import type { TaskDefinitionView } from "@/lib/ecs/task-definitions/view";

/**
 * What one task of the service reserves: the baseline ECS divides by when it reports utilization
 * (CPU % is of the reserved CPU units, memory % of the reserved memory).
 */
export type TaskSize = {
  taskDefinition: string;
  /** CPU units (1,024 = 1 vCPU); null when nothing reserves CPU (EC2 tasks may share the host). */
  cpuUnits: number | null;
  memoryMiB: number | null;
  /** "task" when the task definition sets the size, "containers" when it is the sum of its containers. */
  source: "task" | "containers";
};

const num = (v: unknown): number | null => {
  const n = typeof v === "string" ? Number(v) : typeof v === "number" ? v : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** Task-level cpu/memory when set (always on Fargate), else the containers' cpu and memory (hard, then soft limit). */
export function taskSizeOf(def: TaskDefinitionView): TaskSize {
  const taskDefinition = `${def.family}:${def.revision}`;
  const cpu = num(def.cpu);
  const memory = num(def.memory);
  if (cpu !== null || memory !== null) return { taskDefinition, cpuUnits: cpu, memoryMiB: memory, source: "task" };
  const sum = (pick: (c: TaskDefinitionView["containerDefinitions"][number]) => number | null) => {
    const values = def.containerDefinitions.map(pick).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  return {
    taskDefinition,
    cpuUnits: sum((c) => num(c.cpu)),
    memoryMiB: sum((c) => num(c.memory) ?? num(c.memoryReservation)),
    source: "containers",
  };
}

/** "0.25 vCPU (256 units)", "2 vCPU (2048 units)". */
export function formatCpu(units: number | null): string {
  if (units === null) return "not reserved";
  const vcpu = units / 1024;
  return `${Number.isInteger(vcpu) ? vcpu : Number(vcpu.toFixed(3))} vCPU (${units} units)`;
}

/** "512 MiB", "2 GiB", "1.5 GiB". */
export function formatMemory(mib: number | null): string {
  if (mib === null) return "not reserved";
  return mib >= 1024 ? `${Number((mib / 1024).toFixed(2))} GiB` : `${mib} MiB`;
}
