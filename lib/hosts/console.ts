/**
 * GetConsoleOutput answers base64 of the instance's serial console (AWS keeps the last 64 KB).
 * Decoded for people: bounded before and after decoding, terminal escapes and other control
 * characters dropped (a console holds colours and cursor moves), the newest lines kept.
 */
export const CONSOLE_LIMITS = { maxBase64: 128 * 1024, maxLines: 400, maxLineLength: 1000 };

// CSI/OSC escape sequences, then any C0/C1 control except tab and newline.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export type ConsoleText = { lines: string[]; truncated: boolean };

export function decodeConsoleOutput(base64: string | undefined | null, limits = CONSOLE_LIMITS): ConsoleText {
  if (!base64) return { lines: [], truncated: false };
  // Keep the end (the newest output), cut on a 4-character boundary so the base64 stays whole.
  let cut = base64.replace(/\s+/g, "");
  let truncated = false;
  if (cut.length > limits.maxBase64) {
    cut = cut.slice(cut.length - limits.maxBase64 + ((cut.length - limits.maxBase64) % 4 ? 4 - ((cut.length - limits.maxBase64) % 4) : 0));
    truncated = true;
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(cut)) return { lines: ["(The console output could not be decoded.)"], truncated: false };
  const text = Buffer.from(cut, "base64").toString("utf8").replace(/\r\n?/g, "\n").replace(ESCAPES, "").replace(CONTROLS, "");
  let lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (lines.length > limits.maxLines) {
    lines = lines.slice(-limits.maxLines);
    truncated = true;
  }
  return { lines: lines.map((l) => (l.length > limits.maxLineLength ? `${l.slice(0, limits.maxLineLength)}…` : l)), truncated };
}
