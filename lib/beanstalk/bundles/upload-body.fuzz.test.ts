import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { announcedLength, readAnnounced } from "./upload-body";

const LIMIT = 5 * 1024 * 1024;

describe("the upload body's bounds under fuzz", () => {
  it("any Content-Length text ends quickly with a count within the limit or a refusal", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.bigInt().map(String), fc.nat().map(String)), (text) => {
        const out = quick(() => announcedLength(text, LIMIT));
        if (out.ok) expect(out.length).toBeGreaterThan(0), expect(out.length).toBeLessThanOrEqual(LIMIT);
        else expect([400, 413]).toContain(out.status);
      }),
      { numRuns: 500, seed: 41 },
    );
  });
  it("any chunking of any body gives back exactly the announced bytes or a refusal, never more", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }), fc.nat({ max: 600 }), async (chunks, length) => {
        let i = 0;
        const stream = new ReadableStream<Uint8Array>({ pull: (c) => (i < chunks.length ? c.enqueue(chunks[i++]!) : c.close()) });
        const sent = Buffer.concat(chunks);
        const out = await readAnnounced(stream, length);
        if (out.ok) expect(out.bytes.equals(sent)).toBe(true);
        else expect(out.status).toBe(sent.length > length ? 413 : 400);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
