import { describe, expect, it } from "vitest";
import { rolloutProgress } from "./progress";

const inst = (id: string, versionLabel: string | undefined, deploymentId?: number, deploymentStatus = "Deployed") => ({ id, color: "Green", status: "Ok", causes: [], versionLabel, deploymentId, deploymentStatus });

describe("rolloutProgress", () => {
  it("counts the instances on the newest deployment's version", () => {
    expect(rolloutProgress([inst("i-1", "v2", 2), inst("i-2", "v1", 1), inst("i-3", "v1", 1), inst("i-4", "v2", 2, "InProgress")])).toEqual({
      versionLabel: "v2",
      done: 1,
      total: 4,
      versions: [{ label: "v1", count: 2 }, { label: "v2", count: 2 }],
    });
  });
  it("is null without deployment records", () => {
    expect(rolloutProgress([inst("i-1", undefined)])).toBeNull();
    expect(rolloutProgress([])).toBeNull();
  });
});
