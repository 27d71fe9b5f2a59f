import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "../testing/fuzz";
import { parseForwardTarget, toLogEvents } from "./forward";

describe("parseForwardTarget", () => {
  it("reads connection, region and log group", () => {
    expect(parseForwardTarget("Production|eu-west-1|/portside/audit")).toEqual({ connection: "Production", region: "eu-west-1", logGroup: "/portside/audit" });
    expect(parseForwardTarget(" Local sandbox | us-east-1 | audit#2 ")).toEqual({ connection: "Local sandbox", region: "us-east-1", logGroup: "audit#2" });
  });

  it("forwards nothing for a setting it cannot trust", () => {
    for (const bad of [undefined, "", "Production", "a|b|c|d", "|eu-west-1|/g", "P|EU-WEST-1|/g", "P|eu-west-1|", "P|eu-west-1|/g with space", `P|eu-west-1|${"g".repeat(600)}`, "x".repeat(2000)]) {
      expect(parseForwardTarget(bad), String(bad)).toBeNull();
    }
  });

  it("ends quickly on any text", () => {
    fc.assert(fc.property(hostile, (value) => void quick(() => parseForwardTarget(value))), { numRuns: 300 });
  });
});

describe("toLogEvents", () => {
  const row = (seq: number, detail: unknown = null) => ({ seq: BigInt(seq), at: new Date(1_765_000_000_000 + seq), actorEmail: "ann@example.com", action: "user.update", target: "bob@example.com", detail, prevHash: "a".repeat(64), hash: "b".repeat(64) });

  it("sends each record at its own time as the export's JSON line, chain links included", () => {
    const [event] = toLogEvents([row(7, { role: "viewer" })]);
    expect(event!.timestamp).toBe(1_765_000_000_007);
    expect(JSON.parse(event!.message)).toEqual({ seq: "7", at: new Date(1_765_000_000_007).toISOString(), actor: "ann@example.com", action: "user.update", target: "bob@example.com", detail: { role: "viewer" }, prevHash: "a".repeat(64), hash: "b".repeat(64) });
  });

  it("keeps an event within CloudWatch's size limit", () => {
    const [event] = toLogEvents([row(1, { blob: "x".repeat(300_000) })]);
    expect(event!.message.length).toBeLessThan(256_000);
    expect(event!.message.endsWith("…(truncated)")).toBe(true);
  });
});
