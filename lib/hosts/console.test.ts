import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostile, quick } from "@/lib/core/testing/fuzz";
import { decodeConsoleOutput } from "./console";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("console output", () => {
  it("decodes, drops terminal escapes and keeps the newest lines", () => {
    const out = decodeConsoleOutput(b64("boot\r\n\u001b[32m[  OK  ]\u001b[0m Started docker.service\nbell\u0007\n"));
    expect(out).toEqual({ lines: ["boot", "[  OK  ] Started docker.service", "bell"], truncated: false });
    const many = decodeConsoleOutput(b64(Array.from({ length: 10 }, (_, i) => `line ${i}`).join("\n")), { maxBase64: 1000, maxLines: 3, maxLineLength: 100 });
    expect(many).toEqual({ lines: ["line 7", "line 8", "line 9"], truncated: true });
  });

  it("says so when the text is not base64, and is empty when there is none", () => {
    expect(decodeConsoleOutput("not base64!").lines[0]).toMatch(/could not be decoded/);
    expect(decodeConsoleOutput(undefined)).toEqual({ lines: [], truncated: false });
  });

  it("stays bounded and quick under fuzz", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, hostile.map(b64)), (text) => {
        const out = quick(() => decodeConsoleOutput(text));
        expect(out.lines.length).toBeLessThanOrEqual(400);
        for (const line of out.lines) {
          expect(line.length).toBeLessThanOrEqual(1001);
          expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
