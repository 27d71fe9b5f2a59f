import { AwsOperationError, isDomainError } from "@/lib/core/errors";
import { RelayedLiveError } from "./hub";

/** What a browser may see of a failed poll: a domain message and AWS's request id, never a raw error. */
export function liveErrorOf(error: unknown): { message: string; requestId?: string } {
  if (error instanceof AwsOperationError) return { message: error.message, requestId: error.details.requestId };
  if (error instanceof RelayedLiveError) return { message: error.message, requestId: error.requestId };
  if (isDomainError(error)) return { message: error.message };
  console.error("[live] poll failed", error);
  return { message: "Reading from AWS failed; the server log has the details." };
}
