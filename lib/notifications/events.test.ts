import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";

// Integration against a real Postgres (DATABASE_URL): events are told once whoever notices them,
// and fan out to the subscriptions that want them. The job queue is replaced by a list.
vi.mock("server-only", () => ({}));
const queued: string[] = [];
vi.mock("./queue", () => ({ enqueueDelivery: async (id: string) => void queued.push(id), MAX_ATTEMPTS: 4 }));

type Db = typeof import("@/lib/core/db/client");
let dbModule: Db;
const db = () => dbModule.db();
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let slackId = "";
let mailId = "";
let userId = "";

beforeAll(async () => {
  database = await createTestDatabase("notify_events");
  process.env.PORTSIDE_SECRET_KEY = "test";
  dbModule = await import("@/lib/core/db/client");
  const { seal } = await import("@/lib/core/security/secret-box");
  slackId = (await db().notificationChannel.create({ data: { name: "slack", kind: "slack", settings: {}, secretCipher: seal("{}") } })).id;
  mailId = (await db().notificationChannel.create({ data: { name: "mail", kind: "smtp", settings: {}, secretCipher: seal("{}") } })).id;
  userId = (await db().user.create({ data: { email: "me@example.com", name: "Me", passwordHash: "-" } })).id;
  await db().notificationSubscription.create({ data: { channelId: slackId, events: ["service.deployment.rolled_back"], cluster: "prod" } });
  await db().notificationSubscription.create({ data: { channelId: slackId, events: ["service.deployment.rolled_back"] } });
  await db().notificationSubscription.create({ data: { channelId: mailId, userId, events: ["service.deployment.rolled_back", "plan.run.failed"] } });
  await db().notificationSubscription.create({ data: { channelId: mailId, events: ["plan.run.failed"], cluster: "other" } });
}, 60_000);

afterAll(async () => {
  await dbModule?.db().$disconnect();
  await database?.drop();
});

const event = { key: "service.deployment.rolled_back|c|r|prod|web|ecs-svc/2", type: "service.deployment.rolled_back", title: "web rolled back", detail: { service: "web" }, connectionId: "c", cluster: "prod" };

describe("recordEvent", () => {
  it("noticed by several processes at once, it is recorded and delivered once", async () => {
    const { recordEvent } = await import("./events");
    const results = await Promise.all([recordEvent(event), recordEvent(event), recordEvent(event)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const deliveries = await db().notificationDelivery.findMany({ orderBy: { channelId: "asc" } });
    // Slack once although two of its subscriptions match; the person's own e-mail to their address.
    expect(deliveries.map((d) => [d.channelId, d.recipient]).sort()).toEqual([[mailId, "me@example.com"], [slackId, null]].sort());
    expect(queued.sort()).toEqual(deliveries.map((d) => d.id).sort());
  });

  it("a subscription narrowed to another cluster does not hear it", async () => {
    const { recordEvent } = await import("./events");
    queued.length = 0;
    await recordEvent({ key: "plan.run.failed|run1", type: "plan.run.failed", title: "x failed", detail: {}, connectionId: "c", cluster: "prod" });
    const rows = await db().notificationDelivery.findMany({ where: { event: { key: "plan.run.failed|run1" } } });
    expect(rows.map((r) => r.recipient)).toEqual(["me@example.com"]);
  });
});
