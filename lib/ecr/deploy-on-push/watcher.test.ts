import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_INTERVAL_MS, pollInterval } from "./watcher";

describe("pollInterval", () => {
  afterEach(() => {
    delete process.env.PORTSIDE_DEPLOY_ON_PUSH_INTERVAL_MS;
  });

  it("is 30 s unless PORTSIDE_DEPLOY_ON_PUSH_INTERVAL_MS says otherwise, bounded to 200 ms – 1 h", () => {
    expect(pollInterval()).toBe(DEFAULT_INTERVAL_MS);
    for (const [value, expected] of [["1000", 1000], ["5", 200], ["99999999", 3_600_000], ["soon", DEFAULT_INTERVAL_MS], ["-1", DEFAULT_INTERVAL_MS]] as const) {
      process.env.PORTSIDE_DEPLOY_ON_PUSH_INTERVAL_MS = value;
      expect(pollInterval(), value).toBe(expected);
    }
  });
});
