import { describe, expect, it } from "vitest";
import { container, form } from "@/lib/ecs/task-definitions/test-forms";
import { createTaskDefinitionSchema } from "@/lib/ecs/task-definitions/schema";
import type { RoleFacts } from "@/lib/iam/role-check";
import { buildRegisterTaskDefinitionPlan } from "./plan";
import { readSecretsStep, secretArnsOf, SECRETS_POLICY_NAME } from "./secrets-policy";

const SM = (name: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}`;
const SSM = "arn:aws:ssm:us-east-1:123456789012:parameter/app/token";
const withSecrets = (...valueFroms: string[]) => container({ secrets: valueFroms.map((valueFrom, i) => ({ name: `S${i}`, valueFrom })) });
const input = (over: Record<string, unknown>) => createTaskDefinitionSchema.parse(form(over));
const policyOf = (step: { input: Record<string, unknown> }) => JSON.parse(step.input.PolicyDocument as string);
const role = (over: Partial<RoleFacts> = {}): RoleFacts => ({ name: "team-exec", managed: false, inline: {}, attachedArns: [], statements: [], ...over });

describe("secretArnsOf", () => {
  it("names each Secrets Manager secret once, without a JSON key or version, and leaves SSM parameters out", () => {
    const arns = secretArnsOf([withSecrets(SM("db-AbCdEf"), `${SM("db-AbCdEf")}:password::`, SSM), withSecrets(SM("api-XyZ123"))] as never);
    expect(arns).toEqual([SM("api-XyZ123"), SM("db-AbCdEf")]);
  });
});

describe("the execution role's secrets policy in the register plan", () => {
  it("a created execution role gets portside-read-secrets naming exactly the secrets, before registering, undone by DeleteRolePolicy", () => {
    const plan = buildRegisterTaskDefinitionPlan(input({ containers: [withSecrets(SM("db-AbCdEf"), `${SM("key-123456")}:k::`)] }), { existingLogGroups: ["/ecs/web"] });
    expect(plan.steps.map((s) => `${s.service}:${s.operation}`)).toEqual(["iam:CreateRole", "iam:AttachRolePolicy", "iam:PutRolePolicy", "ecs:RegisterTaskDefinition"]);
    const step = plan.steps[2]!;
    expect(step.dependsOn).toEqual(["executionRole"]);
    expect(step.input).toMatchObject({ RoleName: "ecsTaskExecutionRole", PolicyName: SECRETS_POLICY_NAME });
    expect(policyOf(step)).toEqual({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [SM("db-AbCdEf"), SM("key-123456")] }] });
    expect(step.inverse).toEqual({ service: "iam", operation: "DeleteRolePolicy", description: expect.any(String), input: { RoleName: "ecsTaskExecutionRole", PolicyName: SECRETS_POLICY_NAME } });
    expect(plan.steps.at(-1)!.dependsOn).toContain("readSecrets");
  });

  it("a picked role of any name gets the policy; one that already allows every secret gets none", () => {
    const picked = (facts: RoleFacts | null) => buildRegisterTaskDefinitionPlan(
      input({ executionRoleMode: "existing", executionRoleArn: "arn:aws:iam::123456789012:role/ops/team-exec", containers: [withSecrets(SM("db-AbCdEf"))] }),
      { existingLogGroups: ["/ecs/web"], executionRole: facts },
    );
    const step = picked(role()).steps.find((s) => s.operation === "PutRolePolicy")!;
    expect(step.input).toMatchObject({ RoleName: "team-exec", PolicyName: SECRETS_POLICY_NAME });
    expect(step.dependsOn).toBeUndefined();
    // Not read (gone, or no permission to read it): the name comes from the ARN.
    expect(picked(null).steps.find((s) => s.operation === "PutRolePolicy")!.input.RoleName).toBe("team-exec");
    const covered = role({ statements: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "arn:aws:secretsmanager:us-east-1:123456789012:secret:*" }] });
    expect(picked(covered).steps.map((s) => s.operation)).not.toContain("PutRolePolicy");
  });

  it("widens an earlier portside-read-secrets with the new secrets, and the undo puts the earlier one back", () => {
    const earlier = { Version: "2012-10-17", Statement: [{ Effect: "Allow" as const, Action: "secretsmanager:GetSecretValue", Resource: [SM("old-AAAAAA")] }] };
    const step = readSecretsStep({ roleName: "team-exec", arns: [SM("db-AbCdEf")], role: role({ inline: { [SECRETS_POLICY_NAME]: earlier }, statements: earlier.Statement }) })!;
    expect(policyOf(step).Statement[0].Resource).toEqual([SM("old-AAAAAA"), SM("db-AbCdEf")]);
    expect(step.inverse).toMatchObject({ operation: "PutRolePolicy", input: { PolicyDocument: JSON.stringify(earlier) } });
  });

  it("adds nothing without Secrets Manager secrets or without an execution role", () => {
    expect(buildRegisterTaskDefinitionPlan(input({ containers: [withSecrets(SSM)] }), { existingLogGroups: ["/ecs/web"] }).steps.map((s) => s.operation)).not.toContain("PutRolePolicy");
    expect(buildRegisterTaskDefinitionPlan(input({}), { existingLogGroups: ["/ecs/web"] }).steps.map((s) => s.operation)).not.toContain("PutRolePolicy");
    expect(readSecretsStep({ roleName: "r", arns: [], role: null })).toBeNull();
  });
});
