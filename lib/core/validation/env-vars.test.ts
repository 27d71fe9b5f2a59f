import { describe, expect, it } from "vitest";
import { z } from "zod";
import { envVarList, posixEnvName } from "./env-vars";

const list = envVarList(z.object({ name: posixEnvName(10), value: z.string().max(5, "Too long.") }), 2);

describe("envVarList", () => {
  it("takes nothing as an empty list, and rows within the limits", () => {
    expect(list.parse(undefined)).toEqual([]);
    expect(list.parse([{ name: " A_1 ", value: "x" }])).toEqual([{ name: "A_1", value: "x" }]);
  });

  it("puts a name set twice on the second row's name field", () => {
    const r = list.safeParse([{ name: "A", value: "1" }, { name: "A", value: "2" }]);
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: [1, "name"], message: "A is set twice." })]);
  });

  it("refuses more rows than the limit, with the given message or the default", () => {
    const rows = [{ name: "A", value: "" }, { name: "B", value: "" }, { name: "C", value: "" }];
    expect(list.safeParse(rows).error?.issues[0]?.message).toBe("At most 2 variables.");
    const named = envVarList(z.object({ name: z.string(), value: z.string() }), 1, "At most 1 environment variable.");
    expect(named.safeParse(rows).error?.issues[0]?.message).toBe("At most 1 environment variable.");
  });

  it("checks names as a shell reads them, and their length", () => {
    expect(posixEnvName(10).safeParse("").error?.issues[0]?.message).toBe("Enter a variable name.");
    expect(posixEnvName(10).safeParse("1A").error?.issues[0]?.message).toMatch(/do not start with a digit/);
    expect(posixEnvName(10).safeParse("A-B").error?.issues[0]?.message).toMatch(/letters, digits and underscores/);
    expect(posixEnvName(3).safeParse("ABCD").error?.issues[0]?.message).toBe("Variable names are at most 3 characters.");
  });
});
