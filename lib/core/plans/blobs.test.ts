import { describe, expect, it } from "vitest";
import { blob64, decodeBlobs, describeBlob, describeBlobs, hasBlobs, isBlob64 } from "./blobs";

describe("plan blobs", () => {
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 10]);

  it("carries bytes as base64 and decodes them back byte for byte", () => {
    const input = { Bucket: "b", Key: "k", Body: blob64(bytes, "zip") };
    const sent = decodeBlobs(input);
    expect(Buffer.isBuffer(sent.Body)).toBe(true);
    expect([...(sent.Body as unknown as Buffer)]).toEqual([...bytes]);
    expect(sent.Key).toBe("k");
  });

  it("describes a blob by size and sha256, never by its base64", () => {
    const b = blob64(bytes, "zip, contains Dockerrun.aws.json");
    const text = describeBlob(b);
    expect(text).toMatch(/^zip, contains Dockerrun\.aws\.json: 7 bytes, sha256 [0-9a-f]{64}$/);
    const shown = JSON.stringify(describeBlobs({ a: [{ Body: b }] }));
    expect(shown).not.toContain(b.$base64);
    expect(shown).toContain("7 bytes");
  });

  it("leaves other values alone", () => {
    const input = { a: 1, b: ["x", null], c: { d: "e" } };
    expect(decodeBlobs(input)).toEqual(input);
    expect(hasBlobs(input)).toBe(false);
    expect(hasBlobs({ x: [blob64(bytes)] })).toBe(true);
    expect(isBlob64({ $base64: 1 })).toBe(false);
  });
});
