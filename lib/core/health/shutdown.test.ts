import { describe, expect, it } from "vitest";
import { graceMsFromEnv, isDraining, shutDown } from "./shutdown";

describe("shutDown", () => {
  it("drains, lets the worker finish, releases the relay, then exits — once", async () => {
    const order: string[] = [];
    const steps = {
      stopWorker: async (ms: number) => void order.push(`worker ${ms}`),
      closeRelay: async () => void order.push("relay"),
      graceMs: 1000,
      exit: (code: number) => void order.push(`exit ${code}`),
      log: () => {},
    };
    expect(isDraining()).toBe(false);
    await shutDown("SIGTERM", steps);
    expect(isDraining()).toBe(true);
    await shutDown("SIGINT", steps); // a second signal does not start a second shutdown
    expect(order).toEqual(["worker 1000", "relay", "exit 0"]);
  });
});

describe("graceMsFromEnv", () => {
  it("takes whole seconds from 1 to 600, else 25 s", () => {
    expect(graceMsFromEnv("60")).toBe(60_000);
    for (const bad of [undefined, "", "0", "601", "2.5", "1e3", "x"]) expect(graceMsFromEnv(bad)).toBe(25_000);
  });
});
