/** The cluster wizard's default capacity provider strategy: FARGATE / FARGATE_SPOT weights and bases. */
export type StrategyFields = { fargateWeight: string; fargateBase: string; spotWeight: string; spotBase: string };

export type StrategyPreset = "fargate" | "spot" | "mixed";

export const STRATEGY_PRESETS: Record<StrategyPreset, StrategyFields> = {
  fargate: { fargateWeight: "1", fargateBase: "0", spotWeight: "0", spotBase: "0" },
  spot: { fargateWeight: "0", fargateBase: "0", spotWeight: "1", spotBase: "0" },
  mixed: { fargateWeight: "1", fargateBase: "1", spotWeight: "3", spotBase: "0" },
};

/**
 * The preset whose weights these are, or "custom" when they were set by hand (or copied). Only
 * the strategy's four fields are compared: `values` may be the whole form.
 */
export function presetOf(values: StrategyFields): StrategyPreset | "custom" {
  const fields = Object.keys(STRATEGY_PRESETS.fargate) as (keyof StrategyFields)[];
  return (Object.keys(STRATEGY_PRESETS) as StrategyPreset[]).find((k) => fields.every((f) => STRATEGY_PRESETS[k][f] === String(values[f]))) ?? "custom";
}
