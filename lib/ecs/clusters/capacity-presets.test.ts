import { describe, expect, it } from "vitest";
import { presetOf, STRATEGY_PRESETS } from "./capacity-presets";

describe("presetOf", () => {
  it("recognises the preset in the whole form's values, which hold far more than the strategy", () => {
    const form = { clusterName: "", infrastructure: "fargate", containerInsights: "disabled", ...STRATEGY_PRESETS.fargate, instanceType: "t3.medium" };
    expect(presetOf(form)).toBe("fargate");
    expect(presetOf({ ...form, ...STRATEGY_PRESETS.mixed })).toBe("mixed");
    expect(presetOf({ ...form, ...STRATEGY_PRESETS.spot })).toBe("spot");
  });

  it("is custom when the weights match no preset", () => {
    expect(presetOf({ fargateWeight: "2", fargateBase: "0", spotWeight: "1", spotBase: "0" })).toBe("custom");
  });
});
