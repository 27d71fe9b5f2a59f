import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import type { DiffRow } from "@/lib/ecs/task-definitions/json-diff";
import { plural } from "@/lib/core/format/plural";

type Props = {
  family: string;
  revisions: number[];
  from: number;
  to: number;
  diff: { rows: DiffRow[]; added: number; removed: number } | null;
};

/** Two revisions side by side; a GET form so the comparison has its own URL. */
export function RevisionDiff({ revisions, from, to, diff }: Props) {
  return (
    <Card>
      <CardHeader title="Compare revisions" description="As registered: the ARN, revision, status and timestamps are left out." />
      <CardBody className="space-y-3">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Field label="Old revision" htmlFor="from"><Select id="from" name="from" defaultValue={String(from)} className="w-32">{revisions.map((r) => <option key={r} value={r}>{r}</option>)}</Select></Field>
          <Field label="New revision" htmlFor="to"><Select id="to" name="to" defaultValue={String(to)} className="w-32">{revisions.map((r) => <option key={r} value={r}>{r}</option>)}</Select></Field>
          <Button type="submit" variant="secondary">Compare</Button>
        </form>
        {diff && (
          <>
            <p className="text-xs text-ink-muted" data-testid="diff-summary">
              {diff.added === 0 && diff.removed === 0 ? "The two revisions are the same." : `${plural(diff.removed, "line")} removed, ${diff.added} added.`}
            </p>
            <div className="max-h-[36rem] overflow-auto rounded-md border border-line" role="table" aria-label={`Revision ${from} compared with revision ${to}`}>
              <div role="row" className="sticky top-0 grid grid-cols-2 border-b border-line bg-canvas text-xs font-medium text-ink-muted">
                <div role="columnheader" className="px-3 py-1.5">Revision {from}</div>
                <div role="columnheader" className="border-l border-line px-3 py-1.5">Revision {to}</div>
              </div>
              {diff.rows.map((row, i) => (
                <div role="row" key={i} className="grid grid-cols-2 font-mono text-xs leading-5">
                  <Side cell={row.left} />
                  <Side cell={row.right} right />
                </div>
              ))}
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}

function Side({ cell, right }: { cell: DiffRow["left"] | DiffRow["right"]; right?: boolean }) {
  const kind = cell?.kind ?? "empty";
  return (
    <div role="cell" data-kind={kind}
      className={cn("flex min-w-0", right && "border-l border-line", kind === "removed" && "bg-red-50 text-red-900", kind === "added" && "bg-green-50 text-green-900", kind === "empty" && "bg-line-subtle/60")}>
      <span className="w-10 shrink-0 select-none pr-2 text-right text-ink-faint">{cell?.no ?? ""}</span>
      <span aria-hidden="true" className="w-3 shrink-0 select-none">{kind === "removed" ? "-" : kind === "added" ? "+" : ""}</span>
      <span className="whitespace-pre-wrap break-all pr-2">{cell?.text ?? ""}</span>
    </div>
  );
}
