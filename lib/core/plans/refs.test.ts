import { describe, expect, it } from "vitest";
import { extractOutputs, readPath, refsIn, resolveRefs } from "./refs";

describe("plan references", () => {
  it("reads dotted paths through objects and arrays", () => {
    expect(readPath({ a: { b: [{ c: 1 }] } }, "a.b.0.c")).toBe(1);
    expect(readPath({ a: 1 }, "a.b")).toBeUndefined();
  });

  it("picks an array element by a key's value", () => {
    const service = { deployments: [{ id: "ecs-svc/2", rolloutState: "IN_PROGRESS" }, { id: "ecs-svc/1", rolloutState: "FAILED" }] };
    expect(readPath(service, "deployments.[id=ecs-svc/1].rolloutState")).toBe("FAILED");
    expect(readPath(service, "deployments.[id=ecs-svc/9].rolloutState")).toBeUndefined();
  });

  it("extracts the outputs a step produces", () => {
    const step = { produces: { clusterArn: "cluster.clusterArn" } };
    expect(extractOutputs(step, { cluster: { clusterArn: "arn:1" } })).toEqual({ clusterArn: "arn:1" });
  });

  it("resolves nested refs and leaves other values alone", () => {
    const input = { cluster: { $ref: "create.clusterArn" }, list: [{ $ref: "create.clusterArn" }, "x"], n: 3 };
    expect(resolveRefs(input, { create: { clusterArn: "arn:1" } })).toEqual({ cluster: "arn:1", list: ["arn:1", "x"], n: 3 });
  });

  it("fails loudly when an output is missing rather than sending a guess", () => {
    expect(() => resolveRefs({ cluster: { $ref: "create.clusterArn" } }, {})).toThrow(/create.clusterArn/);
  });

  it("lists the steps a request depends on", () => {
    expect(refsIn({ a: { $ref: "one.x" }, b: [{ $ref: "two.y" }] })).toEqual(["one", "two"]);
  });
});
