import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";
import type { ConsoleText } from "@/lib/hosts/console";
import type { CommandRun, CpuPoint } from "@/lib/hosts/reads";
import type { LogTail } from "@/lib/ecs/logs/reads";

/** A panel whose read failed: the message to show in its place (the others still render). */
export type Failed = { failure: string };
const failed = (v: unknown): v is Failed => typeof v === "object" && v !== null && "failure" in v;

/** CPUUtilization as bars, newest right: basic monitoring's 5-minute averages. */
export function CpuPanel({ points }: { points: CpuPoint[] | Failed }) {
  return (
    <Card>
      <CardHeader title="CPU utilization" description="AWS/EC2 CPUUtilization, 5-minute averages of the last 3 hours." />
      <CardBody>
        {failed(points) ? <p role="alert" className="text-sm text-red-700">{points.failure}</p> : points.length === 0 ? (
          <p className="text-sm text-ink-muted">No datapoints yet: EC2 publishes one every 5 minutes once the instance runs.</p>
        ) : (
          <ol aria-label="CPU utilization" className="flex h-24 items-end gap-1">
            {points.map((p) => (
              <li key={p.at} className="flex-1 rounded-t bg-accent-500" style={{ height: `${Math.max(2, Math.min(100, p.average))}%` }}
                title={`${p.at}: ${p.average.toFixed(1)} % average, ${p.maximum.toFixed(1)} % maximum`}>
                <span className="sr-only">{`${p.at}: ${p.average.toFixed(1)} %`}</span>
              </li>
            ))}
          </ol>
        )}
        {!failed(points) && points.length > 0 && (
          <p className="mt-2 text-xs text-ink-muted" data-testid="cpu-latest">
            Latest: {points.at(-1)!.average.toFixed(1)} % average, {points.at(-1)!.maximum.toFixed(1)} % maximum · bars on a 0–100 % scale
          </p>
        )}
      </CardBody>
    </Card>
  );
}

export function LogsPanel({ tail, logGroup }: { tail: LogTail | Failed | null; logGroup?: string }) {
  return (
    <Card>
      <CardHeader title="Container logs" description={logGroup ? `The newest lines of ${logGroup} (awslogs driver).` : "Portside did not launch this host: no log group is known."} />
      <CardBody>
        {!tail ? null : failed(tail) ? <p role="alert" className="text-sm text-red-700">{tail.failure}</p> : tail.lines.length === 0 ? (
          <EmptyState title="No log lines yet" description={tail.exists ? "The container has not written anything yet; reload in a minute." : "The log group does not exist: the container never started logging."} />
        ) : (
          <CodeBlock wrap aria-label="Container logs" code={tail.lines.map((l) => `${l.timestamp}  ${l.message}`).join("\n")} />
        )}
      </CardBody>
    </Card>
  );
}

export function ConsolePanel({ output }: { output: ConsoleText | Failed }) {
  return (
    <Card>
      <CardHeader title="Console output" description="The instance's serial console (GetConsoleOutput), newest lines; it shows what the user data ran at boot." />
      <CardBody>
        {failed(output) ? <p role="alert" className="text-sm text-red-700">{output.failure}</p> : output.lines.length === 0 ? (
          <p className="text-sm text-ink-muted">No console output yet: EC2 has it a few minutes after the instance starts.</p>
        ) : (
          <>
            {output.truncated && <p className="mb-1 text-xs text-ink-muted">Older lines are not shown.</p>}
            <div className="max-h-96 overflow-auto"><CodeBlock aria-label="Console output" code={output.lines.join("\n")} /></div>
          </>
        )}
      </CardBody>
    </Card>
  );
}

export function CommandPanel({ run }: { run: CommandRun | Failed | null }) {
  return (
    <Card>
      <CardHeader title="Last command" description="The newest SSM Run Command sent to the host and what it printed." />
      <CardBody>
        {!run ? <p className="text-sm text-ink-muted">No command has run on this host yet. Replace container sends one.</p>
          : failed(run) ? <p role="alert" className="text-sm text-red-700">{run.failure}</p> : (
            <div className="space-y-2 text-sm">
              <p><span className="font-medium" data-testid="command-status">{run.status}</span> · {run.comment || run.commandId}{run.requestedAt ? ` · ${run.requestedAt}` : ""}</p>
              <CodeBlock wrap aria-label="Command output" code={run.output || "(no output)"} />
              {run.error && <CodeBlock wrap aria-label="Command errors" code={run.error} />}
            </div>
          )}
      </CardBody>
    </Card>
  );
}
