import { Alert } from "@/components/ui/alert";
import { AwsOperationError } from "@/lib/core/errors";

/** An AWS read that failed while rendering a page: what to do, and the request id for AWS support. */
export function AwsErrorAlert({ error, title = "AWS did not answer this page's request" }: { error: unknown; title?: string }) {
  const aws = error instanceof AwsOperationError ? error : null;
  return (
    <Alert tone="error" title={title}>
      <p>{aws?.message ?? "Something went wrong; the server log has the details."}</p>
      {aws?.details.requestId && <p className="mt-1 font-mono text-xs">Request id: {aws.details.requestId}</p>}
    </Alert>
  );
}
