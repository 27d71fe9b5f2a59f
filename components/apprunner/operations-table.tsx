import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime, formatDuration } from "@/components/ui/time";
import type { AppRunnerOperation } from "@/lib/apprunner/reads";
import { AppRunnerStatus } from "./status";

const TYPE_LABEL: Record<string, string> = {
  CREATE_SERVICE: "Create service",
  DELETE_SERVICE: "Delete service",
  PAUSE_SERVICE: "Pause service",
  RESUME_SERVICE: "Resume service",
  START_DEPLOYMENT: "Deployment",
  UPDATE_SERVICE: "Update service",
};

export function AppRunnerOperations({ operations }: { operations: AppRunnerOperation[] }) {
  return (
    <Card>
      <CardHeader title="Operations" description="What App Runner did to this service, newest first (ListOperations)." />
      {operations.length === 0 ? (
        <p className="px-4 py-3 text-ink-muted">No operations reported yet.</p>
      ) : (
        <Table aria-label="Operations" className="[&_td]:border-b-line-subtle" containerClassName="rounded-none border-0">
          <THead>
            <Tr>
              <Th>Operation</Th>
              <Th>Status</Th>
              <Th>Started</Th>
              <Th>Duration</Th>
              <Th>Id</Th>
            </Tr>
          </THead>
          <TBody>
            {operations.map((o) => (
              <Tr key={o.id}>
                <Td>{TYPE_LABEL[o.type] ?? o.type}</Td>
                <Td><AppRunnerStatus status={o.status} /></Td>
                <Td className="whitespace-nowrap">{o.startedAt ? <RelativeTime date={o.startedAt} /> : "—"}</Td>
                <Td className="whitespace-nowrap text-ink-muted">
                  {o.startedAt && o.endedAt ? formatDuration(Date.parse(o.endedAt) - Date.parse(o.startedAt)) : "—"}
                </Td>
                <Td className="font-mono text-xs text-ink-muted">{o.id}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
