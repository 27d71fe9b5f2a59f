import { describe, expect, it } from "vitest";
import { allows, globMatch, missingNeeds, parsePolicy, widenPolicy, type Statement } from "./policy-diff";

const cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/a";
const runTask = (family: string, c = cluster): Statement => ({
  Effect: "Allow",
  Action: "ecs:RunTask",
  Resource: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:*`,
  Condition: { ArnLike: { "ecs:cluster": c } },
});
const need = (family: string, c = cluster) => ({ action: "ecs:RunTask", resource: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:3`, context: { "ecs:cluster": c } });

describe("policy diff", () => {
  it("matches IAM wildcards: * any run, ? one character, actions case-insensitively", () => {
    expect(globMatch("ecs:*", "ecs:RunTask")).toBe(true);
    expect(globMatch("ecs:run?ask", "ecs:RunTask", true)).toBe(true);
    expect(globMatch("ecs:run?ask", "ecs:RunTask")).toBe(false);
    expect(globMatch("arn:aws:ecs:*:task-definition/job:*", "arn:aws:ecs:us-east-1:1:task-definition/jobs:1")).toBe(false);
    expect(globMatch("a.b", "axb")).toBe(false);
  });

  it("allows RunTask on the family in the cluster its condition names, and nowhere else", () => {
    const s = [runTask("job")];
    expect(allows(s, need("job"))).toBe(true);
    expect(allows(s, need("report"))).toBe(false);
    expect(allows(s, need("job", "arn:aws:ecs:us-east-1:123456789012:cluster/b"))).toBe(false);
    // A condition on a key the request does not carry does not hold.
    expect(allows(s, { action: "ecs:RunTask", resource: need("job").resource })).toBe(false);
  });

  it("honours Deny, NotAction, NotResource, wildcard actions and resources", () => {
    const star: Statement = { Effect: "Allow", Action: ["ecs:*"], Resource: "*" };
    expect(allows([star], need("report"))).toBe(true);
    expect(allows([star, { Effect: "Deny", Action: "ecs:RunTask", Resource: "*" }], need("report"))).toBe(false);
    expect(allows([{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }], need("report"))).toBe(true);
    expect(allows([{ Effect: "Allow", NotAction: "ecs:*", Resource: "*" }], need("report"))).toBe(false);
    expect(allows([{ Effect: "Allow", Action: "ecs:RunTask", NotResource: "arn:aws:ecs:*:task-definition/report:*" }], need("report"))).toBe(false);
    expect(allows([], need("report"))).toBe(false);
  });

  it("evaluates StringEquals and StringLike conditions", () => {
    const pass = { action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/exec", context: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } };
    expect(allows([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringLike: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } }], pass)).toBe(true);
    expect(allows([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } }], pass)).toBe(false);
    expect(allows([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { NumericLessThan: { "iam:PassedToService": "1" } } }], pass)).toBe(false);
  });

  it("names what is missing, and widens a document by appending statements", () => {
    expect(missingNeeds([runTask("job")], [need("job"), need("report")])).toEqual([need("report")]);
    const widened = parsePolicy(widenPolicy({ Version: "2012-10-17", Statement: [runTask("job")] }, [runTask("report")]))!;
    expect(widened.Statement).toEqual([runTask("job"), runTask("report")]);
    expect(missingNeeds(widened.Statement, [need("job"), need("report")])).toEqual([]);
    expect(JSON.parse(widenPolicy(null, [runTask("job")]))).toEqual({ Version: "2012-10-17", Statement: [runTask("job")] });
  });

  it("reads the URL-encoded documents IAM returns, and a single statement object", () => {
    const doc = { Version: "2012-10-17", Statement: runTask("job") };
    expect(parsePolicy(encodeURIComponent(JSON.stringify(doc)))!.Statement).toEqual([runTask("job")]);
    expect(parsePolicy("not json")).toBeNull();
    expect(parsePolicy(undefined)).toBeNull();
  });
});
