import { describe, expect, it } from "vitest";
import { createFargateProfileSchema, fargateProfileSchema } from "./schema";

const base = {
  connectionId: "c1",
  region: "us-east-1",
  clusterName: "prod",
  fargateProfileName: "fp-default",
  subnets: ["subnet-0a1", "subnet-0b2"],
  selectors: [{ namespace: "default", labels: [] }],
};
const errors = (input: Record<string, unknown>, publicSubnets: string[] = []) => {
  const r = fargateProfileSchema(publicSubnets).safeParse({ ...base, ...input });
  const out: Record<string, string> = {};
  if (!r.success) for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("Fargate profile validation", () => {
  it("accepts private subnets and a namespace selector", () => {
    expect(createFargateProfileSchema.parse(base)).toMatchObject({ podRoleMode: "create", selectors: [{ namespace: "default", labels: [] }] });
  });

  it("refuses a public subnet, naming it", () => {
    expect(errors({}, ["subnet-0b2"]).subnets).toBe("Fargate runs pods only in private subnets; subnet-0b2 routes to an internet gateway.");
    expect(errors({}, ["subnet-0a1", "subnet-0b2"]).subnets).toBe("Fargate runs pods only in private subnets; subnet-0a1, subnet-0b2 route to an internet gateway.");
    expect(errors({ subnets: [] }).subnets).toBe("Pick at least one private subnet.");
  });

  it("needs 1 to 5 selectors, each with a namespace and valid labels", () => {
    expect(errors({ selectors: [] }).selectors).toBe("Add at least one selector.");
    expect(errors({ selectors: Array.from({ length: 6 }, () => ({ namespace: "a", labels: [] })) }).selectors).toBe("A profile has at most 5 selectors.");
    expect(errors({ selectors: [{ namespace: "", labels: [] }] })["selectors.0.namespace"]).toBe("Enter a namespace.");
    expect(errors({ selectors: [{ namespace: "Prod", labels: [] }] })["selectors.0.namespace"]).toMatch(/lowercase/);
    expect(errors({ selectors: [{ namespace: "kube-*", labels: [{ key: "app", value: "web" }] }] })).toEqual({});
    expect(errors({ selectors: [{ namespace: "web", labels: [{ key: "app!", value: "web" }] }] })["selectors.0.labels.0.key"]).toMatch(/at most 63/);
  });

  it("needs a role ARN when using an existing role", () => {
    expect(errors({ podRoleMode: "existing", podRoleArn: "nope" }).podRoleArn).toBe("Pick a pod execution role.");
    expect(errors({ podRoleMode: "existing", podRoleArn: "arn:aws:iam::123456789012:role/pods" })).toEqual({});
  });
});
