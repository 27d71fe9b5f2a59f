import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { makeZip } from "./zip-test-support";

// Against a real Postgres (scripts/with-db.mjs or `npm test`): who may load an upload and how long
// it is kept are decided by the queries, so they are tested on the real table.
let store: typeof import("./upload-store");
let dbModule: typeof import("@/lib/core/db/client");
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  database = await createTestDatabase("bundle_upload");
  dbModule = await import("@/lib/core/db/client");
  store = await import("./upload-store");
}, 60_000);

afterAll(async () => {
  await dbModule?.db().$disconnect();
  await database?.drop();
});

const ZIP = makeZip([{ name: "Dockerrun.aws.json", data: JSON.stringify({ AWSEBDockerrunVersion: "1", Image: { Name: "nginx" }, Ports: [{ ContainerPort: 80 }] }), deflate: true }]);
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 10, minutes));
const count = () => dbModule.db().bundleUpload.count();

describe("zip bundle uploads in Postgres", () => {
  it("gives an upload back, byte for byte, to the person who sent it and to no one else", async () => {
    const { id, sha256 } = await store.saveBundleUpload("alice", "app.zip", ZIP, at(0));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await store.loadBundleUpload(id, "alice", at(1));
    expect(mine?.bytes.equals(ZIP)).toBe(true);
    expect(mine).toMatchObject({ name: "app.zip", sha256 });
    expect(await store.loadBundleUpload(id, "mallory", at(1))).toBeNull();
    expect(await store.loadBundleUpload("not-a-uuid", "alice", at(1))).toBeNull();
    expect(await store.loadBundleUpload("00000000-0000-4000-8000-000000000000", "alice", at(1))).toBeNull();
    expect(await store.uploadedZip(id, "mallory")).toEqual({ ok: false, message: expect.stringMatching(/Choose the zip again/) });
  });

  it("an upload expires after an hour, and the next upload deletes everyone's expired ones", async () => {
    await dbModule.db().bundleUpload.deleteMany();
    const old = await store.saveBundleUpload("bob", "old.zip", ZIP, at(0));
    const other = await store.saveBundleUpload("carol", "other.zip", ZIP, at(5));
    expect(await store.loadBundleUpload(old.id, "bob", at(59))).not.toBeNull();
    expect(await store.loadBundleUpload(old.id, "bob", at(61))).toBeNull();
    await store.saveBundleUpload("dave", "new.zip", ZIP, at(64));
    const left = await dbModule.db().bundleUpload.findMany({ select: { id: true } });
    expect(left.map((r) => r.id)).not.toContain(old.id);
    expect(left.map((r) => r.id)).toContain(other.id);
    expect(await count()).toBe(2);
  });

  it("keeps a person's newest ten, not touching anyone else's", async () => {
    await dbModule.db().bundleUpload.deleteMany();
    const theirs = await store.saveBundleUpload("erin", "e.zip", ZIP, at(0));
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await store.saveBundleUpload("frank", `f${i}.zip`, ZIP, at(1 + i))).id);
    const kept = await dbModule.db().bundleUpload.findMany({ where: { userId: "frank" }, select: { id: true } });
    expect(kept.map((r) => r.id).sort()).toEqual(ids.slice(2).sort());
    expect(await store.loadBundleUpload(theirs.id, "erin", at(20))).not.toBeNull();
  });
});
