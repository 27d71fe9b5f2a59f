import { describe, expect, it } from "vitest";
import type { Statement } from "./policy-diff";
import { attachMissingPolicy, type RoleFacts } from "./role-check";

const POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
const needs = [{ action: "ecr:BatchGetImage", resource: "*" }, { action: "logs:PutLogEvents", resource: "*" }];
const role = (over: Partial<RoleFacts>): RoleFacts => ({ name: "ecsTaskExecutionRole", managed: true, inline: {}, attachedArns: [], statements: [], ...over });

describe("attachMissingPolicy", () => {
  it("attaches the managed policy a Portside role lacks, with its detach as inverse", () => {
    const fix = attachMissingPolicy({ key: "attach", role: role({}), policyArn: POLICY, needs, use: "tasks" });
    expect(fix.warnings).toEqual([]);
    expect(fix.steps).toEqual([expect.objectContaining({
      operation: "AttachRolePolicy",
      input: { RoleName: "ecsTaskExecutionRole", PolicyArn: POLICY },
      inverse: expect.objectContaining({ operation: "DetachRolePolicy" }),
    })]);
  });

  it("does nothing when the policy is attached", () => {
    expect(attachMissingPolicy({ key: "a", role: role({ attachedArns: [POLICY] }), policyArn: POLICY, needs, use: "tasks" })).toEqual({ steps: [], warnings: [] });
  });

  it("checks another role's own statements and names the permission it lacks", () => {
    const logsOnly: Statement[] = [{ Effect: "Allow", Action: "logs:*", Resource: "*" }];
    const fix = attachMissingPolicy({ key: "a", role: role({ name: "team-exec", managed: false, statements: logsOnly }), policyArn: POLICY, needs, use: "starting tasks" });
    expect(fix.steps).toEqual([]);
    expect(fix.warnings).toEqual(["Role team-exec lacks ecr:BatchGetImage on *: starting tasks will be denied by AWS until the role allows it."]);
    const all: Statement[] = [{ Effect: "Allow", Action: ["ecr:*", "logs:*"], Resource: "*" }];
    expect(attachMissingPolicy({ key: "a", role: role({ managed: false, statements: all }), policyArn: POLICY, needs, use: "x" })).toEqual({ steps: [], warnings: [] });
  });
});
