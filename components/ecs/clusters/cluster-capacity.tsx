import { ManagedScalingForm } from "@/components/ecs/scaling/managed-scaling-form";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { CapacityProviderSummary } from "@/lib/ecs/clusters/capacity";

/**
 * EC2 capacity providers with their Auto Scaling groups; Fargate-only clusters show nothing.
 * With `edit` (an operator), each provider's managed scaling can be changed through a reviewed plan.
 */
export function ClusterCapacity({ providers, edit }: { providers: CapacityProviderSummary[]; edit?: { connectionId: string; region: string; cluster: string } }) {
  if (providers.length === 0) return null;
  return (
    <Card>
      <CardHeader title="EC2 capacity" description="Capacity providers backed by Auto Scaling groups; ECS scales the groups to fit the tasks." />
      <Table aria-label="EC2 capacity providers">
        <THead>
          <Tr>
            <Th>Capacity provider</Th>
            <Th>Status</Th>
            <Th>Auto Scaling group</Th>
            <Th>Managed scaling</Th>
            <Th>Termination protection</Th>
            <Th className="text-right">Min</Th>
            <Th className="text-right">Max</Th>
            <Th className="text-right">Desired</Th>
            <Th className="text-right">Instances</Th>
          </Tr>
        </THead>
        <TBody>
          {providers.map((p) => (
            <Tr key={p.name}>
              <Td className="font-medium">{p.name}</Td>
              <Td><StatusBadge status={p.status} /></Td>
              <Td className="font-mono text-xs">{p.group?.name ?? p.autoScalingGroupArn.split("/").pop()}</Td>
              <Td>
                {p.managedScaling.status === "ENABLED"
                  ? <Badge>On · target {p.managedScaling.targetCapacity}%</Badge>
                  : <span className="text-ink-muted">Off</span>}
              </Td>
              <Td>{p.managedTerminationProtection === "ENABLED" ? "On" : "Off"}</Td>
              <Td className="text-right tabular-nums">{p.group?.min ?? "—"}</Td>
              <Td className="text-right tabular-nums">{p.group?.max ?? "—"}</Td>
              <Td className="text-right tabular-nums">{p.group?.desired ?? "—"}</Td>
              <Td className="text-right tabular-nums">{p.group?.instances ?? "—"}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {edit && (
        <CardBody className="space-y-4 border-t border-line-subtle">
          {providers.map((p) => (
            <ManagedScalingForm key={p.name} target={edit} capacityProvider={p.name} managed={p.managedScaling}
              group={p.group ? { name: p.group.name, min: p.group.min, max: p.group.max, desired: p.group.desired, instances: p.group.instances } : null} />
          ))}
        </CardBody>
      )}
    </Card>
  );
}
