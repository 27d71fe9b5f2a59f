import { Alert } from "@/components/ui/alert";

type Props = {
  /** "service web", "cluster prod", "task 1a2b…" */
  source: string;
  notes?: string[];
  /** Settings of the original the wizard cannot represent. */
  dropped?: string[];
  className?: string;
};

/** Said above a wizard that starts from an existing resource: where the values came from and what did not come along. */
export function PrefillNotice({ source, notes = [], dropped = [], className }: Props) {
  return (
    <Alert tone="info" title={`Prefilled from ${source}`} className={className} data-testid="prefill-notice">
      <p>Every value can be changed; nothing is created until you confirm the plan.</p>
      {notes.map((n) => <p key={n}>{n}</p>)}
      {dropped.length > 0 && (
        <div className="mt-1">
          <p>Not carried over (this wizard cannot set them):</p>
          <ul aria-label="Not carried over" className="ml-4 list-disc font-mono text-xs">
            {dropped.map((d) => <li key={d}>{d}</li>)}
          </ul>
        </div>
      )}
    </Alert>
  );
}
