import { Checkbox } from "@/components/ui/input";
import { StatusBadge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { previewRemoveAddonAction, removeAddonAction } from "@/lib/eks/compute/actions";
import type { AddonSummary, AvailableAddon } from "@/lib/eks/compute/reads";
import { AddonForm } from "./addon-form";
import { RunPlanButton } from "./run-plan-button";
import { plural } from "@/lib/core/format/plural";

type Target = { connectionId: string; region: string; clusterName: string };

export function InstalledAddons({ target, addons, available, canOperate }: { target: Target; addons: AddonSummary[]; available: AvailableAddon[]; canOperate: boolean }) {
  return (
    <Table aria-label="Installed add-ons">
      <THead><Tr><Th>Name</Th><Th>Version</Th><Th>Status</Th><Th>Health</Th><Th>Service account role</Th>{canOperate && <Th><span className="sr-only">Actions</span></Th>}</Tr></THead>
      <TBody>
        {addons.map((a) => {
          const versions = available.find((x) => x.name === a.name)?.versions ?? [];
          const busy = a.status !== "ACTIVE" && a.status !== "DEGRADED" && a.status !== "UPDATE_FAILED";
          return (
            <Tr key={a.name}>
              <Td className="align-top font-medium">{a.name}</Td>
              <Td className="align-top font-mono text-xs">{a.version}</Td>
              <Td className="align-top"><StatusBadge status={a.status} /></Td>
              <Td className="align-top text-xs">{a.health.length ? a.health.map((h, i) => <p key={i} className="text-red-700">{h.code}: {h.message}</p>) : "No issues"}</Td>
              <Td className="align-top font-mono text-xs [overflow-wrap:anywhere]">{a.serviceAccountRoleArn || "—"}</Td>
              {canOperate && (
                <Td className="align-top">
                  <div className="flex flex-col items-end gap-2">
                    {versions.some((v) => v.version !== a.version) && !busy && (
                      <details className="w-full min-w-[28rem] text-left">
                        <summary className="cursor-pointer text-sm text-accent-700">Update {a.name}</summary>
                        <AddonForm mode="update" target={target} addonName={a.name} versions={versions} currentVersion={a.version} currentRoleArn={a.serviceAccountRoleArn} />
                      </details>
                    )}
                    <RunPlanButton label={`Remove ${a.name}`} size="sm" title={`Remove add-on ${a.name}?`} confirmLabel="Remove add-on" fields={{ ...target, addonName: a.name }}
                      preview={previewRemoveAddonAction} action={removeAddonAction} disabled={a.status === "DELETING"}
                      description="EKS stops managing the add-on. Unless you keep it, its Kubernetes resources are deleted from the cluster too.">
                      <Checkbox name="preserve" value="on" label="Keep its software on the cluster" description="Preserve: EKS stops managing it, but its pods and settings stay." />
                    </RunPlanButton>
                  </div>
                </Td>
              )}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

export function AvailableAddons({ target, available, installed, version, canOperate }: { target: Target; available: AvailableAddon[]; installed: string[]; version: string; canOperate: boolean }) {
  const offered = available.filter((a) => !installed.includes(a.name));
  if (offered.length === 0) return <p className="text-sm text-ink-muted">Every add-on offered for Kubernetes {version} is installed.</p>;
  return (
    <ul className="divide-y divide-line" aria-label="Available add-ons">
      {offered.map((a) => {
        const def = a.versions.find((v) => v.isDefault) ?? a.versions[0];
        return (
          <li key={a.name} className="py-3">
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-medium">{a.name}</span>
              <span className="text-xs text-ink-muted">{a.type}{a.publisher ? ` · ${a.publisher}` : ""} · {plural(a.versions.length, "version")} for Kubernetes {version}, default {def?.version}</span>
            </div>
            {canOperate && (
              <details>
                <summary className="cursor-pointer text-sm text-accent-700">Install {a.name}</summary>
                <AddonForm mode="install" target={target} addonName={a.name} versions={a.versions} />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
