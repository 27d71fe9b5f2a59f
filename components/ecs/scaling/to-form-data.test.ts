import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/core/validation/form-data";
import { queueScalingSchema } from "@/lib/ecs/scaling/schema";
import { toFormData } from "./use-reviewed-form";

describe("toFormData", () => {
  it("writes nested values as the dotted names the actions read back", () => {
    const values = { connectionId: "c1", region: "us-east-1", cluster: "prod", service: "worker", minTasks: "0", maxTasks: "8", queueMode: "existing", queueName: "jobs",
      steps: [{ from: "100", to: "500", change: "1" }, { from: "500", to: "", change: "3" }], scaleInAt: "10", cpu: { enabled: true } };
    const form = toFormData(values);
    expect(form.get("steps.1.change")).toBe("3");
    expect(form.get("cpu.enabled")).toBe("true");
    expect(formDataToObject(form)).toEqual({ ...values, cpu: { enabled: "true" } });
    const parsed = queueScalingSchema.parse(formDataToObject(form));
    expect(parsed.steps).toEqual([{ from: 100, to: 500, change: 1 }, { from: 500, to: null, change: 3 }]);
  });

  it("leaves out undefined and null values", () => {
    expect([...toFormData({ a: undefined, b: null, c: 0 }).keys()]).toEqual(["c"]);
  });
});
