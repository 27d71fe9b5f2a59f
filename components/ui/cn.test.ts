import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("joins truthy classes and drops falsy ones", () => {
    const compact = false;
    expect(cn("px-2", compact && "py-1", undefined, null, "", "text-sm")).toBe("px-2 text-sm");
  });
});
