import { describe, expect, it } from "vitest";
import { announcedLength, readAnnounced } from "./upload-body";

const LIMIT = 5 * 1024 * 1024;

/** A body stream of these chunks that records how many of them were pulled and whether it was cancelled. */
function streamOf(chunks: Uint8Array[]) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[seen.pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe("announcedLength", () => {
  it("takes a byte count within the limit", () => {
    expect(announcedLength("1234", LIMIT)).toEqual({ ok: true, length: 1234 });
    expect(announcedLength(String(LIMIT), LIMIT)).toEqual({ ok: true, length: LIMIT });
  });
  it("refuses a missing or too large Content-Length with 413, anything else with 400", () => {
    expect(announcedLength(null, LIMIT)).toMatchObject({ ok: false, status: 413, message: expect.stringMatching(/needs a Content-Length/) });
    expect(announcedLength(String(LIMIT + 1), LIMIT)).toMatchObject({ ok: false, status: 413, message: expect.stringMatching(/at most 5 MB/) });
    expect(announcedLength("99999999999999999", LIMIT)).toMatchObject({ ok: false, status: 400 });
    for (const bad of ["-1", "1e6", "0x10", "12, 12", "1.5", "abc"]) expect(announcedLength(bad, LIMIT)).toMatchObject({ ok: false, status: 400 });
    expect(announcedLength("0", LIMIT)).toMatchObject({ ok: false, status: 400, message: "Choose a zip bundle." });
  });
});

describe("readAnnounced", () => {
  it("reads exactly the announced bytes across chunks", async () => {
    const { stream } = streamOf([Buffer.from("abc"), Buffer.from("defg")]);
    const out = await readAnnounced(stream, 7);
    expect(out.ok && out.bytes.toString()).toBe("abcdefg");
  });
  it("stops at the first chunk past the announced length, cancels the stream and answers 413", async () => {
    const { stream, seen } = streamOf([Buffer.alloc(4), Buffer.alloc(4), Buffer.alloc(4), Buffer.alloc(4)]);
    expect(await readAnnounced(stream, 6)).toMatchObject({ ok: false, status: 413 });
    expect(seen.pulled).toBeLessThanOrEqual(3);
    expect(seen.cancelled).toBe(true);
  });
  it("refuses a body shorter than announced, a missing body and a failing stream", async () => {
    expect(await readAnnounced(streamOf([Buffer.alloc(3)]).stream, 10)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/did not arrive whole/) });
    expect(await readAnnounced(null, 10)).toMatchObject({ ok: false, status: 400 });
    const failing = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error("reset")) });
    expect(await readAnnounced(failing, 10)).toMatchObject({ ok: false, status: 400 });
  });
});
