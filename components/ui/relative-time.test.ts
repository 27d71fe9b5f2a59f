import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative-time";

describe("formatRelative", () => {
  const now = Date.parse("2025-06-15T12:00:00Z");
  const ago = (ms: number) => new Date(now - ms);

  it.each([
    [10_000, "just now"],
    [3 * 60_000, "3 min ago"],
    [59 * 60_000, "59 min ago"],
    [5 * 3_600_000, "5 h ago"],
    [2 * 86_400_000, "2 d ago"],
    [-2 * 60_000, "in 2 min"],
  ])("%d ms ago reads %s", (ms, text) => {
    expect(formatRelative(ago(ms), now)).toBe(text);
  });

  it("shows the date once it is more than a week old", () => {
    expect(formatRelative(ago(30 * 86_400_000), now)).toBe("May 16");
    expect(formatRelative(new Date("2023-01-02T12:00:00Z"), now)).toBe("Jan 2, 2023");
  });
});
