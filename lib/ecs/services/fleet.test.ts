import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ListClustersCommand,
  ListServicesCommand,
  type Deployment,
  type Service,
} from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { byHealth, healthOf, rolloutOf } from "./fleet-health";
import { minimumFleetCalls, operationOf, readClusterServices, readFleet, type FleetClient } from "./fleet";

const arnOf = (cluster: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}`;
const svcArn = (cluster: string, name: string) => `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/${name}`;

/** A fake ECS honouring the real page sizes and batch limits, counting calls and the most in flight at once. */
function fakeEcs(fleet: Record<string, Service[]>, { delayMs = 1 } = {}) {
  const calls: Record<string, number> = {};
  let inFlight = 0;
  let maxInFlight = 0;
  const page = <T>(items: T[], max = 10, token?: string) => {
    const start = token ? Number(token) : 0;
    const end = start + Math.min(max, 100);
    return { items: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
  };
  const client: FleetClient = {
    async send(command) {
      const op = operationOf(command);
      calls[op] = (calls[op] ?? 0) + 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, delayMs));
      inFlight -= 1;
      if (command instanceof ListClustersCommand) {
        const p = page(Object.keys(fleet).map(arnOf), command.input.maxResults, command.input.nextToken);
        return { clusterArns: p.items, nextToken: p.nextToken };
      }
      if (command instanceof DescribeClustersCommand) {
        const names = command.input.clusters ?? [];
        if (names.length > 100) throw new Error("DescribeClusters takes at most 100 clusters");
        return { clusters: names.map((arn) => ({ clusterArn: arn, clusterName: arn.split("/").pop(), status: "ACTIVE" })) };
      }
      if (command instanceof ListServicesCommand) {
        const cluster = command.input.cluster!.split("/").pop()!;
        const p = page(fleet[cluster].map((s) => s.serviceArn!), command.input.maxResults, command.input.nextToken);
        return { serviceArns: p.items, nextToken: p.nextToken };
      }
      if (command instanceof DescribeServicesCommand) {
        const wanted = command.input.services ?? [];
        if (wanted.length > 10) throw new Error("DescribeServices takes at most 10 services");
        const cluster = command.input.cluster!.split("/").pop()!;
        return { services: fleet[cluster].filter((s) => wanted.includes(s.serviceArn!)) };
      }
      throw new Error(`unexpected ${op}`);
    },
  };
  return { client, calls, maxInFlight: () => maxInFlight };
}

const primary = (d: Partial<Deployment> = {}): Deployment => ({ status: "PRIMARY", rolloutState: "COMPLETED", desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 0, ...d });

function service(cluster: string, name: string, s: Partial<Service> = {}): Service {
  return {
    serviceName: name,
    serviceArn: svcArn(cluster, name),
    status: "ACTIVE",
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    taskDefinition: `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}:3`,
    deployments: [primary()],
    ...s,
  };
}

function fleetOf(sizes: Record<string, number>) {
  return Object.fromEntries(Object.entries(sizes).map(([c, n]) => [c, Array.from({ length: n }, (_, i) => service(c, `s${String(i).padStart(4, "0")}`))]));
}

describe("readFleet", () => {
  it("reads a fleet in the fewest calls the batch limits allow, 5 at a time", async () => {
    const sizes = { big: 250, mid: 100, small: 3, empty: 0 };
    const fake = fakeEcs(fleetOf(sizes));
    const overview = await readFleet(fake.client);
    expect(fake.calls).toEqual({
      ListClusters: 1,
      DescribeClusters: 1,
      ListServices: 3 + 1 + 1 + 1, // 250 → 3 pages of 100; an empty cluster still needs its one call
      DescribeServices: 25 + 10 + 1,
    });
    const total = Object.values(fake.calls).reduce((a, b) => a + b, 0);
    expect(total).toBe(minimumFleetCalls(Object.values(sizes)));
    expect(fake.maxInFlight()).toBe(5);
    expect(overview.totals).toMatchObject({ clusters: 4, services: 353, desired: 706, running: 706 });
    expect(overview.clusters.find((c) => c.name === "big")).toMatchObject({ services: 250, counts: { healthy: 250 } });
  });

  it("pages ListClusters past 100 clusters and describes them 100 at a time", async () => {
    const sizes = Object.fromEntries(Array.from({ length: 205 }, (_, i) => [`c${i}`, 1]));
    const fake = fakeEcs(fleetOf(sizes));
    const overview = await readFleet(fake.client);
    expect(fake.calls).toMatchObject({ ListClusters: 3, DescribeClusters: 3, ListServices: 205, DescribeServices: 205 });
    expect(overview.totals.clusters).toBe(205);
  });

  it("uses a caller's service listing (a recent one) instead of ListServices", async () => {
    const fleet = fleetOf({ a: 12 });
    const fake = fakeEcs(fleet);
    await readFleet(fake.client, { serviceArns: async () => fleet.a.map((s) => s.serviceArn!) });
    expect(fake.calls).toEqual({ ListClusters: 1, DescribeClusters: 1, DescribeServices: 2 });
  });

  it("puts the cluster with the worst service first and counts services per health", async () => {
    const fleet = {
      calm: [service("calm", "web")],
      broken: [
        service("broken", "api", { deployments: [primary({ rolloutState: "FAILED", rolloutStateReason: "circuit breaker" })] }),
        service("broken", "ok"),
      ],
      short: [service("short", "worker", { runningCount: 1 })],
    };
    const overview = await readFleet(fakeEcs(fleet).client);
    expect(overview.clusters.map((c) => [c.name, c.health])).toEqual([["broken", "failed"], ["short", "degraded"], ["calm", "healthy"]]);
    expect(overview.clusters[0].counts).toMatchObject({ failed: 1, healthy: 1 });
    expect(overview.totals.counts).toEqual({ failed: 1, failing: 0, degraded: 1, rolling: 0, healthy: 2 });
  });
});

describe("readClusterServices", () => {
  it("lists 100 per page, describes 10 per call, and sorts failing deployments first", async () => {
    const fleet = fleetOf({ c: 23 });
    fleet.c[20] = service("c", "zz-rolled-back", {
      deployments: [primary({ rolloutState: "IN_PROGRESS", taskDefinition: "td:2" }), { status: "ACTIVE", rolloutState: "FAILED", rolloutStateReason: "tasks failed to start" }],
    });
    fleet.c[21] = service("c", "yy-failing", { runningCount: 1, deployments: [primary({ rolloutState: "IN_PROGRESS", failedTasks: 3, runningCount: 1 })] });
    fleet.c[22] = service("c", "xx-short", { runningCount: 0 });
    const fake = fakeEcs(fleet);
    const services = await readClusterServices(fake.client, arnOf("c"));
    expect(fake.calls).toEqual({ ListServices: 1, DescribeServices: 3 });
    expect(services.slice(0, 4).map((s) => [s.name, s.health])).toEqual([
      ["zz-rolled-back", "failed"],
      ["yy-failing", "failing"],
      ["xx-short", "degraded"],
      ["s0000", "healthy"],
    ]);
    expect(services[0]).toMatchObject({ cluster: "c", taskDefinition: "zz-rolled-back:3", rollout: { state: "rolled_back", reason: "tasks failed to start", deployments: 2 } });
  });
});

describe("health", () => {
  const of = (deployments: Deployment[], desired = 2, running = 2) => healthOf({ desired, running, rollout: rolloutOf(deployments) });

  it("orders failed rollouts, rollouts with failed tasks, too few running, rolling, healthy", () => {
    expect(of([primary({ rolloutState: "FAILED" })])).toBe("failed");
    expect(of([primary({ rolloutState: "IN_PROGRESS" }), { status: "ACTIVE", rolloutState: "FAILED" }])).toBe("failed");
    expect(of([primary({ rolloutState: "IN_PROGRESS", failedTasks: 1 })], 2, 1)).toBe("failing");
    expect(of([primary()], 2, 1)).toBe("degraded");
    expect(of([primary({ rolloutState: "IN_PROGRESS" }), { status: "ACTIVE", rolloutState: "COMPLETED" }], 2, 3)).toBe("rolling");
    expect(of([primary()])).toBe("healthy");
    const names = ["healthy", "rolling", "degraded", "failing", "failed"] as const;
    const sorted = names.map((health, i) => ({ health, name: `n${i}` })).sort(byHealth);
    expect(sorted.map((s) => s.health)).toEqual(["failed", "failing", "degraded", "rolling", "healthy"]);
  });

  it("reads a service without deployments (some emulators) by its counts", () => {
    expect(rolloutOf([])).toMatchObject({ state: "none", deployments: 0 });
    expect(of([], 1, 0)).toBe("degraded");
    expect(of([], 1, 1)).toBe("healthy");
  });
});
