import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ConnectionSettings } from "@/lib/core/aws/clients";
import { serviceGoneWait } from "../testing/plans";

const answers: Record<string, unknown>[] = [];
vi.mock("@/lib/core/aws/call", () => ({ callAws: vi.fn(async () => ({ output: answers.shift() ?? {} })) }));

const { waitUntil } = await import("./wait");
const conn = { name: "test" } as ConnectionSettings;

describe("waitUntil a deletion", () => {
  beforeEach(() => {
    answers.length = 0;
    process.env.PORTSIDE_WAIT_POLL_MS = "1";
  });

  it("polls while the service drains and ends when it is INACTIVE", async () => {
    answers.push({ services: [{ status: "DRAINING" }] }, { services: [{ status: "DRAINING" }] }, { services: [{ status: "INACTIVE" }] });
    const seen: string[] = [];
    const outcome = await waitUntil(conn, "us-east-1", serviceGoneWait("prod", "web"), {}, new Date(), async (p) => void seen.push(p));
    expect(outcome).toEqual({ ok: true, status: "INACTIVE" });
    expect(seen.map((p) => p.split(":")[1]!.split("·")[0]!.trim())).toEqual(["DRAINING", "DRAINING", "INACTIVE"]);
  });

  it("ends when a batch read no longer lists the resource (DescribeServices answers MISSING)", async () => {
    answers.push({ services: [], failures: [{ reason: "MISSING" }] });
    const outcome = await waitUntil(conn, "us-east-1", serviceGoneWait("prod", "web"), {}, new Date(), async () => {});
    expect(outcome).toEqual({ ok: true, status: "deleted" });
  });

  it("does not treat an absent status as done when not waiting for a deletion", async () => {
    answers.push({ services: [] });
    const outcome = await waitUntil(conn, "us-east-1", { ...serviceGoneWait("prod", "web"), untilGone: false, timeoutMs: 0 }, {}, new Date(Date.now() - 1), async () => {});
    expect(outcome).toMatchObject({ ok: false, status: "unknown" });
  });
});
