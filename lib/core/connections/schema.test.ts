import { describe, expect, it } from "vitest";
import { connectionSchema } from "./schema";

const base = { name: "Prod", defaultRegion: "eu-west-1" };
const issues = (input: object) => connectionSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("connection validation", () => {
  it("needs the fields of the chosen sign-in method", () => {
    expect(issues({ kind: "sandbox" })).toEqual([["endpointUrl", "The sandbox connection needs its endpoint URL."]]);
    expect(issues({ kind: "profile" })).toEqual([["profile", "Enter the profile name from ~/.aws/config."]]);
    expect(issues({ kind: "assume_role", roleArn: "arn:aws:iam::12:role/x" })?.[0]?.[0]).toBe("roleArn");
    expect(issues({ kind: "static_keys", accessKeyId: "bad key" })?.map((i) => i[0])).toEqual(["accessKeyId", "secretAccessKey"]);
  });

  it("keeps the stored secret on edit when none is entered", () => {
    expect(issues({ id: "c1", kind: "static_keys", accessKeyId: "AKIAIOSFODNN7EXAMPLE" })).toBeUndefined();
  });

  it("rejects unknown regions and adds the default region to the list", () => {
    expect(issues({ kind: "default_chain", defaultRegion: "moon-1" })?.[0]).toEqual(["defaultRegion", "Pick a region from the list."]);
    const parsed = connectionSchema.parse({ ...base, kind: "default_chain", regions: ["us-east-1"] });
    expect(parsed.regions).toEqual(["eu-west-1", "us-east-1"]);
  });

  it("accepts an assume-role connection with an external id", () => {
    const parsed = connectionSchema.parse({ ...base, kind: "assume_role", roleArn: "arn:aws:iam::123456789012:role/PortsideDeploy", externalId: "ext-123" });
    expect(parsed.roleArn).toBe("arn:aws:iam::123456789012:role/PortsideDeploy");
  });
});
