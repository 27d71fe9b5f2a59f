/**
 * The upload route's bounds on a request body, checked before and while it is read: a declared
 * Content-Length is required and at most the limit (no byte is read otherwise), and reading stops
 * the moment more bytes arrive than were announced. Never throws: the bytes or a refusal.
 */
export type BodyRefusal = { ok: false; status: 400 | 413; message: string };

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** The Content-Length header as a byte count within `limit`, or the refusal (413: missing or too large). */
export function announcedLength(header: string | null, limit: number): { ok: true; length: number } | BodyRefusal {
  if (header === null || header.trim() === "") return { ok: false, status: 413, message: "The upload needs a Content-Length: send the file itself as the body." };
  const text = header.trim();
  if (!/^\d{1,16}$/.test(text)) return { ok: false, status: 400, message: "The upload's Content-Length is not a byte count." };
  const length = Number(text);
  if (length > limit) return { ok: false, status: 413, message: `Zip bundles uploaded here are at most ${MB(limit)} (this one is ${MB(length)}).` };
  if (length === 0) return { ok: false, status: 400, message: "Choose a zip bundle." };
  return { ok: true, length };
}

/**
 * Reads exactly `length` bytes from `body` into one buffer of that size. More bytes than that →
 * the stream is cancelled and 413; fewer (the client went away) → 400.
 */
export async function readAnnounced(body: ReadableStream<Uint8Array> | null, length: number): Promise<{ ok: true; bytes: Buffer } | BodyRefusal> {
  if (!body) return { ok: false, status: 400, message: "The upload has no body." };
  const bytes = Buffer.alloc(length);
  let received = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (received + value.length > length) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, status: 413, message: "The upload sent more bytes than it announced." };
      }
      bytes.set(value, received);
      received += value.length;
    }
  } catch {
    return { ok: false, status: 400, message: "The upload did not arrive whole: choose the file again." };
  } finally {
    reader.releaseLock();
  }
  if (received < length) return { ok: false, status: 400, message: "The upload did not arrive whole: choose the file again." };
  return { ok: true, bytes };
}
