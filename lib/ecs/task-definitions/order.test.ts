import { describe, expect, it } from "vitest";
import { orderTaskDefinitions } from "./order";

describe("orderTaskDefinitions", () => {
  it("puts the newest revision first, not the oldest of the alphabetically first family", () => {
    expect(orderTaskDefinitions(["api:1", "api:2", "api:10", "worker:3"], [])).toEqual(["api:10", "api:2", "api:1", "worker:3"]);
  });

  it("offers the families the cluster's services run before the others", () => {
    expect(orderTaskDefinitions(["api:1", "api:2", "report:1", "worker:1", "worker:2"], ["worker:1", "report:1"])).toEqual(["worker:2", "worker:1", "report:1", "api:2", "api:1"]);
  });

  it("keeps family names that hold a colon-free prefix apart and drops repeats", () => {
    expect(orderTaskDefinitions(["job:2", "jobs:5", "job:2"], ["jobs:1"])).toEqual(["jobs:5", "job:2"]);
    expect(orderTaskDefinitions([], ["api:1"])).toEqual([]);
  });
});
