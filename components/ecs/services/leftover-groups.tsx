"use client";

import { GROUP_TITLES, LEFTOVER_GROUPS, type LeftoverGroup, type Leftovers } from "@/lib/ecs/services/leftovers";

const HINTS: Record<LeftoverGroup, string> = {
  loadBalancing: "Deleted once the services are gone: listener, then target group, then load balancer.",
  securityGroups: "Deleted last, once no network interface (the load balancer's) uses them.",
  autoScaling: "Removed first, so it does not scale the service back up while it drains.",
  schedules: "Deleted first, so none starts a task during the teardown.",
  eventRules: "Deleted first (their targets, then the rule), so no event starts a task during the teardown.",
};

/**
 * What the services leave behind, per group, with a delete / keep choice for each group that
 * has something Portside may delete. Shared resources, and those Portside did not create, are
 * listed with the reason they stay. The radios are uncontrolled inputs of the dialog's form, so
 * they are posted with the preview and the confirm alike.
 */
export function LeftoverGroups({ leftovers }: { leftovers: Leftovers | null }) {
  if (!leftovers) return null;
  const groups = LEFTOVER_GROUPS.filter((g) => leftovers[g].length > 0);
  if (groups.length === 0) return <p className="text-sm text-ink-muted">No load balancer, security group, auto scaling or schedule belongs to what is deleted.</p>;
  return (
    <div className="flex flex-col gap-3 text-sm" aria-label="Also left behind">
      <p className="text-ink-muted">Also in AWS because of what is deleted. Choose for each group:</p>
      {groups.map((g) => {
        const deletable = leftovers[g].some((i) => !i.keep);
        return (
          <fieldset key={g} aria-label={GROUP_TITLES[g]} className="rounded-md border border-line p-2">
            <legend className="px-1 font-medium text-ink">{GROUP_TITLES[g]}</legend>
            <ul className="list-disc pl-5" aria-label={`${GROUP_TITLES[g]} resources`}>
              {leftovers[g].map((i) => (
                <li key={`${i.kind}:${i.id}`}>
                  {i.label}
                  {i.keep && <span className="text-ink-muted"> — kept ({i.keep})</span>}
                </li>
              ))}
            </ul>
            {deletable ? (
              <div className="mt-1 flex gap-4" role="radiogroup" aria-label={`${GROUP_TITLES[g]}: delete or keep`}>
                <label className="flex items-center gap-1">
                  <input type="radio" name={g} value="delete" defaultChecked /> Delete
                </label>
                <label className="flex items-center gap-1">
                  <input type="radio" name={g} value="keep" /> Keep
                </label>
              </div>
            ) : (
              <input type="hidden" name={g} value="keep" />
            )}
            <p className="mt-1 text-xs text-ink-muted">{deletable ? HINTS[g] : "Nothing here is Portside's to delete: all of it stays."}</p>
          </fieldset>
        );
      })}
    </div>
  );
}
