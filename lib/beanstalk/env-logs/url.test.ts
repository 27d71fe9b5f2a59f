import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { allowedLogUrl, LOG_LIMITS } from "./url";

const sandbox = "http://127.0.0.1:4566";

describe("log URLs Portside fetches", () => {
  it("takes the connection's endpoint and S3 over HTTPS", () => {
    expect(allowedLogUrl(`${sandbox}/elasticbeanstalk-us-east-1-123456789012/resources/environments/logs/tail/e-1/i-1/TailLogs-1.out?X-Amz-Signature=a`, sandbox)).not.toBeNull();
    expect(allowedLogUrl("https://elasticbeanstalk-us-east-1-123456789012.s3.amazonaws.com/resources/x?X-Amz-Signature=a", null)).not.toBeNull();
    expect(allowedLogUrl("https://s3.eu-west-1.amazonaws.com/bucket/key", null)).not.toBeNull();
    expect(allowedLogUrl("https://bucket.s3.dualstack.us-east-1.amazonaws.com/key", null)).not.toBeNull();
  });

  it("refuses every other host, scheme and trick", () => {
    for (const bad of [
      "http://elasticbeanstalk-us-east-1-123456789012.s3.amazonaws.com/x",
      "https://s3.amazonaws.com.evil.example/x",
      "https://evil.example/?s3.amazonaws.com",
      "https://user:pw@s3.amazonaws.com/x",
      "https://s3.amazonaws.com:8443/x",
      "http://169.254.169.254/latest/meta-data/",
      "http://127.0.0.1:4567/x",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "not a url",
      `https://s3.amazonaws.com/${"a".repeat(LOG_LIMITS.urlLength)}`,
    ]) expect(allowedLogUrl(bad, sandbox), bad).toBeNull();
  });

  it("stays bounded under fuzz", () => {
    fc.assert(fc.property(hostile, (text) => quick(() => {
      const url = allowedLogUrl(text, sandbox);
      if (url) expect(url.origin === sandbox || url.protocol === "https:").toBe(true);
    })), { numRuns: 1_000 });
  });
});
