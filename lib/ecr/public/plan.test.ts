import { describe, expect, it } from "vitest";
import { planToCli } from "@/lib/core/plans/cli";
import { buildCreatePublicRepositoryPlan, buildDeletePublicRepositoryPlan } from "./plan";
import { createPublicRepositorySchema } from "./schema";

const base = { connectionId: "c", region: "us-east-1" as const, repositoryName: "team/tool" };

describe("ECR Public plans and schema", () => {
  it("creates with the catalog data given, none of the empty fields", () => {
    const input = createPublicRepositorySchema.parse({ ...base, description: "A tool", architectures: ["x86-64", "ARM 64"], operatingSystems: "Linux" });
    const plan = buildCreatePublicRepositoryPlan(input);
    expect(plan.steps[0]).toMatchObject({ service: "ecrpublic", operation: "CreateRepository", input: { repositoryName: "team/tool", catalogData: { description: "A tool", architectures: ["ARM 64", "x86-64"], operatingSystems: ["Linux"] } } });
    expect(planToCli(plan, "us-east-1")[0]).toMatch(/^aws ecr-public create-repository --region us-east-1 /);
    expect(plan.steps[0]!.input).not.toHaveProperty("catalogData.aboutText");
  });

  it("refuses other regions, bad names and unknown architectures", () => {
    expect(createPublicRepositorySchema.safeParse({ ...base, region: "eu-west-1" }).success).toBe(false);
    expect(createPublicRepositorySchema.safeParse({ ...base, repositoryName: "Team" }).success).toBe(false);
    expect(createPublicRepositorySchema.safeParse({ ...base, architectures: ["amd64"] }).success).toBe(false);
  });

  it("forces the delete only when the repository holds images", () => {
    const input = { ...base, confirmForce: "force" };
    expect(buildDeletePublicRepositoryPlan(input, 0).steps[0]!.input).toEqual({ repositoryName: "team/tool" });
    expect(buildDeletePublicRepositoryPlan(input, 2).steps[0]!.input).toEqual({ repositoryName: "team/tool", force: true });
  });
});
