import type { TaskDefinitionView } from "./view";

/**
 * A new revision changes only what the person edited: every setting of the base revision the
 * wizard has no control for (volumes, command, entryPoint, ulimits, ephemeral storage…) is sent
 * again unchanged. Containers are matched by name; a renamed or new container starts clean.
 */
export type CarriedFields = { task: Record<string, unknown>; containers: Record<string, Record<string, unknown>> };

// Container fields the wizard edits; the rest of a container definition is carried over.
export const CONTAINER_FIELDS = new Set(["name", "image", "essential", "cpu", "memory", "memoryReservation", "stopTimeout", "user", "portMappings", "environment", "secrets", "logConfiguration", "healthCheck"]);
// Task fields the wizard edits, or that AWS sets and RegisterTaskDefinition does not take.
export const TASK_FIELDS = new Set([
  "taskDefinitionArn", "family", "revision", "status", "requiresCompatibilities", "compatibilities", "networkMode", "cpu", "memory", "runtimePlatform",
  "taskRoleArn", "executionRoleArn", "containerDefinitions", "registeredAt", "registeredBy", "deregisteredAt", "requiresAttributes", "tags",
]);

const isSet = (v: unknown) =>
  v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && !(typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

const unedited = (o: Record<string, unknown>, known: Set<string>) => Object.fromEntries(Object.entries(o).filter(([k, v]) => !known.has(k) && isSet(v)));

export function carriedFields(def: TaskDefinitionView): CarriedFields {
  return {
    task: unedited(def, TASK_FIELDS),
    containers: Object.fromEntries(def.containerDefinitions.map((c) => [c.name, unedited(c, CONTAINER_FIELDS)]).filter(([, f]) => Object.keys(f as object).length > 0)),
  };
}

/** "ephemeralStorage", "app.command": what is carried, for people. */
export function carriedNames(c: CarriedFields): string[] {
  return [...Object.keys(c.task), ...Object.entries(c.containers).flatMap(([name, f]) => Object.keys(f).map((k) => `${name}.${k}`))];
}

/** The RegisterTaskDefinition request with the carried fields added; what the wizard set wins. */
export function withCarriedFields<T extends { containerDefinitions: { name: string }[] }>(request: T, carried: CarriedFields | undefined): T {
  if (!carried) return request;
  return {
    ...carried.task,
    ...request,
    containerDefinitions: request.containerDefinitions.map((c) => ({ ...carried.containers[c.name], ...c })),
  };
}
