import { createHash } from "node:crypto";

/**
 * Requests that take an idempotency token, and the token's field and longest length (from the
 * SDK's models). The executor sends one derived from the run and the step, so a request that was
 * in flight when Portside stopped is sent again on restart with the same token: AWS applies it
 * once. Requests without a token keep ending the run as interrupted.
 */
const TOKENS: Record<string, { field: string; max: number }> = {
  "ecs:CreateService": { field: "clientToken", max: 36 },
  "ecs:RunTask": { field: "clientToken", max: 64 },
  "ecs:CreateTaskSet": { field: "clientToken", max: 36 },
  "eks:CreateCluster": { field: "clientRequestToken", max: 64 },
  "eks:CreateNodegroup": { field: "clientRequestToken", max: 64 },
  "eks:CreateFargateProfile": { field: "clientRequestToken", max: 64 },
  "eks:CreateAddon": { field: "clientRequestToken", max: 64 },
  "eks:UpdateAddon": { field: "clientRequestToken", max: 64 },
  "eks:UpdateClusterConfig": { field: "clientRequestToken", max: 64 },
  "eks:UpdateClusterVersion": { field: "clientRequestToken", max: 64 },
  "eks:UpdateNodegroupConfig": { field: "clientRequestToken", max: 64 },
  "eks:UpdateNodegroupVersion": { field: "clientRequestToken", max: 64 },
  "scheduler:CreateSchedule": { field: "ClientToken", max: 64 },
  "scheduler:UpdateSchedule": { field: "ClientToken", max: 64 },
  "scheduler:DeleteSchedule": { field: "ClientToken", max: 64 },
  "ec2:RunInstances": { field: "ClientToken", max: 64 },
  "ec2:CreateLaunchTemplate": { field: "ClientToken", max: 64 },
  "ec2:CreateLaunchTemplateVersion": { field: "ClientToken", max: 64 },
};

/** Does this request take an idempotency token (so it can be sent again safely)? */
export function takesIdempotencyToken(service: string, operation: string): boolean {
  return `${service}:${operation}` in TOKENS;
}

/**
 * The request with its idempotency token: the same for the same run and step, every time (a
 * token the plan already carries is kept). Requests without a token are returned unchanged.
 */
export function withIdempotencyToken(service: string, operation: string, request: Record<string, unknown>, runId: string, stepKey: string): Record<string, unknown> {
  const token = TOKENS[`${service}:${operation}`];
  if (!token || typeof request[token.field] === "string") return request;
  const value = createHash("sha256").update(`portside:${runId}:${stepKey}`).digest("hex").slice(0, Math.min(32, token.max));
  return { ...request, [token.field]: value };
}
