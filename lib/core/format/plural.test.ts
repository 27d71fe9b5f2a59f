import { describe, expect, it } from "vitest";
import { plural, pluralWord } from "./plural";

describe("plural", () => {
  it("says 1 of a thing and any other count of things", () => {
    expect(plural(1, "role")).toBe("1 role");
    expect(plural(0, "role")).toBe("0 roles");
    expect(plural(2, "health issue")).toBe("2 health issues");
    expect(plural(1200, "line")).toBe("1200 lines");
    expect(plural(3, "policy", "policies")).toBe("3 policies");
  });

  it("agrees verbs with the count", () => {
    expect(`${plural(1, "role")} here ${pluralWord(1, "trusts", "trust")} ECS tasks`).toBe("1 role here trusts ECS tasks");
    expect(`${plural(4, "role")} here ${pluralWord(4, "trusts", "trust")} ECS tasks`).toBe("4 roles here trust ECS tasks");
  });
});
