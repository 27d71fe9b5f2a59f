import { describe, expect, it } from "vitest";
import { statusTone } from "./badge";

describe("statusTone", () => {
  it.each([
    ["ACTIVE", "green"],
    ["succeeded", "green"],
    ["PROVISIONING", "blue"],
    ["pending", "blue"],
    ["DEPROVISIONING", "yellow"],
    ["FAILED", "red"],
    ["failed", "red"],
    ["interrupted", "red"],
    ["INACTIVE", "neutral"],
    ["Something-New", "neutral"],
  ] as const)("%s is %s", (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });

  it("tells a healthy ECS task from a Portside run in progress by case", () => {
    expect(statusTone("RUNNING")).toBe("green");
    expect(statusTone("running")).toBe("blue");
  });
});
