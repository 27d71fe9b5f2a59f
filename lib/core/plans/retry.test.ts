import { describe, expect, it } from "vitest";
import { retryDelays, sendWithRetry, type Clock, type RetryOn } from "./retry";

const rule: RetryOn = { codes: ["InvalidParameterValue"], messageIncludes: "Invalid IAM Instance Profile", attempts: 6, firstDelayMs: 1000, maxDelayMs: 8000, why: "IAM propagation" };
const iamNotYet = Object.assign(new Error("Value (PortsideHost-web) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"), { code: "InvalidParameterValue" });
const facts = (e: unknown) => ({ code: (e as { code: string }).code, message: (e as Error).message });

/** A fake clock: sleeping only moves its time on, so the test takes no time and sees every wait. */
function fakeClock() {
  const clock = { now: 0, slept: [] as number[], sleep: async (ms: number) => { clock.slept.push(ms); clock.now += ms; } };
  return clock satisfies Clock & { now: number };
}

/** A request that fails `failures` times with `error`, then answers. */
function flaky(failures: number, error: Error = iamNotYet) {
  let calls = 0;
  const send = async () => {
    calls++;
    if (calls <= failures) throw error;
    return "i-0123";
  };
  return { send, calls: () => calls };
}

describe("sendWithRetry", () => {
  it("retries the named error with doubling, capped delays until the request succeeds", async () => {
    const clock = fakeClock();
    const request = flaky(4);
    const heard: number[] = [];
    await expect(sendWithRetry(rule, request.send, facts, async (i) => void heard.push(i.attempt), clock)).resolves.toBe("i-0123");
    expect(request.calls()).toBe(5);
    expect(clock.slept).toEqual([1000, 2000, 4000, 8000]);
    expect(heard).toEqual([1, 2, 3, 4]);
  });

  it("gives up after the attempts with the last error, having waited a bounded time", async () => {
    const clock = fakeClock();
    const request = flaky(100);
    await expect(sendWithRetry(rule, request.send, facts, async () => {}, clock)).rejects.toBe(iamNotYet);
    expect(request.calls()).toBe(6);
    expect(clock.now).toBe(1000 + 2000 + 4000 + 8000 + 8000);
  });

  it("fails at once on another error, or the same code with another message, or without a rule", async () => {
    for (const [r, error] of [
      [rule, Object.assign(new Error("Invalid instance type"), { code: "InvalidParameterValue" })],
      [rule, Object.assign(new Error("Invalid IAM Instance Profile name"), { code: "UnauthorizedOperation" })],
      [undefined, iamNotYet],
    ] as const) {
      const clock = fakeClock();
      const request = flaky(1, error);
      await expect(sendWithRetry(r, request.send, facts, async () => {}, clock)).rejects.toBe(error);
      expect(request.calls()).toBe(1);
      expect(clock.slept).toEqual([]);
    }
  });

  it("keeps a careless rule within the bounds", () => {
    expect(retryDelays({ ...rule, attempts: 1000, firstDelayMs: 1, maxDelayMs: 10 ** 9 })).toHaveLength(9);
    expect(Math.max(...retryDelays({ ...rule, attempts: 1000, firstDelayMs: 10 ** 9, maxDelayMs: 10 ** 9 }))).toBe(60_000);
    expect(retryDelays({ ...rule, attempts: -3 })).toEqual([]);
  });
});
