/** Shared by the "duplicate" mappers: what a wizard prefilled from an existing resource reports. */
export type PrefillResult<T> = {
  values: T;
  /** Settings of the original the wizard cannot represent: the copy will not have them. */
  dropped: string[];
  /** Settings that had to change to make a valid copy (a name, a port in use), said plainly. */
  notes: string[];
};

/** "name-copy", cut to fit the resource's name limit. */
export function copyName(name: string, max: number, suffix = "-copy"): string {
  return `${name.slice(0, max - suffix.length)}${suffix}`;
}

/** Set, in the sense of "worth reporting as not carried over": not empty, not false. */
export function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.keys(v as object).length > 0;
  return true;
}

/** Tags a person can copy: AWS's own (aws:…) are reserved and set by AWS. */
export function userTags(tags: { key?: string; value?: string }[] | undefined): { key: string; value: string }[] {
  return (tags ?? []).filter((t) => t.key && !t.key.startsWith("aws:")).map((t) => ({ key: t.key!, value: t.value ?? "" }));
}

/** family:revision of a task definition ARN (or the value itself when it is already short). */
export const familyRevision = (arn: string | undefined) => (arn ?? "").split("/").pop() ?? "";
