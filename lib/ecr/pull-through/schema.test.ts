import { describe, expect, it } from "vitest";
import { buildCreatePullThroughRulePlan } from "./plan";
import { createPullThroughRuleSchema } from "./schema";

const base = { connectionId: "c", region: "eu-west-1", ecrRepositoryPrefix: "ecr-public", upstreamRegistryUrl: "public.ecr.aws" };
const SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:ecr-pullthroughcache/hub-AbC";
const errorsOf = (v: object) => {
  const r = createPullThroughRuleSchema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("pull-through cache rule schema", () => {
  it("takes ECR Public without and Docker Hub with a credential", () => {
    expect(errorsOf(base)).toEqual({});
    expect(errorsOf({ ...base, ecrRepositoryPrefix: "hub", upstreamRegistryUrl: "registry-1.docker.io", credentialArn: SECRET })).toEqual({});
    expect(errorsOf({ ...base, ecrRepositoryPrefix: "quay", upstreamRegistryUrl: "quay.io" })).toEqual({});
  });

  it("enforces AWS's prefix and credential rules", () => {
    expect(errorsOf({ ...base, ecrRepositoryPrefix: "x" }).ecrRepositoryPrefix).toMatch(/at least 2/);
    expect(errorsOf({ ...base, ecrRepositoryPrefix: "Bad" }).ecrRepositoryPrefix).toMatch(/lowercase/);
    expect(errorsOf({ ...base, ecrRepositoryPrefix: "a".repeat(31) }).ecrRepositoryPrefix).toMatch(/at most 30/);
    expect(errorsOf({ ...base, upstreamRegistryUrl: "registry-1.docker.io" }).credentialArn).toMatch(/Docker Hub needs credentials/);
    expect(errorsOf({ ...base, upstreamRegistryUrl: "registry-1.docker.io", credentialArn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:other" }).credentialArn).toMatch(/ecr-pullthroughcache/);
    expect(errorsOf({ ...base, credentialArn: SECRET }).credentialArn).toMatch(/no credentials/);
    expect(errorsOf({ ...base, upstreamRegistryUrl: "evil.example" }).upstreamRegistryUrl).toBeTruthy();
  });

  it("plans one create with a delete as its inverse", () => {
    const plan = buildCreatePullThroughRulePlan(createPullThroughRuleSchema.parse({ ...base, ecrRepositoryPrefix: "hub", upstreamRegistryUrl: "registry-1.docker.io", credentialArn: SECRET }));
    expect(plan.steps[0]).toMatchObject({ operation: "CreatePullThroughCacheRule", input: { ecrRepositoryPrefix: "hub", credentialArn: SECRET }, inverse: { operation: "DeletePullThroughCacheRule" } });
  });
});
