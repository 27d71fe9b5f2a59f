/**
 * Batch writes that answer HTTP 200 while refusing some of their entries: EventBridge's
 * PutTargets / RemoveTargets (FailedEntryCount, FailedEntries) and PutEvents (FailedEntryCount,
 * Entries with ErrorCode). A plan step that sent one did not do what it says when any entry
 * failed, so the AWS door treats that answer as the step's error.
 */
export type PartialFailure = { code: string; message: string };

type Entry = { ErrorCode?: unknown; ErrorMessage?: unknown; TargetId?: unknown };

const entryText = (e: Entry) => {
  const what = typeof e.TargetId === "string" && e.TargetId ? `target ${e.TargetId}: ` : "";
  return `${what}${typeof e.ErrorMessage === "string" && e.ErrorMessage ? e.ErrorMessage : String(e.ErrorCode ?? "refused")}`;
};

/** The first refused entry of a 200 answer, or null when every entry was applied. */
export function partialFailure(output: Record<string, unknown>): PartialFailure | null {
  const count = typeof output.FailedEntryCount === "number" ? output.FailedEntryCount : 0;
  const listed = (Array.isArray(output.FailedEntries) ? output.FailedEntries : Array.isArray(output.Entries) ? output.Entries : []) as Entry[];
  const failed = listed.filter((e) => e && typeof e === "object" && e.ErrorCode);
  if (count <= 0 && failed.length === 0) return null;
  const first = failed[0];
  const n = Math.max(count, failed.length);
  const more = n > 1 ? ` (and ${n - 1} more)` : "";
  if (!first) return { code: "FailedEntries", message: `AWS refused ${n} of the entries.` };
  return { code: String(first.ErrorCode).slice(0, 100), message: `AWS refused ${entryText(first).slice(0, 500)}${more}.` };
}
