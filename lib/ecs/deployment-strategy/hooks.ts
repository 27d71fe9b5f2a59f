import { z } from "zod";
import { HOOK_STAGES, LAMBDA_ARN, PAUSE_STAGES, ROLE_ARN } from "./fields";

/**
 * Lifecycle hooks as a list of rows, shared by the service wizard and the "Deployment settings"
 * dialog: each a Lambda function ECS calls at its stages (a failure rolls back) or a pause ECS
 * holds the deployment at until someone continues it. AWS's API model sets no maximum on
 * deploymentConfiguration.lifecycleHooks; Portside takes at most MAX_HOOKS rows, and each Lambda
 * hook's hookDetails as a JSON object of at most MAX_HOOK_DETAILS characters and MAX_DETAILS_DEPTH levels.
 */
export const MAX_HOOKS = 10;
export const MAX_HOOK_DETAILS = 4096;
export const MAX_DETAILS_DEPTH = 8;

export type HookKind = "lambda" | "pause";
/** One row as the form holds it: strings as typed. */
export type HookRow = { kind: HookKind; targetArn: string; roleArn: string; stages: string[]; details: string };

export const emptyHook = (kind: HookKind = "lambda"): HookRow => ({ kind, targetArn: "", roleArn: "", stages: [], details: "" });

const hookRowSchema = z.object({
  kind: z.enum(["lambda", "pause"], { message: "Pick Lambda function or pause." }).default("lambda"),
  targetArn: z.string().trim().max(2048, "ARNs are at most 2048 characters.").default(""),
  roleArn: z.string().trim().max(2048, "ARNs are at most 2048 characters.").default(""),
  stages: z.array(z.enum(HOOK_STAGES, { message: "Pick stages from the list." })).max(HOOK_STAGES.length).default([]),
  details: z.string().trim().max(MAX_HOOK_DETAILS, `Hook details are at most ${MAX_HOOK_DETAILS} characters.`).default(""),
});

/** The `hooks` field of both forms. */
export const lifecycleHookFields = {
  hooks: z.array(hookRowSchema).max(MAX_HOOKS, `At most ${MAX_HOOKS} lifecycle hooks.`).default([]),
};

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * hookDetails as typed: a JSON object, bounded in size and depth, without prototype keys.
 * Returns the object, or the message to show at the field.
 */
export function parseHookDetails(text: string): { value: Record<string, unknown> } | { error: string } {
  if (text.length > MAX_HOOK_DETAILS) return { error: `Hook details are at most ${MAX_HOOK_DETAILS} characters.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'Enter hook details as a JSON object, e.g. {"suite": "smoke"}.' };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: 'Enter hook details as a JSON object, e.g. {"suite": "smoke"}.' };
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth > MAX_DETAILS_DEPTH) return { error: `Hook details nest at most ${MAX_DETAILS_DEPTH} levels.` };
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return { error: `Hook details cannot use the key ${key}.` };
      stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return { value: value as Record<string, unknown> };
}

type Issue = (path: string, message: string) => void;

/** Every combination ECS refuses, per row, at its field (hooks.<i>.<field>). */
export function hookIssues(hooks: HookRow[], shifting: boolean, issue: Issue) {
  if (!hooks.length) return;
  if (!shifting) {
    issue("hooks", "Lifecycle hooks need blue/green, linear or canary deployments.");
    return;
  }
  hooks.forEach((h, i) => {
    const at = (field: string, message: string) => issue(`hooks.${i}.${field}`, message);
    if (!h.stages.length) at("stages", "Pick at least one stage for this hook.");
    if (h.kind === "pause") {
      if (h.stages.some((s) => !(PAUSE_STAGES as readonly string[]).includes(s))) at("stages", "A pause hook cannot hold a deployment during test or production traffic shift; pick another stage.");
      return;
    }
    if (!LAMBDA_ARN.test(h.targetArn)) at("targetArn", "Enter a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>).");
    if (!ROLE_ARN.test(h.roleArn)) at("roleArn", "Enter the ARN of the role ECS uses to call the hook.");
    if (h.details) {
      const parsed = parseHookDetails(h.details);
      if ("error" in parsed) at("details", parsed.error);
    }
  });
}

/** deploymentConfiguration.lifecycleHooks as ECS takes them, stages in the order a deployment passes them. */
export function lifecycleHooks(hooks: HookRow[]): Record<string, unknown>[] {
  const ordered = (stages: string[]) => HOOK_STAGES.filter((s) => stages.includes(s));
  return hooks.map((h) => {
    if (h.kind === "pause") return { targetType: "PAUSE", lifecycleStages: ordered(h.stages) };
    const details = h.details ? parseHookDetails(h.details) : null;
    return {
      hookTargetArn: h.targetArn,
      roleArn: h.roleArn,
      lifecycleStages: ordered(h.stages),
      ...(details && "value" in details ? { hookDetails: details.value } : {}),
    };
  });
}

/** The rows of a service's hooks as DescribeServices returns them (what the dialog opens with). */
export function hookRowsOf(hooks: { targetType?: string; hookTargetArn?: string; roleArn?: string; lifecycleStages?: string[]; hookDetails?: unknown }[] | undefined): HookRow[] {
  return (hooks ?? []).slice(0, MAX_HOOKS).map((h) => ({
    kind: h.targetType === "PAUSE" ? "pause" : "lambda",
    targetArn: h.hookTargetArn ?? "",
    roleArn: h.roleArn ?? "",
    stages: h.lifecycleStages ?? [],
    details: h.hookDetails && typeof h.hookDetails === "object" ? JSON.stringify(h.hookDetails) : "",
  }));
}
