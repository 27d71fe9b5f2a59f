import { describe, expect, it } from "vitest";
import { healthLabel, healthTone, isBusy } from "./health";

describe("health", () => {
  it("maps each colour to a tone and a word", () => {
    expect(healthTone("Green")).toBe("green");
    expect(healthTone("Yellow")).toBe("yellow");
    expect(healthTone("Red")).toBe("red");
    expect(healthTone("Grey")).toBe("neutral");
    expect(healthTone(undefined)).toBe("neutral");
    expect(healthTone("Purple")).toBe("neutral");
  });
  it("says the colour and the enhanced status in words", () => {
    expect(healthLabel("Green", "Ok")).toBe("Green · Ok");
    expect(healthLabel("Red")).toBe("Red · Failing");
    expect(healthLabel(undefined)).toBe("Grey · Unknown");
  });
  it("knows when the environment takes no other change", () => {
    expect(isBusy("Updating")).toBe(true);
    expect(isBusy("Ready")).toBe(false);
  });
});
