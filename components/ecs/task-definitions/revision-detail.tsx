import { StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { TaskDefinitionView } from "@/lib/ecs/task-definitions/view";
import { plural } from "@/lib/core/format/plural";

const roleName = (arn?: string) => (arn ? arn.split("/").pop() : "None");

/** A revision as the console's overview shows it: the task, its containers, and the full JSON. */
export function RevisionDetail({ def }: { def: TaskDefinitionView }) {
  const facts: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={def.status} />],
    ["Launch type", (def.requiresCompatibilities ?? []).join(", ") || "EC2"],
    ["Operating system / architecture", `${def.runtimePlatform?.operatingSystemFamily ?? "LINUX"} / ${def.runtimePlatform?.cpuArchitecture ?? "X86_64"}`],
    ["Network mode", def.networkMode ?? "default"],
    ["Task size", def.cpu || def.memory ? `${def.cpu ?? "–"} CPU units, ${def.memory ?? "–"} MiB` : "Not set"],
    ["Task role", roleName(def.taskRoleArn)],
    ["Task execution role", roleName(def.executionRoleArn)],
  ];
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title="Overview" />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
            {facts.map(([k, v]) => (
              <div key={k}><dt className="text-xs text-ink-muted">{k}</dt><dd className="mt-0.5 text-sm">{v}</dd></div>
            ))}
          </dl>
        </CardBody>
      </Card>
      <Table aria-label="Containers">
        <THead>
          <tr><Th>Container</Th><Th>Image</Th><Th>Essential</Th><Th>Ports</Th><Th>CPU / memory</Th><Th>Environment</Th><Th>Logs</Th><Th>Health check</Th></tr>
        </THead>
        <TBody>
          {def.containerDefinitions.map((c) => (
            <Tr key={c.name}>
              <Td className="font-medium">{c.name}</Td>
              <Td className="max-w-72 font-mono text-xs break-all">{c.image}</Td>
              <Td>{c.essential === false ? "No" : "Yes"}</Td>
              <Td className="font-mono text-xs">{(c.portMappings ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "tcp"}${p.appProtocol ? ` ${p.appProtocol}` : ""}`).join(", ") || "–"}</Td>
              <Td className="text-xs">{[c.cpu ? `${c.cpu} units` : null, c.memory ? `hard ${c.memory} MiB` : null, c.memoryReservation ? `soft ${c.memoryReservation} MiB` : null].filter(Boolean).join(", ") || "–"}</Td>
              <Td className="text-xs">{plural((c.environment ?? []).length, "variable")}, {plural((c.secrets ?? []).length, "secret")}</Td>
              <Td className="font-mono text-xs">{c.logConfiguration?.logDriver === "awslogs" ? c.logConfiguration.options?.["awslogs-group"] : c.logConfiguration?.logDriver ?? "–"}</Td>
              <Td className="font-mono text-xs">{c.healthCheck?.command ? c.healthCheck.command.join(" ") : "–"}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Card>
        <CardHeader title="JSON" description="As DescribeTaskDefinition returns it." />
        <CardBody><CodeBlock code={JSON.stringify(def, null, 2)} aria-label="Task definition JSON" /></CardBody>
      </Card>
    </div>
  );
}
