"use client";

import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/input";
import { MAX_DEPLOYMENT_ALARMS } from "@/lib/ecs/deployment-strategy/fields";

type Props = {
  errorFor: (key: string) => string[] | undefined;
  alarms: { name: string; state: string }[];
  enabled: boolean;
  rollback: boolean;
  picked: string[];
  set: (patch: { alarmsEnabled?: boolean; alarmRollback?: boolean; alarmNames?: string[] }) => void;
};

const tone = (state: string) => (state === "ALARM" ? "red" : state === "OK" ? "green" : "neutral");

function Message({ errorFor, name }: { errorFor: Props["errorFor"]; name: string }) {
  const e = errorFor(name);
  return e ? <p role="alert" id={`${name}-error`} className="text-xs font-medium text-red-700">{e[0]}</p> : null;
}

/**
 * deploymentConfiguration.alarms, as the console asks: watch CloudWatch alarms during a
 * deployment (and its bake time), and roll back when one goes into ALARM. Shared by the service
 * wizard and the "Deployment settings" dialog.
 */
export function DeploymentAlarmFields({ errorFor, alarms, enabled, rollback, picked, set }: Props) {
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-3">
      <legend className="px-1 text-[13px] font-medium">CloudWatch alarms (optional)</legend>
      <input type="hidden" name="alarmsEnabled" value={String(enabled)} />
      <input type="hidden" name="alarmRollback" value={String(rollback)} />
      {picked.map((n, i) => <input key={n} type="hidden" name={`alarmNames.${i}`} value={n} />)}
      <Checkbox label="Watch CloudWatch alarms during deployments" description="ECS watches them from the start of a deployment until its bake time ends."
        checked={enabled} onChange={(e) => set({ alarmsEnabled: e.target.checked, ...(e.target.checked ? {} : { alarmNames: [], alarmRollback: false }) })} />
      {enabled && (
        alarms.length ? (
          <div role="group" aria-label="Alarms to watch" aria-describedby={errorFor("alarmNames") ? "alarmNames-error" : undefined}
            className="max-h-48 space-y-1 overflow-y-auto rounded border border-line-subtle p-2">
            {alarms.map((a) => (
              <div key={a.name} className="flex items-center justify-between gap-2">
                <Checkbox className="min-w-0 break-all" label={a.name} checked={picked.includes(a.name)}
                  onChange={(e) => set({ alarmNames: e.target.checked ? [...picked, a.name] : picked.filter((n) => n !== a.name) })} />
                <Badge tone={tone(a.state)}>{a.state.toLowerCase().replaceAll("_", " ")}</Badge>
              </div>
            ))}
          </div>
        ) : (
          <p className="text-sm text-ink-muted">No CloudWatch alarm in this region yet. Create one in CloudWatch (for example on the target group&apos;s 5XX count), then pick it here.</p>
        )
      )}
      {enabled && <p className="text-xs text-ink-muted">Up to {MAX_DEPLOYMENT_ALARMS} alarms.</p>}
      <Message errorFor={errorFor} name="alarmNames" />
      <Checkbox label="Roll back when an alarm goes into ALARM" disabled={!enabled} checked={rollback}
        onChange={(e) => set({ alarmRollback: e.target.checked })} />
      <Message errorFor={errorFor} name="alarmRollback" />
    </fieldset>
  );
}
