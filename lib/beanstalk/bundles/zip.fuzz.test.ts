import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quick } from "@/lib/core/testing/fuzz";
import { readZip } from "./zip";
import { parseZipBundle } from "./zip-bundle";
import { makeZip } from "./zip-test-support";

const WANTED = new Set(["Dockerrun.aws.json", "docker-compose.yml"]);
const seed = makeZip([{ name: "Dockerrun.aws.json", data: '{"AWSEBDockerrunVersion":"1","Image":{"Name":"nginx"},"Ports":[{"ContainerPort":80}]}', deflate: true }, { name: "a/b.txt", data: "hello" }]);

describe("zip bundles under fuzz", () => {
  it("a valid zip with random bytes flipped ends quickly with files or a message", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), (flips) => {
        const b = Buffer.from(seed);
        for (const [i, v] of flips) b[i] = v;
        const out = quick(() => readZip(b, WANTED));
        if (!out.ok) expect(out.message.length).toBeGreaterThan(0);
        const parsed = quick(() => parseZipBundle(b));
        expect(typeof parsed.ok).toBe("boolean");
      }),
      { numRuns: 500, seed: 15 },
    );
  });
  it("random bytes and random strings never throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.string({ maxLength: 200 }), (bytes, text) => {
        quick(() => readZip(Buffer.concat([Buffer.from("PK\u0003\u0004"), bytes]), WANTED));
        quick(() => parseZipBundle(Buffer.from(text)));
      }),
      { numRuns: 400, seed: 16 },
    );
  });
});
