import { describe, expect, it } from "vitest";
import { newestPerInstance } from "./samples";

describe("newest log sample per instance", () => {
  it("keeps the newest of each instance taken since the request", () => {
    const samples = [
      { instanceId: "i-2", sampledAt: "2026-12-07T05:00:10.000Z", url: "u3" },
      { instanceId: "i-1", sampledAt: "2026-12-07T05:00:09.000Z", url: "u2" },
      { instanceId: "i-1", sampledAt: "2026-12-07T05:00:05.000Z", url: "u1" },
      { instanceId: "i-3", sampledAt: "2026-12-07T04:50:00.000Z", url: "old" },
    ];
    expect(newestPerInstance(samples, Date.parse("2026-12-07T05:00:00Z")).map((s) => s.url)).toEqual(["u2", "u3"]);
  });
});
