import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { LogTail } from "@/lib/ecs/logs/reads";

const time = (iso: string) => iso.slice(11, 19);

/** The newest lines of one CloudWatch log group, oldest at the top as a terminal shows them. */
export function LogPanel({ title, description, tail, error }: { title: string; description: string; tail: LogTail | null; error?: string }) {
  return (
    <Card>
      <CardHeader title={title} description={<span className="font-mono">{tail?.logGroupName ?? description}</span>} />
      <CardBody>
        {error ? (
          <p className="text-sm text-red-700" role="alert">{error}</p>
        ) : !tail?.exists ? (
          <p className="text-ink-muted">No log group yet: App Runner creates it when the service first writes to it.</p>
        ) : tail.lines.length === 0 ? (
          <p className="text-ink-muted">No lines yet.</p>
        ) : (
          <pre className="max-h-80 overflow-auto rounded-md bg-line-subtle p-3 font-mono text-xs leading-5" aria-label={`${title} lines`}>
            {tail.lines.map((l, i) => (
              <div key={i} className="whitespace-pre-wrap break-all">
                <span className="select-none text-ink-faint">{time(l.timestamp)} </span>
                {l.message}
              </div>
            ))}
          </pre>
        )}
      </CardBody>
    </Card>
  );
}
