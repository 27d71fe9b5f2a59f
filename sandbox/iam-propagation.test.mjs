// IAM eventual consistency: RunInstances refused while the instance profile is new, then allowed.
import { describe, expect, it } from "vitest";
import { IamPropagation } from "./iam-propagation.mjs";

const form = (o) => Buffer.from(new URLSearchParams(o).toString());
const iam = (operation, name) => [{ service: "iam", operation, protocol: "query", region: "us-east-1" }, form({ Action: operation, InstanceProfileName: name })];
const run = (name) => [{ service: "ec2", operation: "RunInstances", protocol: "ec2", region: "us-east-1" }, form({ Action: "RunInstances", "IamInstanceProfile.Name": name })];

describe("IamPropagation", () => {
  it("is off by default: nothing is refused", () => {
    const p = new IamPropagation();
    expect(p.check(...iam("CreateInstanceProfile", "p"))).toBeNull();
    expect(p.check(...run("p"))).toBeNull();
  });

  it("refuses RunInstances with EC2's error while the profile is younger than the delay", () => {
    let now = 1000;
    const p = new IamPropagation({ now: () => now });
    p.configure({ delayMs: 3000 });
    p.check(...iam("CreateInstanceProfile", "p"));
    const refused = p.check(...run("p"));
    expect(refused.status).toBe(400);
    expect(refused.body.toString()).toContain("<Code>InvalidParameterValue</Code>");
    expect(refused.body.toString()).toContain("Invalid IAM Instance Profile name");
    // Adding the role counts as a change too.
    now += 2000;
    p.check(...iam("AddRoleToInstanceProfile", "p"));
    now += 2000;
    expect(p.check(...run("p"))).not.toBeNull();
    now += 1000;
    expect(p.check(...run("p"))).toBeNull();
    // Another profile, created before the switch or never, is not affected.
    expect(p.check(...run("other"))).toBeNull();
    expect(p.state()).toEqual({ delayMs: 3000, refused: 2 });
  });

  it("takes only a bounded delay and forgets everything on reset", () => {
    const p = new IamPropagation();
    expect(() => p.configure({ delayMs: -1 })).toThrow();
    expect(() => p.configure({ delayMs: 10 ** 9 })).toThrow();
    expect(() => p.configure({ delayMs: "x" })).toThrow();
    p.configure({ delayMs: 5000 });
    p.reset();
    expect(p.state()).toEqual({ delayMs: 0, refused: 0 });
  });
});
