import { AwsOperationError } from "@/lib/core/errors";
import { iamAction } from "@/lib/core/plans/iam-actions";

type SdkErrorLike = {
  name?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  $response?: { headers?: Record<string, string> };
  cause?: unknown;
};

const ACCESS_DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException"]);
const THROTTLED = new Set([
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "ProvisionedThroughputExceededException",
]);
const BAD_CREDENTIALS = new Set([
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "ExpiredToken",
  "ExpiredTokenException",
  "SignatureDoesNotMatch",
  "InvalidAccessKeyId",
  "CredentialsProviderError",
]);
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH"]);

export type AwsCallContext = { service: string; operation: string; connectionName?: string; endpoint?: string };

function networkCode(error: SdkErrorLike): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: string }).code;
    if (code && UNREACHABLE.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns any error thrown by an SDK call into an AwsOperationError whose message
 * says what a person can do about it, keeping AWS's code and request id.
 */
export function mapAwsError(raw: unknown, ctx: AwsCallContext): AwsOperationError {
  if (raw instanceof AwsOperationError) return raw;
  const error = (raw ?? {}) as SdkErrorLike;
  const code = error.name && error.name !== "Error" ? error.name : (error.code ?? "UnknownError");
  // As IAM names it (elasticloadbalancing:…, not elbv2:…): the message says what to grant.
  const action = iamAction(ctx.service, ctx.operation);
  const awsSaid = error.message ? ` AWS said: ${error.message}` : "";
  const status = error.$metadata?.httpStatusCode;
  const details = {
    code,
    service: ctx.service,
    operation: ctx.operation,
    requestId: error.$metadata?.requestId,
    httpStatus: status,
    retryable: false,
  };

  const net = networkCode(error);
  if (net) {
    const where = ctx.endpoint ? `the endpoint ${ctx.endpoint}` : "AWS";
    const conn = ctx.connectionName ? ` for connection "${ctx.connectionName}"` : "";
    return new AwsOperationError(`Cannot reach ${where}${conn} (${net}). Check the network or the connection's endpoint.`, {
      ...details,
      code: net,
      retryable: true,
    });
  }
  // An IAM denial says "... is not authorized to perform: <action>"; other AccessDenied
  // answers (an account not allowed to use a service at all) must not be blamed on IAM.
  if (ACCESS_DENIED.has(code) && error.message && !/not authorized to perform/i.test(error.message)) {
    return new AwsOperationError(`AWS refused ${action} for this account.${awsSaid}`, details);
  }
  if (ACCESS_DENIED.has(code)) {
    return new AwsOperationError(
      `Permission missing: the connection's identity is not allowed to call ${action}. Grant "${action}" in its IAM policy.${awsSaid}`,
      details,
    );
  }
  if (THROTTLED.has(code)) {
    return new AwsOperationError(
      `AWS is rate limiting this account: ${action} was throttled even after retries. Wait a minute and try again.`,
      { ...details, retryable: true },
    );
  }
  if (BAD_CREDENTIALS.has(code)) {
    return new AwsOperationError(
      `AWS rejected the connection's credentials (${code}). Check the keys, profile or role in Settings → Connections.${awsSaid}`,
      details,
    );
  }
  if (error.$fault === "server" || (status !== undefined && status >= 500)) {
    return new AwsOperationError(
      `AWS had an internal error on ${action} (${code}, HTTP ${status ?? "5xx"}). It is usually safe to retry.${awsSaid}`,
      { ...details, retryable: true },
    );
  }
  return new AwsOperationError(`AWS refused ${action} (${code}).${awsSaid}`, details);
}
