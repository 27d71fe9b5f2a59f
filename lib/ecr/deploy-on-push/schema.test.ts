import { describe, expect, it } from "vitest";
import { createRuleSchema } from "./schema";

const base = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "web", repository: "team/web", tagPattern: "v*", mode: "auto" };

describe("deploy-on-push rule schema", () => {
  it("accepts a glob or an exact tag and trims it", () => {
    expect(createRuleSchema.parse({ ...base, tagPattern: " v* " }).tagPattern).toBe("v*");
    expect(createRuleSchema.parse({ ...base, tagPattern: "main", mode: "propose" }).mode).toBe("propose");
  });

  it("puts each problem on its field", () => {
    const result = createRuleSchema.safeParse({ ...base, tagPattern: "v 1", repository: "Team", mode: "later" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["tagPattern", "repository", "mode"]));
  });
});
