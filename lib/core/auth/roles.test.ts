import { describe, expect, it } from "vitest";
import { roleAllows } from "./roles";

describe("roleAllows", () => {
  it("orders viewer < operator < admin", () => {
    expect(roleAllows("viewer", "viewer")).toBe(true);
    expect(roleAllows("viewer", "operator")).toBe(false);
    expect(roleAllows("operator", "operator")).toBe(true);
    expect(roleAllows("operator", "admin")).toBe(false);
    expect(roleAllows("admin", "operator")).toBe(true);
  });
});
