import { describe, expect, it } from "vitest";
import type { ExpressService } from "@/lib/express/reads";
import { findExpressSuccessor } from "./express-successor";

const express = (over: Partial<ExpressService>): ExpressService =>
  ({ name: "web", arn: "arn", cluster: "default", status: "ACTIVE", url: "https://web.ecs.us-east-1.on.aws", settings: null, tags: [], ecs: { status: "ACTIVE", desired: 2, running: 2, pending: 0, taskDefinition: "td" }, ...over }) as ExpressService;

describe("findExpressSuccessor", () => {
  it("finds the live Express service of the same name and says when it is healthy", () => {
    expect(findExpressSuccessor("web", [express({ name: "other" }), express({})])).toMatchObject({
      name: "web",
      healthy: true,
      running: 2,
      desired: 2,
      href: "/ecs/express/default/web",
    });
  });

  it("is not healthy while tasks start, nor when not active", () => {
    expect(findExpressSuccessor("web", [express({ ecs: { status: "ACTIVE", desired: 2, running: 1, pending: 1, taskDefinition: "td" } })])?.healthy).toBe(false);
    expect(findExpressSuccessor("web", [express({ ecs: { status: "ACTIVE", desired: 0, running: 0, pending: 0, taskDefinition: "td" } })])?.healthy).toBe(false);
    expect(findExpressSuccessor("web", [express({ status: "DRAINING" })])?.healthy).toBe(false);
  });

  it("ignores deleted services and other names", () => {
    expect(findExpressSuccessor("web", [express({ status: "INACTIVE" }), express({ name: "web2" })])).toBeNull();
  });
});
