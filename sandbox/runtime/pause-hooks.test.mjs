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
