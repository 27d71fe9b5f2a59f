import { Link } from "@/components/ui/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/time";

export type HistoryRow = {
  id: string;
  title: string;
  status: string;
  wizard: string;
  user: string;
  connection: string;
  region: string;
  resources: string[];
  steps: number;
  createdAt: string;
};

export function HistoryTable({ runs, filtered }: { runs: HistoryRow[]; filtered: boolean }) {
  if (runs.length === 0) {
    return filtered ? (
      <EmptyState title="No runs match these filters" description="Clear a filter to see more." />
    ) : (
      <EmptyState title="Nothing has been changed yet" description="Every wizard's plan lands here when it runs: create a cluster to see the first one." />
    );
  }
  return (
    <Table aria-label="Plan runs">
      <THead>
        <Tr>
          <Th>When</Th>
          <Th>Change</Th>
          <Th>Status</Th>
          <Th>Who</Th>
          <Th>Connection / region</Th>
          <Th>Resources</Th>
          <Th className="text-right">Requests</Th>
        </Tr>
      </THead>
      <TBody>
        {runs.map((r) => (
          <Tr key={r.id}>
            <Td className="whitespace-nowrap"><RelativeTime date={r.createdAt} /></Td>
            <Td className="min-w-56 break-words">
              <Link href={`/history/${r.id}`} className="font-medium text-accent-700 hover:underline">{r.title}</Link>
              <span className="ml-2 text-xs text-ink-faint">{r.wizard}</span>
            </Td>
            <Td><StatusBadge status={r.status} /></Td>
            <Td>{r.user}</Td>
            <Td>{r.connection} · {r.region}</Td>
            <Td className="min-w-52"><div className="flex max-w-72 flex-wrap gap-1">{r.resources.map((x) => <Badge key={x} className="max-w-full whitespace-normal break-words font-mono">{x}</Badge>)}</div></Td>
            <Td className="text-right tabular-nums">{r.steps}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
