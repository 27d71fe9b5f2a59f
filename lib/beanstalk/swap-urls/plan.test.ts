import { describe, expect, it } from "vitest";
import { buildSwapUrlsPlan } from "./plan";
import { swapUrlsSchema } from "./schema";

const base = { connectionId: "c1", region: "us-east-1", applicationName: "shop", environmentName: "shop-blue", destinationName: "shop-green" };

describe("swap URLs plan", () => {
  it("is one SwapEnvironmentCNAMEs whose inverse swaps back", () => {
    const plan = buildSwapUrlsPlan(swapUrlsSchema.parse(base));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({ service: "elasticbeanstalk", operation: "SwapEnvironmentCNAMEs", input: { SourceEnvironmentName: "shop-blue", DestinationEnvironmentName: "shop-green" } });
    expect(plan.steps[0]!.inverse?.input).toEqual(plan.steps[0]!.input);
    expect(plan.landing).toBe("/beanstalk/shop/shop-blue");
  });

  it("refuses the same environment twice and names that are not environment names", () => {
    const same = swapUrlsSchema.safeParse({ ...base, destinationName: "shop-blue" });
    expect(same.success).toBe(false);
    expect(same.error?.issues[0]?.path).toEqual(["destinationName"]);
    expect(swapUrlsSchema.safeParse({ ...base, destinationName: "x'; drop" }).success).toBe(false);
  });
});
