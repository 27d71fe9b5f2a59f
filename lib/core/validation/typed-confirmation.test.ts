import { describe, expect, it } from "vitest";
import { z } from "zod";
import { typedConfirmationError, typedConfirmationFields } from "./typed-confirmation";

describe("typed confirmation", () => {
  it("passes only the exact name, case and spaces included", () => {
    expect(typedConfirmationError("prod", "prod", "cluster")).toBeNull();
    for (const typed of ["", "pro", "Prod", " prod", "prod "]) {
      expect(typedConfirmationError(typed, "prod", "cluster")).toEqual({ confirmName: ["Type the cluster name to confirm."] });
    }
  });

  it("is bounded like any name", () => {
    const schema = z.object(typedConfirmationFields);
    expect(schema.safeParse({ confirmName: "x".repeat(2048) }).success).toBe(true);
    expect(schema.safeParse({ confirmName: "x".repeat(2049) }).success).toBe(false);
  });
});
