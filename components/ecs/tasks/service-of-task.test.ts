import { describe, expect, it } from "vitest";
import { serviceOfTask, taskCrumbs } from "./service-of-task";

describe("serviceOfTask", () => {
  it("reads the service from a task's group, empty for one-off tasks", () => {
    expect(serviceOfTask("service:web")).toBe("web");
    expect(serviceOfTask("family:web")).toBe("");
  });
});

describe("taskCrumbs", () => {
  it("ends at the task, unlinked, when nothing is below it", () => {
    expect(taskCrumbs("prod", "abc", "web")).toEqual([
      { href: "/ecs/clusters", label: "Clusters" },
      { href: "/ecs/clusters/prod", label: "prod" },
      { href: "/ecs/clusters/prod/services/web", label: "web" },
      { href: undefined, label: "Task abc" },
    ]);
  });
  it("links the task when crumbs follow it, and leaves the service out for a one-off task", () => {
    expect(taskCrumbs("a b", "abc", "", [{ label: "Logs" }])).toEqual([
      { href: "/ecs/clusters", label: "Clusters" },
      { href: "/ecs/clusters/a%20b", label: "a b" },
      { href: "/ecs/clusters/a%20b/tasks/abc", label: "Task abc" },
      { label: "Logs" },
    ]);
  });
});
