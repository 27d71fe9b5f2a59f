import { describe, expect, it } from "vitest";
import { buildRequestLogsPlan } from "./plan";
import { requestLogsSchema, retrieveLogsSchema } from "./schema";

const base = { connectionId: "c1", region: "us-east-1", applicationName: "shop", environmentName: "shop-blue" };

describe("request logs plan", () => {
  it("is one RequestEnvironmentInfo of the chosen kind, nothing to undo", () => {
    const plan = buildRequestLogsPlan(requestLogsSchema.parse({ ...base, infoType: "tail" }));
    expect(plan.steps).toEqual([expect.objectContaining({ service: "elasticbeanstalk", operation: "RequestEnvironmentInfo", input: { EnvironmentName: "shop-blue", InfoType: "tail" } })]);
    expect(plan.steps[0]!.inverse).toBeUndefined();
    expect(buildRequestLogsPlan(requestLogsSchema.parse({ ...base, infoType: "bundle" })).steps[0]!.input).toMatchObject({ InfoType: "bundle" });
  });

  it("refuses other info types and odd times", () => {
    expect(requestLogsSchema.safeParse({ ...base, infoType: "everything" }).success).toBe(false);
    expect(retrieveLogsSchema.safeParse({ ...base, infoType: "tail", since: "-1" }).success).toBe(false);
    expect(retrieveLogsSchema.parse({ ...base, infoType: "tail", since: "1765085000000" }).since).toBe(1765085000000);
  });
});
