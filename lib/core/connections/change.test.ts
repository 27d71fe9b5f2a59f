import { describe, expect, it } from "vitest";
import { connectionChange } from "./change";

const base = {
  name: "prod", kind: "assume_role", defaultRegion: "eu-west-1", regions: ["eu-west-1"], endpointUrl: null,
  profile: null, roleArn: "arn:aws:iam::123456789012:role/portside", externalId: "s3cr3t-ext", accessKeyId: null,
};

describe("connectionChange", () => {
  it("a new connection lists what it was created with, and never the external id's value", () => {
    const change = connectionChange(null, base, false);
    expect(change.name).toEqual({ before: null, after: "prod" });
    expect(change.externalId).toBe("changed");
    expect(JSON.stringify(change)).not.toContain("s3cr3t-ext");
  });

  it("an edit lists only the fields that changed; a new secret key shows as changed", () => {
    const change = connectionChange(base, { ...base, regions: ["eu-west-1", "us-east-1"] }, true);
    expect(change).toEqual({ regions: { before: ["eu-west-1"], after: ["eu-west-1", "us-east-1"] }, secretAccessKey: "changed" });
    expect(connectionChange(base, base, false)).toEqual({});
  });
});
