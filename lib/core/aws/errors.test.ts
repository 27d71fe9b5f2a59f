import { describe, expect, it } from "vitest";
import { mapAwsError } from "./errors";

const ctx = { service: "ecs", operation: "CreateCluster", connectionName: "prod", endpoint: "http://x" };

function sdkError(name: string, status: number, message = "boom", fault: "client" | "server" = "client") {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status, requestId: "req-1" } });
}

describe("mapAwsError", () => {
  it("names the missing permission and keeps the request id", () => {
    const e = mapAwsError(sdkError("AccessDeniedException", 400, "User: arn:aws:iam::1:user/x is not authorized to perform: ecs:CreateCluster"), ctx);
    expect(e.message).toContain('Grant "ecs:CreateCluster"');
    expect(e.message).toContain("is not authorized to perform");
    expect(e.details.requestId).toBe("req-1");
    expect(e.details.code).toBe("AccessDeniedException");
  });

  it("does not blame IAM when the account itself is refused", () => {
    const e = mapAwsError(sdkError("AccessDeniedException", 400, "Your account is not allowlisted to use AWS App Runner"), { ...ctx, service: "apprunner", operation: "CreateService" });
    expect(e.message).toBe("AWS refused apprunner:CreateService for this account. AWS said: Your account is not allowlisted to use AWS App Runner");
  });

  it("explains throttling as rate limiting", () => {
    const e = mapAwsError(sdkError("ThrottlingException", 400), ctx);
    expect(e.message).toMatch(/rate limiting this account/);
    expect(e.details.retryable).toBe(true);
  });

  it("says which connection cannot be reached", () => {
    const e = mapAwsError(Object.assign(new Error("fetch failed"), { cause: { code: "ECONNREFUSED" } }), ctx);
    expect(e.message).toBe('Cannot reach the endpoint http://x for connection "prod" (ECONNREFUSED). Check the network or the connection\'s endpoint.');
  });

  it("points rejected credentials at Settings", () => {
    expect(mapAwsError(sdkError("InvalidClientTokenId", 403), ctx).message).toMatch(/Settings → Connections/);
  });

  it("marks server faults retryable", () => {
    const e = mapAwsError(sdkError("ServiceUnavailableException", 503, "down", "server"), ctx);
    expect(e.message).toMatch(/internal error/);
    expect(e.details.retryable).toBe(true);
  });

  it("passes other refusals through with AWS's words", () => {
    const e = mapAwsError(sdkError("InvalidParameterException", 400, "Tag keys must be unique"), ctx);
    expect(e.message).toBe("AWS refused ecs:CreateCluster (InvalidParameterException). AWS said: Tag keys must be unique");
  });
});
