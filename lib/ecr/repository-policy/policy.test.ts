import { describe, expect, it } from "vitest";
import { policyProblem } from "./policy";
import { ciPushPolicy, crossAccountPullPolicy } from "./templates";

const statement = (s: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", ...s }] });

describe("repository policy check", () => {
  it("takes the templates and a policy with a condition", () => {
    expect(policyProblem(crossAccountPullPolicy("111122223333"))).toBeNull();
    expect(policyProblem(ciPushPolicy("arn:aws:iam::111122223333:role/ci"))).toBeNull();
    expect(policyProblem(statement({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }))).toBeNull();
  });

  it("says what is wrong", () => {
    expect(policyProblem("{")).toMatch(/not valid JSON/);
    expect(policyProblem(JSON.stringify({ Version: "2012-10-17", Statement: [] }))).toMatch(/at least one statement/);
    expect(policyProblem(JSON.stringify({ Statement: [{}] }))).toMatch(/Version/);
    expect(policyProblem(statement({ Effect: "Maybe" }))).toMatch(/Statement 1: Effect/);
    expect(policyProblem(statement({ Action: "s3:GetObject" }))).toMatch(/not an ecr: action/);
    expect(policyProblem(statement({ Principal: { AWS: "bob" } }))).toMatch(/not an account ID/);
    expect(policyProblem(statement({ Principal: undefined }))).toMatch(/Principal/);
    expect(policyProblem(statement({ Sid: "has space" }))).toMatch(/Sid/);
    expect(policyProblem(statement({ Condition: { StringEquals: "x" } }))).toMatch(/Condition/);
    expect(policyProblem(statement({ Extra: 1 }))).toMatch(/unknown key/);
    expect(policyProblem(" ".repeat(20_000))).toMatch(/Enter the policy/);
    expect(policyProblem("[".repeat(20_000))).toMatch(/at most 10,240/);
  });

  it("refuses a Sid used twice", () => {
    const s = { Sid: "A", Effect: "Allow", Principal: "*", Action: "ecr:*" };
    expect(policyProblem(JSON.stringify({ Version: "2012-10-17", Statement: [s, s] }))).toMatch(/used by another/);
  });
});
