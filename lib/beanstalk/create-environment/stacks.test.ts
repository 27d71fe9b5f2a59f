import { describe, expect, it } from "vitest";
import { defaultStack, dockerStacks } from "./stacks";

const ALL = [
  "64bit Amazon Linux 2 v4.1.0 running Docker",
  "64bit Amazon Linux 2023 v4.2.9 running Docker",
  "64bit Amazon Linux 2023 v4.10.0 running Docker",
  "64bit Amazon Linux 2023 v4.3.1 running ECS",
  "64bit Amazon Linux 2023 v6.1.0 running Node.js 20",
];

describe("solution stacks", () => {
  it("keeps the Docker stacks, newest first (versions compared as numbers)", () => {
    expect(dockerStacks(ALL)).toEqual([
      "64bit Amazon Linux 2023 v4.10.0 running Docker",
      "64bit Amazon Linux 2023 v4.2.9 running Docker",
      "64bit Amazon Linux 2 v4.1.0 running Docker",
    ]);
  });
  it("defaults to the newest Amazon Linux 2023 Docker stack", () => {
    expect(defaultStack(ALL)).toBe("64bit Amazon Linux 2023 v4.10.0 running Docker");
    expect(defaultStack(["64bit Amazon Linux 2 v4.1.0 running Docker"])).toBe("64bit Amazon Linux 2 v4.1.0 running Docker");
    expect(defaultStack([])).toBeUndefined();
  });
});
