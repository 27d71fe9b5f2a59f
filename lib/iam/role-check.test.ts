import { describe, expect, it } from "vitest";
import type { Statement } from "./policy-diff";
import { applyRoleFix, attachMissingPolicy, joinFixes, type RoleFacts } from "./role-check";

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

describe("applyRoleFix", () => {
  const plan = {
    version: 1 as const, wizard: "w", title: "t", resources: [],
    steps: [
      { key: "create", service: "eks", operation: "CreateCluster", description: "c", input: {} },
      { key: "wait", service: "eks", operation: "DescribeCluster", description: "d", input: {}, dependsOn: ["create"] },
    ],
  };

  it("puts the role's steps first and makes the plan's first steps wait for them", () => {
    const fix = attachMissingPolicy({ key: "clusterRolePolicy", role: role({ name: "eksClusterRole" }), policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", needs: [], use: "x" });
    const fixed = applyRoleFix(plan, fix);
    expect(fixed.steps.map((s) => [s.key, s.dependsOn])).toEqual([["clusterRolePolicy", undefined], ["create", ["clusterRolePolicy"]], ["wait", ["create"]]]);
    expect(fixed.warnings).toBeUndefined();
  });

  it("adds warnings and leaves an untouched plan as it was", () => {
    expect(applyRoleFix(plan, { steps: [], warnings: [] })).toBe(plan);
    expect(applyRoleFix(plan, joinFixes({ steps: [], warnings: ["a"] }, { steps: [], warnings: ["b"] })).warnings).toEqual(["a", "b"]);
  });
});
