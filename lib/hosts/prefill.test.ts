import { describe, expect, it } from "vitest";
import { decodeExpressPrefill } from "@/lib/express/prefill";
import { expressPrefillOf, fargateSizeOf, moveToExpressHref } from "./prefill";

describe("Move to ECS", () => {
  it("maps the instance's size to the nearest Fargate size", () => {
    expect(fargateSizeOf("t3.medium")).toEqual({ cpu: "2048", memory: "4096" });
    expect(fargateSizeOf("t3.micro")).toMatchObject({ cpu: "2048", memory: "4096", note: expect.stringContaining("1 GB") });
    expect(fargateSizeOf("m7g.large")).toEqual({ cpu: "2048", memory: "8192" });
  });

  it("prefills Express Mode with the host's image, port, environment and size", () => {
    const prefill = expressPrefillOf(
      { name: "Web_1", instanceId: "i-0abc", instanceType: "t3.large" },
      { image: "nginx:1.27", environment: [{ name: "A", value: "x y" }], restartPolicy: "always", hostPort: 80, containerPort: 8080 },
    );
    const href = moveToExpressHref(prefill);
    expect(decodeExpressPrefill(new URL(href, "http://x").searchParams.get("prefill"))).toEqual({
      serviceName: "web-1",
      image: "nginx:1.27",
      containerPort: 8080,
      cpu: "2048",
      memory: "8192",
      environment: [{ name: "A", value: "x y" }],
      fromEc2Host: "Web_1 (i-0abc)",
    });
  });
});
