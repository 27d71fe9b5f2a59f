// Alarm-driven rollback: which alarms a deployment watches and which one triggers it.
import { expect, it } from "vitest";
import { pollAlarms, triggeredAlarm, watchedAlarms } from "./deployment-alarms.mjs";

it("watches the named alarms only when alarms are enabled, at most 10", () => {
  expect(watchedAlarms({})).toEqual([]);
  expect(watchedAlarms({ alarms: { alarmNames: ["a"], enable: false, rollback: true } })).toEqual([]);
  expect(watchedAlarms({ alarms: { alarmNames: ["a", "", 3, "b"], enable: true, rollback: true } })).toEqual(["a", "b"]);
  expect(watchedAlarms({ alarms: { alarmNames: Array.from({ length: 12 }, (_, i) => `a${i}`), enable: true } })).toHaveLength(10);
});

it("the first watched alarm in ALARM triggers; OK and INSUFFICIENT_DATA do not", () => {
  expect(triggeredAlarm(["a", "b"], { a: "OK", b: "INSUFFICIENT_DATA" })).toBeNull();
  expect(triggeredAlarm(["a", "b"], { a: "OK", b: "ALARM" })).toBe("b");
  expect(triggeredAlarm(["a"], {})).toBeNull();
});

it("polls once at a time and not more often than its interval", async () => {
  const watch = { names: [], states: {} };
  let done = 0;
  const finished = new Promise((resolve) => pollAlarms(watch, "http://127.0.0.1:9", "us-east-1", Date.now(), () => { done += 1; resolve(); }));
  pollAlarms(watch, "http://127.0.0.1:9", "us-east-1", Date.now(), () => { done += 1; });
  await finished;
  expect(done).toBe(1);
  pollAlarms(watch, "http://127.0.0.1:9", "us-east-1", Date.now(), () => { done += 1; });
  expect(watch.inFlight).toBeFalsy();
});
