import { expect, it } from "vitest";
import { startsDeployment, taskDefinitionsOf, whoStarted, type RunRef } from "./who";

const run = (id: string, createdAt: string, finishedAt?: string, taskDefinitions: string[] = []): RunRef => ({ id, user: `user-${id}`, title: id, createdAt, finishedAt, taskDefinitions, startsDeployment: true });

it("a deployment created while a run of the service ran is that run's user's; otherwise outside Portside", () => {
  const runs = [run("a", "2026-12-01T10:00:00Z", "2026-12-01T10:02:00Z"), run("b", "2026-12-01T11:00:00Z", "2026-12-01T11:00:30Z")];
  expect(whoStarted({ createdAt: "2026-12-01T10:00:04Z" }, runs)?.id).toBe("a");
  expect(whoStarted({ createdAt: "2026-12-01T11:00:31Z" }, runs)?.id).toBe("b");
  expect(whoStarted({ createdAt: "2026-12-01T10:30:00Z" }, runs)).toBeNull();
  expect(whoStarted({}, runs)).toBeNull();
  // A run still going covers until now.
  expect(whoStarted({ createdAt: "2026-12-01T12:00:00Z" }, [run("c", "2026-12-01T11:59:00Z")], Date.parse("2026-12-01T12:01:00Z"))?.id).toBe("c");
});

it("prefers the overlapping run whose plan names the deployment's task definition", () => {
  const runs = [run("new", "2026-12-01T10:00:02Z", "2026-12-01T10:05:00Z", ["web:9"]), run("old", "2026-12-01T10:00:00Z", "2026-12-01T10:05:00Z", ["arn:aws:ecs:us-east-1:1:task-definition/web:7"])];
  expect(whoStarted({ createdAt: "2026-12-01T10:00:10Z", taskDefinitionArn: "arn:aws:ecs:us-east-1:1:task-definition/web:7" }, runs)?.id).toBe("old");
  expect(whoStarted({ createdAt: "2026-12-01T10:00:10Z", taskDefinitionArn: "arn:aws:ecs:us-east-1:1:task-definition/web:8" }, runs)?.id).toBe("new");
});

it("reads task definitions from a plan defensively", () => {
  expect(taskDefinitionsOf({ steps: [{ input: { taskDefinition: "web:3" } }, { input: { taskDefinition: { $ref: "td.arn" } } }, {}] })).toEqual(["web:3"]);
  expect(taskDefinitionsOf(null)).toEqual([]);
  expect(taskDefinitionsOf({ steps: "x" })).toEqual([]);
});

it("a run that only changes settings made no deployment, even when one starts right after it", () => {
  const settings = { ...run("s", "2026-12-01T10:00:00Z", "2026-12-01T10:00:03Z"), startsDeployment: false };
  expect(whoStarted({ createdAt: "2026-12-01T10:00:05Z" }, [settings])).toBeNull();
  expect(startsDeployment({ steps: [{ operation: "UpdateService", input: { deploymentConfiguration: {} } }] })).toBe(false);
  expect(startsDeployment({ steps: [{ operation: "RegisterTaskDefinition" }, { operation: "UpdateService", input: { taskDefinition: { $ref: "td.arn" } } }] })).toBe(true);
  expect(startsDeployment({ steps: [{ operation: "UpdateService", input: { forceNewDeployment: true } }] })).toBe(true);
  expect(startsDeployment({ steps: [{ operation: "CreateService", input: {} }] })).toBe(true);
  expect(startsDeployment("x")).toBe(false);
});
