import { z } from "zod";

const choice = z.enum(["delete", "keep"]).default("delete");

/**
 * A teardown's choice per group of what the services leave behind (the dialog's radios). Part
 * of the plan's input, so the reviewed hash covers it; absent means delete what is Portside's.
 */
export const leftoverChoicesSchema = {
  loadBalancing: choice,
  securityGroups: choice,
  autoScaling: choice,
  schedules: choice,
  eventRules: choice,
};

export const choicesOf = (v: { loadBalancing: "delete" | "keep"; securityGroups: "delete" | "keep"; autoScaling: "delete" | "keep"; schedules: "delete" | "keep"; eventRules: "delete" | "keep" }) => ({
  loadBalancing: v.loadBalancing,
  securityGroups: v.securityGroups,
  autoScaling: v.autoScaling,
  schedules: v.schedules,
  eventRules: v.eventRules,
});
