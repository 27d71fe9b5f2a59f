import { Badge, StatusBadge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { deleteFargateProfileAction, previewDeleteFargateProfileAction } from "@/lib/eks/compute/actions";
import type { FargateProfileSummary } from "@/lib/eks/compute/reads";
import { RunPlanButton } from "./run-plan-button";

export function FargateProfileTable({ target, profiles, canOperate }: {
  target: { connectionId: string; region: string; clusterName: string };
  profiles: FargateProfileSummary[];
  canOperate: boolean;
}) {
  return (
    <Table aria-label="Fargate profiles">
      <THead><Tr><Th>Name</Th><Th>Status</Th><Th>Selectors</Th><Th>Subnets</Th><Th>Pod execution role</Th>{canOperate && <Th><span className="sr-only">Actions</span></Th>}</Tr></THead>
      <TBody>
        {profiles.map((p) => (
          <Tr key={p.name}>
            <Td className="font-medium">{p.name}</Td>
            <Td><StatusBadge status={p.status} /></Td>
            <Td>{p.selectors.map((s, i) => (
              <div key={i} className="text-xs"><span className="font-mono">{s.namespace}</span>{s.labels.map((l) => <Badge key={l.key} className="ml-1 font-mono">{l.key}={l.value}</Badge>)}</div>
            ))}</Td>
            <Td className="font-mono text-xs">{p.subnets.join(", ")}</Td>
            <Td className="font-mono text-xs [overflow-wrap:anywhere]">{p.podExecutionRoleArn.split("/").pop()}</Td>
            {canOperate && (
              <Td>
                <RunPlanButton label="Delete" size="sm" title={`Delete Fargate profile ${p.name}?`} confirmLabel="Delete profile" requireText={p.name}
                  fields={{ ...target, fargateProfileName: p.name }} preview={previewDeleteFargateProfileAction} action={deleteFargateProfileAction} disabled={p.status === "DELETING"}
                  description="Pods running on Fargate through this profile are stopped; new matching pods stay Pending unless another profile or a node group takes them." />
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
