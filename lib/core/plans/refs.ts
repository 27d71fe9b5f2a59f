import { isRef, type PlanStep } from "./types";

export type StepOutputs = Record<string, Record<string, unknown>>;

/**
 * Reads a dotted path ("cluster.clusterArn", "services.0.serviceArn") from a response. A segment
 * "[key=value]" picks the first array element whose key has that value, for lists whose order
 * is not the thing to follow ("services.0.deployments.[id=ecs-svc/123].rolloutState").
 */
export function readPath(source: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((value, part) => {
    if (value === null || typeof value !== "object") return undefined;
    const pick = /^\[([^=\]]+)=(.*)\]$/.exec(part);
    if (pick && Array.isArray(value)) {
      return value.find((el) => el !== null && typeof el === "object" && String((el as Record<string, unknown>)[pick[1]!]) === pick[2]);
    }
    return (value as Record<string, unknown>)[part];
  }, source);
}

/** The named outputs a step's response provides, per its `produces` map. */
export function extractOutputs(step: Pick<PlanStep, "produces">, response: unknown): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const [name, path] of Object.entries(step.produces ?? {})) outputs[name] = readPath(response, path);
  return outputs;
}

/** Replaces every `{ $ref: "step.output" }` in a request with the value an earlier step produced. */
export function resolveRefs<T>(value: T, outputs: StepOutputs): T {
  if (isRef(value)) {
    const [stepKey, ...rest] = value.$ref.split(".");
    const resolved = readPath(outputs[stepKey ?? ""], rest.join("."));
    if (resolved === undefined) throw new Error(`Step output ${value.$ref} is not available`);
    return resolved as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, outputs)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, outputs)])) as T;
  }
  return value;
}

/** Every step key a request refers to. */
export function refsIn(value: unknown): string[] {
  if (isRef(value)) return [value.$ref.split(".")[0] ?? ""];
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(refsIn);
  return [];
}
