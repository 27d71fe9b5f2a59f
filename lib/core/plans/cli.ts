import { isRef, type Plan, type PlanStep } from "./types";

/** AWS CLI service names where they differ from the plan's service key. */
const CLI_SERVICE: Record<string, string> = { elbv2: "elbv2", logs: "logs", scheduler: "scheduler", appautoscaling: "application-autoscaling", s3: "s3api", ecrpublic: "ecr-public" };

export function kebab(operation: string): string {
  return operation
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

function shellVar(ref: string): string {
  return ref.replace(/[^A-Za-z0-9]+/g, "_").replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

// Inside single quotes a shell variable cannot expand, so a ref closes the quote,
// expands the variable in double quotes and reopens: '{"cluster":"'"$X"'"}'.
function jsonWithVars(input: unknown): string {
  const placeholders = new Map<string, string>();
  const replaced = JSON.stringify(input, (_key, value) => {
    if (!isRef(value)) return value;
    const token = `@@REF${placeholders.size}@@`;
    placeholders.set(token, shellVar(value.$ref));
    return token;
  });
  let text = replaced.replace(/'/g, `'\\''`);
  for (const [token, name] of placeholders) text = text.replace(`"${token}"`, `"'"$${name}"'"`);
  return text;
}

/** The equivalent AWS CLI command of one step, capturing outputs later steps use. */
export function stepToCli(step: PlanStep, region: string, usedOutputs: Set<string> = new Set()): string {
  const service = CLI_SERVICE[step.service] ?? step.service;
  const base = `aws ${service} ${kebab(step.operation)} --region ${region} --cli-input-json '${jsonWithVars(step.input)}'`;
  const captured = Object.entries(step.produces ?? {}).filter(([name]) => usedOutputs.has(`${step.key}.${name}`));
  if (captured.length === 0) return base;
  // One capture per command keeps it copy-pasteable; plans produce at most one value per step.
  const [name, path] = captured[0]!;
  return `${shellVar(`${step.key}.${name}`)}=$(${base} --query '${path}' --output text)`;
}

/** The whole plan as a shell script a person could run instead of Portside. */
export function planToCli(plan: Plan, region: string): string[] {
  const used = new Set<string>();
  const collect = (value: unknown): void => {
    if (isRef(value)) used.add(value.$ref);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  plan.steps.forEach((s) => collect(s.input));
  return plan.steps.map((s) => stepToCli(s, region, used));
}
