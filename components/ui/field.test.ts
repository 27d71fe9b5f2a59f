import { describe, expect, it } from "vitest";
import { fieldAria } from "./field";

describe("fieldAria", () => {
  it("sets nothing for a valid field without a hint", () => {
    expect(fieldAria("name")).toEqual({ "aria-invalid": undefined, "aria-describedby": undefined });
  });

  it("marks the control invalid and points at the error", () => {
    expect(fieldAria("name", "Required")).toEqual({
      "aria-invalid": true,
      "aria-describedby": "name-error",
    });
  });

  it("treats an empty error list as valid but still points at the hint", () => {
    expect(fieldAria("port", [], "1–65535")).toEqual({
      "aria-invalid": undefined,
      "aria-describedby": "port-hint",
    });
  });

  it("describes by hint then error when both are present", () => {
    expect(fieldAria("port", ["Too high"], "1–65535")["aria-describedby"]).toBe(
      "port-hint port-error",
    );
  });
});
