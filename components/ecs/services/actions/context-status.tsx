import { Alert } from "@/components/ui/alert";
import { SpinnerIcon } from "@/components/ui/icons";

/** While a dialog reads the service, or when that read failed (with what to do and the request id). */
export function ContextStatus({ error }: { error?: { text: string; requestId?: string } }) {
  if (error) {
    return (
      <Alert tone="error" title="Could not read the service">
        <p>{error.text}</p>
        {error.requestId && <p className="mt-1 font-mono text-xs">Request id: {error.requestId}</p>}
      </Alert>
    );
  }
  return <p className="flex items-center gap-2 text-sm text-ink-muted" role="status"><SpinnerIcon /> Reading the service…</p>;
}
