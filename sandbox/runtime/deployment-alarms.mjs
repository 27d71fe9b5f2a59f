// Alarm-driven rollback of ECS service deployments (deploymentConfiguration.alarms), which moto
// lacks. While a deployment is in progress (its shift and bake time), the runtime agent reads the
// watched CloudWatch alarms from moto (DescribeAlarms, not counted in /_sandbox/calls) at most once
// per `ALARM_POLL_MS`; an alarm in ALARM with `rollback: true` rolls the deployment back with the
// reason "CloudWatch alarm <name> is in ALARM.", as ECS does. `SetAlarmState` through the SDK is
// how a test (or a newcomer) forces it. See sandbox/README.md ("Service deployments …").
import { motoJson } from "../moto-query.mjs";

export const ALARM_POLL_MS = 500;
const CLOUDWATCH = { target: "GraniteServiceVersion20100801", signing: "monitoring", contentType: "application/x-amz-json-1.0" };

/** The alarm names a deployment watches: none unless `alarms.enable` (ECS ignores the names then). */
export function watchedAlarms(dc = {}) {
  const a = dc.alarms;
  if (!a?.enable || !Array.isArray(a.alarmNames)) return [];
  return a.alarmNames.filter((n) => typeof n === "string" && n.length > 0).slice(0, 10);
}

/** The first watched alarm in ALARM, if any (states: name → StateValue). */
export function triggeredAlarm(names, states) {
  return names.find((n) => states[n] === "ALARM") ?? null;
}

/** name → StateValue of each watched alarm that exists, read straight from moto. */
export async function readAlarmStates(upstream, region, names) {
  if (!names.length) return {};
  const { ok, data } = await motoJson(upstream, region, CLOUDWATCH, "DescribeAlarms", { AlarmNames: names });
  if (!ok) return {};
  return Object.fromEntries((data.MetricAlarms ?? []).map((a) => [a.AlarmName, a.StateValue]));
}

/**
 * Poll the deployment's alarms, throttled: starts a read when the last one is older than
 * ALARM_POLL_MS and none is in flight; the answer lands on `watch.states` for the next reconcile.
 */
export function pollAlarms(watch, upstream, region, now, onDone) {
  if (watch.inFlight || now - (watch.readAt ?? 0) < ALARM_POLL_MS) return;
  watch.inFlight = true;
  readAlarmStates(upstream, region, watch.names)
    .then((states) => {
      watch.states = states;
    })
    .catch(() => {})
    .finally(() => {
      watch.inFlight = false;
      watch.readAt = Date.now();
      onDone();
    });
}
