import { describe, expect, it } from "vitest";
import { containersWithoutAwslogs, logSourcesOf, streamLabel, streamMatches, streamSelection, taskIdOf } from "./sources";

const awslogs = (group: string, prefix?: string, region?: string) => ({
  logDriver: "awslogs",
  options: { "awslogs-group": group, ...(prefix ? { "awslogs-stream-prefix": prefix } : {}), ...(region ? { "awslogs-region": region } : {}) },
});

describe("logSourcesOf", () => {
  it("keeps awslogs containers, essential ones first, with group, region and prefix", () => {
    const sources = logSourcesOf([
      { name: "sidecar", essential: false, logConfiguration: awslogs("/ecs/web", "ecs", "eu-west-1") },
      { name: "web", logConfiguration: awslogs("/ecs/web", "ecs") },
      { name: "router", logConfiguration: { logDriver: "awsfirelens", options: {} } },
      { name: "quiet" },
    ]);
    expect(sources).toEqual([
      { container: "web", group: "/ecs/web", region: null, prefix: "ecs", essential: true },
      { container: "sidecar", group: "/ecs/web", region: "eu-west-1", prefix: "ecs", essential: false },
    ]);
    expect(containersWithoutAwslogs([{ name: "web", logConfiguration: awslogs("/g", "p") }, { name: "router", logConfiguration: { logDriver: "awsfirelens" } }, { name: "quiet" }])).toEqual([
      "router",
      "quiet",
    ]);
  });

  it("ignores an awslogs configuration without a group", () => {
    expect(logSourcesOf([{ name: "web", logConfiguration: { logDriver: "awslogs", options: {} } }])).toEqual([]);
    expect(logSourcesOf(undefined)).toEqual([]);
  });
});

describe("streams", () => {
  const source = { container: "web", group: "/ecs/web", region: null, prefix: "ecs", essential: true };

  it("names a task's stream prefix/container/taskId and a service's streams by prefix", () => {
    expect(streamSelection(source, { kind: "task", taskId: "abc123" })).toEqual({ names: ["ecs/web/abc123"] });
    expect(streamSelection(source, { kind: "service" })).toEqual({ prefix: "ecs/web/" });
    expect(streamSelection({ ...source, prefix: null }, { kind: "service" })).toEqual({});
  });

  it("matches streams to a selection, so another container's streams are left out", () => {
    expect(streamMatches({ prefix: "ecs/web/" }, "ecs/web/t1")).toBe(true);
    expect(streamMatches({ prefix: "ecs/web/" }, "ecs/worker/t1")).toBe(false);
    expect(streamMatches({ names: ["ecs/web/t1"] }, "ecs/web/t2")).toBe(false);
    expect(streamMatches({}, "anything")).toBe(true);
  });

  it("labels streams by task id and reads task ids from ARNs", () => {
    expect(streamLabel("ecs/web/0f1e2d")).toBe("0f1e2d");
    expect(streamLabel("plain-stream")).toBe("plain-stream");
    expect(taskIdOf("arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e2d")).toBe("0f1e2d");
    expect(taskIdOf("0f1e2d")).toBe("0f1e2d");
  });
});
