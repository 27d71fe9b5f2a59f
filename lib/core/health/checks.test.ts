import { describe, expect, it } from "vitest";
import { checkHealth, type HealthProbes } from "./checks";

const probes = (over: Partial<HealthProbes> = {}): HealthProbes => ({
  database: async () => 1,
  queue: async () => true,
  live: () => "shared",
  draining: () => false,
  timeoutMs: 50,
  ...over,
});

describe("checkHealth", () => {
  it("is ok when the database answers and the queue runs", async () => {
    expect(await checkHealth(probes())).toEqual({ status: "ok", checks: { database: "ok", queue: "ok", live: "shared" } });
  });

  it("fails when the database refuses or hangs, without its error text", async () => {
    const refused = await checkHealth(probes({ database: async () => Promise.reject(new Error("password authentication failed for user portside")) }));
    expect(refused).toEqual({ status: "failing", checks: { database: "failing", queue: "ok", live: "shared" } });
    expect(JSON.stringify(refused)).not.toContain("password");
    const hung = await checkHealth(probes({ database: () => new Promise(() => {}) }));
    expect(hung.checks.database).toBe("failing");
  });

  it("fails when the plan queue is down, and is ok with the worker switched off", async () => {
    expect((await checkHealth(probes({ queue: async () => false }))).status).toBe("failing");
    expect(await checkHealth(probes({ queue: null }))).toMatchObject({ status: "ok", checks: { queue: "off" } });
  });

  it("says draining while the instance shuts down, and only reports how live views are shared", async () => {
    expect((await checkHealth(probes({ draining: () => true }))).status).toBe("draining");
    expect(await checkHealth(probes({ live: () => "local" }))).toMatchObject({ status: "ok", checks: { live: "local" } });
  });
});
