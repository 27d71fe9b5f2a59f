import { describe, expect, it } from "vitest";
import { flag, int, wholeFor } from "./fields";

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("flag", () => {
  it("reads booleans and their form strings", () => {
    expect(flag.parse(true)).toBe(true);
    expect(flag.parse(false)).toBe(false);
    expect(flag.parse("true")).toBe(true);
    expect(flag.parse("false")).toBe(false);
  });
  it("rejects anything else", () => {
    expect(flag.safeParse("yes").success).toBe(false);
    expect(flag.safeParse(1).success).toBe(false);
  });
});

describe("int", () => {
  const port = int("Port", 1, 65535);
  it("coerces form strings in range", () => {
    expect(port.parse("80")).toBe(80);
    expect(port.parse(65535)).toBe(65535);
  });
  it("asks for a whole number", () => {
    expect(message(port.safeParse("abc"))).toBe("Enter a whole number.");
    expect(message(port.safeParse("1.5"))).toBe("Enter a whole number.");
  });
  it("names the range on both ends", () => {
    expect(message(port.safeParse("0"))).toBe("Port is 1 to 65535.");
    expect(message(port.safeParse("65536"))).toBe("Port is 1 to 65535.");
  });
});

describe("wholeFor", () => {
  const grace = wholeFor("the grace period", 0, 2147483647);
  it("coerces form strings in range", () => {
    expect(grace.parse("30")).toBe(30);
  });
  it("names the field when the value is not a whole number", () => {
    expect(message(grace.safeParse("soon"))).toBe("Enter a whole number for the grace period.");
    expect(message(grace.safeParse("2.5"))).toBe("Enter a whole number for the grace period.");
  });
  it("capitalizes the field in the range message", () => {
    expect(message(grace.safeParse("-1"))).toBe("The grace period is 0 to 2147483647.");
    expect(message(wholeFor("tasks", 1, 10).safeParse("11"))).toBe("Tasks is 1 to 10.");
  });
});
