// Fleet seeding: a small fleet through POST /_sandbox/fleet, checked through the ECS SDK.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListClustersCommand, ListServicesCommand } from "@aws-sdk/client-ecs";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig } from "./test-support.mjs";
import { resetSandbox, sandboxCalls, seedFleet } from "./client.mjs";
import { desiredCounts } from "./fleet.mjs";

describe("desired counts", () => {
  it("add up to the task count, uneven, none below one when there are enough tasks", () => {
    for (const [services, tasks] of [
      [1000, 5000],
      [7, 23],
      [10, 10],
      [5, 3],
      [3, 0],
    ]) {
      const counts = desiredCounts(services, tasks);
      expect(counts).toHaveLength(services);
      expect(counts.reduce((s, n) => s + n, 0)).toBe(tasks);
      expect(counts.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      if (tasks >= services) expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    }
    const big = desiredCounts(1000, 5000);
    expect(new Set(big).size).toBeGreaterThan(2); // not all the same
  });
});

describe.skipIf(!hasMoto)("fleet seeding in the sandbox", () => {
  let sandbox;
  let ecs;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false });
    ecs = new ECSClient(clientConfig(sandbox.endpoint));
  }, 60_000);
  afterAll(async () => {
    ecs?.destroy();
    await sandbox?.stop();
  });
  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
  });

  it("creates clusters, task definitions and services whose desired counts sum to the tasks, uncounted", async () => {
    const seeded = await seedFleet(sandbox.endpoint, { clusters: 3, services: 12, tasks: 40, prefix: "bench" });
    expect(seeded).toMatchObject({ region: "us-east-1", clusters: ["bench-01", "bench-02", "bench-03"], services: 12, desiredCount: 40 });
    expect(seeded.taskDefinitions).toHaveLength(3);
    expect(seeded.calls).toBe(3 + 3 + 12);
    expect(seeded.ms).toBeGreaterThan(0);
    expect((await sandboxCalls(sandbox.endpoint)).total).toBe(0); // straight to moto

    const clusters = await ecs.send(new ListClustersCommand({}));
    expect(clusters.clusterArns.map((a) => a.split("/").pop()).sort()).toEqual(["bench-01", "bench-02", "bench-03"]);
    let total = 0;
    const names = [];
    for (const cluster of seeded.clusters) {
      const arns = (await ecs.send(new ListServicesCommand({ cluster }))).serviceArns;
      expect(arns).toHaveLength(4); // 12 services spread evenly over 3 clusters
      const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: arns }));
      for (const s of services) {
        total += s.desiredCount;
        names.push(s.serviceName);
        expect(seeded.taskDefinitions).toContain(s.taskDefinition);
        expect(s.launchType).toBe("FARGATE");
        expect(s.networkConfiguration.awsvpcConfiguration.subnets[0]).toMatch(/^subnet-/);
      }
    }
    expect(total).toBe(40);
    expect(new Set(names).size).toBe(12);
    expect(names).toContain("web-01");

    const td = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "bench-web" }));
    expect(td.taskDefinition.containerDefinitions[0].logConfiguration).toEqual({
      logDriver: "awslogs",
      options: { "awslogs-group": "/ecs/bench-web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs", "awslogs-create-group": "true" },
    });
  });

  it("rejects impossible fleets before calling moto", async () => {
    for (const [body, message] of [
      [{ clusters: 0 }, /clusters must be a whole number from 1/],
      [{ services: 2.5 }, /services must be a whole number/],
      [{ services: 0, tasks: 5 }, /tasks need services/],
      [{ prefix: "no spaces" }, /prefix/],
    ]) {
      const res = await fetch(`${sandbox.endpoint}/_sandbox/fleet`, { method: "POST", body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
  });
});
