import { expect, it } from "vitest";
import { hookDetails, newPause, pauseAt } from "./pause-hooks.mjs";

const hooks = [
  { hookTargetArn: "arn:aws:lambda:us-east-1:1:function:ok", lifecycleStages: ["PRE_SCALE_UP"] },
  { targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 5, action: "CONTINUE" } },
];

it("pauses at the first stage with a pause hook not yet passed, never at traffic shift stages", () => {
  expect(pauseAt(hooks, ["PRE_SCALE_UP"], new Set())).toBeNull();
  expect(pauseAt(hooks, ["POST_SCALE_UP", "PRE_PRODUCTION_TRAFFIC_SHIFT"], new Set())?.stage).toBe("POST_SCALE_UP");
  expect(pauseAt(hooks, ["POST_SCALE_UP", "PRE_PRODUCTION_TRAFFIC_SHIFT"], new Set(["POST_SCALE_UP"]))?.stage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
  expect(pauseAt(hooks, ["PRODUCTION_TRAFFIC_SHIFT"], new Set())).toBeNull();
});

it("a pause waits for its timeout in deployment minutes, and shows as AWS shows it", () => {
  const p = newPause(hooks[1], "POST_SCALE_UP", 1000, 2000);
  expect(p).toMatchObject({ stage: "POST_SCALE_UP", status: "AWAITING_ACTION", expiresAt: 11_000, timeoutAction: "CONTINUE" });
  expect(p.hookId).toMatch(/^ecs-pause-[A-Za-z0-9_-]+$/);
  expect(newPause({ targetType: "PAUSE" }, "PRE_SCALE_UP", 0, 1000)).toMatchObject({ expiresAt: 1_440_000, timeoutAction: "ROLLBACK" });
  expect(hookDetails([p])).toEqual([{ hookId: p.hookId, targetType: "PAUSE", status: "AWAITING_ACTION", expiresAt: 11, timeoutAction: "CONTINUE" }]);
});

it("a pause at PRE_PRODUCTION_TRAFFIC_SHIFT holds each traffic step once: passed is remembered per step", () => {
  const hooks = [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT", "POST_SCALE_UP"] }];
  const first = pauseAt(hooks, ["PRE_PRODUCTION_TRAFFIC_SHIFT"], new Set(), 0);
  expect(first).toMatchObject({ stage: "PRE_PRODUCTION_TRAFFIC_SHIFT", key: "PRE_PRODUCTION_TRAFFIC_SHIFT@0" });
  const passed = new Set([first.key, "POST_SCALE_UP"]);
  expect(pauseAt(hooks, ["PRE_PRODUCTION_TRAFFIC_SHIFT"], passed, 0)).toBeNull();
  expect(pauseAt(hooks, ["PRE_PRODUCTION_TRAFFIC_SHIFT"], passed, 1)?.key).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT@1");
  expect(pauseAt(hooks, ["POST_SCALE_UP"], passed, 1)).toBeNull();
  expect(newPause(hooks[0], "PRE_PRODUCTION_TRAFFIC_SHIFT", 0, 1000, "PRE_PRODUCTION_TRAFFIC_SHIFT@1").key).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT@1");
});
