import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";

// Against a real Postgres (scripts/with-db.mjs or `npm test`): the claim is the database's
// uniqueness, so it is tested where two pollers would race, on the real table.
let store: typeof import("./store");
let dbModule: typeof import("@/lib/core/db/client");
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  database = await createTestDatabase("deploy_on_push");
  dbModule = await import("@/lib/core/db/client");
  store = await import("./store");
}, 60_000);

afterAll(async () => {
  await dbModule?.db().$disconnect();
  await database?.drop();
});

const target = { connectionId: "conn", region: "us-east-1", cluster: "prod", service: "web" };
const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 2, 0, s));
const uriOf = (tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:${tag}`;

async function newRule(baselineImages: { digest: string; tags: string[]; pushedAt: Date }[] = []) {
  return store.createRule({ ...target, repository: "team/web", tagPattern: "v*", mode: "auto", createdById: "u1" }, { watermark: at(10), seen: baselineImages }, uriOf);
}

describe("deploy-on-push claims", () => {
  it("two pollers racing for one image: exactly one claims it", async () => {
    const rule = await newRule();
    const push = { digest: "sha256:aa", tag: "v1", pushedAt: at(12) };
    const claims = await Promise.all([store.claimPush(rule.id, push, uriOf("v1"), "claimed"), store.claimPush(rule.id, push, uriOf("v1"), "claimed")]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // A restarted process finds it claimed too.
    expect(await store.claimPush(rule.id, push, uriOf("v1"), "claimed")).toBeNull();
  });

  it("the baseline's images count as seen, and the watermark only moves forward", async () => {
    const rule = await newRule([{ digest: "sha256:base", tags: ["v0"], pushedAt: at(10) }]);
    expect(await store.seenDigests(rule.id, ["sha256:base", "sha256:new"])).toEqual(new Set(["sha256:base"]));
    await store.claimPush(rule.id, { digest: "sha256:b", tag: "v2", pushedAt: at(20) }, uriOf("v2"), "claimed");
    await store.claimPush(rule.id, { digest: "sha256:a", tag: "v1", pushedAt: at(15) }, uriOf("v1"), "superseded");
    const [row] = (await store.rulesOfService(target)).filter((r) => r.id === rule.id);
    expect(row!.watermark).toEqual(at(20));
    expect(row!.lastSeenDigest).toBe("sha256:b");
  });

  it("a proposal is taken once: two people pressing Run start one run", async () => {
    const rule = await newRule();
    const event = await store.claimPush(rule.id, { digest: "sha256:p", tag: "v3", pushedAt: at(30) }, uriOf("v3"), "proposed");
    const taken = await Promise.all([store.takeProposal(event!.id, "running"), store.takeProposal(event!.id, "dismissed")]);
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it("rules are found only through their own service", async () => {
    const rule = await newRule();
    expect(await store.ruleOfService(target, rule.id)).not.toBeNull();
    expect(await store.ruleOfService({ ...target, service: "other" }, rule.id)).toBeNull();
  });
});
