import { describe, expect, it } from "vitest";
import { appRunnerServiceName, decodeExpressPrefill, encodeExpressPrefill, type ExpressPrefill } from "./prefill";

describe("Express prefill", () => {
  const full: ExpressPrefill = {
    serviceName: "web",
    image: "public.ecr.aws/docker/library/httpd:latest",
    containerPort: 80,
    cpu: "1024",
    memory: "2048",
    minTasks: 1,
    maxTasks: 25,
    healthCheckPath: "/",
    environment: [{ name: "GREETING", value: "héllo wörld ✓" }],
    fromAppRunnerArn: "arn:aws:apprunner:us-east-1:123456789012:service/web/0123456789abcdef",
  };

  it("round-trips every field, unicode included, as URL-safe text", () => {
    const encoded = encodeExpressPrefill(full);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeExpressPrefill(encoded)).toEqual(full);
  });

  it("ignores bad input instead of throwing", () => {
    expect(decodeExpressPrefill(undefined)).toEqual({});
    expect(decodeExpressPrefill("")).toEqual({});
    expect(decodeExpressPrefill("%%%not base64")).toEqual({});
    expect(decodeExpressPrefill(encodeExpressPrefill([] as unknown as ExpressPrefill))).toEqual({});
    expect(decodeExpressPrefill(Buffer.from("not json").toString("base64url"))).toEqual({});
  });

  it("drops fields of the wrong type and keeps the rest", () => {
    const encoded = Buffer.from(
      JSON.stringify({ image: "nginx", containerPort: "80", minTasks: 1.5, maxTasks: 3, cpu: 512, environment: [{ name: "A", value: 1 }, { value: "x" }, null] }),
    ).toString("base64url");
    expect(decodeExpressPrefill(encoded)).toEqual({ image: "nginx", maxTasks: 3, cpu: "512", environment: [{ name: "A", value: "1" }] });
  });

  it("names the App Runner service from its ARN", () => {
    expect(appRunnerServiceName(full.fromAppRunnerArn!)).toBe("web");
    expect(appRunnerServiceName("weird")).toBe("weird");
  });
});
