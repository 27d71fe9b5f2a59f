import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Against a real Postgres (scripts/with-db.mjs or `npm test`): every live poll of a host asks
// for its last Replace container run, so the query must be answered by an index, not a scan of
// the whole history, which only grows.
let replaced: typeof import("./replaced");
let client: PrismaClient;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
const queries: { query: string; params: string }[] = [];

const HOST = "i-0123456789abcdef0";
const input = (image: string) => ({ connectionId: "c1", region: "us-east-1", instanceId: HOST, image, environment: [], restartPolicy: "always" });

beforeAll(async () => {
  database = await createTestDatabase("planrun_resources");
  // The client lib/core/db/client would make, logging its SQL so the test can EXPLAIN what it sends.
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }), log: [{ emit: "event", level: "query" }] });
  logging.$on("query", (e) => queries.push({ query: e.query, params: e.params }));
  client = logging as unknown as PrismaClient;
  (globalThis as unknown as { portsideDb?: PrismaClient }).portsideDb = client;
  replaced = await import("./replaced");

  const user = await client.user.create({ data: { email: "ops@example.com", name: "Ops", passwordHash: "x", role: "operator" } });
  await client.connection.create({ data: { id: "c1", name: "main", kind: "sandbox", defaultRegion: "us-east-1", regions: ["us-east-1"] } });
  const run = async (resources: string[], image: string, tag: "succeeded" | "failed", at: Date, wizard = replaced.REPLACE_WIZARD) =>
    client.planRun.create({
      data: {
        userId: user.id, connectionId: "c1", region: "us-east-1", wizard, title: "Replace", resources, input: input(image), plan: {}, status: "succeeded", createdAt: at,
        steps: { create: [{ index: 0, stepKey: "tag", service: "ec2", operation: "CreateTags", description: "tag", request: {}, status: tag, finishedAt: at }] },
      },
    });
  await run([`ec2:instance/${HOST}`], "nginx:1.26", "succeeded", new Date("2026-12-01T10:00:00Z"));
  await run([`ec2:instance/${HOST}`], "nginx:1.27", "succeeded", new Date("2026-12-02T10:00:00Z"));
  await run([`ec2:instance/${HOST}`], "nginx:broken", "failed", new Date("2026-12-03T10:00:00Z"));
  await run(["ec2:instance/i-0fffffffffffffff0"], "other:1", "succeeded", new Date("2026-12-04T10:00:00Z"));
  // A history the size of a team's year: runs (with their steps) on many other resources.
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  await pool.query(
    `INSERT INTO "PlanRun" (id, "userId", "connectionId", region, wizard, title, resources, input, plan, status, "createdAt")
     SELECT 'bulk' || g, $1, 'c1', 'us-east-1', CASE WHEN g % 4 = 0 THEN $2 ELSE 'ecs-service' END, 'bulk',
            ARRAY['ecs:cluster/c' || (g % 50), 'ec2:instance/i-' || lpad(to_hex(g), 17, '0')], '{}', '{}', 'succeeded', now() - g * interval '1 minute'
     FROM generate_series(1, 20000) g`,
    [user.id, replaced.REPLACE_WIZARD],
  );
  await pool.query(
    `INSERT INTO "PlanStep" (id, "runId", index, "stepKey", service, operation, description, request, status)
     SELECT 'bulk' || g || '-' || i, 'bulk' || g, i, CASE WHEN i = 1 THEN 'tag' ELSE 'step' || i END, 'ec2', 'CreateTags', 'bulk', '{}', 'succeeded'
     FROM generate_series(1, 20000) g, generate_series(0, 2) i`,
  );
  await pool.query(`ANALYZE "PlanRun"; ANALYZE "PlanStep"`);
  await pool.end();
}, 120_000);

afterAll(async () => {
  await client?.$disconnect();
  await database?.drop();
});

describe("a host's last Replace container run", () => {
  it("is the newest run on that instance whose tags were written", async () => {
    const last = await replaced.lastReplacement("c1", "us-east-1", HOST);
    expect(last).toMatchObject({ image: "nginx:1.27", restartPolicy: "always", by: "Ops", at: "2026-12-02T10:00:00.000Z" });
    expect(await replaced.lastReplacement("c1", "us-east-1", "i-0aaaaaaaaaaaaaaa0")).toBeNull();
    expect(await replaced.lastReplacement("c1", "eu-west-1", HOST)).toBeNull();
  });

  it("is found through the GIN index on PlanRun.resources, not a scan of the history", async () => {
    queries.length = 0;
    await replaced.lastReplacement("c1", "us-east-1", HOST);
    const sent = queries.find((q) => q.query.includes('"resources"'));
    expect(sent, queries.map((q) => q.query).join("\n")).toBeDefined();
    const explain = new pg.Client({ connectionString: database!.url });
    await explain.connect();
    try {
      const { rows } = await explain.query(`EXPLAIN ${sent!.query}`, JSON.parse(sent!.params));
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toContain("PlanRun_resources_idx");
      expect(plan).not.toMatch(/Seq Scan on "PlanRun"/);
    } finally {
      await explain.end();
    }
  });
});
