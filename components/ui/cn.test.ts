import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("joins truthy classes and drops falsy ones", () => {
    const compact = false;
    expect(cn("px-2", compact && "py-1", undefined, null, "", "text-sm")).toBe("px-2 text-sm");
  });
});

describe("cn overrides", () => {
  it("lets a later utility win over a conflicting earlier one", () => {
    expect(cn("p-4 text-sm", "p-0")).toBe("text-sm p-0");
    expect(cn("w-full", "w-40")).toBe("w-40");
  });

  it("keeps utilities that do not conflict", () => {
    expect(cn("px-2", "py-1")).toBe("px-2 py-1");
  });
});
